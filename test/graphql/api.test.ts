import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPapers } from '../../loaders/load.js';
import { startApp } from '../../src/app.js';
import type { RunningServer } from '../../src/graphql/server.js';
import { LIMITS } from '../../src/graphql/limits.js';
import { exampleQueries } from '../../src/web/examples.js';
import type { EntityNode, PaperGraph, PaperNode, ResultNode, Span } from '../../src/graph/model.js';
import type { GraphStore } from '../../src/store/store.js';
import { connectTestNeo4j } from '../store/use-neo4j.js';

/**
 * The API over HTTP, as clients use it, on the sample corpus: once on the embedded store and
 * once on a real Neo4j; both must answer every query identically.
 */

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

const API_KEY = 'test-api-key-0123456789';
let dir: string;
let embedded: RunningServer;
let neo4jServer: RunningServer | undefined;
const neo4jStore = await connectTestNeo4j();

/** A store wrapper that counts calls: each call is one round trip to the store. */
function countingStore(store: GraphStore): { store: GraphStore; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(key));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

async function query(server: RunningServer, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: GraphQLResponse }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

const gql = async (server: RunningServer, text: string, variables: Record<string, unknown> = {}) => query(server, { query: text, variables });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-api-'));
  embedded = await startApp({ port: 0, dataDir: dir, corpusPaths: ['data/papers'], apiKey: API_KEY });
  if (neo4jStore) {
    await neo4jStore.clear();
    await loadPapers(['data/papers'], neo4jStore);
    neo4jServer = await startApp({ port: 0, dataDir: dir, corpusPaths: [], store: neo4jStore });
  }
}, 600_000);

afterAll(async () => {
  await embedded?.close();
  await neo4jServer?.close();
  await neo4jStore?.close();
  await rm(dir, { recursive: true, force: true });
});

const PAPER_QUERY = `query ($id: ID!) {
  paper(id: $id) {
    id title titleDerived arxivId sources
    methods { role method { id name aliases paperCount } evidence { field start end text sentence } }
    datasets { dataset { id name } evidence { text } }
    tasks { task { id name } }
    metrics { metric { id name higherIsBetter } }
    results { value kind raw dataset { id } metric { id } method { id name } setting split }
    repositories { repository { id name owner repo url } evidence { text } }
    links { link { url kind } }
    concepts { concept { id name } }
    related(first: 5) { nodes { score paper { id title } shared { nodeId kind name node { id } } } }
  }
}`;

const QUERIES: Array<[string, string, Record<string, unknown>]> = [
  ['stats', '{ stats { nodes { name count } relationships { name count } } }', {}],
  ['a paper with everything', PAPER_QUERY, { id: 'paper:b58251a784272a6a' }],
  [
    'papers of a dataset, paged',
    'query { papers(filter: { dataset: "ImageNet" }, first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { id title } } }',
    {},
  ],
  [
    'papers filtered by text and code',
    'query { papers(filter: { text: "person re-identification", hasCode: true }, first: 5, orderBy: TITLE) { totalCount nodes { id title repositories { repository { name } } } } }',
    {},
  ],
  [
    'a method and its papers',
    '{ method(by: { name: "LoRA" }) { id name aliases paperCount proposedBy { id } usedBy(first: 3) { totalCount nodes { id } } tasks { id } datasets { id } papers(first: 2) { edges { cursor node { id } } } } }',
    {},
  ],
  [
    'a dataset leaderboard',
    '{ dataset(by: { name: "ImageNet" }) { id name results { value } leaderboard { metric { name } setting higherIsBetter rows { rank paper { id } method { id name } result { value setting split method { id } metric { name higherIsBetter } } } } metrics { name } } }',
    {},
  ],
  [
    'one setting of a leaderboard, a few rows',
    'query ($setting: ResultSetting) { dataset(by: { id: "dataset:imagenet" }) { leaderboard(setting: $setting, first: 2) { metric { id } setting rows { rank paper { title } method { name } result { value kind } } } } }',
    { setting: 'FINE_TUNED' },
  ],
  [
    "a paper's results with their methods, settings and splits",
    '{ paper(id: "paper:0b1da732a22a1b38") { results { value setting split method { name } dataset { name } } } }',
    {},
  ],
  [
    'a concept and its neighbours',
    '{ concept(by: { id: "concept:parameter-efficient-finetuning" }) { name aliases paperCount broader { id } narrower { id } related(first: 5) { weight concept { id } } } }',
    {},
  ],
  ['search', '{ search(query: "person re-identification", first: 5) { nodes { nodeId kind name score node { id } } } }', {}],
  ['search by kind', '{ search(query: "diffusion", kinds: [CONCEPT, METHOD], first: 5) { nodes { nodeId kind name } } }', {}],
  [
    'a connection between two concepts',
    '{ connection(from: "concept:catastrophic-forgetting", to: "concept:diffusion-model") { length nodes { nodeId kind name node { id } } edges { fromId toId type } } }',
    {},
  ],
  ['search for a repository', '{ search(query: "ziplab", kinds: [REPOSITORY]) { nodes { nodeId kind name } } }', {}],
  ['node lookup', '{ node(id: "method:lora") { id ... on Method { name } } }', {}],
  ['a repository', '{ repository(by: { name: "ziplab/SPT" }) { id owner repo url papers { nodes { title } } } }', {}],
];

