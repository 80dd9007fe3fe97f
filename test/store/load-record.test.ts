import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGraphs } from '../../loaders/build-graph.js';
import { extractCorpus } from '../../loaders/corpus-identity.js';
import { PaperCollector } from '../../loaders/papers.js';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { coversSources, describeLoad, judgeLoad, loadCheck, resolveInterrupted, type LoadRecord, type StoredLoad } from '../../src/store/load-record.js';
import type { GraphStore } from '../../src/store/store.js';
import { connectTestNeo4j } from './use-neo4j.js';

/** The rules of load records without a store (states, coverage of sources, readiness), then in both stores. */

const stored = (over: Partial<StoredLoad> = {}): StoredLoad => ({
  id: 'load:a',
  sources: ['/data/corpus'],
  papersTotal: 5000,
  papersWritten: 1000,
  startedAt: '2026-12-03T10:00:00.000Z',
  seenAt: '2026-12-03T10:01:00.000Z',
  completedAt: null,
  pid: 42,
  host: 'h',
  done: false,
  resolvedBy: null,
  ...over,
});

describe('load records', () => {
  it('reads a record as running while its process lives, interrupted once it is gone, completed when done', () => {
    expect(judgeLoad(stored(), true).state).toBe('running');
    expect(judgeLoad(stored(), false).state).toBe('interrupted');
    expect(judgeLoad(stored({ done: true }), false).state).toBe('completed');
    expect(judgeLoad(stored({ done: true }), true).state).toBe('completed');
    expect(judgeLoad(stored({ resolvedBy: { id: 'load:b', how: 'resumed' } }), false).state).toBe('resumed');
    expect(judgeLoad(stored({ resolvedBy: { id: 'load:b', how: 'superseded' } }), false).state).toBe('superseded');
  });

  it('counts a later load as covering an earlier one when it loads the same paths or folders around them, never stdin', () => {
    expect(coversSources(['/data/corpus'], ['/data/corpus'])).toBe(true);
    expect(coversSources(['/data'], ['/data/corpus', '/data/more.jsonl'])).toBe(true);
    expect(coversSources(['/data/corpus'], ['/data/corpus', '/data/more.jsonl'])).toBe(false);
    expect(coversSources(['/data/corpus'], ['/data/corpus-2'])).toBe(false);
    expect(coversSources(['/data/corpus/x'], ['/data/corpus'])).toBe(false);
    expect(coversSources(['-'], ['-'])).toBe(false);
  });

  it('resolves the interrupted loads a completing load finds: resumed when it covered their sources, else superseded; running ones are left alone', () => {
    const others: LoadRecord[] = [
      judgeLoad(stored({ id: 'load:same' }), false),
      judgeLoad(stored({ id: 'load:other', sources: ['/elsewhere.jsonl'] }), false),
      judgeLoad(stored({ id: 'load:live' }), true),
      judgeLoad(stored({ id: 'load:done', done: true }), false),
    ];
    expect(resolveInterrupted({ id: 'load:new', sources: ['/data/corpus'] }, others)).toEqual([
      { id: 'load:same', how: 'resumed' },
      { id: 'load:other', how: 'superseded' },
    ]);
  });

  it('makes the store not ready while a load is interrupted, naming the count and what to do but no path', () => {
    expect(loadCheck([])).toEqual({ name: 'load', ok: true });
    expect(loadCheck([judgeLoad(stored(), true), judgeLoad(stored({ done: true }), false)])).toEqual({ name: 'load', ok: true });
    const check = loadCheck([judgeLoad(stored(), false)]);
    expect(check).toEqual({
      name: 'load',
      ok: false,
      problem: 'a load started 2026-12-03T10:00:00.000Z was interrupted at 1000 of 5000 papers; run the same `kg load` again (`kg stats` names its sources)',
    });
    expect(check.problem).not.toContain('/data');
  });

  it('describes each state in one line', () => {
    expect(describeLoad(judgeLoad(stored(), false))).toBe(
      'load of /data/corpus started 2026-12-03T10:00:00.000Z: interrupted at 1000 of 5000 papers (pid 42 on h ended before it completed); run `kg load /data/corpus` again to finish it',
    );
    expect(describeLoad(judgeLoad(stored({ done: true, completedAt: '2026-12-03T10:05:00.000Z', papersWritten: 5000 }), false))).toBe(
      'load of /data/corpus started 2026-12-03T10:00:00.000Z: completed 2026-12-03T10:05:00.000Z, 5000 papers',
    );
  });
});

