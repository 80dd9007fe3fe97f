import { readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { estimateCost, LIMITS } from '../../../src/graphql/limits.js';
import { loadTypeDefs } from '../../../src/graphql/load-schema.js';
import { exampleQueries } from '../../../src/web/examples.js';
import { codes, post } from './graphql-fetch.js';
import { useCorpusServers } from '../serve-corpus.js';

/**
 * The limits cost what a query costs: the pages clients ask for every day pass, the playground's
 * and the README's examples pass (their costs are the README's table), page sizes out of range
 * are refused as such, and the depth, cost and body limits still refuse what is over them.
 */

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const schema = buildSchema(loadTypeDefs());
const costOf = (query: string, variables: Record<string, unknown> = {}): number | null => estimateCost({ schema, document: parse(query), variables });

const DEFAULT_PAGE = `{ papers(first: 20) { totalCount pageInfo { hasNextPage endCursor }
  nodes { id title methods { method { id name } } datasets { dataset { id name } } tasks { task { id name } } repositories { repository { id name } } } } }`;

/** Every ```graphql block of the README, named by its root fields. */
const readmeQueries = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => {
  const query = match[1]!;
  const roots = parse(query).definitions.flatMap((definition) =>
    definition.kind === 'OperationDefinition' ? definition.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : [])) : [],
  );
  return { title: `README: ${roots.join(' + ')}`, query, variables: {} as Record<string, unknown> };
});
const examples = exampleQueries.map((example) => ({
  title: `playground: ${example.title}`,
  query: example.query,
  variables: example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : {},
}));
const everyExample = [
  { title: 'papers(first: 20) with ids and names of methods, datasets, tasks, repositories', query: DEFAULT_PAGE, variables: {} },
  ...examples,
  ...readmeQueries,
];

const servers = useCorpusServers();

describe('the cost of the queries clients send', () => {
  it('finds README examples to check', () => {
    expect(readmeQueries.length).toBeGreaterThanOrEqual(5);
  });

  it('costs a connection page once: first × one item, pageInfo and totalCount once', () => {
    // nodes { id } and edges { node { id } cursor } are the same 10 items, each costed once per selection.
    expect(costOf('{ papers(first: 10) { totalCount pageInfo { hasNextPage } nodes { id } } }')).toBe(1 + 1 + 2 + 10 * 1);
    expect(costOf('{ papers(first: 10) { edges { cursor node { id } } } }')).toBe(1 + 10 * (1 + 2));
    expect(costOf('{ papers(first: 0) { totalCount } }')).toBe(2);
  });

  it('lists the cost of every example in the README limits table', () => {
    const missing = everyExample
      .map((example) => `| ${example.title} | ${costOf(example.query, example.variables)!.toLocaleString('en-US')} |`)
      .filter((row) => !README.includes(row));
    expect(missing, 'rows the README table lacks (or gives another cost)').toEqual([]);
  });

  for (const example of everyExample) {
    it(`stays under the cost limit: ${example.title}`, () => {
      expect(costOf(example.query, example.variables)).toBeLessThanOrEqual(LIMITS.maxComplexity / 4);
    });
  }
});

describe.each(['embedded', 'neo4j'])('on the %s store', (name) => {
  const server = () => servers().find((s) => s.name === name)?.server;
  const skip = () => !server();

  it.each(everyExample)('answers $title without errors', async ({ query, variables }) => {
    if (skip()) return;
    const { status, body } = await post(server()!.url, { query, variables });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data).toBeTruthy();
  });

  it('answers the default page of 20 papers with their entities', async () => {
    if (skip()) return;
    const { body } = await post(server()!.url, { query: DEFAULT_PAGE });
    expect(body.errors).toBeUndefined();
    expect((body.data!['papers'] as { nodes: unknown[] }).nodes).toHaveLength(20);
  });

  it.each([
    ['a literal', '{ papers(first: 1000000) { nodes { id } } }', {}],
    ['a variable', 'query ($n: Int) { papers(first: $n) { nodes { id } } }', { n: 1000000 }],
    ['a negative variable', 'query ($n: Int) { papers(first: $n) { nodes { id } } }', { n: -1 }],
    ['a nested connection', '{ method(by: { id: "method:lora" }) { papers(first: 101) { nodes { id } } } }', {}],
  ])('refuses a page size out of range given as %s as an error of that field alone, not as a cost', async (_how, query, variables) => {
    if (skip()) return;
    const { status, body } = await post(server()!.url, { query: query.replace(/}$/, ' stats { derivedPending } }'), variables });
    expect(status).toBe(200);
    expect(codes(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.data?.['stats']).toEqual({ derivedPending: false });
    expect(body.errors![0]!.message).toMatch(/^first must be an integer from 0 to 100; got -?\d+\.$/);
    expect(body.errors![0]!.extensions?.['argumentName']).toBe('first');
  });
});

describe('limits that stay', () => {
  const url = () => servers()[0]!.server.url;

  it('refuses an operation over the cost limit', async () => {
    const aliases = Array.from(
      { length: 30 },
      (_, i) => `a${i}: papers(first: 100) { nodes { id concepts { concept { id papers(first: 100) { nodes { id } } } } } }`,
    ).join('\n');
    const { body } = await post(url(), { query: `{ ${aliases} }` });
    expect(codes(body)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(body.errors![0]!.message).toMatch(/estimated cost \d+, the limit is 20000/);
  });

  it('counts each alias', () => {
    const one = costOf('{ papers(first: 100) { nodes { id } } }')!;
    expect(costOf('{ a: papers(first: 100) { nodes { id } } b: papers(first: 100) { nodes { id } } }')).toBe(2 * one);
  });

  it('refuses an operation deeper than the limit, with fragments', async () => {
    const query = `fragment R on Paper { related { nodes { paper { id } } } } { paper(id: "x") { related { nodes { paper { related { nodes { paper { related { nodes { paper { ...R } } } } } } } } } } }`;
    const { body } = await post(url(), { query });
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(body.errors![0]!.message).toContain('exceeds maximum operation depth of 10');
  });

  it('refuses a body over the size limit with a GraphQL-shaped error', async () => {
    const { status, body } = await post(url(), { query: `{ __typename } # ${'x'.repeat(LIMITS.maxBodyBytes)}` });
    expect(status).toBe(413);
    expect(codes(body)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('refuses a document over the token limit', async () => {
    const { body } = await post(url(), { query: `{ ${'x '.repeat(LIMITS.maxTokens)}}` });
    expect(codes(body)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });
});
