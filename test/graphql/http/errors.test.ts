import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/errors.js';
import type { RunningServer } from '../../../src/graphql/server.js';
import type { EmbeddedStore } from '../../../src/store/embedded/embedded-store.js';
import type { GraphStore } from '../../../src/store/store.js';
import { codes, get, post } from './graphql-fetch.js';
import { openCorpusStore, serve } from '../serve-corpus.js';

/**
 * Errors as the GraphQL-over-HTTP spec and browser clients want them: request errors are 200 with
 * `errors` for application/json and 4xx for application/graphql-response+json; no stack traces
 * unless asked for; unexpected errors masked and logged; store failures keep their code.
 */

let corpus: { store: EmbeddedStore; close(): Promise<void> };
let server: RunningServer;
beforeAll(async () => {
  corpus = await openCorpusStore();
  server = await serve(corpus.store);
}, 300_000);
afterAll(async () => {
  await server?.close();
  await corpus?.close();
});

/** The store with `counts` (what `stats` reads) failing as `failure` says. */
function failingStore(store: GraphStore, failure: () => Error): GraphStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'counts') return async () => Promise.reject(failure());
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const REQUEST_ERRORS: Array<[string, Record<string, unknown>, string]> = [
  ['a syntax error', { query: '{ papers(first: 2 { nodes { id } } }' }, 'GRAPHQL_PARSE_FAILED'],
  ['an unknown field', { query: '{ nope }' }, 'GRAPHQL_VALIDATION_FAILED'],
  ['a variable of the wrong type', { query: 'query ($n: Int) { papers(first: $n) { nodes { id } } }', variables: { n: 'ten' } }, 'BAD_USER_INPUT'],
  ['a missing required variable', { query: 'query ($id: ID!) { paper(id: $id) { id } }' }, 'BAD_USER_INPUT'],
  ['an unknown operation name', { query: 'query A { stats { derivedPending } }', operationName: 'B' }, 'OPERATION_RESOLUTION_FAILURE'],
];

describe('status codes', () => {
  it.each(REQUEST_ERRORS)('answers %s with 200 and errors for application/json and for no accept header', async (_what, body, code) => {
    for (const headers of [{ accept: 'application/json' }, {}] as Array<Record<string, string>>) {
      const answer = await post(server.url, body, headers);
      expect(answer.status).toBe(200);
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(codes(answer.body)).toContain(code);
      expect(answer.body.data).toBeUndefined();
    }
  });

  it.each(REQUEST_ERRORS)('answers %s with 400 for application/graphql-response+json', async (_what, body, code) => {
    const answer = await post(server.url, body, { accept: 'application/graphql-response+json' });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/graphql-response\+json/);
    expect(codes(answer.body)).toContain(code);
  });

  it('answers a field error with 200 and the data it has', async () => {
    const answer = await post(server.url, { query: '{ stats { derivedPending } paper(id: "paper:none") { id } }' });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ paper: null });
  });

  it('runs queries over GET and refuses mutations there with 405', async () => {
    const query = await get(server.url, { query: 'query ($id: ID!) { paper(id: $id) { id } }', variables: { id: 'paper:8de26e660a770d66' } });
    expect(query.status).toBe(200);
    expect(query.body.data).toEqual({ paper: { id: 'paper:8de26e660a770d66' } });
    const mutation = await get(server.url, { query: 'mutation { __typename }' });
    expect(mutation.status).toBe(405);
    expect(codes(mutation.body)).toEqual(['BAD_REQUEST']);
  });

  it('refuses a POST that is not JSON (a form post from another site) with 415', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D',
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a request running past the time limit with 503 TIMEOUT', async () => {
    const slow = new Proxy(corpus.store as GraphStore, {
      get(target, key, receiver) {
        if (key === 'counts') return () => new Promise((resolve) => setTimeout(() => resolve(target.counts()), 1_500));
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const slowServer = await serve(slow, { timeoutMs: 300 });
    try {
      const answer = await post(slowServer.url, { query: '{ stats { derivedPending } }' });
      expect(answer.status).toBe(503);
      expect(codes(answer.body)).toEqual(['TIMEOUT']);
      // The late answer does not break the server.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await post(slowServer.url, { query: '{ __typename }' })).body.data).toEqual({ __typename: 'Query' });
    } finally {
      await slowServer.close();
    }
  });
});

describe('what errors reveal', () => {
  it('shows no stack trace by default, whatever NODE_ENV says', async () => {
    for (const body of REQUEST_ERRORS.map(([, b]) => b)) {
      const answer = await post(server.url, body);
      expect(answer.text).not.toContain('stacktrace');
      expect(answer.text).not.toMatch(/\/src\/|node_modules/);
    }
  });

  it('masks an unexpected error as INTERNAL_SERVER_ERROR and logs it', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    const broken = await serve(
      failingStore(corpus.store, () => new Error('secret detail at /srv/paper-kg/src/store')),
      { logger },
    );
    try {
      const answer = await post(broken.url, { query: '{ stats { derivedPending } }' });
      expect(answer.body.errors).toEqual([
        { message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['stats'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
      expect(answer.text).not.toContain('secret');
      expect(lines.join('\n')).toContain('secret detail');
    } finally {
      await broken.close();
    }
  });

  it('keeps STORE_UNAVAILABLE for a store failure', async () => {
    const down = await serve(failingStore(corpus.store, () => new StoreError('connection refused')));
    try {
      const answer = await post(down.url, { query: '{ stats { derivedPending } }' });
      expect(codes(answer.body)).toEqual(['STORE_UNAVAILABLE']);
      expect(answer.text).not.toContain('connection refused');
    } finally {
      await down.close();
    }
  });

  it('shows stack traces and the masked message with KG_DEBUG_ERRORS', async () => {
    const debug = await serve(
      failingStore(corpus.store, () => new Error('secret detail')),
      { debugErrors: true },
    );
    try {
      const answer = await post(debug.url, { query: '{ stats { derivedPending } }' });
      expect(answer.body.errors![0]!.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', detail: 'secret detail' });
      expect(answer.body.errors![0]!.extensions?.['stacktrace']).toBeInstanceOf(Array);
    } finally {
      await debug.close();
    }
  });
});
