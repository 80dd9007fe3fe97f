import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraphs } from '../../loaders/build-graph.js';
import { collectPapers } from '../../loaders/collect-papers.js';
import { extractCorpus } from '../../loaders/corpus-identity.js';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import type { PaperGraph } from '../../src/graph/model.js';
import type { SortKey, Window } from '../../src/store/keyset.js';
import type { GraphStore, PageArgs } from '../../src/store/store.js';
import { connectTestNeo4j } from './use-neo4j.js';

/**
 * One contract for both stores, on the real sample corpus: each question is asked of the
 * embedded store and of a real Neo4j, and the answers must be identical and right.
 */

let graphs: PaperGraph[];
let dir: string;
let embedded: EmbeddedStore;
const neo4j = await connectTestNeo4j();

beforeAll(async () => {
  const { papers } = await collectPapers(['data/papers']);
  graphs = buildGraphs(extractCorpus(papers));
  dir = await mkdtemp(join(tmpdir(), 'kg-store-'));
  embedded = EmbeddedStore.open(dir);
  await embedded.writePapers(graphs);
  await embedded.refreshDerived();
  if (neo4j) {
    await neo4j.clear();
    for (let i = 0; i < graphs.length; i += 200) await neo4j.writePapers(graphs.slice(i, i + 200));
    await neo4j.refreshDerived();
  }
}, 600_000);

