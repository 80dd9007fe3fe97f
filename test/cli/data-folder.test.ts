import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildGraphs } from '../../loaders/build-graph.js';
import { collectPapers } from '../../loaders/collect-papers.js';
import { extractCorpus } from '../../loaders/corpus-identity.js';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import {
  API_KEY,
  envFor,
  graphql,
  ingest,
  jsonLines,
  kg,
  papersTagged,
  serverRefused,
  startKg,
  startServer,
  titlesSaved,
  waitFor,
  waitForHolder,
  writePapersFile,
  type Running,
  type TestPaper,
} from './processes.js';

/**
 * The embedded store with several processes on one data folder, as users run them: the server,
 * `kg load`, `kg stats`, each a real process. Whatever happens, every write a process reported
 * done (exit 0, an ingest answered 200) is in the store afterwards.
 */

let root: string;
let files: string;
const running: Running[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kg-folder-'));
  files = await mkdtemp(join(tmpdir(), 'kg-folder-input-'));
});
afterEach(() => {
  for (const r of running.splice(0)) r.child.kill('SIGKILL');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(files, { recursive: true, force: true });
});

let folders = 0;
async function setup(): Promise<{ dir: string; env: NodeJS.ProcessEnv; serverEnv: (corpus: string) => NodeJS.ProcessEnv }> {
  const dir = join(root, `kg-${folders++}`);
  const env = envFor(dir);
  return { dir, env, serverEnv: (corpus) => envFor(dir, { KG_CORPUS: corpus, KG_API_KEY: API_KEY }) };
}

const titles = (papers: readonly TestPaper[]): string[] => papers.map((p) => p.title);

function track<T extends Running>(r: T): T {
  running.push(r);
  return r;
}

