import type { Config } from '../config.js';
import { EmbeddedStore } from './embedded/embedded-store.js';
import { Neo4jStore } from './neo4j/neo4j-store.js';
import type { GraphStore } from './store.js';

/** The configured store: Neo4j when `NEO4J_URI` is set, else the embedded store in the data directory. */
export async function openStore(config: Pick<Config, 'neo4j' | 'dataDir'>): Promise<GraphStore> {
  if (config.neo4j) return Neo4jStore.connect(config.neo4j);
  return EmbeddedStore.open(config.dataDir);
}