afterAll(async () => {
  await embedded?.close();
  await neo4j?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A window as `papersOf` takes it: its cursors are paper ids, the single value of its keys. */
const idArgs = (w: Window): PageArgs => ({
  ...(w.first !== undefined ? { first: w.first } : {}),
  ...(w.last !== undefined ? { last: w.last } : {}),
  ...(w.after ? { after: String(w.after[0]) } : {}),
  ...(w.before ? { before: String(w.before[0]) } : {}),
});

/**
 * Reads a whole list window by window, forward (first/after) or backward (last/before), checking
 * Relay's page flags on the way: the ids in list order.
 */
async function pageThrough(
  read: (window: Window) => Promise<{ papers: Array<{ id: string }>; keys: SortKey[]; hasNextPage: boolean; hasPreviousPage: boolean }>,
  direction: 'forward' | 'backward',
  size: number,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: SortKey | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await read(
      direction === 'forward' ? { first: size, ...(cursor ? { after: cursor } : {}) } : { last: size, ...(cursor ? { before: cursor } : {}) },
    );
    if (direction === 'forward') ids.push(...page.papers.map((p) => p.id));
    else ids.unshift(...page.papers.map((p) => p.id));
    const more = direction === 'forward' ? page.hasNextPage : page.hasPreviousPage;
    const back = direction === 'forward' ? page.hasPreviousPage : page.hasNextPage;
    expect(back).toBe(cursor !== undefined);
    if (!more) return ids;
    expect(page.papers).toHaveLength(size);
    cursor = direction === 'forward' ? page.keys.at(-1) : page.keys[0];
  }
  throw new Error('paging did not end');
}

const paperTitled = (prefix: string): string => graphs.find((g) => g.paper.title.startsWith(prefix))!.paper.id;

/** Two papers that share at least one dataset, found from the written graphs themselves. */
function paperPairSharingDataset(): [string, string] {
  const byDataset = new Map<string, string[]>();
  for (const g of graphs) for (const e of g.edges) if (e.type === 'EVALUATES_ON') byDataset.set(e.to, [...(byDataset.get(e.to) ?? []), g.paper.id]);
  const [, papers] = [...byDataset].filter(([, p]) => p.length >= 2).sort((a, b) => (a[0] < b[0] ? -1 : 1))[0]!;
  return [papers[0]!, papers[1]!];
}

/** A paper that reports results, and the dataset with the most results. */
function paperWithResults(): string {
  return graphs.filter((g) => g.results.length > 0).sort((a, b) => b.results.length - a.results.length || (a.paper.id < b.paper.id ? -1 : 1))[0]!.paper.id;
}

function describeContract(name: string, store: () => GraphStore) {
  describe(`${name} store`, () => {
    it('reads a node with the parts a request needs, as the single reads give them', async () => {
      const paperId = paperWithResults();
      const paper = (await store().nodeWith(paperId, { links: true }))!;
      expect(paper.node).toEqual(await store().node(paperId));
      expect(paper.links).toEqual(await store().paperLinks(paperId));
      const results = paper.links!.filter((l) => l.type === 'REPORTS').map((l) => l.target.node as { datasetId: string; metricId: string | null });
      expect(results.length).toBeGreaterThan(0);
      const referenced = [...new Set(results.flatMap((r) => [r.datasetId, ...(r.metricId ? [r.metricId] : [])]))].sort();
      expect(paper.referenced.map((n) => n.node.id)).toEqual(referenced);

      const dataset = (await store().nodeWith('dataset:imagenet', { papers: { first: 3, after: 'paper:1' }, leaderboard: {} }))!;
      expect(dataset.node).toEqual(await store().node('dataset:imagenet'));
      expect(dataset.papers).toEqual(await store().papersOf('dataset:imagenet', { first: 3, after: 'paper:1' }));
      expect(dataset.leaderboard).toEqual(await store().leaderboard('dataset:imagenet'));
      expect(dataset.leaderboard!.length).toBeGreaterThan(1);
      const metricId = dataset.leaderboard![0]!.metric!.id;
      expect((await store().nodeWith('dataset:imagenet', { leaderboard: { metricId } }))!.leaderboard).toEqual(
        await store().leaderboard('dataset:imagenet', { metricId }),
      );
      expect((await store().nodeWith('dataset:imagenet', { leaderboard: { setting: 'zero-shot' } }))!.leaderboard).toEqual(
        await store().leaderboard('dataset:imagenet', { setting: 'zero-shot' }),
      );
      const resultless = [...new Set(graphs.flatMap((g) => g.edges.filter((e) => e.type === 'EVALUATES_ON').map((e) => e.to)))]
        .sort()
        .find((id) => !graphs.some((g) => g.results.some((r) => r.datasetId === id)))!;
      const quiet = (await store().nodeWith(resultless, { papers: { first: 1 }, leaderboard: {} }))!;
      expect(quiet.leaderboard).toEqual([]);
      expect(quiet.papers!.totalCount).toBeGreaterThan(0);
      // Parts that do not apply to the node's kind are left out; a missing node is null.
      expect(await store().nodeWith('method:lora', { links: true, leaderboard: {} })).toEqual({ node: await store().node('method:lora'), referenced: [] });
      expect(await store().nodeWith('paper:0000000000000000', { links: true })).toBeNull();
      expect(await store().nodeWith('no-such-kind:x', { links: true })).toBeNull();
    });

    it("keeps each result's method, setting and split, with an edge to the method", async () => {
      const qualified = graphs.flatMap((g) =>
        g.results.filter((r) => r.methodId !== null || r.setting !== null || r.split !== null).map((r) => ({ paperId: g.paper.id, result: r })),
      );
      // The sample corpus has every qualifier: methods, zero-shot and fine-tuned numbers, splits.
      expect(new Set(qualified.map((q) => q.result.setting))).toEqual(new Set([null, 'zero-shot', 'fine-tuned', 'linear-probe']));
      expect(qualified.some((q) => q.result.split === 'test-other')).toBe(true);
      for (const { paperId, result } of qualified) {
        const links = await store().paperLinks(paperId);
        expect(links.find((l) => l.target.node.id === result.id)?.target.node).toEqual(result);
      }
      const scored = graphs.flatMap((g) => g.results).filter((r) => r.methodId !== null);
      expect(scored.length).toBeGreaterThan(50);
      expect((await store().counts()).relationships.SCORED_BY).toBe(scored.length);
      const [first] = scored;
      expect((await store().linked(first!.id, 'SCORED_BY', 'out')).map((n) => n.node.id)).toEqual([first!.methodId]);
    });

    it("ranks a dataset's scores in groups of one metric and one setting, one row per paper and method", async () => {
      const datasets = [...new Set(graphs.flatMap((g) => g.results.map((r) => r.datasetId)))].sort();
      for (const datasetId of datasets) {
        const groups = await store().leaderboard(datasetId);
        const scores = graphs.flatMap((g) => g.results.filter((r) => r.datasetId === datasetId && r.kind === 'score').map((r) => ({ paperId: g.paper.id, r })));
        expect(
          groups.reduce((n, g) => n + g.rows.length, 0),
          datasetId,
        ).toBe(new Set(scores.map(({ paperId, r }) => `${r.metricId}|${r.setting}|${paperId}|${r.methodId}`)).size);
        expect(new Set(groups.map((g) => `${g.metric?.id}|${g.setting}`)).size).toBe(groups.length);
        for (const group of groups) {
          expect(group.higherIsBetter).toBe(group.metric?.higherIsBetter ?? null);
          const values = group.rows.map((row) => row.result.value);
          expect(values).toEqual([...values].sort((a, b) => (group.higherIsBetter === false ? a - b : b - a)));
          expect(new Set(group.rows.map((row) => `${row.paper.id}|${row.result.methodId}`)).size).toBe(group.rows.length);
          for (const row of group.rows) {
            expect([row.result.kind, row.result.metricId, row.result.setting, row.method?.id ?? null]).toEqual([
              'score',
              group.metric?.id ?? null,
              group.setting,
              row.result.methodId,
            ]);
            // The row holds the best of that paper's and method's scores in the group.
            const rivals = scores
              .filter(
                ({ paperId, r }) =>
                  paperId === row.paper.id && r.methodId === row.result.methodId && r.metricId === row.result.metricId && r.setting === row.result.setting,
              )
              .map(({ r }) => r.value);
            expect(row.result.value).toBe(group.higherIsBetter === false ? Math.min(...rivals) : Math.max(...rivals));
          }
        }
      }
      // CoCa's zero-shot and fine-tuned ImageNet numbers sit in groups of their own.
      const imagenet = await store().leaderboard('dataset:imagenet');
      const coca = paperTitled('CoCa');
      const settingsOf = (value: number) =>
        imagenet.filter((g) => g.rows.some((row) => row.paper.id === coca && row.result.value === value)).map((g) => g.setting);
      expect([settingsOf(86.3), settingsOf(91)]).toEqual([['zero-shot'], ['fine-tuned']]);
      expect(await store().leaderboard('dataset:imagenet', { setting: 'zero-shot' })).toEqual(imagenet.filter((g) => g.setting === 'zero-shot'));
      const metricId = imagenet[0]!.metric!.id;
      expect(await store().leaderboard('dataset:imagenet', { metricId })).toEqual(imagenet.filter((g) => g.metric?.id === metricId));
      expect(await store().leaderboard('dataset:no-such-dataset')).toEqual([]);
    });

    it('holds every paper of the corpus and a uniquely identified node for every entity', async () => {
      const counts = await store().counts();
      expect(counts.labels.Paper).toBe(441);
      const expectedEntities = new Set(graphs.flatMap((g) => g.entities.map((e) => e.id)));
      const total = counts.labels.Method + counts.labels.Dataset + counts.labels.Task + counts.labels.Metric + counts.labels.Concept;
      expect(total).toBe(expectedEntities.size);
      expect(counts.relationships.REPORTS).toBe(graphs.reduce((n, g) => n + g.results.length, 0));
      expect(counts.relationships.BROADER).toBeGreaterThan(0);
    });

    it("answers one paper's entities with their evidence", async () => {
      const links = await store().paperLinks(paperTitled('Deep Task-specific Bottom Representation Network'));
      const proposed = links.filter((l) => l.type === 'PROPOSES').map((l) => l.target.node.id);
      expect(proposed).toContain('method:dtrn');
      const used = links.filter((l) => l.type === 'USES').map((l) => l.target.node.id);
      expect(used).toEqual(expect.arrayContaining(['method:mmoe', 'method:ple']));
      for (const l of links.filter((x) => x.type !== 'REPORTS')) expect(l.evidence.length).toBeGreaterThan(0);
    });

    it('pages through the papers of a method in id order', async () => {
      const all = await store().papersOf('method:lora', { first: 100 });
      expect(all.totalCount).toBeGreaterThanOrEqual(3);
      const firstPage = await store().papersOf('method:lora', { first: 2 });
      const secondPage = await store().papersOf('method:lora', { first: 2, after: firstPage.papers.at(-1)!.id });
      expect([...firstPage.papers, ...secondPage.papers].map((p) => p.id)).toEqual(all.papers.slice(0, 4).map((p) => p.id));
    });

    it('replaces a changed paper without duplicating anything, and a reload changes no count', async () => {
      const before = await store().counts();
      const original = graphs.find((g) => g.edges.some((e) => e.type === 'USES'))!;
      const changed: PaperGraph = {
        ...original,
        paper: { ...original.paper, title: `${original.paper.title} (revised)` },
        entities: [...original.entities, { id: 'concept:contract-test-concept', label: 'Concept', name: 'contract test concept', aliases: [] }],
        edges: [
          ...original.edges.filter((e) => e.type !== 'USES'),
          { type: 'MENTIONS', to: 'concept:contract-test-concept', evidence: [{ field: 'abstract', start: 0, end: 4 }] },
        ],
      };
      const dropped = original.edges.filter((e) => e.type === 'USES').map((e) => e.to);
      const countsBefore = await store().paperCounts(dropped);
      await store().writePapers([changed]);
      await store().refreshDerived();
      const after = await store().counts();
      // Paper counts follow the edges a rewrite drops and adds (Neo4j keeps them on the nodes).
      const stillThere = dropped.filter((_, i) => countsBefore[i]! > 1);
      expect(await store().paperCounts(stillThere)).toEqual(stillThere.map((id) => countsBefore[dropped.indexOf(id)]! - 1));
      const browsed = await store().listEntities('Concept', { text: 'contract test concept' }, { field: 'paperCount', descending: true }, { first: 5 });
      expect(browsed.items.map((e) => [e.node.node.id, e.paperCount])).toEqual([['concept:contract-test-concept', 1]]);
      const removedUses = original.edges.filter((e) => e.type === 'USES').length;
      expect(after.relationships.USES).toBe(before.relationships.USES - removedUses);
      expect(after.relationships.MENTIONS).toBe(before.relationships.MENTIONS + 1);
      expect((await store().node(original.paper.id))?.node).toMatchObject({ title: `${original.paper.title} (revised)` });
      await store().writePapers([original]);
      await store().refreshDerived();
      expect(await store().counts()).toEqual(before);
      expect(await store().paperCounts(dropped)).toEqual(countsBefore);
      expect(await store().node('concept:contract-test-concept')).toBeNull();
      await store().writePapers(graphs);
      await store().refreshDerived();
      expect(await store().counts()).toEqual(before);
    });
  });
}

describeContract('embedded', () => embedded);

describe.skipIf(!neo4j)('Neo4j store', () => {
  describeContract('neo4j', () => neo4j!);

  describe('gives the same answers as the embedded store', () => {
    const same = async <T>(ask: (store: GraphStore) => Promise<T>): Promise<T> => {
      const expected = await ask(embedded);
      expect(await ask(neo4j!)).toEqual(expected);
      return expected;
    };

    it('counts per label and relationship type', async () => {
      await same((s) => s.counts());
    });

    it('fills in the listing keys and paper counts that a graph written by an earlier version lacks', async () => {
      await neo4j!.runWrites([
        { statement: 'MATCH (n) REMOVE n.orderTitle, n.orderPublished, n.hasCode, n.paperCount, n.orderName', parameters: {} },
        { statement: "MATCH (s:KgState {id: 'schema'}) DELETE s", parameters: {} },
      ]);
      const reconnected = (await connectTestNeo4j())!;
      await reconnected.close();
      for (const order of ['title', 'published'] as const) await same((s) => s.listPapers({}, order, { first: 7 }));
      await same((s) => s.listPapers({ hasCode: true }, 'published', { first: 7 }));
      await same((s) => s.listEntities('Dataset', {}, { field: 'paperCount', descending: true }, { first: 10 }));
      await same((s) => s.listEntities('Repository', { minPapers: 1 }, { field: 'name', descending: false }, { first: 10 }));
    });

    it("one paper's entities, edges and evidence", async () => {
      for (const prefix of [
        'Deep Task-specific Bottom Representation Network',
        'Sensitivity-Aware Visual Parameter-Efficient Fine-Tuning',
        'Pointer Networks',
      ]) {
        const links = await same((s) => s.paperLinks(paperTitled(prefix)));
        expect(links.length).toBeGreaterThan(0);
      }
    });

    it('papers per method, dataset, task and concept', async () => {
      for (const id of [
        'method:lora',
        'method:clip',
        'dataset:imagenet',
        'task:person-re-identification',
        'concept:parameter-efficient-finetuning',
        'concept:diffusion-model',
      ]) {
        const page = await same((s) => s.papersOf(id, { first: 50 }));
        expect(page.totalCount, id).toBeGreaterThan(0);
      }
    });

    it('the datasets two papers share, with their results', async () => {
      const shared = await same((s) => s.sharedDatasets(paperPairSharingDataset()));
      expect(shared.length).toBeGreaterThan(0);
      await same((s) => s.sharedDatasets(['paper:290c5f96cca6fe54', 'paper:8de26e660a770d66']));
    });

    it('a node with its links, papers and leaderboard in one read', async () => {
      await same((s) => s.nodeWith(paperWithResults(), { links: true }));
      await same((s) => s.nodeWith('dataset:imagenet', { papers: { first: 11 }, leaderboard: {} }));
      await same((s) => s.nodeWith('concept:diffusion-model', { papers: { first: 5, after: 'paper:5' } }));
    });

    it('papers related to a paper by shared entities, ranked and explained', async () => {
      const related = (await same((s) => s.relatedPapers(paperTitled('Sensitivity-Aware Visual Parameter-Efficient Fine-Tuning'), { first: 10 }))).items;
      expect(related.length).toBe(10);
      for (let i = 1; i < related.length; i++) expect(related[i - 1]!.score).toBeGreaterThanOrEqual(related[i]!.score);
      for (const r of related) expect(r.shared.length).toBeGreaterThan(0);
    });

    it('the shortest connection between two concepts through papers', async () => {
      const path = await same((s) => s.shortestPath('concept:catastrophic-forgetting', 'concept:diffusion-model', 4));
      expect(path).not.toBeNull();
      expect(path!.nodes[0]!.id).toBe('concept:catastrophic-forgetting');
      expect(path!.nodes.at(-1)!.id).toBe('concept:diffusion-model');
      expect(path!.edges).toHaveLength(path!.nodes.length - 1);
    });

    it('full-text search hits across papers and entities', async () => {
      // Hyphens and case, names equal to the query, repositories, aliases, a repeated term.
      for (const query of [
        'person re-identification',
        'Re-Identification',
        'LoRA',
        'low-rank adaptation',
        'diffusion transformers',
        'homeostatic neural networks',
        'ImageNet',
        'ziplab',
        'SPT',
        'vision vision transformer',
        'top-1 accuracy',
        'GPT-3.5',
        'relabel_imagenet',
      ]) {
        const hits = await same((s) => s.search(query, { window: { first: 10 } }));
        expect(hits.items.length, query).toBeGreaterThan(0);
      }
      await same((s) => s.search('retrieval', { labels: ['Dataset', 'Task'], window: { first: 20 } }));
    });

    it('a leaderboard ordered by the metric direction', async () => {
      const dataset = graphs
        .flatMap((g) => g.results)
        .map((r) => r.datasetId)
        .sort()[0]!;
      const board = await same((s) => s.leaderboard(dataset));
      expect(board.length).toBeGreaterThan(0);
    });

    it("every dataset's leaderboard groups, and one metric's or one setting's", async () => {
      for (const dataset of [...new Set(graphs.flatMap((g) => g.results.map((r) => r.datasetId)))].sort()) await same((s) => s.leaderboard(dataset));
      const imagenet = await same((s) => s.leaderboard('dataset:imagenet'));
      expect(imagenet.some((g) => g.rows.some((row) => row.method !== null))).toBe(true);
      await same((s) => s.leaderboard('dataset:imagenet', { setting: 'fine-tuned' }));
      await same((s) => s.leaderboard('dataset:imagenet', { metricId: imagenet[0]!.metric!.id, setting: 'zero-shot' }));
      await same((s) => s.nodeWith('dataset:imagenet', { leaderboard: { setting: 'zero-shot' } }));
      // Groups cut to their best rows keep the order all their rows give them.
      for (const rowsPerGroup of [0, 1, 2]) {
        const cut = await same((s) => s.leaderboard('dataset:imagenet', { rowsPerGroup }));
        expect(cut.map((g) => [g.metric?.id, g.setting, g.rows])).toEqual(imagenet.map((g) => [g.metric?.id, g.setting, g.rows.slice(0, rowsPerGroup)]));
      }
      await same((s) => s.nodeWith('dataset:imagenet', { leaderboard: { rowsPerGroup: 1 } }));
    });
  });
});

describe('keyset paging: windows of every list, the same on both stores', () => {
  /** The embedded store's answer, checked equal to Neo4j's when there is one. */
  const same = async <T>(ask: (store: GraphStore) => Promise<T>): Promise<T> => {
    const expected = await ask(embedded);
    if (neo4j) expect(await ask(neo4j)).toEqual(expected);
    return expected;
  };

  it('extraction records page in id order: every stored paper once, with the record it was written with', async () => {
    const ids = graphs.map((g) => g.paper.id).sort();
    for (const size of [1, 7, 1000]) {
      const paged: string[] = [];
      for (let after = ''; ; ) {
        const page = await same((s) => s.readExtractions(after, size));
        expect(page.length).toBeLessThanOrEqual(size);
        paged.push(...page.map((p) => p.paper.id));
        if (page.length < size) break;
        after = page[page.length - 1]!.paper.id;
      }
      expect(paged).toEqual(ids);
    }
    const [first] = await same((s) => s.readExtractions(ids[10]!, 1));
    expect(first!.paper.id).toBe(ids[11]);
    expect(first!.extraction).toEqual(graphs.find((g) => g.paper.id === ids[11])!.extraction ?? null);
    expect(await same((s) => s.readExtractions(ids[ids.length - 1]!, 5))).toEqual([]);
  });

  it('keyset windows of papers: every order paged forward and backward gives the whole list once', async () => {
    for (const order of ['id', 'title', 'published'] as const) {
      const all = await same((s) => s.listPapers({}, order, { first: 100_000 }));
      expect(all.totalCount).toBe(graphs.length);
      expect(all.hasNextPage || all.hasPreviousPage).toBe(false);
      const forward = await pageThrough((window) => same((s) => s.listPapers({}, order, window)), 'forward', 97);
      expect(forward).toEqual(all.papers.map((p) => p.id));
      const backward = await pageThrough((window) => same((s) => s.listPapers({}, order, window)), 'backward', 97);
      expect(backward).toEqual(all.papers.map((p) => p.id));
    }
    const filtered = await same((s) => s.listPapers({ nodeIds: ['dataset:imagenet'] }, 'title', { last: 3 }));
    expect(filtered.papers).toHaveLength(3);
    expect(filtered.hasPreviousPage).toBe(true);
    expect(filtered.hasNextPage).toBe(false);
  });

  it("keyset windows of a node's papers, batched the same as one by one", async () => {
    const all = await same((s) => s.papersOf('dataset:imagenet', { first: 1000 }));
    expect(await pageThrough((w) => same((s) => s.papersOf('dataset:imagenet', idArgs(w))), 'forward', 4)).toEqual(all.papers.map((p) => p.id));
    expect(await pageThrough((w) => same((s) => s.papersOf('dataset:imagenet', idArgs(w))), 'backward', 4)).toEqual(all.papers.map((p) => p.id));
    const ids = ['dataset:imagenet', 'method:lora', 'concept:diffusion-model', 'task:no-such-task', 'paper:0'];
    const many = await same((s) => s.papersOfMany(ids, { last: 2, before: 'paper:f' }));
    for (const [i, id] of ids.entries()) expect(many[i]).toEqual(await embedded.papersOf(id, { last: 2, before: 'paper:f' }));
    const counts = await same((s) => s.paperCounts(ids));
    for (const [i, id] of ids.entries()) expect(counts[i]).toBe((await embedded.papersOf(id, { first: 0 })).totalCount);
    const boards = await same((s) => s.leaderboardMany(['dataset:imagenet', 'dataset:no-such', 'dataset:imagenet']));
    expect(boards[0]).toEqual(await embedded.leaderboard('dataset:imagenet'));
    expect(boards[1]).toEqual([]);
  });

  it('browse lists of every entity kind, by paper count and by name, filtered', async () => {
    for (const label of ['Method', 'Dataset', 'Task', 'Metric', 'Concept', 'Repository'] as const) {
      for (const order of [
        { field: 'paperCount', descending: true },
        { field: 'name', descending: false },
      ] as const) {
        const all = await same((s) => s.listEntities(label, {}, order, { first: 100_000 }));
        expect(all.totalCount, label).toBeGreaterThan(0);
        const counts = await embedded.paperCounts(all.items.map((e) => e.node.node.id));
        expect(all.items.map((e) => e.paperCount)).toEqual(counts);
        const paged = await pageThrough(
          async (w) => {
            const slice = await same((s) => s.listEntities(label, {}, order, w));
            return {
              papers: slice.items.map((e) => ({ id: e.node.node.id })),
              keys: slice.keys,
              hasNextPage: slice.hasNextPage,
              hasPreviousPage: slice.hasPreviousPage,
            };
          },
          'forward',
          53,
        );
        expect(paged).toEqual(all.items.map((e) => e.node.node.id));
      }
    }
    const popular = await same((s) => s.listEntities('Dataset', { minPapers: 5 }, { field: 'paperCount', descending: true }, { first: 5 }));
    expect(popular.items[0]!.paperCount).toBeGreaterThanOrEqual(popular.items.at(-1)!.paperCount);
    expect(popular.items.every((e) => e.paperCount >= 5)).toBe(true);
    const named = await same((s) => s.listEntities('Method', { text: 'lora' }, { field: 'name', descending: false }, { first: 50 }));
    expect(named.items.map((e) => e.node.node.id)).toContain('method:lora');
  });

  it('search and related papers page by keyset like the rest', async () => {
    const all = await same((s) => s.search('learning', { window: { first: 1000 } }));
    expect(all.totalCount).toBeGreaterThan(40);
    const paged = await pageThrough(
      async (w) => {
        const slice = await same((s) => s.search('learning', { window: w }));
        return { papers: slice.items, keys: slice.keys, hasNextPage: slice.hasNextPage, hasPreviousPage: slice.hasPreviousPage };
      },
      'forward',
      17,
    );
    expect(paged).toEqual(all.items.map((h) => h.id));
    const paper = paperTitled('Sensitivity-Aware Visual Parameter-Efficient Fine-Tuning');
    const related = await same((s) => s.relatedPapers(paper, { first: 1000 }));
    const relatedPaged = await pageThrough(
      async (w) => {
        const slice = await same((s) => s.relatedPapers(paper, w));
        return { papers: slice.items.map((r) => r.paper), keys: slice.keys, hasNextPage: slice.hasNextPage, hasPreviousPage: slice.hasPreviousPage };
      },
      'backward',
      7,
    );
    expect(relatedPaged).toEqual(related.items.map((r) => r.paper.id));
  });
});

describe('embedded store persistence', () => {
  it('reopens from its data directory with the same graph and index, nothing re-extracted', async () => {
    await embedded.close();
    const reopened = EmbeddedStore.open(dir);
    expect(await reopened.counts()).toEqual(await embedded.counts());
    expect(await reopened.search('person re-identification', { window: { first: 5 } })).toEqual(
      await embedded.search('person re-identification', { window: { first: 5 } }),
    );
  });

  it('starts empty from a file of an older format and keeps that file aside', async () => {
    const old = await mkdtemp(join(tmpdir(), 'kg-store-old-'));
    try {
      await writeFile(join(old, 'graph.json'), JSON.stringify({ version: 1, graph: {}, index: '{}' }));
      const store = EmbeddedStore.open(old);
      expect(store.isEmpty()).toBe(true);
      await store.close();
      // Beside the folder's lock files.
      expect((await readdir(old)).filter((f) => f.startsWith('graph'))).toEqual(['graph.v1.json']);
    } finally {
      await rm(old, { recursive: true, force: true });
    }
  });
});
