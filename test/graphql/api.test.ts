import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPapers } from '../../loaders/load.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { LIMITS } from '../../src/graphql/limits.js';
import { exampleQueries } from '../../src/web/examples.js';
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
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

const gql = async (server: RunningServer, text: string, variables: Record<string, unknown> = {}) => query(server, { query: text, variables });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-api-'));
  embedded = await startServer({ port: 0, dataDir: dir, corpusPaths: ['data/papers'], apiKey: API_KEY });
  if (neo4jStore) {
    await neo4jStore.clear();
    await loadPapers(['data/papers'], neo4jStore);
    neo4jServer = await startServer({ port: 0, dataDir: dir, corpusPaths: [], store: neo4jStore });
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
    related(first: 5) { score paper { id title } shared { id kind name } }
  }
}`;

const QUERIES: Array<[string, string, Record<string, unknown>]> = [
  ['stats', '{ stats { nodes { name count } relationships { name count } } }', {}],
  ['a paper with everything', PAPER_QUERY, { id: 'paper:b58251a784272a6a' }],
  ['papers of a dataset, paged', 'query { papers(filter: { dataset: "ImageNet" }, first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { id title } } }', {}],
  ['papers filtered by text and code', 'query { papers(filter: { text: "person re-identification", hasCode: true }, first: 5, orderBy: TITLE) { totalCount nodes { id title repositories { repository { name } } } } }', {}],
  ['a method and its papers', '{ method(name: "LoRA") { id name aliases paperCount proposedBy { id } usedBy(first: 3) { totalCount nodes { id } } tasks { id } datasets { id } papers(first: 2) { edges { cursor node { id } } } } }', {}],
  ['a dataset leaderboard', '{ dataset(name: "ImageNet") { id name results { value } leaderboard { metric { name } setting higherIsBetter rows { rank paper { id } method { id name } result { value setting split method { id } metric { name higherIsBetter } } } } metrics { name } } }', {}],
  [
    'one setting of a leaderboard, a few rows',
    'query ($setting: ResultSetting) { dataset(id: "dataset:imagenet") { leaderboard(setting: $setting, first: 2) { metric { id } setting rows { rank paper { title } method { name } result { value kind } } } } }',
    { setting: 'FINE_TUNED' },
  ],
  ['a paper\'s results with their methods, settings and splits', '{ paper(id: "paper:0b1da732a22a1b38") { results { value setting split method { name } dataset { name } } } }', {}],
  ['a concept and its neighbours', '{ concept(id: "concept:parameter-efficient-finetuning") { name aliases paperCount broader { id } narrower { id } related(first: 5) { weight concept { id } } } }', {}],
  ['search', '{ search(query: "person re-identification", first: 5) { id kind name score node { id } } }', {}],
  ['search by kind', '{ search(query: "diffusion", kinds: [CONCEPT, METHOD], first: 5) { id kind name } }', {}],
  ['a connection between two concepts', '{ connection(from: "concept:catastrophic-forgetting", to: "concept:diffusion-model") { length nodes { id kind name } edges { from to type } } }', {}],
  ['search for a repository', '{ search(query: "ziplab", kinds: [REPOSITORY]) { id kind name } }', {}],
  ['node lookup', '{ node(id: "method:lora") { id ... on Method { name } } }', {}],
  ['a repository', '{ repository(name: "ziplab/SPT") { id owner repo url papers { nodes { title } } } }', {}],
];

function describeApi(name: string, server: () => RunningServer) {
  describe(`API on the ${name} store`, () => {
    it('answers a paper with its entities, evidence and related papers', async () => {
      const { body } = await gql(server(), PAPER_QUERY, { id: 'paper:b58251a784272a6a' });
      expect(body.errors).toBeUndefined();
      const paper = body.data!['paper'] as { title: string; methods: Array<{ evidence: Array<{ text: string; sentence: string }> }>; related: unknown[] };
      expect(paper.title).toBe('Retrieval Head Mechanistically Explains Long-Context Factuality');
      for (const m of paper.methods) for (const e of m.evidence) expect(e.sentence).toContain(e.text);
      expect(paper.related.length).toBe(5);
    });

    it('pages through papers with Relay cursors', async () => {
      const first = await gql(server(), '{ papers(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }');
      const page = first.body.data!['papers'] as { totalCount: number; pageInfo: { endCursor: string }; nodes: Array<{ id: string }> };
      expect(page.totalCount).toBe(441);
      const second = await gql(server(), 'query ($after: String) { papers(first: 2, after: $after) { nodes { id } } }', { after: page.pageInfo.endCursor });
      const three = await gql(server(), '{ papers(first: 4) { nodes { id } } }');
      expect([...page.nodes, ...(second.body.data!['papers'] as { nodes: Array<{ id: string }> }).nodes]).toEqual((three.body.data!['papers'] as { nodes: unknown[] }).nodes);
    });

    it('finds repositories by owner or name', async () => {
      const { body } = await gql(server(), '{ search(query: "ziplab", kinds: [REPOSITORY]) { id name } }');
      expect(body.data!['search']).toEqual([{ id: 'repository:ziplab-spt', name: 'ziplab/SPT' }]);
    });

    it('sends a browser asking for /graphql to the offline playground', async () => {
      const response = await fetch(`${server().url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/playground');
    });

    it('answers results with the method, setting and split they were reported with', async () => {
      const { body } = await gql(server(), '{ paper(id: "paper:0b1da732a22a1b38") { title results { value setting split method { id name } } } }');
      expect(body.errors).toBeUndefined();
      const paper = body.data!['paper'] as { title: string; results: Array<{ value: number; setting: string | null; split: string | null; method: { name: string } | null }> };
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
      const { body } = await gql(server(), '{ dataset(id: "dataset:imagenet") { leaderboard { metric { id higherIsBetter } setting higherIsBetter rows { rank paper { id } method { id } result { value kind setting metric { id } method { id } } } } } }');
      expect(body.errors).toBeUndefined();
      type Row = { rank: number; paper: { id: string }; method: { id: string } | null; result: { value: number; kind: string; setting: string | null; metric: { id: string } | null; method: { id: string } | null } };
      const groups = (body.data!['dataset'] as { leaderboard: Array<{ metric: { id: string; higherIsBetter: boolean | null } | null; setting: string | null; higherIsBetter: boolean | null; rows: Row[] }> }).leaderboard;
      expect(groups.map((g) => g.setting)).toEqual(expect.arrayContaining(['ZERO_SHOT', 'FINE_TUNED', null]));
      for (const g of groups) {
        expect(g.higherIsBetter).toBe(g.metric?.higherIsBetter ?? null);
        expect(g.rows.map((r) => r.rank)).toEqual(g.rows.map((_, i) => i + 1));
        for (const r of g.rows) expect([r.result.kind, r.result.setting, r.result.metric?.id ?? null, r.result.method?.id ?? null]).toEqual(['SCORE', g.setting, g.metric?.id ?? null, r.method?.id ?? null]);
        const values = g.rows.map((r) => r.result.value);
        expect(values).toEqual([...values].sort((a, b) => (g.higherIsBetter === false ? a - b : b - a)));
      }
      const zeroShot = groups.find((g) => g.setting === 'ZERO_SHOT')!;
      expect(zeroShot.rows.find((r) => r.paper.id === 'paper:0b1da732a22a1b38')).toMatchObject({ method: { id: 'method:coca' }, result: { value: 86.3 } });

      const filtered = await gql(server(), '{ dataset(id: "dataset:imagenet") { leaderboard(setting: ZERO_SHOT, first: 1) { setting rows { rank } } } }');
      const only = (filtered.body.data!['dataset'] as { leaderboard: Array<{ setting: string; rows: unknown[] }> }).leaderboard;
      expect(only.length).toBeGreaterThan(0);
      for (const g of only) expect([g.setting, g.rows.length]).toEqual(['ZERO_SHOT', 1]);
    });

    it('refuses a leaderboard setting that is not one and a page over the limit', async () => {
      const bad = await gql(server(), '{ dataset(id: "dataset:imagenet") { leaderboard(setting: ONE_SHOT) { setting } } }');
      expect(bad.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      const big = await gql(server(), '{ dataset(id: "dataset:imagenet") { leaderboard(first: 500) { setting } } }');
      expect(big.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });

    it('walks the task taxonomy and the versions of a dataset', async () => {
      const { body } = await gql(
        server(),
        '{ task(id: "task:person-re-identification") { narrower { id } } narrowTask: task(id: "task:generalizable-person-re-identification") { broader { id } } dataset(id: "dataset:imagenet") { variants { id } } variant: dataset(id: "dataset:imagenet1k") { variantOf { id } } }',
      );
      const data = body.data as { task: { narrower: Array<{ id: string }> }; narrowTask: { broader: Array<{ id: string }> }; dataset: { variants: Array<{ id: string }> }; variant: { variantOf: { id: string } } };
      expect(data.task.narrower.map((t) => t.id)).toContain('task:generalizable-person-re-identification');
      expect(data.narrowTask.broader.map((t) => t.id)).toEqual(['task:person-re-identification']);
      expect(data.dataset.variants.map((d) => d.id)).toContain('dataset:imagenet1k');
      expect(data.variant.variantOf).toEqual({ id: 'dataset:imagenet' });
    });

    it('returns null for a missing item, not an error', async () => {
      const { body } = await gql(server(), '{ paper(id: "paper:nope") { id } method(name: "No Such Method") { id } }');
      expect(body).toEqual({ data: { paper: null, method: null } });
    });
  });
}

