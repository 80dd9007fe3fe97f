import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ExtractionCache } from '../../loaders/extraction-cache.js';
import { loadPapers } from '../../loaders/load.js';
import { startApp } from '../../src/app.js';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import type { Counts } from '../../src/graph/model.js';
import type { GraphStore } from '../../src/store/store.js';
import { connectTestNeo4j } from '../store/use-neo4j.js';
import { envFor, graphql, kg, papersTagged, startKg, waitFor, writePapersFile, type Running } from './processes.js';
import { mulberry32 } from '../../bench/generate-corpus.js';

/**
 * Loads that can be trusted after a crash (issue 12): `kg load` is killed with SIGKILL at seeded
 * random points of its writing, on both stores. Each time the store's load record must say the load
 * was interrupted with exactly the papers the store holds (or completed, when the kill came after
 * the end); `kg stats`, `/readyz` and `stats { loads }` must show it; a server started on it must
 * not load its sample corpus over it; and the next `kg load` must give exactly the graph of a
 * clean load, with a completed record and the interrupted one resumed.
 */

const PAPERS = 160;
const BATCH = 20;
/** Kill points per store; the seed makes them reproducible (KG_TEST_SEED picks others). */
const POINTS = 2;
const SEED = Number(process.env['KG_TEST_SEED'] ?? 12);
const SAMPLE_CORPUS = 'data/papers';

const neo4j = await connectTestNeo4j();
const uri = inject('neo4jUri');
let root: string;
let corpus: string;
const running: Running[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kg-markers-'));
  corpus = await writePapersFile(root, 'corpus.jsonl', papersTagged('Marker', PAPERS));
});
afterEach(() => {
  for (const r of running.splice(0)) r.child.kill('SIGKILL');
});
afterAll(async () => {
  await neo4j?.clear();
  await neo4j?.close();
  await rm(root, { recursive: true, force: true });
});

interface LoadView {
  state: string;
  papersWritten: number;
  papersTotal: number;
  sources: string[];
}

/** One store as the test's processes and the test itself reach it. */
interface Target {
  name: 'embedded' | 'neo4j';
  /** The environment of `kg` processes. */
  env: NodeJS.ProcessEnv;
  /** Empties the store (the extraction cache stays). */
  empty(): Promise<void>;
  /** Opens the store in this process, as it is now, for `work`. */
  use<T>(access: 'read' | 'write', work: (store: GraphStore) => Promise<T>): Promise<T>;
  /** What an in-process server is started with to open this store itself. */
  serverOptions: { dataDir: string; neo4j?: { uri: string; user: string; password: string; database: string } };
}

/**
 * Loads `corpus` with `kg load` and kills it `delayMs` after it reports `afterPapers` written (each
 * batch committed prints a line; 0: as it begins writing), unless it ends first.
 */
async function loadKilled(env: NodeJS.ProcessEnv, afterPapers: number, delayMs: number): Promise<{ killed: boolean }> {
  const load = startKg(['load', corpus, '--batch-size', String(BATCH)], env);
  running.push(load);
  load.child.stdin!.end();
  let ended = false;
  void load.exited.then(() => (ended = true));
  await waitFor(() => load.stderr().includes(`  write ${afterPapers}/`) || ended, `the load to write ${afterPapers} papers`, 120_000);
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  const killed = !ended;
  if (killed) load.child.kill('SIGKILL');
  const exited = await load.exited;
  if (!killed) expect(exited.code, exited.stderr).toBe(0);
  return { killed };
}

