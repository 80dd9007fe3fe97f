/**
 * The servers bench/api.ts loads with autocannon, started in one child process so that the load
 * generator does not share their event loop: our API on the embedded store and on Neo4j, the
 * bare-Cypher server and @neo4j/graphql, the last three on the same Neo4j data.
 *
 * Started with `fork`; reads BENCH_NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE),
 * sends `{type: 'ready', urls, counts}` once everything serves, and shuts down on `{type: 'stop'}`
 * or when the parent goes away. Progress goes to stderr.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { ExtractionCache } from '../../loaders/extraction-cache.js';
import { loadPapers } from '../../loaders/load.js';
import { startApp } from '../../src/app.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { startBare } from './bare.js';
import { startNeo4jGraphQL } from './neo4j-graphql.js';
import { QUERIES, SEARCH_INDEXES, withIndexes } from './queries.js';

export type TargetName = 'ours-embedded' | 'ours-neo4j' | 'bare-cypher' | 'neo4j-graphql';
export type ReadyMessage =
  | { type: 'ready'; urls: Record<TargetName, string>; counts: { embedded: string; neo4j: string }; searchIndexes: string[] }
  | { type: 'failed'; error: string };

const log = (message: string): void => void process.stderr.write(`[bench:api] ${message}\n`);
const uri = process.env['BENCH_NEO4J_URI'];
if (!uri || !process.send) throw new Error('bench/api/targets.ts is started by bench/api.ts (fork, BENCH_NEO4J_URI)');
const user = process.env['NEO4J_USER'] ?? 'neo4j';
const password = process.env['NEO4J_PASSWORD'] ?? '';
const database = process.env['NEO4J_DATABASE'] ?? 'neo4j';
const auth = password ? neo4j.auth.basic(user, password) : undefined;

// HTTP servers close first (finishing requests in flight), then stores and drivers.
const servers: Array<() => Promise<unknown>> = [];
const resources: Array<() => Promise<unknown>> = [];
const dirs: string[] = [];
let stopping: Promise<void> | undefined;
function stop(code: number): Promise<void> {
  return (stopping ??= (async () => {
    for (const close of [...servers, ...resources]) await close().catch(() => {});
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    process.exit(code);
  })());
}
process.on('disconnect', () => void stop(1));
let roundTrips = (): number => 0;
process.on('message', (message: { type?: string }) => {
  if (message.type === 'stop') void stop(0);
  // Store round trips our Neo4j server has made so far: the bench reads it around one request.
  if (message.type === 'roundTrips') process.send!({ type: 'roundTrips', value: roundTrips() });
});

try {
  const t0 = performance.now();
  const seconds = () => ((performance.now() - t0) / 1000).toFixed(1);
  const embeddedDir = await mkdtemp(join(tmpdir(), 'kg-bench-api-embedded-'));
  const neo4jDir = await mkdtemp(join(tmpdir(), 'kg-bench-api-neo4j-'));
  dirs.push(embeddedDir, neo4jDir);

  // Our API on the embedded store: a fresh data dir, so the first start loads the corpus.
  const embedded = await startApp({ port: 0, dataDir: embeddedDir, corpusPaths: ['data/papers'] });
  servers.push(() => embedded.close());
  log(`ours on the embedded store ready in ${seconds()} s`);

  // Our API on Neo4j: the same corpus, loaded into the emptied database (the extraction cache of
  // the embedded load spares a second extraction).
  const store = await Neo4jStore.connect({ uri, user, password, database });
  resources.push(() => store.close());
  roundTrips = () => store.roundTrips;
  await store.clear();
  await loadPapers(['data/papers'], store, { cache: new ExtractionCache(join(embeddedDir, 'cache')) });
  const ours = await startApp({ port: 0, dataDir: neo4jDir, corpusPaths: [], store });
  servers.push(() => ours.close());
  log(`ours on Neo4j ready in ${seconds()} s`);

  // The same driver settings as our store (plain JS numbers), for the bare server.
  const bareDriver = neo4j.driver(uri, auth, { disableLosslessIntegers: true, logging: { level: 'error', logger: () => {} } });
  resources.push(() => bareDriver.close());
  // The search reads the full-text indexes our store created (SEARCH_INDEXES, those that exist).
  const existing = (await bareDriver.executeQuery('SHOW FULLTEXT INDEXES YIELD name', {}, { database })).records.map((r) => r.get('name') as string);
  const searchIndexes = SEARCH_INDEXES.filter((i) => existing.includes(i));
  const bare = await startBare(bareDriver, database, withIndexes(QUERIES, existing));
  servers.push(() => bare.close());

  // @neo4j/graphql converts Neo4j integers itself: a driver with default settings.
  const ngqlDriver = neo4j.driver(uri, auth, { logging: { level: 'error', logger: () => {} } });
  resources.push(() => ngqlDriver.close());
  const ngql = await startNeo4jGraphQL(ngqlDriver, database, searchIndexes);
  servers.push(() => ngql.close());
  log(`bare Cypher and @neo4j/graphql ready in ${seconds()} s`);

  const describe = async (s: { counts(): Promise<{ labels: Record<string, number>; relationships: Record<string, number> }> }) => {
    const c = await s.counts();
    const nodes = Object.values(c.labels).reduce((a, b) => a + b, 0);
    const rels = Object.values(c.relationships).reduce((a, b) => a + b, 0);
    return `${c.labels['Paper']} papers, ${nodes} nodes, ${rels} relationships`;
  };
  process.send({
    type: 'ready',
    urls: { 'ours-embedded': embedded.url, 'ours-neo4j': ours.url, 'bare-cypher': bare.url, 'neo4j-graphql': ngql.url },
    counts: { embedded: await describe(embedded.store), neo4j: await describe(store) },
    searchIndexes,
  } satisfies ReadyMessage);
} catch (error) {
  process.send({ type: 'failed', error: (error as Error).stack ?? String(error) } satisfies ReadyMessage);
  await stop(1);
}
