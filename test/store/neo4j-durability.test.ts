import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGraphs } from '../../loaders/build-graph.js';
import { collectPapers } from '../../loaders/collect-papers.js';
import { extractCorpus } from '../../loaders/corpus-identity.js';
import { type LocalNeo4j, localNeo4jUnavailable, startLocalNeo4j } from '../../scripts/start-local-neo4j.js';
import type { PaperGraph } from '../../src/graph/model.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';

/**
 * `tools/neo4j-local --data DIR` is durable: batches that `writePapers` committed survive a SIGKILL
 * of the server in the middle of another batch, the batch in flight is all-or-nothing, and the
 * restarted server (recovering the same folder) serves reads and writes. Starts its own servers,
 * independent of the shared test Neo4j.
 */

const unavailable = localNeo4jUnavailable();
if (unavailable) {
  if (process.env['CI']) throw new Error(`the Neo4j durability test needs Java and Maven in CI: ${unavailable}`);
  console.warn(`\n!!! NEO4J DURABILITY TEST SKIPPED: ${unavailable}\n!!! Install Java 17 and Maven to run it.\n`);
}

const COMMITTED_BATCHES = 3;
const BATCH = 8;
/** Papers written (in a loop) while the server is killed. */
const IN_FLIGHT_BATCH = 16;

const connect = (server: LocalNeo4j): Promise<Neo4jStore> => Neo4jStore.connect({ uri: server.uri, user: 'neo4j', password: '', database: 'neo4j' });
const start = (dataDir: string): Promise<LocalNeo4j> =>
  startLocalNeo4j({
    dataDir,
    timeoutMs: 5 * 60_000,
    args: ['--exit-with-parent', '--pagecache', '64m'],
    // A small, short-lived server: the quick JIT tier starts it and plans its queries sooner.
    env: { NEO4J_LOCAL_JAVA_OPTS: `${process.env['NEO4J_LOCAL_JAVA_OPTS'] ?? ''} -XX:TieredStopAtLevel=1`.trim() },
  });

/** What the store says about one paper: its node and its outgoing links, in a stable order. */
async function snapshot(store: Neo4jStore, paperId: string): Promise<unknown> {
  const links = await store.paperLinks(paperId);
  return { node: await store.node(paperId), links: links.map((l) => JSON.stringify(l)).sort() };
}

/** Ids of the given papers that the store holds. */
async function present(store: Neo4jStore, ids: readonly string[]): Promise<string[]> {
  const nodes = await store.nodes(ids);
  return ids.filter((_, i) => nodes[i] !== null);
}

/** Resolves once the server runs a write transaction other than ours (a `writePapers` batch). */
async function writeInProgress(uri: string, timeoutMs: number): Promise<boolean> {
  const driver = neo4j.driver(uri, undefined, { logging: { level: 'error', logger: () => {} } });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const session = driver.session({ database: 'neo4j' });
      try {
        const { records } = await session.run('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery');
        if (records.some((r) => /\b(MERGE|CREATE)\b/.test(String(r.get('currentQuery'))))) return true;
      } finally {
        await session.close();
      }
    }
    return false;
  } finally {
    await driver.close();
  }
}

let dataDir: string | undefined;
let starting: Promise<LocalNeo4j> | undefined;
const servers: LocalNeo4j[] = [];
const stores: Neo4jStore[] = [];