async function checkStore(target: Target): Promise<void> {
  // A clean load (in this process, which also fills the extraction cache): the graph every
  // resumed load must equal.
  await target.empty();
  const cache = new ExtractionCache(join(target.env['KG_DATA_DIR']!, 'cache'));
  const reference: Counts = await target.use('write', async (store) => (await loadPapers([corpus], store, { cache, batchSize: BATCH })).counts);
  expect(reference.labels.Paper).toBe(PAPERS);
  expect(reference.relationships.BROADER).toBeGreaterThan(0);

  const next = mulberry32(SEED + (target.name === 'neo4j' ? 1000 : 0));
  let interrupted = 0;
  for (let point = 0; point < POINTS; point++) {
    await target.empty();
    // After a random batch (after the last: while it derives), and a little later still.
    const afterPapers = Math.floor(next() * (PAPERS / BATCH + 1)) * BATCH;
    const delayMs = Math.round(next() * 40);
    const where = `${target.name}, killed ${delayMs} ms after ${afterPapers} papers written (seed ${SEED})`;
    const { killed } = await loadKilled(target.env, afterPapers, delayMs);

    // The marker: exactly the papers the store holds, interrupted unless the kill came too late.
    const { held, last } = await target.use('read', async (store) => ({ held: (await store.counts()).labels.Paper, last: (await store.loads())[0] }));
    expect(last, where).toBeDefined();
    expect(last!.sources).toEqual([corpus]);
    console.info(`load markers: ${where}: the record says ${last!.state} at ${last!.papersWritten} of ${last!.papersTotal}; the store holds ${held} papers`);
    if (last!.state === 'completed') {
      expect(held, where).toBe(PAPERS);
    } else {
      expect(killed, where).toBe(true);
      expect(last!.state, where).toBe('interrupted');
      expect(last!.papersWritten, where).toBe(held);
      // Batches are whole: the embedded store saves a load at its end, Neo4j commits each batch.
      expect(target.name === 'embedded' ? held === 0 : held % BATCH === 0 || held === PAPERS, `${where}: ${held}`).toBe(true);
      if (interrupted++ === 0) {
        const stats = await kg(['stats'], target.env);
        expect(stats.stderr).toContain(`last load of ${corpus} started ${last!.startedAt}: interrupted at ${held} of ${PAPERS} papers`);
        expect(stats.stderr).toContain(`run \`kg load ${corpus}\` again to finish it`);
      }

      // A server started on it serves it as it is, says why it is not ready, and loads no sample corpus over it.
      const server = await startApp({ port: 0, corpusPaths: [SAMPLE_CORPUS], ...target.serverOptions });
      try {
        const ready = await fetch(`${server.url}/readyz`);
        const body = (await ready.json()) as { checks: Array<{ name: string; ok: boolean; problem?: string }> };
        expect(ready.status, where).toBe(503);
        expect(body.checks.find((c) => c.name === 'load')).toMatchObject({
          ok: false,
          problem: expect.stringContaining(`interrupted at ${held} of ${PAPERS} papers`),
        });
        const { stats: api } = await graphql<{ stats: { nodes: Array<{ name: string; count: number }>; loads: LoadView[] } }>(
          server.url,
          '{ stats { nodes { name count } loads { state papersWritten papersTotal sources } } }',
        );
        expect(api.nodes.find((n) => n.name === 'Paper')?.count, where).toBe(held);
        expect(api.loads).toEqual([{ state: 'INTERRUPTED', papersWritten: held, papersTotal: PAPERS, sources: [corpus] }]);
      } finally {
        await server.close();
      }
    }

    // The next load rolls it forward: the graph of a clean load, a completed record, the old one resumed.
    const again = await kg(['load', corpus, '--batch-size', String(BATCH)], target.env);
    expect(again.code, again.stderr).toBe(0);
    if (last!.state !== 'completed') expect(again.stderr).toContain('resumed the interrupted load');
    const after = await target.use('read', async (store) => ({
      counts: await store.counts(),
      loads: await store.loads(),
      pending: await store.derivedPending(),
    }));
    expect(after.counts, where).toEqual(reference);
    expect(after.pending).toBe(false);
    expect(after.loads.map((l) => l.state)).toEqual(last!.state === 'completed' ? ['completed', 'completed'] : ['completed', 'resumed']);
    expect(after.loads[0]!.papersWritten).toBe(PAPERS);
  }
  // A kill lands before the load's end almost always; never landing there would test nothing.
  expect(interrupted, `no kill point interrupted the load on ${target.name} (seed ${SEED})`).toBeGreaterThan(0);
}

describe('loads killed with SIGKILL', () => {
  it('on the embedded store: marked interrupted, never covered by the sample corpus, finished by the next load', async () => {
    const dir = join(root, 'embedded');
    await checkStore({
      name: 'embedded',
      env: envFor(dir),
      empty: async () => {
        // The graph goes, the extraction cache stays.
        await rm(join(dir, 'graph.json'), { force: true });
      },
      use: async (access, work) => {
        const store = EmbeddedStore.open(dir, { access });
        try {
          return await work(store);
        } finally {
          await store.close();
        }
      },
      serverOptions: { dataDir: dir },
    });
  }, 300_000);

  it('a server whose own first-start corpus load was interrupted loads that corpus again, and only that', async () => {
    const dir = join(root, 'server-corpus');
    const env = envFor(dir);
    const { killed } = await loadKilled(env, 0, 0);
    expect(killed).toBe(true);
    const server = await startApp({ port: 0, dataDir: dir, corpusPaths: [corpus] });
    try {
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      const { stats } = await graphql<{ stats: { nodes: Array<{ name: string; count: number }>; loads: LoadView[] } }>(
        server.url,
        '{ stats { nodes { name count } loads { state papersWritten } } }',
      );
      expect(stats.nodes.find((n) => n.name === 'Paper')?.count).toBe(PAPERS);
      expect(stats.loads).toEqual([
        { state: 'COMPLETED', papersWritten: PAPERS },
        { state: 'RESUMED', papersWritten: 0 },
      ]);
    } finally {
      await server.close();
    }
  }, 120_000);

  it.skipIf(!neo4j)(
    'on Neo4j: marked interrupted at the batches it committed, finished by the next load',
    async () => {
      const dir = join(root, 'neo4j');
      await checkStore({
        name: 'neo4j',
        env: envFor(dir, { NEO4J_URI: uri ?? '' }),
        empty: () => neo4j!.clear(),
        use: (_, work) => work(neo4j!),
        serverOptions: {
          dataDir: dir,
          neo4j: { uri: uri!, user: 'neo4j', password: process.env['NEO4J_PASSWORD'] ?? '', database: process.env['NEO4J_DATABASE'] ?? 'neo4j' },
        },
      });
    },
    300_000,
  );
});
