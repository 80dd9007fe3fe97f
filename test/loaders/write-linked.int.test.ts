import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPapers } from '../../loaders/collect-papers.js';
import { extractOwn, type PaperExtraction } from '../../loaders/extract-corpus.js';
import { storedExtractions, writeLinked } from '../../loaders/write-linked.js';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { ENTITY_LABELS, type StoredExtraction } from '../../src/graph/model.js';
import type { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import type { GraphStore } from '../../src/store/store.js';
import { connectTestNeo4j } from '../store/use-neo4j.js';

/**
 * Identity does not depend on how papers arrive: the sample corpus written at once, in two
 * halves, one paper at a time for a slice, in reverse order, or by two concurrent loaders gives
 * the same graph — every node with every property, every edge with its evidence, every count —
 * on both stores.
 */

let corpus: PaperExtraction[];
const dirs: string[] = [];
const neo4j = await connectTestNeo4j();

beforeAll(async () => {
  const { papers } = await collectPapers(['data/papers']);
  corpus = papers.map((paper) => ({ paper, entities: extractOwn(paper) }));
}, 300_000);

afterAll(async () => {
  await neo4j?.close();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function embeddedStore(): Promise<EmbeddedStore> {
  const dir = await mkdtemp(join(tmpdir(), 'kg-linked-'));
  dirs.push(dir);
  return EmbeddedStore.open(dir);
}

/** Every stored paper with its record, walked in pages of 7 (so that paging itself is exercised). */
async function allStored(store: GraphStore): Promise<StoredExtraction[]> {
  const stored: StoredExtraction[] = [];
  for await (const s of storedExtractions(store, 7)) stored.push(s);
  return stored;
}

/** Everything a client can read of the graph, in a canonical order, as one JSON text. */
async function dumpGraph(store: GraphStore): Promise<string> {
  const stored = await allStored(store);
  const paperIds = stored.map((s) => s.paper.id);
  const links = await store.paperLinksMany(paperIds);
  const entityIds = [...new Set(links.flat().flatMap((l) => ((ENTITY_LABELS as readonly string[]).includes(l.target.label) ? [l.target.node.id] : [])))].sort();
  const broader = await store.linkedMany(entityIds, 'BROADER', 'out');
  const cites = await store.linkedMany(paperIds, 'CITES', 'out');
  const byId = <T extends { target: { node: { id: string } }; type: string }>(a: T, b: T) =>
    a.type.localeCompare(b.type) || a.target.node.id.localeCompare(b.target.node.id);
  return JSON.stringify({
    counts: await store.counts(),
    papers: stored.map((s, i) => ({
      paper: s.paper,
      digest: s.extraction?.digest,
      links: [...links[i]!].sort(byId),
      cites: cites[i]!.map((n) => n.node.id),
    })),
    broader: entityIds.map((id, i) => [id, broader[i]!.map((n) => n.node.id)]),
  });
}

async function writeInParts(store: GraphStore, parts: readonly PaperExtraction[][]): Promise<string> {
  for (const part of parts) await writeLinked(part, store, { batchSize: 100 });
  return dumpGraph(store);
}

function halves<T>(items: readonly T[]): T[][] {
  const middle = Math.floor(items.length / 2);
  return [items.slice(0, middle), items.slice(middle)];
}

describe('writeLinked on the embedded store', () => {
  let atOnce: string;

  beforeAll(async () => {
    atOnce = await writeInParts(await embeddedStore(), [corpus]);
  }, 300_000);

  it('gives the same graph for the corpus in two halves', async () => {
    expect(await writeInParts(await embeddedStore(), halves(corpus))).toBe(atOnce);
  }, 300_000);

  it('gives the same graph for the corpus in reverse order, in halves', async () => {
    expect(await writeInParts(await embeddedStore(), halves([...corpus].reverse()))).toBe(atOnce);
  }, 300_000);

  it('gives the same graph when the last papers arrive one at a time', async () => {
    const cut = corpus.length - 5;
    expect(await writeInParts(await embeddedStore(), [corpus.slice(0, cut), ...corpus.slice(cut).map((e) => [e])])).toBe(atOnce);
  }, 300_000);

  it('re-links a stored paper when a new one changes its identity, and only then', async () => {
    const store = await embeddedStore();
    const [first, second] = halves(corpus);
    await writeLinked(first!, store, { batchSize: 100 });
    const report = await writeLinked(second!, store, { batchSize: 100 });
    expect(report.papers).toBe(second!.length);
    // Some papers of the first half share entities the second half names differently…
    expect(report.relinked).toBeGreaterThan(0);
    // …but most of them are left as they were.
    expect(report.relinked).toBeLessThan(first!.length);
    const again = await writeLinked([], store, { batchSize: 100 });
    expect(again.relinked).toBe(0);
  }, 300_000);

  it('links what other rules stored again under the current rules', async () => {
    const store = await embeddedStore();
    await writeLinked(corpus.slice(0, 50), store, { batchSize: 100 });
    // A paper whose stored record comes from other rules is extracted again from its text.
    const stored = await allStored(store);
    const graph = { paper: stored[0]!.paper, entities: [], repositories: [], links: [], results: [], edges: [] };
    await store.writePapers([graph]);
    const report = await writeLinked([], store, { batchSize: 100 });
    expect(report.relinked).toBeGreaterThanOrEqual(1);
    const reference = await embeddedStore();
    await writeLinked(corpus.slice(0, 50), reference, { batchSize: 100 });
    expect(await dumpGraph(store)).toBe(await dumpGraph(reference));
  }, 300_000);
});

describe.skipIf(!neo4j)('writeLinked on Neo4j', () => {
  let embeddedAtOnce: string;

  beforeAll(async () => {
    embeddedAtOnce = await writeInParts(await embeddedStore(), [corpus]);
  }, 300_000);

  it('gives, in two halves, the graph the embedded store gives at once', async () => {
    const store = neo4j as Neo4jStore;
    await store.clear();
    expect(await writeInParts(store, halves([...corpus].reverse()))).toBe(embeddedAtOnce);
  }, 600_000);

  it('gives the same graph when two loaders write disjoint halves at the same time', async () => {
    const store = neo4j as Neo4jStore;
    await store.clear();
    const other = (await connectTestNeo4j())!;
    try {
      const [a, b] = halves(corpus);
      const reports = await Promise.all([writeLinked(a!, store, { batchSize: 50 }), writeLinked(b!, other, { batchSize: 50 })]);
      expect(reports.map((r) => r.papers)).toEqual([a!.length, b!.length]);
    } finally {
      await other.close();
    }
    expect(await dumpGraph(store)).toBe(embeddedAtOnce);
  }, 600_000);
});
