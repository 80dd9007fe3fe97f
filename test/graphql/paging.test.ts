import { describe, expect, inject, it } from 'vitest';
import type { RunningServer } from '../../src/graphql/server.js';
import { useCorpusServers } from './serve-corpus.js';

/**
 * Relay paging over HTTP on the sample corpus: browse lists of every entity kind, forward and
 * backward, cursors bound to their list; on the embedded store and on Neo4j, identically.
 */

interface Page {
  edges: Array<{ cursor: string; node: { id: string; name: string; paperCount: number; nodeId: string; paper: { id: string } } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}
interface Answer {
  data?: Record<string, Page | null> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

const API_KEY = 'paging-test-key-0123456789';
const servers = useCorpusServers({ apiKey: API_KEY });
const embedded = (): RunningServer => servers()[0]!.server;
const neo4jServer = (): RunningServer | undefined => servers()[1]?.server;
// serve-corpus connects to it (and says loudly when it cannot).
const neo4jAvailable = inject('neo4jUri') !== null;

async function ask(server: RunningServer, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

/** The connection in an answer: its one root field's value, or that field's one connection field. */
function findPage(answer: Answer): Page {
  let value = answer.data!['list'] as unknown as Record<string, unknown>;
  while (!('pageInfo' in value)) value = Object.values(value).find((v) => typeof v === 'object' && v !== null) as Record<string, unknown>;
  return value as unknown as Page;
}

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';
const PAGING = '$first: Int, $after: String, $last: Int, $before: String';
const WINDOW = 'first: $first, after: $after, last: $last, before: $before';
/** The other connections: papers (every order, filtered), a node's papers, a method's users, search, related papers. */
const LISTS: Record<string, string> = {
  papersById: `query (${PAGING}) { list: papers(${WINDOW}) { edges { cursor node { id } } ${PAGE_INFO} } }`,
  papersByTitle: `query (${PAGING}) { list: papers(${WINDOW}, orderBy: TITLE) { edges { cursor node { id } } ${PAGE_INFO} } }`,
  papersByDate: `query (${PAGING}) { list: papers(${WINDOW}, orderBy: PUBLISHED) { edges { cursor node { id } } ${PAGE_INFO} } }`,
  papersFiltered: `query (${PAGING}) { list: papers(${WINDOW}, filter: { text: "learning", hasCode: false }) { edges { cursor node { id } } ${PAGE_INFO} } }`,
  datasetPapers: `query (${PAGING}) { list: dataset(by: { id: "dataset:imagenet" }) { papers(${WINDOW}) { edges { cursor node { id } } ${PAGE_INFO} } } }`,
  conceptPapers: `query (${PAGING}) { list: concept(by: { id: "concept:diffusion-model" }) { papers(${WINDOW}) { edges { cursor node { id } } ${PAGE_INFO} } } }`,
  search: `query (${PAGING}) { list: search(query: "learning", ${WINDOW}) { edges { cursor node { nodeId } } ${PAGE_INFO} } }`,
  related: `query (${PAGING}) { list: paper(id: "paper:b58251a784272a6a") { related(${WINDOW}) { edges { cursor node { paper { id } } } ${PAGE_INFO} } } }`,
};

const PAGE = 'edges { cursor node { id name paperCount } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';
const browse = (field: string) => `query ($first: Int, $after: String, $last: Int, $before: String, $orderBy: EntityOrder, $filter: EntityFilter) {
  list: ${field}(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) { ${PAGE} } }`;

/** Every item of a list, read page by page forward or backward (`size` items a page). */
async function readAll(
  server: RunningServer,
  field: string,
  direction: 'forward' | 'backward',
  variables: Record<string, unknown> = {},
  query = browse(field),
  size = 50,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const paging = direction === 'forward' ? { first: size, after: cursor } : { last: size, before: cursor };
    const answer = await ask(server, query, { ...variables, ...paging });
    expect(answer.errors).toBeUndefined();
    const page = findPage(answer);
    const pageIds = page.edges.map((e) => e.node.id ?? e.node.nodeId ?? e.node.paper.id);
    expect(page.pageInfo.hasPreviousPage || page.pageInfo.hasNextPage || ids.length === 0).toBe(true);
    if (direction === 'forward') ids.push(...pageIds);
    else ids.unshift(...pageIds);
    const more = direction === 'forward' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    if (!more) {
      expect(ids).toHaveLength(page.totalCount);
      return ids;
    }
    cursor = direction === 'forward' ? page.pageInfo.endCursor : page.pageInfo.startCursor;
  }
  throw new Error('paging did not end');
}

function describePaging(name: string, server: () => RunningServer) {
  describe(`paging on the ${name} store`, () => {
    it('browses the most used datasets and methods first', async () => {
      for (const field of ['datasets', 'methods', 'tasks', 'metrics', 'concepts', 'repositories']) {
        const answer = await ask(server(), browse(field), { first: 10 });
        expect(answer.errors, field).toBeUndefined();
        const page = answer.data!['list']!;
        expect(page.edges.length, field).toBeGreaterThan(0);
        const counts = page.edges.map((e) => e.node.paperCount);
        expect(counts, field).toEqual([...counts].sort((a, b) => b - a));
        expect(page.pageInfo).toMatchObject({ hasPreviousPage: false, startCursor: page.edges[0]!.cursor, endCursor: page.edges.at(-1)!.cursor });
      }
    });

    it('reads a whole list forward and backward, each item once, in the same order', async () => {
      for (const orderBy of [{ field: 'PAPER_COUNT' }, { field: 'NAME' }, { field: 'NAME', direction: 'DESC' }]) {
        const forward = await readAll(server(), 'datasets', 'forward', { orderBy });
        expect(new Set(forward).size).toBe(forward.length);
        expect(await readAll(server(), 'datasets', 'backward', { orderBy })).toEqual(forward);
      }
    });

    it('sorts by name case-insensitively and filters by words and paper count', async () => {
      const byName = (await ask(server(), browse('methods'), { first: 100, orderBy: { field: 'NAME' } })).data!['list']!;
      const names = byName.edges.map((e) => e.node.name.toLowerCase());
      expect(names).toEqual([...names].sort());
      const filtered = (await ask(server(), browse('datasets'), { first: 100, filter: { text: 'image', minPapers: 2 } })).data!['list']!;
      expect(filtered.totalCount).toBeGreaterThan(0);
      for (const e of filtered.edges) expect(e.node.paperCount).toBeGreaterThanOrEqual(2);
      expect(filtered.edges.map((e) => e.node.id)).toContain('dataset:imagenet');
    });

    it('counts with first: 0 and keeps the cursor it was asked from', async () => {
      const count = (await ask(server(), browse('tasks'), { first: 0 })).data!['list']!;
      expect(count.edges).toEqual([]);
      expect(count.totalCount).toBeGreaterThan(0);
      expect(count.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
      const first = (await ask(server(), browse('tasks'), { first: 3 })).data!['list']!;
      const empty = (await ask(server(), browse('tasks'), { first: 0, after: first.pageInfo.endCursor })).data!['list']!;
      expect(empty.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true, endCursor: first.pageInfo.endCursor });
    });

    it('reads every other connection whole forward and backward, each item once, in the same order', async () => {
      for (const [name, query] of Object.entries(LISTS)) {
        const forward = await readAll(server(), name, 'forward', {}, query, 3);
        expect(forward.length, name).toBeGreaterThan(3);
        expect(new Set(forward).size, name).toBe(forward.length);
        expect(await readAll(server(), name, 'backward', {}, query, 3), name).toEqual(forward);
      }
    });

    it("refuses a papers cursor under another filter or order, and another node's papers cursor", async () => {
      const byId = findPage(await ask(server(), LISTS['papersById']!, { first: 3 }));
      const byTitle = await ask(server(), LISTS['papersByTitle']!, { first: 3, after: byId.pageInfo.endCursor });
      expect(byTitle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
      const filtered = await ask(server(), LISTS['papersFiltered']!, { first: 3, after: byId.pageInfo.endCursor });
      expect(filtered.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
      const ofDataset = findPage(await ask(server(), LISTS['datasetPapers']!, { first: 3 }));
      const ofConcept = await ask(server(), LISTS['conceptPapers']!, { first: 3, after: ofDataset.pageInfo.endCursor });
      expect(ofConcept.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    });

    it('refuses a cursor of another list, a made-up cursor and a page over the cap, naming the argument', async () => {
      const byCount = (await ask(server(), browse('datasets'), { first: 2 })).data!['list']!;
      const other = await ask(server(), browse('datasets'), { first: 2, after: byCount.pageInfo.endCursor, orderBy: { field: 'NAME' } });
      expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
      expect(other.errors?.[0]?.message).toMatch(/another list/);
      const otherKind = await ask(server(), browse('methods'), { first: 2, before: byCount.pageInfo.endCursor });
      expect(otherKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'before' });
      for (const cursor of ['NDQw', 'bm90IGpzb24', Buffer.from('{"s":"x","k":[-1]}').toString('base64url'), '']) {
        const made = await ask(server(), browse('datasets'), { first: 2, after: cursor });
        expect(made.errors?.[0]?.extensions, cursor).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
      }
      const tooMany = await ask(server(), browse('datasets'), { last: 101 });
      expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'last' });
    });
  });
}

describePaging('embedded', embedded);

describe.skipIf(!neo4jAvailable)('paging on Neo4j', () => {
  describePaging('neo4j', () => neo4jServer()!);

  it('answers every browse page exactly as the embedded store', async () => {
    for (const field of ['datasets', 'methods', 'tasks', 'metrics', 'concepts', 'repositories']) {
      for (const variables of [{ first: 30 }, { last: 7, orderBy: { field: 'NAME' } }, { first: 5, filter: { text: 'learning' } }]) {
        expect(await ask(neo4jServer()!, browse(field), variables)).toEqual(await ask(embedded(), browse(field), variables));
      }
    }
  });
});

describe('a page read after an ingest', () => {
  it('neither repeats nor skips an item of the list it continues', async () => {
    // Run last: it adds papers to the embedded store the other tests compare with Neo4j.
    for (const orderBy of ['ID', 'TITLE']) {
      const query = `query ($first: Int, $after: String) { papers(first: $first, after: $after, orderBy: ${orderBy}) { nodes { id title } pageInfo { endCursor } } }`;
      const first = (await ask(embedded(), query, { first: 30 })).data!['papers'] as unknown as {
        nodes: Array<{ id: string; title: string }>;
        pageInfo: { endCursor: string };
      };
      // Titles that sort before every real one (ids are hashes: by id, where they land is chance).
      const ingest = `mutation ($papers: [PaperInput!]!) { ingest(papers: $papers) { papers { id } } }`;
      const papers = Array.from({ length: 8 }, (_, i) => ({
        title: `#${i} Aardvark ${orderBy}: a test paper`,
        abstract: `We study aardvark number ${i} under ${orderBy} ordering with a long enough abstract for the pipeline.`,
      }));
      const added = await ask(embedded(), ingest, { papers }, { 'x-api-key': API_KEY });
      expect(added.errors).toBeUndefined();
      const next = (await ask(embedded(), query, { first: 30, after: first.pageInfo.endCursor })).data!['papers'] as unknown as {
        nodes: Array<{ id: string }>;
      };
      const whole = (await ask(embedded(), query, { first: 100 })).data!['papers'] as unknown as { nodes: Array<{ id: string }> };
      const seen = new Set(first.nodes.map((p) => p.id));
      expect(next.nodes.filter((p) => seen.has(p.id))).toEqual([]);
      // The next page is the new list's items after the last one already read, in order.
      const lastRead = whole.nodes.findIndex((p) => p.id === first.nodes.at(-1)!.id);
      expect(next.nodes.map((p) => p.id)).toEqual(whole.nodes.slice(lastRead + 1, lastRead + 31).map((p) => p.id));
      if (orderBy === 'TITLE') expect(whole.nodes.slice(0, lastRead + 1).filter((p) => !seen.has(p.id))).toHaveLength(8);
    }
  });
});