describeApi('embedded', () => embedded);

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
    const server = await startServer({ port: 0, dataDir: dir, corpusPaths: [], store: counting.store });
    try {
      const text = (n: number) => `{ papers(first: ${n}) { nodes { id title methods { role method { name } } datasets { dataset { name } } repositories { repository { name url } } } } }`;
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
    const server = await startServer({ port: 0, dataDir: dir, corpusPaths: [], store: counting.store });
    try {
      const board = '{ dataset(id: "dataset:imagenet") { name leaderboard(setting: ZERO_SHOT) { metric { name } rows { paper { title } method { name } result { value split method { name } metric { name } } } } } }';
      counting.calls.length = 0;
      expect((await gql(server, board)).body.errors).toBeUndefined();
      expect(counting.calls).toEqual(['nodeWith']);
      counting.calls.length = 0;
      expect((await gql(server, '{ paper(id: "paper:0b1da732a22a1b38") { results { value setting method { name } dataset { name } metric { name } } } }')).body.errors).toBeUndefined();
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
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: papers(first: 100) { nodes { id concepts { concept { id papers(first: 100) { nodes { id } } } } } }`).join('\n');
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
    const server = await startServer({ port: 0, dataDir: dir, corpusPaths: [], store: embedded.store, production: true });
    try {
      const { body } = await gql(server, '{ papers(first: 500) { nodes { id } } }');
      expect(JSON.stringify(body)).not.toContain('stacktrace');
    } finally {
      await server.close();
    }
  });
});

describe('ingest', () => {
  const mutation = 'mutation ($papers: [PaperInput!]!) { ingest(papers: $papers) { duplicates papers { id title methods { role method { id } } repositories { repository { id } } } } }';
  const papers = [{ title: 'ZetaNet: Sparse Routing for Test Ingestion', abstract: 'We propose ZetaNet, a novel sparse routing network. ZetaNet builds on LoRA and is evaluated on ImageNet. Code is at https://github.com/example/zetanet.' }];

  it('requires the API key', async () => {
    const { body } = await gql(embedded, mutation, { papers });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('runs the loader pipeline on posted papers and returns what was added', async () => {
    const { body } = await query(embedded, { query: mutation, variables: { papers } }, { 'x-api-key': API_KEY });
    expect(body.errors).toBeUndefined();
    const result = body.data!['ingest'] as { duplicates: number; papers: Array<{ id: string; methods: Array<{ role: string; method: { id: string } }>; repositories: unknown[] }> };
    expect(result.duplicates).toBe(0);
    expect(result.papers[0]!.methods).toEqual(expect.arrayContaining([{ role: 'PROPOSED', method: { id: 'method:zetanet' } }, { role: 'USED', method: { id: 'method:lora' } }]));
    expect(result.papers[0]!.repositories).toEqual([{ repository: { id: 'repository:example-zetanet' } }]);
    const again = await query(embedded, { query: mutation, variables: { papers } }, { 'x-api-key': API_KEY });
    expect((again.body.data!['ingest'] as { duplicates: number }).duplicates).toBe(1);
  });
});

describe('health', () => {
  it('reports the process up and the store reachable', async () => {
    expect(await (await fetch(`${embedded.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${embedded.url}/readyz`)).json()).toEqual({ status: 'ready', store: 'embedded' });
  });
});
