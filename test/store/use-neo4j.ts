import { inject } from 'vitest';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';

/**
 * The Neo4j store for a test file, or null with a loud warning when none is reachable. In CI a
 * missing Neo4j is an error: the Neo4j half of the suite must always run there.
 */
export async function connectTestNeo4j(): Promise<Neo4jStore | null> {
  const uri = inject('neo4jUri');
  if (!uri) {
    const why = inject('neo4jUnavailable') ?? 'unknown reason';
    if (process.env['CI']) throw new Error(`Neo4j is required in CI but unavailable: ${why}`);
    console.warn(`\n!!! NEO4J TESTS SKIPPED: ${why}\n!!! Set NEO4J_URI or install Java 17 and Maven to run them.\n`);
    return null;
  }
  return Neo4jStore.connect({
    uri,
    user: process.env['NEO4J_USER'] ?? 'neo4j',
    password: process.env['NEO4J_PASSWORD'] ?? '',
    database: process.env['NEO4J_DATABASE'] ?? 'neo4j',
  });
}
