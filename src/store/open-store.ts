import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.js';
import { DataFolderBusyError } from '../errors.js';
import type { HolderRole } from './embedded/data-folder-lock.js';
import { EmbeddedStore } from './embedded/embedded-store.js';
import { Neo4jStore } from './neo4j/neo4j-store.js';
import type { GraphStore } from './store.js';

export interface OpenStoreOptions {
  /**
   * `write` takes the embedded data folder for this process (one writer at a time); `read` opens a
   * read-only snapshot beside any writer. Neo4j takes concurrent writers itself and ignores this.
   */
  access: 'read' | 'write';
  /** How a writer is named to processes that find the folder taken. */
  holder?: { role: HolderRole; command: string };
  /** How long a writer waits for a folder another process holds before giving up, in seconds. */
  waitSeconds?: number;
  /** Called once when a writer starts waiting, with the error it would otherwise have thrown. */
  onWait?: (busy: DataFolderBusyError) => void;
}

const POLL_MS = 250;

/**
 * The configured store: Neo4j when `NEO4J_URI` is set, else the embedded store in the data
 * directory. Throws DataFolderBusyError when a writer finds the embedded folder taken and it is not
 * freed within `waitSeconds`.
 */
export async function openStore(config: Pick<Config, 'neo4j' | 'dataDir'>, options: OpenStoreOptions = { access: 'write' }): Promise<GraphStore> {
  if (config.neo4j) return Neo4jStore.connect(config.neo4j);
  const deadline = Date.now() + (options.waitSeconds ?? 0) * 1000;
  for (let waiting = false; ; waiting = true) {
    try {
      return EmbeddedStore.open(config.dataDir, { access: options.access, ...(options.holder ? { holder: options.holder } : {}) });
    } catch (error) {
      if (!(error instanceof DataFolderBusyError) || Date.now() >= deadline) throw error;
      if (!waiting) options.onWait?.(error);
    }
    // The kernel lock has no timeout of its own: polling it keeps the deadline ours.
    await sleep(POLL_MS);
  }
}
