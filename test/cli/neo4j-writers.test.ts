import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { buildGraphs } from '../../loaders/build-graph.js';
import { collectPapers } from '../../loaders/collect-papers.js';
import { extractCorpus } from '../../loaders/corpus-identity.js';
import { connectTestNeo4j } from '../store/use-neo4j.js';
import {
  API_KEY,
  envFor,
  graphql,
  ingest,
  jsonLines,
  kg,
  papersTagged,
  startKg,
  startServer,
  titlesIn,
  waitFor,
  writePapersFile,
  type Running,
  type TestPaper,
} from './processes.js';

/**
 * The same probes on Neo4j, which takes concurrent writers itself: the server and `kg load`, two
 * loads, and a load stopped before its derived edges. Every write reported done must be there,
 * and missing derived edges must be reported until the next load or start derives them.
 */

const neo4j = await connectTestNeo4j();
const uri = inject('neo4jUri');
let dir: string;
const running: Running[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-neo4j-writers-'));
});
beforeEach(async () => {
  await neo4j?.clear();
});
afterEach(() => {
  for (const r of running.splice(0)) r.child.kill('SIGKILL');
});
afterAll(async () => {
  await neo4j?.clear();
  await neo4j?.close();
  await rm(dir, { recursive: true, force: true });
});

// The extraction cache lives in KG_DATA_DIR, shared by the processes of this file.
const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => envFor(join(dir, 'kg'), { NEO4J_URI: uri ?? '', ...extra });
const titles = (papers: readonly TestPaper[]): string[] => papers.map((p) => p.title);
function track<T extends Running>(r: T): T {
  running.push(r);
  return r;
}

describe.skipIf(!neo4j)('several writers on one Neo4j database', () => {
  it('the server and kg load write at once, in both orders, and nothing is lost', async () => {
    const corpus = papersTagged('Served', 6);
    const serverEnv = env({ KG_CORPUS: await writePapersFile(dir, 'corpus.jsonl', corpus), KG_API_KEY: API_KEY });
    // Load first: it is reading its input when the server starts.
    const early = papersTagged('Early', 5);
    const load = track(startKg(['load', '-'], env()));
    const server = track(await startServer(serverEnv));
    load.child.stdin!.end(jsonLines(early));
    // Server first: a load and an ingest while it serves.
    const late = papersTagged('Late', 5);
    const ingested = papersTagged('Posted', 2);
    const [lateExit] = await Promise.all([kg(['load', await writePapersFile(dir, 'late.jsonl', late)], env()), ingest(server.url, ingested)]);
    expect(lateExit.code).toBe(0);
    expect((await load.exited).code).toBe(0);
    expect(await server.stop()).toBe(0);

    const stored = await titlesIn(neo4j!);
    for (const title of titles([...corpus, ...early, ...late, ...ingested])) expect(stored).toContain(title);
    expect(await neo4j!.derivedPending()).toBe(false);
  });

  it('two kg load at once both land, with their derived edges', async () => {
    const batches = [papersTagged('North', 8), papersTagged('South', 8)];
    const paths = await Promise.all(batches.map((b, i) => writePapersFile(dir, `parallel-${i}.jsonl`, b)));
    const exits = await Promise.all(paths.map((path) => kg(['load', path], env())));
    for (const e of exits) expect(e.code, e.stderr).toBe(0);
    expect([...(await titlesIn(neo4j!))].sort()).toEqual(batches.flatMap(titles).sort());
    expect(await neo4j!.derivedPending()).toBe(false);
  });

  it('papers written without their derived edges are reported, and derived by the next server start or load', async () => {
    for (const next of ['server', 'load'] as const) {
      await neo4j!.clear();
      // What a load leaves when it stops after its papers and before its derived edges.
      const { papers } = await collectPapers([await writePapersFile(dir, `pending-${next}.jsonl`, papersTagged('Pending', 5))]);
      await neo4j!.writePapers(buildGraphs(extractCorpus(papers)));
      const before = await kg(['stats'], env());
      expect(before.stdout).toMatch(/BROADER\s+0\n/);
      expect(before.stderr).toContain('derived edges (CITES, BROADER) are pending');

      if (next === 'server') {
        const server = track(await startServer(env({ KG_CORPUS: join(dir, 'none.jsonl') })));
        const { stats } = await graphql<{ stats: { derivedPending: boolean } }>(server.url, '{ stats { derivedPending } }');
        expect(stats.derivedPending).toBe(false);
        expect(await server.stop()).toBe(0);
      } else {
        const loaded = await kg(['load', await writePapersFile(dir, 'after.jsonl', papersTagged('After', 2))], env());
        expect(loaded.code).toBe(0);
        expect(loaded.stderr).toContain('were pending from an earlier load; this load derives them');
      }
      const after = await kg(['stats'], env());
      expect(after.stdout).not.toMatch(/BROADER\s+0\n/);
      expect(after.stderr).not.toContain('pending');
    }
  });

  it('a load killed with kill -9 while it derives leaves its missing edges reported, and the next load derives them', async () => {
    // The count a complete load of the corpus derives, for comparison.
    expect((await kg(['load', 'data/papers'], env())).code).toBe(0);
    const complete = /BROADER\s+(\d+)\n/.exec((await kg(['stats'], env())).stdout)?.[1];
    expect(Number(complete)).toBeGreaterThan(0);
    const allBroader = new RegExp(`BROADER\\s+${complete}\\n`);
    const killed = track(startKg(['load', 'data/papers'], env()));
    killed.child.stdin!.end();
    await waitFor(() => killed.stderr().includes('  derive'), 'the load to reach its derive phase', 240_000);
    killed.child.kill('SIGKILL');
    await killed.exited;

    const stats = await kg(['stats'], env());
    expect(stats.stdout).toMatch(/Paper\s+441\n/);
    // Missing BROADER edges are never silent: either they are all there, or stats says they are pending.
    if (!allBroader.test(stats.stdout)) expect(stats.stderr).toContain('derived edges (CITES, BROADER) are pending');

    const again = await kg(['load', 'data/papers'], env());
    expect(again.code).toBe(0);
    const after = await kg(['stats'], env());
    expect(after.stdout).toMatch(allBroader);
    expect(after.stderr).not.toContain('pending');
  }, 600_000);
});