const neo4j = await connectTestNeo4j();
const dir = await mkdtemp(join(tmpdir(), 'kg-load-record-'));
afterAll(async () => {
  await neo4j?.clear();
  await neo4j?.close();
  await rm(dir, { recursive: true, force: true });
});

function graphs(n: number) {
  const collector = new PaperCollector();
  for (let i = 0; i < n; i++)
    collector.add({
      title: `Record Paper ${i}`,
      abstract: `We propose RecordNet-${i} for parameter-efficient fine-tuning.`,
      source: { file: 'records.jsonl', line: i + 1 },
    });
  return buildGraphs(extractCorpus(collector.papers()));
}

describe('load records in the stores', () => {
  const stores: Array<[string, () => Promise<GraphStore>]> = [['embedded', async () => EmbeddedStore.open(join(dir, 'embedded'))]];
  if (neo4j)
    stores.push([
      'neo4j',
      async () => {
        await neo4j.clear();
        return neo4j;
      },
    ]);

  it.each(stores)('%s: counts each batch into the record and completes it with the derived edges, outside the counts', async (name, open) => {
    const store = await open();
    const papers = graphs(6);
    const id = await store.beginLoad({ sources: ['/data/records.jsonl'], papersTotal: papers.length });
    expect((await store.loads()).map((l) => [l.id, l.state, l.papersWritten])).toEqual([[id, 'running', 0]]);
    await store.writePapers(papers.slice(0, 4), id);
    expect((await store.loads())[0]).toMatchObject({ state: 'running', papersWritten: 4, papersTotal: 6 });
    await store.writePapers(papers.slice(4), id);
    await store.refreshDerived(id);
    const [load] = await store.loads();
    expect(load).toMatchObject({ id, state: 'completed', papersWritten: 6, sources: ['/data/records.jsonl'] });
    expect(load!.completedAt).not.toBeNull();
    expect((await store.counts()).labels.Paper).toBe(6);
    expect((await store.checkReady()).map((c) => c.name)).not.toContain('load');
    if (name === 'embedded') {
      // Saved with the graph: a reader of the folder sees the same record.
      await store.close();
      const reader = EmbeddedStore.open(join(dir, 'embedded'), { access: 'read' });
      expect((await reader.loads())[0]).toMatchObject({ id, state: 'completed', papersWritten: 6 });
      await reader.close();
    }
  });

  it.skipIf(!neo4j)('neo4j: a running record without a heartbeat for two minutes reads as interrupted, and its next batch revives it', async () => {
    await neo4j!.clear();
    const id = await neo4j!.beginLoad({ sources: ['/data/records.jsonl'], papersTotal: 3 });
    await neo4j!.runWrite('MATCH (s:KgState {id: $id}) SET s.seenAt = datetime() - duration({minutes: 3})', { id });
    expect((await neo4j!.loads())[0]!.state).toBe('interrupted');
    await neo4j!.writePapers(graphs(3), id);
    expect((await neo4j!.loads())[0]).toMatchObject({ state: 'running', papersWritten: 3 });
    // Another load completing meanwhile leaves a live one alone.
    const other = await neo4j!.beginLoad({ sources: ['/data/other.jsonl'], papersTotal: 0 });
    await neo4j!.refreshDerived(other);
    expect((await neo4j!.loads()).map((l) => [l.id, l.state])).toEqual([
      [other, 'completed'],
      [id, 'running'],
    ]);
    await neo4j!.refreshDerived(id);
  });
});
