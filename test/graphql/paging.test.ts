import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPapers } from '../../loaders/load.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { connectTestNeo4j } from '../store/use-neo4j.js';

/**
 * Relay paging over HTTP on the sample corpus: browse lists of every entity kind, forward and
 * backward, cursors bound to their list; on the embedded store and on Neo4j, identically.
 */

interface Page {
  edges: Array<{ cursor: string; node: { id: string; name: string; paperCount: number } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}
interface Answer {
  data?: Record<string, Page | null> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

let dir: string;
let embedded: RunningServer;
let neo4jServer: RunningServer | undefined;
const neo4jStore = await connectTestNeo4j();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-paging-'));
  embedded = await startServer({ port: 0, dataDir: dir, corpusPaths: ['data/papers'] });
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

async function ask(server: RunningServer, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as Answer;
}

const PAGE = 'edges { cursor node { id name paperCount } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount';
const browse = (field: string) => `query ($first: Int, $after: String, $last: Int, $before: String, $orderBy: EntityOrder, $filter: EntityFilter) {
  list: ${field}(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) { ${PAGE} } }`;

/** Every item of a browse list, read page by page forward or backward. */
async function readAll(server: RunningServer, field: string, direction: 'forward' | 'backward', variables: Record<string, unknown> = {}): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const paging = direction === 'forward' ? { first: 50, after: cursor } : { last: 50, before: cursor };
    const answer = await ask(server, browse(field), { ...variables, ...paging });
    expect(answer.errors).toBeUndefined();
    const page = answer.data!['list']!;
    const pageIds = page.edges.map((e) => e.node.id);
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

describePaging('embedded', () => embedded);

describe.skipIf(!neo4jStore)('paging on Neo4j', () => {
  describePaging('neo4j', () => neo4jServer!);

  it('answers every browse page exactly as the embedded store', async () => {
    for (const field of ['datasets', 'methods', 'tasks', 'metrics', 'concepts', 'repositories']) {
      for (const variables of [{ first: 30 }, { last: 7, orderBy: { field: 'NAME' } }, { first: 5, filter: { text: 'learning' } }]) {
        expect(await ask(neo4jServer!, browse(field), variables)).toEqual(await ask(embedded, browse(field), variables));
      }
    }
  });
});
