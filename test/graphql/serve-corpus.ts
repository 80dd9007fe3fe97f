import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { ExtractionCache } from '../../loaders/extraction-cache.js';
import { loadPapers } from '../../loaders/load.js';
import { startApp, type AppOptions } from '../../src/app.js';
import type { RunningServer } from '../../src/graphql/server.js';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import type { GraphStore } from '../../src/store/store.js';
import { connectTestNeo4j } from '../store/use-neo4j.js';

/**
 * Real servers on the sample corpus for the HTTP tests: the embedded store always, Neo4j when the
 * suite has one. The extraction cache is shared between test files and runs, so each file pays
 * for writing the graph, not for extracting it again.
 */

export const CORPUS = fileURLToPath(new URL('../../data/papers', import.meta.url));
const CACHE_DIR = join(tmpdir(), 'paper-kg-test-extraction-cache');

export interface CorpusServer {
  /** `embedded` or `neo4j`. */
  name: string;
  server: RunningServer;
  store: GraphStore;
  close(): Promise<void>;
}

type ExtraOptions = Omit<Partial<AppOptions>, 'store' | 'port' | 'dataDir' | 'corpusPaths'>;

/** An embedded store in a fresh folder, loaded with the sample corpus. */
export async function openCorpusStore(): Promise<{ store: EmbeddedStore; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kg-http-'));
  const store = EmbeddedStore.open(dir);
  await loadPapers([CORPUS], store, { cache: new ExtractionCache(CACHE_DIR) });
  return {
    store,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Serves `store` (which the caller closes) with the given options. */
export async function serve(store: GraphStore, options: ExtraOptions = {}): Promise<RunningServer> {
  return startApp({ port: 0, dataDir: tmpdir(), corpusPaths: [], ...options, store });
}

/** The embedded server, and the Neo4j one when a Neo4j is available (loaded afresh with the corpus). */
export async function serveBothStores(options: ExtraOptions = {}): Promise<CorpusServer[]> {
  const servers: CorpusServer[] = [];
  const embedded = await openCorpusStore();
  const embeddedServer = await serve(embedded.store, options);
  servers.push({
    name: 'embedded',
    server: embeddedServer,
    store: embedded.store,
    close: async () => {
      await embeddedServer.close();
      await embedded.close();
    },
  });
  const neo4j = await connectTestNeo4j();
  if (neo4j) {
    await neo4j.clear();
    await loadPapers([CORPUS], neo4j, { cache: new ExtractionCache(CACHE_DIR) });
    const neo4jServer = await serve(neo4j, options);
    servers.push({
      name: 'neo4j',
      server: neo4jServer,
      store: neo4j,
      close: async () => {
        await neo4jServer.close();
        await neo4j.close();
      },
    });
  }
  return servers;
}

/**
 * The servers of `serveBothStores` for one test file: started before its tests, closed after them.
 * Returns a getter, since the servers exist only once the file's `beforeAll` has run.
 */
export function useCorpusServers(options: ExtraOptions = {}): () => CorpusServer[] {
  let servers: CorpusServer[] = [];
  beforeAll(async () => {
    servers = await serveBothStores(options);
  }, 600_000);
  afterAll(async () => {
    for (const s of servers) await s.close();
  });
  return () => servers;
}
