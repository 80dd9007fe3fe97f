import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/graphql/server.js';
import type { EmbeddedStore } from '../../../src/store/embedded/embedded-store.js';
import { openCorpusStore, serve } from '../serve-corpus.js';

/**
 * Browser access from another origin, in a real Chromium: a page served by a second local HTTP
 * server (another port, so another origin) fetches the API by POST and GET and gets data; with
 * KG_CORS_ORIGINS listing only other origins, the browser refuses the answer.
 * Needs /usr/bin/chromium (skipped with a warning without it, failing when CI is set).
 */

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env['CI']) {
  it(`CORS in a browser: needs Chromium at ${CHROMIUM} (CI is set)`, () => {
    throw new Error(`CI is set and ${CHROMIUM} is missing: apt-get install -y chromium`);
  });
} else if (!haveChromium) {
  console.warn(`\n!!! test/graphql/http/cors: ${CHROMIUM} is missing, the browser CORS tests are SKIPPED (apt-get install -y chromium)\n`);
}

const QUERY = 'query ($id: ID!) { paper(id: $id) { id } }';
const VARIABLES = { id: 'paper:8de26e660a770d66' };

interface Outcome {
  ok: boolean;
  status?: number;
  data?: unknown;
  error?: string;
}

let corpus: { store: EmbeddedStore; close(): Promise<void> };
let browser: Browser | undefined;
let pageServer: Server;
let pageOrigin: string;
const apis: RunningServer[] = [];

/** An API server on the corpus with the given CORS settings. */
async function api(options: { corsOrigins?: '*' | string[]; corsCredentials?: boolean } = {}): Promise<string> {
  const server = await serve(corpus.store, options);
  apis.push(server);
  return server.url;
}

async function openPage(): Promise<Page> {
  const page = await browser!.newPage();
  await page.goto(`${pageOrigin}/`);
  return page;
}

/** Runs `fetch` in the page (on pageOrigin) against `url`. */
async function fetchFromPage(
  page: Page,
  url: string,
  method: 'GET' | 'POST',
  headers: Record<string, string> = {},
  credentials: 'same-origin' | 'include' = 'same-origin',
): Promise<Outcome> {
  return page.evaluate(
    async ({ url, method, headers, query, variables, credentials }) => {
      try {
        const response =
          method === 'POST'
            ? await fetch(`${url}/graphql`, {
                method,
                headers: { 'content-type': 'application/json', ...headers },
                body: JSON.stringify({ query, variables }),
                credentials,
              })
            : await fetch(`${url}/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`, { headers, credentials });
        const body = (await response.json()) as { data?: unknown };
        return { ok: true, status: response.status, data: body.data };
      } catch (error) {
        return { ok: false, error: String(error) };
      }
    },
    { url, method, headers, query: QUERY, variables: VARIABLES, credentials },
  );
}

describe.skipIf(!haveChromium)('CORS from a page on another origin (Chromium)', () => {
  beforeAll(async () => {
    [corpus, browser] = await Promise.all([
      openCorpusStore(),
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
    ]);
    pageServer = createServer(
      (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>frontend</title><p>another origin</p>'),
    );
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of apis) await server.close();
    await new Promise((resolve) => pageServer?.close(resolve));
    await corpus?.close();
  });

  it('lets any origin read by POST (JSON, preflighted) and GET with the default KG_CORS_ORIGINS=*', async () => {
    const url = await api();
    const page = await openPage();
    for (const method of ['POST', 'GET'] as const) {
      expect(await fetchFromPage(page, url, method)).toEqual({ ok: true, status: 200, data: { paper: VARIABLES } });
    }
    // The ingest key and Apollo Client's preflight marker are headers a page may send.
    expect(await fetchFromPage(page, url, 'POST', { 'x-api-key': 'not-the-key', 'apollo-require-preflight': 'true' })).toMatchObject({ ok: true, status: 200 });
    await page.close();
  });

  it('lets a listed origin read, by POST and GET', async () => {
    const url = await api({ corsOrigins: ['http://localhost:5173', pageOrigin] });
    const page = await openPage();
    for (const method of ['POST', 'GET'] as const) {
      expect(await fetchFromPage(page, url, method)).toEqual({ ok: true, status: 200, data: { paper: VARIABLES } });
    }
    await page.close();
  });

  it('refuses an origin KG_CORS_ORIGINS does not list', async () => {
    const url = await api({ corsOrigins: ['http://localhost:5173', 'https://app.example.org'] });
    const page = await openPage();
    for (const method of ['POST', 'GET'] as const) {
      const outcome = await fetchFromPage(page, url, method);
      expect(outcome.ok, JSON.stringify(outcome)).toBe(false);
      expect(outcome.error).toMatch(/Failed to fetch/);
    }
    await page.close();
  });

  it('sends credentials only when configured, and only to listed origins', async () => {
    const withCredentials = await api({ corsOrigins: [pageOrigin], corsCredentials: true });
    const without = await api({ corsOrigins: '*' });
    const page = await openPage();
    expect(await fetchFromPage(page, withCredentials, 'POST', {}, 'include')).toMatchObject({ ok: true, status: 200 });
    expect((await fetchFromPage(page, without, 'POST', {}, 'include')).ok).toBe(false);
    await page.close();
    const preflight = await fetch(`${withCredentials}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: pageOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-origin')).toBe(pageOrigin);
  });
});

describe('CORS headers', () => {
  let corpusForHeaders: { store: EmbeddedStore; close(): Promise<void> } | undefined;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.close();
    await corpusForHeaders?.close();
  });

  it('answers a preflight with 204 before any GraphQL or CSRF check, and names no origin it does not allow', async () => {
    corpusForHeaders = await openCorpusStore();
    server = await serve(corpusForHeaders.store, { corsOrigins: ['http://localhost:5173'] });
    const preflight = (origin: string) =>
      fetch(`${server!.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' },
      });
    const allowed = await preflight('http://localhost:5173');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('x-api-key');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const refused = await preflight('http://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
