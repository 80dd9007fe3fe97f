import { readFile } from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../src/graphql/codegen.config.js';

describe('generated resolver types', () => {
  it('are what `npm run codegen` makes of the current schema (run it after changing schema/*.graphql)', async () => {
    // `generate` is typed loosely (its watch mode returns no files); without saving it returns them.
    const outputs = (await generate({ ...config, silent: true }, false)) as Array<{ filename: string; content: string }>;
    expect(outputs.map((o) => o.filename)).toEqual(Object.keys(config.generates));
    for (const output of outputs) {
      const committed = await readFile(output.filename, 'utf8');
      expect(committed === output.content, `${output.filename} is stale: run \`npm run codegen\``).toBe(true);
    }
  }, 60_000);
});
