import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQueries } from '../../src/web/examples.js';
import { createWebRouter } from '../../src/web/web-router.js';

/** The web router on its own: routes, the vendor whitelist, headers, no third-party origin. */

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(createWebRouter());
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Every src/href of a page. */
function references(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');
}

describe('web router', () => {
  it('redirects / to the playground', async () => {
    const response = await fetch(`${base}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/playground');
  });

  it.each(['/playground', '/explorer'])('serves %s with a same-origin-only policy and only local assets', async (route) => {
    const response = await fetch(`${base}${route}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await response.text();
    const refs = references(html);
    expect(refs.length).toBeGreaterThan(2);
    for (const ref of refs) expect(ref, ref).toMatch(/^(\/|data:)/);
    // Every script and stylesheet the page names is served.
    for (const ref of refs.filter((r) => r.startsWith('/vendor/') || r.startsWith('/assets/'))) {
      const asset = await fetch(`${base}${ref}`);
      expect(asset.status, ref).toBe(200);
      await asset.arrayBuffer();
    }
  });

  it('embeds every example query in the playground, safely escaped', async () => {
    const html = await (await fetch(`${base}/playground`)).text();
    const json = /<script type="application\/json" id="kg-examples">([^<]*)<\/script>/.exec(html)?.[1];
    expect(json).toBeDefined();
    expect(JSON.parse(json ?? '')).toEqual(exampleQueries);
    expect(exampleQueries.length).toBeGreaterThanOrEqual(7);
  });

  it('serves whitelisted vendor files with long cache headers, and nothing else from node_modules', async () => {
    const html = (await (await fetch(`${base}/playground`)).text()) + (await (await fetch(`${base}/explorer`)).text());
    const vendor = [...new Set(references(html).filter((r) => r.startsWith('/vendor/')))].sort();
    expect(vendor.map((v) => v.replace(/@[^/]+/, ''))).toEqual([
      '/vendor/cytoscape/cytoscape.min.js',
      '/vendor/graphiql/graphiql.min.css',
      '/vendor/graphiql/graphiql.min.js',
      '/vendor/react-dom/react-dom.production.min.js',
      '/vendor/react/react.production.min.js',
    ]);
    for (const ref of vendor) {
      const response = await fetch(`${base}${ref}`, { method: 'HEAD' });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
      expect(response.headers.get('content-type')).toMatch(ref.endsWith('.css') ? /^text\/css/ : /javascript/);
    }
    const graphiql = vendor.find((v) => v.endsWith('graphiql.min.js')) ?? '';
    for (const forbidden of [
      graphiql.replace('graphiql.min.js', 'package.json'),
      graphiql.replace('graphiql.min.js', 'graphiql.min.js.map'),
      graphiql.replace('graphiql.min.js', '../../package.json'),
      '/vendor/react@18.3.1/..%2F..%2Fpackage.json',
      '/vendor/express/index.js',
      '/vendor/',
    ]) {
      expect((await fetch(`${base}${forbidden}`)).status, forbidden).toBe(404);
    }
  });

  it('serves its own assets, and 404 for anything else there', async () => {
    for (const file of ['explorer.js', 'explorer-queries.js', 'explorer-text.js', 'explorer.css', 'playground.js', 'playground.css', 'common.css']) {
      const response = await fetch(`${base}/assets/${file}`);
      expect(response.status, file).toBe(200);
      expect(await response.text()).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    }
    expect((await fetch(`${base}/assets/nope.js`)).status).toBe(404);
    // The modules' type declarations are for the tests only.
    expect((await fetch(`${base}/assets/explorer-queries.d.ts`)).status).toBe(404);
    expect((await fetch(`${base}/assets/../web-router.ts`)).status).toBe(404);
    expect((await fetch(`${base}/assets/%2e%2e/web-router.ts`)).status).toBe(404);
  });

  it('loads the explorer as ES modules, preloaded, with JavaScript content types', async () => {
    const html = await (await fetch(`${base}/explorer`)).text();
    expect(html).toContain('<script type="module" src="/assets/explorer.js"></script>');
    for (const module of ['explorer.js', 'explorer-queries.js', 'explorer-text.js']) {
      expect(html).toContain(`<link rel="modulepreload" href="/assets/${module}">`);
      expect((await fetch(`${base}/assets/${module}`)).headers.get('content-type')).toMatch(/javascript/);
    }
  });

  it('leaves /graphql to the API', async () => {
    expect((await fetch(`${base}/graphql`, { method: 'POST' })).status).toBe(404);
  });
});
