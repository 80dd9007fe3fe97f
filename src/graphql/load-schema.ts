import { readdirSync, readFileSync } from 'node:fs';

/** The API's SDL: every `.graphql` file of `schema/`, read once at start. */
export function loadTypeDefs(dir = new URL('../../schema/', import.meta.url)): string {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(new URL(file, dir), 'utf8'))
    .join('\n');
}
