import type { TestProject } from 'vitest/node';
import { localNeo4jUnavailable, startLocalNeo4j } from '../../scripts/start-local-neo4j.js';

/**
 * Gives the tests a real Neo4j: `NEO4J_URI` when set, otherwise a throw-away server started from
 * tools/neo4j-local (Maven artifacts, no Docker) when Java and Maven are installed. Tests read
 * the URI with `inject('neo4jUri')`; null means no Neo4j could be had, and why is in
 * `inject('neo4jUnavailable')`.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string | null;
    neo4jUnavailable: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const provide = (uri: string | null, why: string | null): void => {
    project.provide('neo4jUri', uri);
    project.provide('neo4jUnavailable', why);
  };
  if (process.env['NEO4J_URI']) {
    provide(process.env['NEO4J_URI'], null);
    return async () => {};
  }
  const unavailable = localNeo4jUnavailable();
  if (unavailable) {
    provide(null, `no NEO4J_URI is set and ${unavailable}`);
    return async () => {};
  }
  const started = Date.now();
  try {
    const server = await startLocalNeo4j();
    process.stderr.write(`[neo4j] local server ready at ${server.uri} after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    provide(server.uri, null);
    return server.stop;
  } catch (error) {
    provide(null, (error as Error).message);
    return async () => {};
  }
}