function describeApi(name: string, server: () => RunningServer) {
  describe(`API on the ${name} store`, () => {
    it('answers a paper with its entities, evidence and related papers', async () => {
      const { body } = await gql(server(), PAPER_QUERY, { id: 'paper:b58251a784272a6a' });
      expect(body.errors).toBeUndefined();
      const paper = body.data!['paper'] as {
        title: string;
        methods: Array<{ evidence: Array<{ text: string; sentence: string }> }>;
        related: { nodes: unknown[] };
      };
      expect(paper.title).toBe('Retrieval Head Mechanistically Explains Long-Context Factuality');
      for (const m of paper.methods) for (const e of m.evidence) expect(e.sentence).toContain(e.text);
      expect(paper.related.nodes.length).toBe(5);
    });

    it('pages through papers with Relay cursors', async () => {
      const first = await gql(server(), '{ papers(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }');
      const page = first.body.data!['papers'] as { totalCount: number; pageInfo: { endCursor: string }; nodes: Array<{ id: string }> };
      expect(page.totalCount).toBe(441);
      const second = await gql(server(), 'query ($after: String) { papers(first: 2, after: $after) { nodes { id } } }', { after: page.pageInfo.endCursor });
      const three = await gql(server(), '{ papers(first: 4) { nodes { id } } }');
      expect([...page.nodes, ...(second.body.data!['papers'] as { nodes: Array<{ id: string }> }).nodes]).toEqual(
        (three.body.data!['papers'] as { nodes: unknown[] }).nodes,
      );
    });

    it('finds repositories by owner or name', async () => {
      const { body } = await gql(server(), '{ search(query: "ziplab", kinds: [REPOSITORY]) { nodes { nodeId name node { id } } } }');
      expect((body.data!['search'] as { nodes: unknown[] }).nodes).toEqual([
        { nodeId: 'repository:ziplab-spt', name: 'ziplab/SPT', node: { id: 'repository:ziplab-spt' } },
      ]);
    });

    it('sends a browser asking for /graphql to the offline playground', async () => {
      const response = await fetch(`${server().url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/playground');
    });

    it('answers results with the method, setting and split they were reported with', async () => {
      const { body } = await gql(server(), '{ paper(id: "paper:0b1da732a22a1b38") { title results { value setting split method { id name } } } }');
      expect(body.errors).toBeUndefined();
      const paper = body.data!['paper'] as {
        title: string;
        results: Array<{ value: number; setting: string | null; split: string | null; method: { name: string } | null }>;
      };
      expect(paper.title).toMatch(/^CoCa:/);
      expect(paper.results.map((r) => [r.value, r.setting, r.method?.name ?? null]).sort()).toEqual([
        [86.3, 'ZERO_SHOT', 'CoCa'],
        [90.6, null, 'CoCa'],
        [91, 'FINE_TUNED', 'CoCa'],
      ]);
      const speech = await gql(server(), '{ paper(id: "paper:fca72f694f71e6e3") { results { value kind split } } }');
      expect((speech.body.data!['paper'] as { results: Array<{ split: string }> }).results.map((r) => r.split)).toContain('test-other');
    });

    it('ranks a leaderboard in groups of one metric and one setting, each row naming its method', async () => {
      const { body } = await gql(
        server(),
        '{ dataset(by: { id: "dataset:imagenet" }) { leaderboard { metric { id higherIsBetter } setting higherIsBetter rows { rank paper { id } method { id } result { value kind setting metric { id } method { id } } } } } }',
      );
      expect(body.errors).toBeUndefined();
      type Row = {
        rank: number;
        paper: { id: string };
        method: { id: string } | null;
        result: { value: number; kind: string; setting: string | null; metric: { id: string } | null; method: { id: string } | null };
      };
      const groups = (
        body.data!['dataset'] as {
          leaderboard: Array<{
            metric: { id: string; higherIsBetter: boolean | null } | null;
            setting: string | null;
            higherIsBetter: boolean | null;
            rows: Row[];
          }>;
        }
      ).leaderboard;
      expect(groups.map((g) => g.setting)).toEqual(expect.arrayContaining(['ZERO_SHOT', 'FINE_TUNED', null]));
      for (const g of groups) {
        expect(g.higherIsBetter).toBe(g.metric?.higherIsBetter ?? null);
        expect(g.rows.map((r) => r.rank)).toEqual(g.rows.map((_, i) => i + 1));
        for (const r of g.rows)
          expect([r.result.kind, r.result.setting, r.result.metric?.id ?? null, r.result.method?.id ?? null]).toEqual([
            'SCORE',
            g.setting,
            g.metric?.id ?? null,
            r.method?.id ?? null,
          ]);
      }
      // Best first by the metric's direction: each row at least as good as the next.
      const better = (g: (typeof groups)[number], a: number, b: number) => (g.higherIsBetter === false ? a <= b : a >= b);
      for (const g of groups)
        for (const [i, r] of g.rows.slice(1).entries())
          expect(better(g, g.rows[i]!.result.value, r.result.value), `${g.metric?.id} ${g.setting} row ${i + 2}`).toBe(true);
      const top1 = groups.find((g) => g.metric?.id === 'metric:top1-accuracy' && g.setting === null);
      expect(top1!.rows.map((r) => r.result.value)).toEqual([90.6, 83.8]);
      const zeroShot = groups.find((g) => g.setting === 'ZERO_SHOT')!;
      expect(zeroShot.rows.find((r) => r.paper.id === 'paper:0b1da732a22a1b38')).toMatchObject({ method: { id: 'method:coca' }, result: { value: 86.3 } });

      const filtered = await gql(
        server(),
        '{ dataset(by: { id: "dataset:imagenet" }) { leaderboard(setting: ZERO_SHOT, first: 1) { setting rows { rank } } } }',
      );
      const only = (filtered.body.data!['dataset'] as { leaderboard: Array<{ setting: string; rows: unknown[] }> }).leaderboard;
      expect(only.length).toBeGreaterThan(0);
      for (const g of only) expect([g.setting, g.rows.length]).toEqual(['ZERO_SHOT', 1]);
    });

    it('refuses a leaderboard setting that is not one and a page over the limit', async () => {
      const bad = await gql(server(), '{ dataset(by: { id: "dataset:imagenet" }) { leaderboard(setting: ONE_SHOT) { setting } } }');
      expect(bad.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      const big = await gql(server(), '{ dataset(by: { id: "dataset:imagenet" }) { leaderboard(first: 500) { setting } } }');
      expect(big.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });

    it('walks the task taxonomy and the versions of a dataset', async () => {
      const { body } = await gql(
        server(),
        '{ task(by: { id: "task:person-re-identification" }) { narrower { id } } narrowTask: task(by: { id: "task:generalizable-person-re-identification" }) { broader { id } } dataset(by: { id: "dataset:imagenet" }) { variants { id } } variant: dataset(by: { id: "dataset:imagenet1k" }) { variantOf { id } } }',
      );
      const data = body.data as {
        task: { narrower: Array<{ id: string }> };
        narrowTask: { broader: Array<{ id: string }> };
        dataset: { variants: Array<{ id: string }> };
        variant: { variantOf: { id: string } };
      };
      expect(data.task.narrower.map((t) => t.id)).toContain('task:generalizable-person-re-identification');
      expect(data.narrowTask.broader.map((t) => t.id)).toEqual(['task:person-re-identification']);
      expect(data.dataset.variants.map((d) => d.id)).toContain('dataset:imagenet1k');
      expect(data.variant.variantOf).toEqual({ id: 'dataset:imagenet' });
    });

    it('gives search hits, path nodes and shared entities the id of the node they point at as nodeId, never as id', async () => {
      const search = await gql(server(), '{ search(query: "LoRA", first: 3) { nodes { nodeId kind name score node { __typename id } } } }');
      expect(search.body.errors).toBeUndefined();
      const hits = (search.body.data!['search'] as { nodes: Array<{ nodeId: string; kind: string; node: { __typename: string; id: string } }> }).nodes;
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect([h.node.id, h.node.__typename.toUpperCase()]).toEqual([h.nodeId, h.kind]);
      const withId = await gql(server(), '{ search(query: "LoRA") { nodes { id } } }');
      expect(withId.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');

      const path = await gql(
        server(),
        '{ connection(from: "concept:catastrophic-forgetting", to: "concept:diffusion-model") { length nodes { nodeId node { id } } edges { fromId toId type } } }',
      );
      const graph = path.body.data!['connection'] as {
        length: number;
        nodes: Array<{ nodeId: string; node: { id: string } }>;
        edges: Array<{ fromId: string; toId: string; type: string }>;
      };
      expect(graph.nodes.map((n) => n.node.id)).toEqual(graph.nodes.map((n) => n.nodeId));
      expect(graph.edges).toHaveLength(graph.length);
      for (const [i, e] of graph.edges.entries()) {
        expect([e.fromId, e.toId].sort()).toEqual([graph.nodes[i]!.nodeId, graph.nodes[i + 1]!.nodeId].sort());
        expect([
          'PROPOSES',
          'USES',
          'EVALUATES_ON',
          'ADDRESSES',
          'MEASURES',
          'MENTIONS',
          'HAS_CODE',
          'LINKS_TO',
          'CITES',
          'BROADER',
          'REPORTS',
          'ON',
          'MEASURED_BY',
          'SCORED_BY',
        ]).toContain(e.type);
      }
    });

    it('looks up by exactly one key: id or name, for metrics too', async () => {
      const { body } = await gql(
        server(),
        '{ byName: metric(by: { name: "top-1 accuracy" }) { id higherIsBetter } byId: metric(by: { id: "metric:top1-accuracy" }) { id } wrongKind: method(by: { id: "dataset:imagenet" }) { id } }',
      );
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({ byName: { id: 'metric:top1-accuracy', higherIsBetter: true }, byId: { id: 'metric:top1-accuracy' }, wrongKind: null });
      for (const by of ['{}', '{ id: "method:lora", name: "LoRA" }']) {
        const bad = await gql(server(), `{ method(by: ${by}) { id } }`);
        expect(bad.body.errors?.[0]?.message).toMatch(/"LookupKey" must specify exactly one key/);
      }
    });

    it('reaches links and results by node and nodes, in the order asked, null for a missing id', async () => {
      // Any link and result of the corpus, found through the store (no API listing reaches them all cheaply).
      const { papers } = await server().store.listPapers({}, 'id', { first: 1000 });
      const targets = (await server().store.paperLinksMany(papers.map((p) => p.id))).flat().map((l) => l.target);
      const linkNode = targets.find((t) => t.label === 'Link');
      const resultNode = targets.find((t) => t.label === 'Result');
      if (linkNode?.label !== 'Link' || resultNode?.label !== 'Result') throw new Error('the corpus has no link or no result');
      const link = { id: linkNode.node.id, url: linkNode.node.url, kind: linkNode.node.kind.toUpperCase().replace('-', '_') };
      const result = { id: resultNode.node.id, value: resultNode.node.value };
      expect(['PROJECT_PAGE', 'CODE', 'MODEL', 'DATASET', 'PAPER', 'WEBSITE']).toContain(link.kind);
      const { body } = await gql(
        server(),
        'query ($ids: [ID!]!, $link: ID!) { nodes(ids: $ids) { __typename id ... on Link { url kind } ... on Result { value } } node(id: $link) { id } }',
        { ids: [result.id, 'paper:nope', link.id], link: link.id },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        nodes: [{ __typename: 'Result', id: result.id, value: result.value }, null, { __typename: 'Link', ...link }],
        node: { id: link.id },
      });
    });

    it('refuses more than 100 ids with an error naming the argument, leaving the other root fields their data', async () => {
      const ids = Array.from({ length: 101 }, (_, i) => `paper:${i}`);
      const { body } = await gql(server(), 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } stats { derivedPending } }', { ids });
      expect(body.errors?.[0]).toMatchObject({ path: ['nodes'], extensions: { code: 'BAD_USER_INPUT', argumentName: 'ids' } });
      expect(body.data).toEqual({ nodes: null, stats: { derivedPending: false } });
    });

    it('keeps a bad nested argument to its own field: the rest of the paper and the other root fields answer', async () => {
      const { body } = await gql(
        server(),
        '{ a: paper(id: "paper:b58251a784272a6a") { title related(first: 101) { nodes { score } } } stats { nodes { name count } } }',
      );
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]).toMatchObject({ path: ['a', 'related'], extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } });
      const data = body.data as { a: { title: string; related: null }; stats: { nodes: Array<{ name: string; count: number }> } };
      expect(data.a).toEqual({ title: 'Retrieval Head Mechanistically Explains Long-Context Factuality', related: null });
      expect(data.stats.nodes.find((n) => n.name === 'Paper')?.count).toBeGreaterThan(0);
    });

    it('refuses a filter on a dataset, method, task or concept that does not exist, naming it', async () => {
      const { body } = await gql(server(), '{ papers(filter: { dataset: "no-such" }) { totalCount } stats { derivedPending } }');
      expect(body.errors?.[0]).toMatchObject({ path: ['papers'], extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter.dataset' } });
      expect(body.errors?.[0]?.message).toContain('"no-such"');
      expect(body.data).toEqual({ papers: null, stats: { derivedPending: false } });
      const byId = await gql(server(), '{ papers(filter: { method: "method:no-such" }) { totalCount } }');
      expect(byId.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.method' });
      const known = await gql(server(), '{ papers(filter: { dataset: "dataset:imagenet", method: "LoRA" }) { totalCount } }');
      expect(known.body.errors).toBeUndefined();
    });

    it('takes first on lists that grow with the corpus, with the same limit as every page', async () => {
      const { body } = await gql(
        server(),
        '{ dataset(by: { id: "dataset:imagenet" }) { results(first: 2) { value } metrics(first: 1) { id } variants(first: 1) { id } tasks(first: 1) { id } } method(by: { id: "method:lora" }) { proposedBy(first: 1) { id } tasks(first: 2) { id } datasets(first: 2) { id } } }',
      );
      expect(body.errors).toBeUndefined();
      const data = body.data as {
        dataset: { results: unknown[]; metrics: unknown[]; variants: unknown[]; tasks: unknown[] };
        method: { tasks: unknown[]; datasets: unknown[] };
      };
      expect([data.dataset.results.length, data.dataset.metrics.length, data.dataset.variants.length, data.dataset.tasks.length]).toEqual([2, 1, 1, 1]);
      expect([data.method.tasks.length, data.method.datasets.length]).toEqual([2, 2]);
      const big = await gql(server(), '{ dataset(by: { id: "dataset:imagenet" }) { name results(first: 101) { value } } }');
      expect(big.body.errors?.[0]).toMatchObject({ path: ['dataset', 'results'], extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } });
      expect(big.body.data).toEqual({ dataset: { name: 'ImageNet', results: null } });
    });

    it('returns null for a missing item, not an error', async () => {
      const { body } = await gql(server(), '{ paper(id: "paper:nope") { id } method(by: { name: "No Such Method" }) { id } }');
      expect(body).toEqual({ data: { paper: null, method: null } });
    });
  });
}

describeApi('embedded', () => embedded);

describe('smoke queries on the embedded store', () => {
  it.each(QUERIES)('answers "%s" with data and no error', async (_, text, variables) => {
    const { body } = await gql(embedded, text, variables);
    expect(body.errors).toBeUndefined();
    for (const [field, value] of Object.entries(body.data ?? {})) expect(value, field).not.toBeNull();
  });
});

describe.skipIf(!neo4jStore)('API on the Neo4j store', () => {
  describeApi('neo4j', () => neo4jServer!);

  it.each(QUERIES)('answers "%s" exactly as the embedded store', async (_, text, variables) => {
    const expected = await gql(embedded, text, variables);
    expect(expected.body.errors).toBeUndefined();
    const actual = await gql(neo4jServer!, text, variables);
    expect(actual.body).toEqual(expected.body);
  });
});

describe('batching', () => {
  it('reads the store a fixed number of times for 20 papers with their methods, datasets and repositories', async () => {
    const counting = countingStore(embedded.store);
    const server = await startApp({ port: 0, dataDir: dir, corpusPaths: [], store: counting.store });
    try {
      const text = (n: number) =>
        `{ papers(first: ${n}) { nodes { id title methods { role method { name } } datasets { dataset { name } } repositories { repository { name url } } } } }`;
      counting.calls.length = 0;
      expect((await gql(server, text(5))).body.errors).toBeUndefined();
      const forFive = counting.calls.length;
      counting.calls.length = 0;
      expect((await gql(server, text(20))).body.errors).toBeUndefined();
      const forTwenty = counting.calls.length;
      expect(forTwenty).toBe(forFive);
      expect(forTwenty).toBeLessThanOrEqual(3);
    } finally {
      await server.close();
    }
  });

  it("batches entities' paper counts, pages of papers and leaderboards: one store call each for a whole page", async () => {
    const counting = countingStore(embedded.store);
    const server = await startApp({ port: 0, dataDir: dir, corpusPaths: [], store: counting.store });
    try {
      const text = (n: number) =>
        `{ datasets(first: ${n}) { nodes { id paperCount papers(first: 2) { totalCount nodes { id } } leaderboard(first: 1) { rows { rank } } } } }`;
      const reads = async (n: number): Promise<string[]> => {
        counting.calls.length = 0;
        expect((await gql(server, text(n))).body.errors).toBeUndefined();
        return [...counting.calls].sort();
      };
      expect(await reads(20)).toEqual(await reads(3));
      expect(await reads(20)).toEqual(['leaderboardMany', 'listEntities', 'papersOfMany']);
      // A paper's entities' counts, asked without a browse list to prime them.
      counting.calls.length = 0;
      const paper = await gql(server, '{ papers(first: 10) { nodes { methods { method { paperCount } } datasets { dataset { paperCount } } } } }');
      expect(paper.body.errors).toBeUndefined();
      expect(counting.calls.filter((c) => c === 'paperCounts')).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('playground examples', () => {
  it.each(exampleQueries.map((e) => [e.title, e] as const))('"%s" runs without errors', async (_, example) => {
    const { body } = await gql(embedded, example.query, example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : {});
    expect(body.errors).toBeUndefined();
  });
});

describe('one store round trip', () => {
  it('reads a dataset with its grouped leaderboard, methods and metrics, and a paper with its results, in one call each', async () => {
    const counting = countingStore(embedded.store);
    const server = await startApp({ port: 0, dataDir: dir, corpusPaths: [], store: counting.store });
    try {
      const board =
        '{ dataset(by: { id: "dataset:imagenet" }) { name leaderboard(setting: ZERO_SHOT) { metric { name } rows { paper { title } method { name } result { value split method { name } metric { name } } } } } }';
      counting.calls.length = 0;
      expect((await gql(server, board)).body.errors).toBeUndefined();
      expect(counting.calls).toEqual(['nodeWith']);
      counting.calls.length = 0;
      expect(
        (await gql(server, '{ paper(id: "paper:0b1da732a22a1b38") { results { value setting method { name } dataset { name } metric { name } } } }')).body
          .errors,
      ).toBeUndefined();
      expect(counting.calls).toEqual(['nodeWith']);
    } finally {
      await server.close();
    }
  });
});

describe('limits and errors', () => {
  it(`refuses first above ${LIMITS.maxFirst} with a clear message instead of clamping`, async () => {
    const { body } = await gql(embedded, '{ papers(first: 500) { nodes { id } } }');
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain(`from 0 to ${LIMITS.maxFirst}; got 500`);
  });

  it('refuses a query deeper than the limit', async () => {
    const deep = `{ paper(id: "x") { ${'related { paper { '.repeat(6)}id${' } }'.repeat(6)} } }`;
    const { body } = await gql(embedded, deep);
    expect(body.errors?.[0]?.message).toMatch(/exceeds maximum operation depth/);
  });

  it('refuses a query whose cost is over the limit, counting aliases and list sizes', async () => {
    const aliases = Array.from(
      { length: 30 },
      (_, i) => `a${i}: papers(first: 100) { nodes { id concepts { concept { id papers(first: 100) { nodes { id } } } } } }`,
    ).join('\n');
    const { body } = await gql(embedded, `{ ${aliases} }`);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a request body over the size limit', async () => {
    const { status, body } = await query(embedded, { query: `{ stats { nodes { name } } } # ${'x'.repeat(LIMITS.maxBodyBytes)}` });
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a syntax error with its code and a location', async () => {
    const { body } = await gql(embedded, '{ papers(first: 2 { nodes { id } } }');
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('never shows a stack trace in production', async () => {
    const server = await startApp({ port: 0, dataDir: dir, corpusPaths: [], store: embedded.store, production: true });
    try {
      const { body } = await gql(server, '{ papers(first: 500) { nodes { id } } }');
      expect(JSON.stringify(body)).not.toContain('stacktrace');
    } finally {
      await server.close();
    }
  });
});

describe('ingest', () => {
  const mutation =
    'mutation ($papers: [PaperInput!]!) { ingest(papers: $papers) { duplicates papers { id title methods { role method { id } } repositories { repository { id } } } } }';
  const papers = [
    {
      title: 'ZetaNet: Sparse Routing for Test Ingestion',
      abstract:
        'We propose ZetaNet, a novel sparse routing network. ZetaNet builds on LoRA and is evaluated on ImageNet. Code is at https://github.com/example/zetanet.',
    },
  ];

  it('requires the API key', async () => {
    const { body } = await gql(embedded, mutation, { papers });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('runs the loader pipeline on posted papers and returns what was added', async () => {
    const { body } = await query(embedded, { query: mutation, variables: { papers } }, { 'x-api-key': API_KEY });
    expect(body.errors).toBeUndefined();
    const result = body.data!['ingest'] as {
      duplicates: number;
      papers: Array<{ id: string; methods: Array<{ role: string; method: { id: string } }>; repositories: unknown[] }>;
    };
    expect(result.duplicates).toBe(0);
    expect(result.papers[0]!.methods).toEqual(
      expect.arrayContaining([
        { role: 'PROPOSED', method: { id: 'method:zetanet' } },
        { role: 'USED', method: { id: 'method:lora' } },
      ]),
    );
    expect(result.papers[0]!.repositories).toEqual([{ repository: { id: 'repository:example-zetanet' } }]);
    const again = await query(embedded, { query: mutation, variables: { papers } }, { 'x-api-key': API_KEY });
    expect((again.body.data!['ingest'] as { duplicates: number }).duplicates).toBe(1);
  });
});

describe('ingest with publication dates', () => {
  const mutation = 'mutation ($papers: [PaperInput!]!) { ingest(papers: $papers) { papers { id published { iso year month day precision } } } }';
  const abstract = (n: number) => `We propose DateNet${n}, a network that reads publication dates from abstracts, and evaluate it on ImageNet.`;

  it('stores a date to its precision and answers it taken apart, newest first under orderBy PUBLISHED', async () => {
    const papers = [
      { title: 'DateNet One: Days', abstract: abstract(1), published: '2023-05-17' },
      { title: 'DateNet Two: Years', abstract: abstract(2), published: '2024' },
      { title: 'DateNet Three: Months', abstract: abstract(3), published: '2023-11' },
    ];
    const { body } = await query(embedded, { query: mutation, variables: { papers } }, { 'x-api-key': API_KEY });
    expect(body.errors).toBeUndefined();
    const stored = (body.data!['ingest'] as { papers: Array<{ published: unknown }> }).papers.map((p) => p.published);
    expect(stored).toEqual([
      { iso: '2023-05-17', year: 2023, month: 5, day: 17, precision: 'DAY' },
      { iso: '2024', year: 2024, month: null, day: null, precision: 'YEAR' },
      { iso: '2023-11', year: 2023, month: 11, day: null, precision: 'MONTH' },
    ]);
    const newest = await gql(embedded, '{ papers(first: 3, orderBy: PUBLISHED) { nodes { published { iso } } } }');
    expect((newest.body.data!['papers'] as { nodes: unknown[] }).nodes).toEqual([
      { published: { iso: '2024' } },
      { published: { iso: '2023-11' } },
      { published: { iso: '2023-05-17' } },
    ]);
  });

  it.each(['2024-02-30', '17 May 2023', '2023-13', '23'])('refuses published %j, naming the paper and the field', async (published) => {
    const { body } = await query(embedded, { query: mutation, variables: { papers: [{ abstract: abstract(4), published }] } }, { 'x-api-key': API_KEY });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'papers' });
    expect(body.errors?.[0]?.message).toContain(`papers[0].published must be an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD; got ${JSON.stringify(published)}`);
  });
});

describe('health', () => {
  it('reports the process up and the store reachable', async () => {
    expect(await (await fetch(`${embedded.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${embedded.url}/readyz`)).json()).toMatchObject({ status: 'ready', store: 'embedded' });
  });
});

describe('leaderboard order', () => {
  // Two metrics of opposite directions on one dataset, written straight into the stores: the
  // sample corpus has no lower-is-better leaderboard with more than one row.
  const evidence: Span[] = [{ field: 'abstract', start: 0, end: 8 }];
  const dataset: EntityNode = { id: 'dataset:orderbench', label: 'Dataset', name: 'OrderBench', aliases: [] };
  const error: EntityNode = { id: 'metric:orderbench-error', label: 'Metric', name: 'orderbench error', aliases: [], higherIsBetter: false };
  const accuracy: EntityNode = { id: 'metric:orderbench-accuracy', label: 'Metric', name: 'orderbench accuracy', aliases: [], higherIsBetter: true };
  const result = (n: number, metric: EntityNode, value: number): ResultNode => ({
    id: `result:orderbench-${metric.id.slice(-5)}-${n}`,
    value,
    kind: 'score',
    raw: String(value),
    datasetId: dataset.id,
    metricId: metric.id,
    methodId: null,
    setting: null,
    split: null,
    evidence,
  });
  const graph = (n: number, errorValue: number, accuracyValue: number): PaperGraph => {
    const results = [result(n, error, errorValue), result(n, accuracy, accuracyValue)];
    const paper: PaperNode = {
      id: `paper:orderbench${n}`,
      title: `OrderNet ${n}`,
      titleDerived: false,
      abstract: `OrderNet${n} is evaluated on OrderBench.`,
      arxivId: null,
      url: null,
      published: null,
      authors: [],
      sources: [`test:${n}`],
      mentionedArxivIds: [],
      codeUrls: [],
    };
    return {
      paper,
      entities: [dataset, error, accuracy],
      repositories: [],
      links: [],
      results,
      edges: [
        { type: 'EVALUATES_ON', to: dataset.id, evidence },
        { type: 'MEASURES', to: error.id, evidence },
        { type: 'MEASURES', to: accuracy.id, evidence },
        ...results.map((r) => ({ type: 'REPORTS' as const, to: r.id, evidence })),
      ],
    };
  };
  const graphs = [graph(1, 3.2, 70), graph(2, 1.5, 90), graph(3, 2.7, 80)];
  const servers = (): Array<[string, RunningServer]> => [['embedded', embedded], ...(neo4jServer ? [['neo4j', neo4jServer] as [string, RunningServer]] : [])];

  beforeAll(async () => {
    for (const [, server] of servers()) await server.store.writePapers(graphs);
  });

  it('ranks each group best first by its metric: lowest error first, highest accuracy first', async () => {
    for (const [name, server] of servers()) {
      const { body } = await gql(
        server,
        '{ dataset(by: { id: "dataset:orderbench" }) { leaderboard { metric { id } higherIsBetter rows { rank paper { id } result { value } } } } }',
      );
      expect(body.errors, name).toBeUndefined();
      const groups = (
        body.data!['dataset'] as {
          leaderboard: Array<{
            metric: { id: string };
            higherIsBetter: boolean;
            rows: Array<{ rank: number; paper: { id: string }; result: { value: number } }>;
          }>;
        }
      ).leaderboard;
      const rows = (metric: string) => groups.find((g) => g.metric.id === metric)!.rows.map((r) => [r.rank, r.paper.id, r.result.value]);
      expect(rows(error.id), name).toEqual([
        [1, 'paper:orderbench2', 1.5],
        [2, 'paper:orderbench3', 2.7],
        [3, 'paper:orderbench1', 3.2],
      ]);
      expect(rows(accuracy.id), name).toEqual([
        [1, 'paper:orderbench2', 90],
        [2, 'paper:orderbench3', 80],
        [3, 'paper:orderbench1', 70],
      ]);
      expect(groups.map((g) => [g.metric.id, g.higherIsBetter]).sort(), name).toEqual([
        [accuracy.id, true],
        [error.id, false],
      ]);
    }
  });
});