describe('one writer per embedded data folder', () => {
  it('server first: kg load is refused with exit 5 and how to proceed, ingest and kg stats work meanwhile, nothing is lost', async () => {
    const { dir, env, serverEnv } = await setup();
    const corpus = papersTagged('Corpus', 12);
    const added = papersTagged('Added', 10);
    const ingested = papersTagged('Ingested', 1);
    const addedFile = await writePapersFile(files, 'added-1.jsonl', added);
    const server = track(await startServer(serverEnv(await writePapersFile(files, 'corpus-1.jsonl', corpus))));

    const refused = await kg(['load', addedFile], env);
    expect(refused.code).toBe(5);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`the data folder ${dir} is in use by the paper-kg server (pid ${server.pid}`);
    expect(refused.stderr).toContain(`GraphQL at ${server.url}/graphql`);
    expect(refused.stderr).toContain('nothing was written');
    expect(refused.stderr).toContain("Stop the server (Ctrl-C) and run this again, or send the papers through the running server's `ingest` mutation");

    expect(await ingest(server.url, ingested)).toHaveLength(1);
    const stats = await kg(['stats'], env);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/Paper\s+13\n/);
    expect(stats.stderr).toContain(`the paper-kg server (pid ${server.pid}`);
    expect(stats.stderr).toContain('holds the folder meanwhile: these are the counts of its last save');

    expect(await server.stop()).toBe(0);
    const loaded = await kg(['load', addedFile], env);
    expect(loaded.code).toBe(0);
    expect(loaded.stderr).toContain(`wrote 10 papers into the embedded store in ${dir}`);
    const saved = await titlesSaved(dir);
    expect(saved.size).toBe(23);
    for (const title of titles([...corpus, ...ingested, ...added])) expect(saved).toContain(title);
  });

  it('kg load first: the server refuses to start with exit 5 naming the load, then serves what the load wrote', async () => {
    const { dir, env, serverEnv } = await setup();
    const loadedPapers = papersTagged('Streamed', 8);
    const ingested = papersTagged('Later', 1);
    const corpusFile = await writePapersFile(files, 'corpus-2.jsonl', papersTagged('Unused', 3));
    // A load reading stdin holds the folder until its input ends: a long load, on cue.
    const load = track(startKg(['load', '-'], env));
    await waitForHolder(dir, load.pid);

    const refused = await serverRefused(serverEnv(corpusFile));
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain(`the data folder ${dir} is in use by \`kg load -\` (pid ${load.pid}`);
    expect(refused.stderr).toContain('Wait for that load to finish and run this again');

    load.child.stdin!.end(jsonLines(loadedPapers));
    const loaded = await load.exited;
    expect(loaded.code).toBe(0);
    expect(loaded.stderr).toContain('wrote 8 papers');

    const server = track(await startServer(serverEnv(corpusFile)));
    const { stats } = await graphql<{ stats: { nodes: Array<{ name: string; count: number }>; derivedPending: boolean } }>(
      server.url,
      '{ stats { nodes { name count } derivedPending } }',
    );
    expect(stats.nodes.find((n) => n.name === 'Paper')?.count).toBe(8);
    expect(stats.derivedPending).toBe(false);
    await ingest(server.url, ingested);
    expect(await server.stop()).toBe(0);
    const saved = await titlesSaved(dir);
    expect([...saved].sort()).toEqual(titles([...loadedPapers, ...ingested]).sort());
  });

  it('two kg load at once: the second stops with exit 5 and writes nothing, or queues behind the first with --wait', async () => {
    const { dir, env } = await setup();
    const first = papersTagged('First', 6);
    const refusedPapers = papersTagged('Refused', 4);
    const queued = papersTagged('Queued', 5);
    const load = track(startKg(['load', '-'], env));
    await waitForHolder(dir, load.pid);

    const refused = await kg(['load', await writePapersFile(files, 'refused.jsonl', refusedPapers)], env);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain(`in use by \`kg load -\` (pid ${load.pid}`);
    const waiting = track(startKg(['load', '--wait', '120', await writePapersFile(files, 'queued.jsonl', queued)], env));
    waiting.child.stdin!.end();
    await waitFor(() => waiting.stderr().includes('waiting up to 120 s'), 'the queued load to wait');

    load.child.stdin!.end(jsonLines(first));
    expect((await load.exited).code).toBe(0);
    const queuedExit = await waiting.exited;
    expect(queuedExit.code).toBe(0);
    expect(queuedExit.stderr).toContain('wrote 5 papers');
    const saved = await titlesSaved(dir);
    expect([...saved].sort()).toEqual(titles([...first, ...queued]).sort());
  });

  it('two kg load started together: each one that exits 0 has all its papers in the store', async () => {
    const { dir, env } = await setup();
    const batches = [papersTagged('Left', 6), papersTagged('Right', 7)];
    const paths = await Promise.all(batches.map((b, i) => writePapersFile(files, `together-${i}.jsonl`, b)));
    const exits = await Promise.all(paths.map((path) => kg(['load', path], env)));
    for (const e of exits) expect([0, 5], e.stderr).toContain(e.code);
    expect(exits.some((e) => e.code === 0)).toBe(true);
    const saved = await titlesSaved(dir);
    const expected = batches.filter((_, i) => exits[i]!.code === 0).flatMap(titles);
    expect([...saved].sort()).toEqual(expected.sort());
  });

  it('a holder killed with kill -9 leaves the folder to the next writer, with every write it acknowledged', async () => {
    const { dir, env, serverEnv } = await setup();
    const corpus = papersTagged('Base', 6);
    const ingested = papersTagged('Acked', 2);
    const server = track(await startServer(serverEnv(await writePapersFile(files, 'corpus-5.jsonl', corpus))));
    expect(await ingest(server.url, ingested)).toHaveLength(2);
    server.child.kill('SIGKILL');
    await server.exited;

    const stats = await kg(['stats'], env);
    expect(stats.stdout).toMatch(/Paper\s+8\n/);
    expect(stats.stderr).toContain(`the paper-kg server (pid ${server.pid}`);
    expect(stats.stderr).toContain('ended without releasing the folder');

    // A load killed mid-way: it never reported success, so its papers may be missing; nothing else may.
    const killed = track(startKg(['load', '-'], env));
    await waitForHolder(dir, killed.pid);
    killed.child.stdin!.write(jsonLines(papersTagged('Killed', 3)));
    killed.child.kill('SIGKILL');
    await killed.exited;

    const next = papersTagged('Next', 4);
    const loaded = await kg(['load', await writePapersFile(files, 'next.jsonl', next)], env);
    expect(loaded.code).toBe(0);
    expect(loaded.stderr).toContain(`took over ${dir} from \`kg load -\` (pid ${killed.pid}`);
    const saved = await titlesSaved(dir);
    expect([...saved].sort()).toEqual(titles([...corpus, ...ingested, ...next]).sort());
    expect(EmbeddedStore.holderOf(dir)).toBeNull();
  });

  it('derived edges a stopped load left pending are reported, and derived by the next server start or load', async () => {
    for (const next of ['server', 'load'] as const) {
      const { dir, env, serverEnv } = await setup();
      // What a load leaves when it stops after its papers and before its derived edges.
      const { papers } = await collectPapers([await writePapersFile(files, `pending-${next}.jsonl`, papersTagged('Pending', 5))]);
      const store = EmbeddedStore.open(dir);
      await store.writePapers(buildGraphs(extractCorpus(papers)));
      await store.close();

      const before = await kg(['stats'], env);
      expect(before.stdout).toMatch(/BROADER\s+0\n/);
      expect(before.stderr).toContain('derived edges (CITES, BROADER) are pending');

      if (next === 'server') {
        const server = track(await startServer(serverEnv(join(files, 'none.jsonl'))));
        const { stats } = await graphql<{ stats: { relationships: Array<{ name: string; count: number }>; derivedPending: boolean } }>(
          server.url,
          '{ stats { relationships { name count } derivedPending } }',
        );
        expect(stats.derivedPending).toBe(false);
        expect(stats.relationships.find((r) => r.name === 'BROADER')?.count).toBeGreaterThan(0);
        expect(await server.stop()).toBe(0);
      } else {
        const loaded = await kg(['load', await writePapersFile(files, 'after-pending.jsonl', papersTagged('After', 2))], env);
        expect(loaded.code).toBe(0);
        expect(loaded.stderr).toContain('derived edges (CITES, BROADER) were pending from an earlier load; this load derives them');
      }
      const after = await kg(['stats'], env);
      expect(after.stdout).not.toMatch(/BROADER\s+0\n/);
      // The message itself: the last load's line names its file, and this one's is after-pending.jsonl.
      expect(after.stderr).not.toContain('derived edges (CITES, BROADER) are pending');
    }
  });
});
