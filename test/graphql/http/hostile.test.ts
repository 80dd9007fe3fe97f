import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/graphql/limits.js';
import type { RunningServer } from '../../../src/graphql/server.js';
import type { GraphQLBody } from './graphql-fetch.js';
import { openCorpusStore, serve } from '../serve-corpus.js';

/**
 * No request answers 500: hostile and malformed documents, variables and bodies each end as a 4xx
 * or a 200 with errors, every error with a code. (They are refused before the store is asked, so
 * one store serves.)
 */

interface Hostile {
  name: string;
  /** A GraphQL request object, or the raw body text. */
  body?: unknown;
  method?: 'GET' | 'POST';
  /** The query string of a GET. */
  search?: Record<string, string>;
  headers?: Record<string, string>;
}

const nest = (depth: number, open: string, close: string, inner: string): string => open.repeat(depth) + inner + close.repeat(depth);
const fanOut = Array.from({ length: 24 }, (_, i) => `fragment F${i} on Paper { ...F${i + 1} ...F${i + 1} }`).join('\n') + '\nfragment F24 on Paper { id }';

const CORPUS: Hostile[] = [
  { name: 'a fragment that spreads itself', body: { query: 'fragment A on Paper { id ...A } { papers { nodes { ...A } } }' } },
  {
    name: 'two fragments spreading each other',
    body: { query: 'fragment A on Paper { id ...B } fragment B on Paper { title ...A } { papers { nodes { ...A } } }' },
  },
  { name: 'a fragment cycle no operation uses', body: { query: 'fragment A on Paper { ...A } { stats { derivedPending } }' } },
  { name: 'a spread of an unknown fragment', body: { query: '{ papers { nodes { ...Missing } } }' } },
  { name: 'a fragment on an unknown type', body: { query: 'fragment A on Nope { id } { papers { nodes { ...A } } }' } },
  { name: 'fragments fanning out to 2^24 spreads', body: { query: `${fanOut}\n{ papers(first: 1) { nodes { ...F0 } } }` } },
  { name: 'a variable of the wrong type', body: { query: 'query ($n: Int) { papers(first: $n) { nodes { id } } }', variables: { n: 'ten' } } },
  { name: 'a missing required variable', body: { query: 'query ($id: ID!) { paper(id: $id) { id } }' } },
  { name: 'a null required variable', body: { query: 'query ($id: ID!) { paper(id: $id) { id } }', variables: { id: null } } },
  { name: 'a float for an Int variable', body: { query: 'query ($n: Int) { papers(first: $n) { nodes { id } } }', variables: { n: 1.5 } } },
  { name: 'a huge number for an Int variable', body: { query: 'query ($n: Int) { papers(first: $n) { nodes { id } } }', variables: { n: 1e300 } } },
  { name: 'a huge Int literal', body: { query: '{ papers(first: 99999999999999999999) { nodes { id } } }' } },
  { name: 'a page size of a million', body: { query: '{ papers(first: 1000000) { nodes { id } } }' } },
  { name: 'a negative page size', body: { query: '{ papers(first: -5) { nodes { id } } }' } },
  {
    name: 'variables nested 20,000 lists deep',
    body: `{"query":"query ($n: Int) { papers(first: $n) { nodes { id } } }","variables":{"n":${nest(20_000, '[', ']', '1')}}}`,
  },
  {
    name: 'an undeclared variable nested 20,000 objects deep',
    body: `{"query":"{ papers(first: 1) { nodes { id } } }","variables":{"x":${nest(20_000, '{"a":', '}', '1')}}}`,
  },
  { name: 'an argument list literal nested 3,000 deep', body: { query: `{ papers(filter: { dataset: ${nest(3_000, '[', ']', '"x"')} }) { nodes { id } } }` } },
  { name: 'selections nested 3,000 deep', body: { query: nest(3_000, '{ papers ', '}', '{ id }') } },
  { name: 'a document over the token limit', body: { query: `{ ${'x '.repeat(LIMITS.maxTokens + 10)}}` } },
  { name: 'an unknown operation name', body: { query: '{ stats { derivedPending } }', operationName: 'Nope' } },
  { name: 'an operation name for an anonymous operation', body: { query: 'query A { stats { derivedPending } } query B { __typename }', operationName: 'C' } },
  { name: 'two operations and no name', body: { query: 'query A { stats { derivedPending } } query B { __typename }' } },
  { name: 'an operationName that is a number', body: { query: '{ __typename }', operationName: 5 } },
  { name: 'a query that is a number', body: { query: 42 } },
  { name: 'a query that is an object', body: { query: { kind: 'Document' } } },
  { name: 'no query', body: { variables: {} } },
  { name: 'an empty query', body: { query: '' } },
  { name: 'variables that are a string', body: { query: '{ __typename }', variables: '{"a":' } },
  { name: 'variables that are a list', body: { query: '{ __typename }', variables: [1, 2] } },
  { name: 'a batch (JSON array)', body: '[{"query":"{ __typename }"},{"query":"{ __typename }"}]' },
  { name: 'a body that is not JSON', body: '{ "query": "{ __typename }' },
  { name: 'a body that is JSON null', body: 'null' },
  { name: 'a body that is a JSON string', body: '"{ __typename }"' },
  { name: 'an unsupported charset', body: '{"query":"{ __typename }"}', headers: { 'content-type': 'application/json; charset=latin1' } },
  { name: 'a form post', body: 'query=%7B__typename%7D', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  { name: 'a text/plain post', body: '{"query":"{ __typename }"}', headers: { 'content-type': 'text/plain' } },
  { name: 'a body over the size limit', body: { query: `{ __typename } #${'x'.repeat(LIMITS.maxBodyBytes)}` } },
  { name: 'an unknown directive', body: { query: '{ stats @evil { derivedPending } }' } },
  { name: '@skip with a string variable', body: { query: 'query ($s: String) { stats @skip(if: $s) { derivedPending } }', variables: { s: 'yes' } } },
  { name: 'a subscription (the schema has none)', body: { query: 'subscription { papers { totalCount } }' } },
  { name: 'a mutation over GET', method: 'GET', search: { query: 'mutation { __typename }' } },
  { name: 'a GET without a query', method: 'GET', search: { variables: '{}' }, headers: { accept: 'application/json' } },
  {
    name: 'a GET with variables that are not JSON',
    method: 'GET',
    search: { query: 'query ($n: Int) { papers(first: $n) { nodes { id } } }', variables: '{n:' },
  },
  { name: 'a GET with a text/plain content type', method: 'GET', search: { query: '{ __typename }' }, headers: { 'content-type': 'text/plain' } },
  { name: 'ingest without an API key', body: { query: 'mutation { ingest(papers: [{ title: "T", abstract: "A" }]) { duplicates } }' } },
  {
    name: 'a page size out of range through a fragment and variable',
    body: { query: 'query ($n: Int) { ...Q } fragment Q on Query { papers(first: $n) { nodes { id } } }', variables: { n: 101 } },
  },
];

let corpus: Awaited<ReturnType<typeof openCorpusStore>>;
let server: RunningServer;
beforeAll(async () => {
  corpus = await openCorpusStore();
  server = await serve(corpus.store);
}, 300_000);
afterAll(async () => {
  await server?.close();
  await corpus?.close();
});

describe('hostile requests', () => {
  it('has a corpus of at least 30', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CORPUS)('answers $name with no 5xx and a code on every error', async ({ body, method = 'POST', search, headers = {} }) => {
    const url = `${server.url}/graphql${search ? `?${new URLSearchParams(search)}` : ''}`;
    const response = await fetch(url, {
      method,
      headers: method === 'POST' ? { 'content-type': 'application/json', ...headers } : headers,
      ...(method === 'POST' ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBeLessThan(500);
    const parsed = JSON.parse(text) as GraphQLBody;
    expect(parsed.errors?.length, text.slice(0, 300)).toBeGreaterThan(0);
    for (const error of parsed.errors ?? []) expect(typeof error.extensions?.['code'], text.slice(0, 300)).toBe('string');
    expect(text).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('still answers after all of them', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ stats { derivedPending } }"}',
    });
    expect(response.status).toBe(200);
  });
});
