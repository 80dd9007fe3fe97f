import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import type { RunningServer } from '../../src/graphql/server.js';
import * as queries from '../../src/web/assets/explorer-queries.js';

/**
 * Every GraphQL document the explorer sends (src/web/assets/explorer-queries.js), run against a
 * real server on the sample corpus with the variables the page sends: no errors, which also
 * proves each passes the server's depth and cost limits. A document added to the module without
 * sample variables here fails the test, and so does a document written into explorer.js itself.
 */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string }>;
}

let server: RunningServer | undefined;
let dataDir: string | undefined;

async function run(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  if (!server) throw new Error('the server did not start');
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

function expectClean(answer: Answer, what: string): void {
  expect(answer.errors, `${what}: ${JSON.stringify(answer.errors)}`).toBeUndefined();
  expect(answer.status, what).toBe(200);
}

const PAPER = 'paper:80bc20e52375890d'; // In-Context LoRA for Diffusion Transformers

/** The variables the explorer sends with each document, by export name; several cases each. */
const samples: Record<string, Array<Record<string, unknown>>> = {
  NEIGHBOURHOOD: [
    { id: PAPER, first: queries.PAPERS_PER_ENTITY },
    { id: 'method:transformer', first: queries.PAPERS_PER_ENTITY },
    { id: 'dataset:imagenet', first: queries.PAPERS_PER_ENTITY },
    { id: 'task:image-generation', first: queries.PAPERS_PER_ENTITY },
    { id: 'metric:accuracy', first: queries.PAPERS_PER_ENTITY },
    { id: 'concept:large-language-model', first: queries.PAPERS_PER_ENTITY },
    { id: 'repository:ali-vilab-in-context-lora', first: queries.PAPERS_PER_ENTITY },
  ],
  PAPER_EVIDENCE: [{ id: PAPER }],
  SEARCH: [{ query: 'LoRA', kinds: ['PAPER', 'METHOD', 'DATASET', 'TASK', 'METRIC', 'CONCEPT', 'REPOSITORY'], first: 20 }],
  START: [{ first: queries.START_PER_KIND }],
};

/** The module's GraphQL documents: its string exports that are operations. */
const documents = Object.entries(queries).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && /^\s*query\b/.test(entry[1]));

describe('the explorer’s GraphQL documents (real server, sample corpus)', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kg-explorer-queries-'));
    server = await startApp({ port: 0, dataDir, corpusPaths: [path.join(repoRoot, 'data/papers')] });
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('every document has sample variables here, and explorer.js writes none of its own', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(Object.keys(samples).sort());
    const page = readFileSync(path.join(repoRoot, 'src/web/assets/explorer.js'), 'utf8');
    expect(page).not.toMatch(/\b(query|mutation|fragment|subscription)\s+[A-Za-z_]\w*\s*[({]/);
    expect(page).not.toMatch(/\{\s*__typename|\{\s*id\s+(name|title)\b/);
  });

  it.each(documents)('%s runs without errors', async (name, document) => {
    for (const variables of samples[name] ?? []) {
      const answer = await run(document, variables);
      expectClean(answer, `${name} ${JSON.stringify(variables)}`);
      // Each sample names something that exists: the answer is not an empty success.
      expect(Object.values(answer.data ?? {})[0], `${name} ${JSON.stringify(variables)}`).toBeTruthy();
    }
  });

  it('NEIGHBOURHOOD gives a paper its text and every mention with evidence, an entity its papers', async () => {
    const paper = await run(queries.NEIGHBOURHOOD, { id: PAPER, first: queries.PAPERS_PER_ENTITY });
    const node = paper.data?.['node'] as {
      __typename: string;
      title: string;
      abstract: string;
      methods: Array<{ role: string; method: { id: string }; evidence: Array<{ field: string; start: number; end: number; text: string; sentence: string }> }>;
    };
    expect(node.__typename).toBe('Paper');
    expect(node.title).toBe('In-Context LoRA for Diffusion Transformers');
    const icLora = node.methods.find((m) => m.method.id === 'method:ic-lora');
    expect(icLora?.role).toBe('PROPOSED');
    for (const ev of icLora?.evidence ?? []) {
      expect(node.abstract.slice(ev.start, ev.end)).toBe(ev.text);
      expect(ev.sentence).toContain(ev.text);
    }
    const entity = await run(queries.NEIGHBOURHOOD, { id: 'dataset:imagenet', first: queries.PAPERS_PER_ENTITY });
    const papers = (entity.data?.['node'] as { papers: { totalCount: number; nodes: unknown[] } }).papers;
    expect(papers.nodes.length).toBeGreaterThan(3);
  });

  it('SEARCH gives each hit its node’s id (nodeId)', async () => {
    const answer = await run(queries.SEARCH, { query: 'LoRA', kinds: ['METHOD'], first: 5 });
    const hits = (answer.data?.['search'] as { nodes: Array<{ kind: string; name: string; nodeId: string }> }).nodes;
    expect(hits.find((h) => h.name === 'LoRA')?.nodeId).toBe('method:lora');
  });

  it('START: the most shared benchmarks and methods, most papers first', async () => {
    const answer = await run(queries.START, { first: queries.START_PER_KIND });
    for (const list of ['datasets', 'methods']) {
      const page = answer.data?.[list] as { totalCount: number; nodes: Array<{ id: string; name: string; paperCount: number }> };
      expect(page.nodes, list).toHaveLength(queries.START_PER_KIND);
      expect(page.totalCount, list).toBeGreaterThan(queries.START_PER_KIND);
      const counts = page.nodes.map((n) => n.paperCount);
      expect(counts, list).toEqual([...counts].sort((a, b) => b - a));
      expect(counts[0], list).toBeGreaterThan(1);
    }
    // The display name is the corpus's commonest spelling, which moves with the extraction rules.
    expect((answer.data?.['methods'] as { nodes: Array<{ name: string }> }).nodes[0]?.name).toMatch(/^Transformers?$/);
  });

  it('the GraphiQL query of every kind runs without errors and finds its node', async () => {
    const samplesByKind: Record<string, string> = {
      Paper: PAPER,
      Method: 'method:lora',
      Dataset: 'dataset:imagenet',
      Task: 'task:image-generation',
      Metric: 'metric:accuracy',
      Concept: 'concept:large-language-model',
      Repository: 'repository:ali-vilab-in-context-lora',
    };
    for (const [kind, id] of Object.entries(samplesByKind)) {
      const answer = await run(queries.graphiqlQuery(kind, id));
      expectClean(answer, kind);
      expect((Object.values(answer.data ?? {})[0] as { id?: string } | null)?.id, kind).toBe(id);
    }
  });
});