afterAll(async () => {
  // A server still starting is stopped before its folder goes.
  await starting?.catch(() => {});
  for (const store of stores) await store.close().catch(() => {});
  for (const server of servers) await server.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 120_000);

describe.skipIf(unavailable !== null)('local Neo4j with --data', () => {
  it('keeps every committed batch through a SIGKILL mid-write and serves reads and writes after restart', async () => {
    const t0 = Date.now();
    const seconds = (): string => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
    const log = (message: string): void => void process.stderr.write(`[durability] ${seconds()}: ${message}\n`);

    dataDir = await mkdtemp(join(tmpdir(), 'kg-neo4j-durable-'));
    starting = start(dataDir).then((server) => {
      servers.push(server);
      return server;
    });
    const { papers } = await collectPapers(['data/papers']);
    const graphs: PaperGraph[] = buildGraphs(extractCorpus(papers.slice(0, COMMITTED_BATCHES * BATCH + IN_FLIGHT_BATCH)));
    log(`${graphs.length} papers extracted`);
    expect(graphs.length).toBeGreaterThanOrEqual(COMMITTED_BATCHES * BATCH + IN_FLIGHT_BATCH);
    const batches = Array.from({ length: COMMITTED_BATCHES }, (_, i) => graphs.slice(i * BATCH, (i + 1) * BATCH));
    const inFlight = graphs.slice(COMMITTED_BATCHES * BATCH, COMMITTED_BATCHES * BATCH + IN_FLIGHT_BATCH);
    const committedIds = batches.flat().map((g) => g.paper.id);
    const inFlightIds = inFlight.map((g) => g.paper.id);
    // A few papers from every committed batch, with their nodes and edges as read before the crash.
    const sampleIds = batches.flatMap((batch) => [batch[0]!, batch[batch.length - 1]!]).map((g) => g.paper.id);

    const first = await starting;
    log(`server 1 ready at ${first.uri} (data ${dataDir})`);
    const before = await connect(first);
    stores.push(before);
    log('connected (schema created)');
    for (const batch of batches) await before.writePapers(batch);
    const countsBefore = await before.counts();
    expect(countsBefore.labels.Paper).toBe(committedIds.length);
    const samplesBefore = await Promise.all(sampleIds.map((id) => snapshot(before, id)));
    expect(samplesBefore.some((s) => (s as { links: string[] }).links.length > 0)).toBe(true);
    log(`${COMMITTED_BATCHES} batches of ${BATCH} papers committed`);

    // Another batch, written again and again (idempotent) until the server dies under it.
    let acknowledged = 0;
    const writing = (async (): Promise<unknown> => {
      try {
        for (;;) {
          await before.writePapers(inFlight);
          acknowledged++;
        }
      } catch (error) {
        return error;
      }
    })();
    expect(await writeInProgress(first.uri, 30_000)).toBe(true);
    await first.kill();
    log(`SIGKILLed the server during a write of ${IN_FLIGHT_BATCH} papers (${acknowledged} earlier writes of them acknowledged)`);
    // The driver would retry the broken transaction: closing it ends the retries.
    await before.close();
    const failure = await Promise.race([writing, new Promise((resolve) => setTimeout(() => resolve('still writing after 40 s'), 40_000))]);
    log('interrupted write failed, old driver closed');
    expect(failure).toBeInstanceOf(Error);
    expect(await readdir(dataDir)).toContain('data');

    const second = await start(dataDir);
    servers.push(second);
    log(`server 2 ready at ${second.uri} after recovery`);
    const after = await connect(second);
    stores.push(after);
    log('connected');
    // Every committed batch is there, unchanged.
    expect(await present(after, committedIds)).toEqual(committedIds);
    expect(await Promise.all(sampleIds.map((id) => snapshot(after, id)))).toEqual(samplesBefore);
    // The batch in flight is all or nothing (all if an earlier write of it was acknowledged).
    const inFlightPresent = await present(after, inFlightIds);
    if (acknowledged > 0) expect(inFlightPresent).toEqual(inFlightIds);
    else expect([0, inFlightIds.length]).toContain(inFlightPresent.length);
    const countsAfter = await after.counts();
    if (inFlightPresent.length === 0) expect(countsAfter).toEqual(countsBefore);
    else expect(countsAfter.labels.Paper).toBe(committedIds.length + inFlightIds.length);
    log(`all ${committedIds.length} committed papers recovered; in-flight batch ${inFlightPresent.length === 0 ? 'rolled back' : 'committed'}`);

    // Reads and writes work again: finish the interrupted batch.
    await after.writePapers(inFlight);
    log('interrupted batch written again');
    expect((await after.counts()).labels.Paper).toBe(committedIds.length + inFlightIds.length);
    expect(await present(after, inFlightIds)).toEqual(inFlightIds);
    expect(await after.node(inFlightIds[0]!)).toMatchObject({ label: 'Paper', node: { id: inFlightIds[0], title: inFlight[0]!.paper.title } });

    // A clean stop keeps the folder.
    await after.close();
    await second.stop();
    expect(await readdir(join(dataDir, 'data'))).toEqual(expect.arrayContaining(['databases', 'transactions']));
    log('done');
  }, 180_000);
});
