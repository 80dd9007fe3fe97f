import { ExtractionCache } from '../loaders/extraction-cache.js';
import { loadPapers, loadRawPapers } from '../loaders/load.js';
import { checkPaper } from '../loaders/read/field-limits.js';
import { recordedSources } from '../loaders/read/read-sources.js';
import type { RawPaper } from '../loaders/read/raw-paper.js';
import type { Ingest } from './graphql/context.js';
import { type RunningServer, type ServerOptions, startServer } from './graphql/server.js';
import { createLogger, type Logger } from './logger.js';
import { describeHolder } from './store/embedded/data-folder-lock.js';
import { EmbeddedStore } from './store/embedded/embedded-store.js';
import { coversSources, interruptedLoads } from './store/load-record.js';
import { openStore } from './store/open-store.js';
import type { GraphStore } from './store/store.js';

/**
 * The application: the one place that knows both the loaders and the API. It opens the store,
 * prepares it (the corpus on first start, a load left unfinished), hands the server the loader
 * pipeline for `ingest`, and starts the server.
 */

export interface AppOptions extends Omit<ServerOptions, 'store' | 'ownsStore' | 'ingest'> {
  /** The embedded store's data directory (ignored with `neo4j`), and the extraction cache's. */
  dataDir: string;
  /** Loaded into the store on first start, when it holds no paper. */
  corpusPaths: string[];
  neo4j?: { uri: string; user: string; password: string; database: string };
  /** An already open store to serve (tests); the application then neither prepares nor closes it. */
  store?: GraphStore;
}

/** Opens and prepares the configured store (unless one is given) and serves it; `close()` closes what it opened. */
export async function startApp(options: AppOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger('silent');
  const given = options.store;
  // The server writes its embedded folder for as long as it runs (the corpus, ingest): it holds it.
  const store =
    given ??
    (await openStore(
      { dataDir: options.dataDir, ...(options.neo4j ? { neo4j: options.neo4j } : {}) },
      { access: 'write', holder: { role: 'server', command: `paper-kg server (${process.argv.slice(1).join(' ')})` } },
    ));
  let server: RunningServer;
  try {
    if (!given) await prepareStore(store, options, logger);
    server = await startServer({ ...options, store, ownsStore: !given, ingest: createIngest(store) });
  } catch (error) {
    if (!given) await store.close();
    throw error;
  }
  if (!given && store instanceof EmbeddedStore) store.announce({ url: server.url, ingest: options.apiKey !== undefined });
  return server;
}

/** `Mutation.ingest` as the loaders run it: the readers' field checks, then the load pipeline. */
function createIngest(store: GraphStore): Ingest {
  return async (papers) => {
    const raws: RawPaper[] = [];
    for (const [index, paper] of papers.entries()) {
      const checked = checkPaper({ ...paper, source: { file: 'graphql:ingest', line: index + 1 } });
      if ('reason' in checked) return { ok: false, index, reason: checked.reason };
      raws.push(checked.paper);
    }
    const { papers: written, alreadyStored } = await loadRawPapers(raws, store);
    return { ok: true, paperIds: written.map((p) => p.id), alreadyStored };
  };
}

/**
 * Before serving an own store: the corpus into an empty one, and the derived edges a load left
 * pending (it stopped between its papers and its CITES/BROADER edges). A store whose records show
 * a load running or interrupted is never given the corpus instead: it holds, or is getting, some
 * other data. Only an interrupted load of this very corpus (a first start killed while loading it)
 * is rolled forward, by loading the corpus again; any other is left to the operator, whom
 * `/readyz` (503, check `load`) and the log tell.
 */
async function prepareStore(store: GraphStore, options: AppOptions, logger: Logger): Promise<void> {
  if (store instanceof EmbeddedStore && store.tookOverFrom) {
    logger.warn({ previous: store.tookOverFrom }, `took over the data folder from ${describeHolder(store.tookOverFrom)}, which ended without releasing it`);
  }
  const loads = await store.loads();
  const interrupted = interruptedLoads(loads);
  const corpus = recordedSources(options.corpusPaths);
  const rollForward = interrupted.length > 0 && interrupted.every((l) => coversSources(corpus, l.sources));
  if (interrupted.length > 0 && !rollForward) {
    logger.warn(
      { loads: interrupted.map((l) => ({ sources: l.sources, startedAt: l.startedAt, papersWritten: l.papersWritten, papersTotal: l.papersTotal })) },
      'the store holds an interrupted load: serving it as it is, not ready until `kg load` runs it again (see kg stats); the corpus is not loaded over it',
    );
    if (await store.derivedPending()) await store.refreshDerived();
    return;
  }
  if (rollForward) logger.warn({ papersWritten: interrupted[0]!.papersWritten }, 'an earlier load of the corpus was interrupted: loading it again');
  const loadRunning = loads.some((l) => l.state === 'running');
  if (rollForward || ((await store.counts()).labels.Paper === 0 && !loadRunning)) {
    const started = performance.now();
    const report = await loadPapers(options.corpusPaths, store, { cache: new ExtractionCache(`${options.dataDir}/cache`) });
    logger.info(
      { papers: report.papersWritten, rejected: report.read.rejections.length, seconds: ((performance.now() - started) / 1000).toFixed(1) },
      'corpus loaded into the store',
    );
  } else if (await store.derivedPending()) {
    const started = performance.now();
    await store.refreshDerived();
    logger.warn({ seconds: ((performance.now() - started) / 1000).toFixed(1) }, 'derived CITES/BROADER edges that an interrupted load had left pending');
  }
}
