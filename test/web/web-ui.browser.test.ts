import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/graphql/server.js';
import { exampleQueries } from '../../src/web/examples.js';

/**
 * The playground and the graph explorer in a real Chromium, against the real server on the
 * sample corpus, with every request to another host blocked and recorded.
 *
 * Needs Debian's chromium at /usr/bin/chromium (`apt-get install -y chromium`); without it the
 * tests are skipped with a warning, except when CI is set, where they fail. Set
 * KG_WEB_SCREENSHOTS to a folder to get a screenshot of each page there.
 */

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env['CI']);
const screenshotDir = process.env['KG_WEB_SCREENSHOTS'];
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

if (!haveChromium && !inCi) {
  console.warn(
    `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n` +
      `!! test/web: ${CHROMIUM} is missing, so the browser tests of the web UI are SKIPPED.\n` +
      `!! Install it with: apt-get install -y chromium   (with CI set, they fail instead)\n` +
      `!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`,
  );
}

/** What the explorer exposes on `window` for tests (the page's cytoscape instance). */
interface CyNode {
  id(): string;
  data(key: string): unknown;
  renderedPosition(): { x: number; y: number };
  hasClass(name: string): boolean;
}
interface ExplorerGlobals {
  kgExplorer: {
    cy: {
      nodes(selector?: string): { length: number; toArray(): CyNode[] };
      getElementById(id: string): CyNode;
      center(node: CyNode): void;
      width(): number;
      height(): number;
    };
    graphiqlQuery(kind: string, id: string): string;
  };
}

/** Everything a page did that it should not have. */
interface PageLog {
  /** Requests to any host but our server's, all blocked. */
  external: string[];
  /** Uncaught exceptions and console errors (failed loads are in `failed`). */
  errors: string[];
  /** Responses with status 400 or more, and requests that failed. */
  failed: string[];
}

let browser: Browser | undefined;
let server: { url: string; close(): Promise<void> } | undefined;
let dataDir: string | undefined;
const contexts: BrowserContext[] = [];

function base(): string {
  if (!server) throw new Error('the server did not start');
  return server.url;
}

async function openContext(): Promise<{ context: BrowserContext; log: PageLog }> {
  if (!browser) throw new Error('Chromium did not start');
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  contexts.push(context);
  const log: PageLog = { external: [], errors: [], failed: [] };
  const host = new URL(base()).host;
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.host !== host) {
      log.external.push(url.href);
      await route.abort('blockedbyclient');
      return;
    }
    await route.continue();
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => log.errors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) log.errors.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) log.failed.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => log.failed.push(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? ''}`));
  });
  return { context, log };
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, `paper-kg-${name}.png`) });
}

/** Runs the active GraphiQL tab and waits for a result holding `text`. */
async function runAndWaitFor(page: Page, text: string): Promise<string> {
  await page.locator('.graphiql-execute-button').click();
  const result = page.locator('.result-window', { hasText: text });
  await result.waitFor({ timeout: 20_000 });
  return result.innerText();
}

async function graphCounts(page: Page): Promise<{ nodes: number; edges: number; kinds: string[] }> {
  const count = page.getByTestId('explorer-node-count');
  return {
    nodes: Number(await count.getAttribute('data-nodes')),
    edges: Number(await count.getAttribute('data-edges')),
    kinds: ((await count.getAttribute('data-kinds')) ?? '').split(' ').filter(Boolean),
  };
}

async function waitForIdle(page: Page): Promise<void> {
  await page.locator('[data-testid="explorer-graph"][data-state="idle"]').waitFor({ timeout: 20_000 });
}

/** Clicks a graph node with the mouse, where cytoscape drew it (panning to it first). */
async function clickNode(page: Page, selector: string): Promise<string> {
  const target = await page.evaluate((sel) => {
    const { cy } = (globalThis as unknown as ExplorerGlobals).kgExplorer;
    const node = cy.nodes(sel).toArray()[0];
    if (!node) return null;
    let p = node.renderedPosition();
    if (p.x < 30 || p.y < 30 || p.x > cy.width() - 30 || p.y > cy.height() - 30) {
      cy.center(node);
      p = node.renderedPosition();
    }
    return { id: node.id(), x: p.x, y: p.y };
  }, selector);
  if (!target) throw new Error(`no node on the graph matches ${selector}`);
  const box = await page.getByTestId('explorer-graph').boundingBox();
  if (!box) throw new Error('the graph is not visible');
  await page.mouse.click(box.x + target.x, box.y + target.y);
  return target.id;
}

if (!haveChromium && inCi) {
  it(`web UI: needs Chromium at ${CHROMIUM} (CI is set)`, () => {
    throw new Error(`CI is set and ${CHROMIUM} is missing, so the web UI cannot be tested: apt-get install -y chromium`);
  });
}

describe.skipIf(!haveChromium)('web UI in Chromium (real server, sample corpus)', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kg-web-'));
    [server, browser] = await Promise.all([
      startServer({ port: 0, dataDir, corpusPaths: [path.join(repoRoot, 'data/papers')] }),
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
    ]);
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('the playground loads offline, opens every example as a tab and runs the first', async () => {
    const { context, log } = await openContext();
    const page = await context.newPage();
    const response = await page.goto(`${base()}/playground`);
    expect(response?.status()).toBe(200);
    await page.locator('.graphiql-container').waitFor();
    await expect.poll(() => page.locator('.graphiql-tab').count(), { timeout: 10_000 }).toBe(exampleQueries.length);
    await expect(page.locator('.graphiql-tab-active').innerText()).resolves.toContain('Paper');
    const result = await runAndWaitFor(page, 'UniFormer: Unifying Convolution');
    expect(result).toContain('method:uniformer');
    expect(result).toContain('PROPOSED');
    expect(result).not.toContain('"errors"');
    await screenshot(page, 'playground');
    expect(log.external).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('the playground loads the schema: the introspection query is answered', async () => {
    const { context, log } = await openContext();
    const page = await context.newPage();
    const introspection = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('__schema'));
    await page.goto(`${base()}/playground`);
    const response = await introspection;
    expect(response.status(), (await response.text()).slice(0, 300)).toBe(200);
    const body = (await response.json()) as { data?: { __schema?: { queryType?: { name: string } } } };
    expect(body.data?.__schema?.queryType?.name).toBe('Query');
    expect(log.failed).toEqual([]);
  });

  it('opens a ?query= link in its own tab, and an example from the menu', async () => {
    const { context, log } = await openContext();
    const page = await context.newPage();
    const query = 'query StatsFromLink {\n  stats { nodes { name count } }\n}';
    await page.goto(`${base()}/playground?query=${encodeURIComponent(query)}`);
    await page.locator('.graphiql-container').waitFor();
    await expect(page.locator('.graphiql-tab-active').innerText()).resolves.toContain('StatsFromLink');
    await expect(page.locator('.graphiql-query-editor').innerText()).resolves.toContain('StatsFromLink');
    const result = await runAndWaitFor(page, '"Concept"');
    expect(result).toContain('"Paper"');
    expect(result).not.toContain('"errors"');

    await page.getByTestId('playground-examples').selectOption({ label: 'Leaderboard of a dataset' });
    await page.waitForURL(/[?&]query=/);
    await page.locator('.graphiql-container').waitFor();
    await expect(page.locator('.graphiql-tab-active').innerText()).resolves.toContain('Leaderboard');
    const board = await runAndWaitFor(page, '"rank": 1');
    expect(board).toContain('ImageNet');
    expect(log.external).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('the explorer searches, draws a neighbourhood, expands a clicked node and links to GraphiQL', async () => {
    const { context, log } = await openContext();
    const page = await context.newPage();
    await page.goto(`${base()}/explorer`);
    await expect(page.getByTestId('explorer-legend').locator('li').count()).resolves.toBe(7);
    const colours = await page.getByTestId('explorer-legend').locator('.kg-dot').evaluateAll((dots) =>
      dots.map((dot) => (dot as unknown as { style: { getPropertyValue(name: string): string } }).style.getPropertyValue('--kind-color')),
    );
    expect(new Set(colours).size).toBe(7);

    await page.getByTestId('explorer-search-input').fill('LoRA');
    await page.getByTestId('explorer-search-button').click();
    const hit = page.locator('[data-testid="explorer-result"][data-kind="Paper"]', { hasText: 'In-Context LoRA for Diffusion Transformers' });
    await hit.waitFor();
    await expect(page.locator('[data-testid="explorer-result"][data-kind="Method"]', { hasText: /^LoRA/ }).count()).resolves.toBe(1);

    // Choosing a paper draws its methods, tasks and repository around it (this paper names no concept).
    await hit.click();
    await expect.poll(async () => (await graphCounts(page)).nodes, { timeout: 20_000 }).toBeGreaterThan(5);
    await waitForIdle(page);
    const first = await graphCounts(page);
    expect(first.kinds).toEqual(expect.arrayContaining(['Paper', 'Method', 'Task', 'Repository']));
    expect(first.edges).toBe(first.nodes - 1);
    await expect(page.getByTestId('panel-name').innerText()).resolves.toBe('In-Context LoRA for Diffusion Transformers');
    await expect(page.getByTestId('panel-kind').innerText()).resolves.toBe('Paper');
    await expect(page.getByTestId('explorer-empty').isHidden()).resolves.toBe(true);
    await screenshot(page, 'explorer-paper');

    // Clicking the LoRA node adds the other papers that use it.
    const lora = await clickNode(page, 'node[kind = "Method"][name = "LoRA"]');
    await expect.poll(async () => (await graphCounts(page)).nodes, { timeout: 20_000 }).toBeGreaterThan(first.nodes);
    await waitForIdle(page);
    const second = await graphCounts(page);
    expect(second.nodes - first.nodes).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('panel-name').innerText()).resolves.toBe('LoRA');
    await expect(page.getByTestId('panel-kind').innerText()).resolves.toBe('Method');
    await expect(page.getByTestId('panel-id').innerText()).resolves.toBe(lora);
    await screenshot(page, 'explorer-expanded');

    // Clicking it again adds nothing: no duplicate nodes or links.
    await clickNode(page, `node[id = "${lora}"]`);
    await waitForIdle(page);
    expect(await graphCounts(page)).toEqual(second);

    // Its GraphiQL link opens a query for the node, which runs.
    const link = page.getByTestId('panel-graphiql-link');
    expect(await link.getAttribute('href')).toMatch(/^\/playground\?query=/);
    const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await popup.locator('.graphiql-container').waitFor();
    await expect(popup.locator('.graphiql-tab-active').innerText()).resolves.toContain('Method');
    const result = await runAndWaitFor(popup, `"id": "${lora}"`);
    expect(result).toContain('"name": "LoRA"');
    expect(result).toContain('proposedBy');
    expect(result).not.toContain('"errors"');
    await screenshot(popup, 'playground-from-explorer');

    expect(log.external).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('the explorer opens ?id= directly, and the GraphiQL query of every kind runs without errors', async () => {
    const { context, log } = await openContext();
    const page = await context.newPage();
    await page.goto(`${base()}/explorer?id=${encodeURIComponent('dataset:imagenet')}`);
    await expect.poll(async () => (await graphCounts(page)).nodes, { timeout: 20_000 }).toBeGreaterThan(3);
    await expect(page.getByTestId('panel-id').innerText()).resolves.toBe('dataset:imagenet');
    await expect(page.getByTestId('panel-kind').innerText()).resolves.toBe('Dataset');

    const samples: Record<string, string> = {
      Paper: 'paper:80bc20e52375890d',
      Method: 'method:lora',
      Dataset: 'dataset:imagenet',
      Task: 'task:image-generation',
      Metric: 'metric:accuracy',
      Concept: 'concept:large-language-model',
      Repository: 'repository:ali-vilab-in-context-lora',
    };
    for (const [kind, id] of Object.entries(samples)) {
      const answer = await page.evaluate(
        async ([k, nodeId]) => {
          const query = (globalThis as unknown as ExplorerGlobals).kgExplorer.graphiqlQuery(k, nodeId);
          const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
          return { status: response.status, text: await response.text() };
        },
        [kind, id] as const,
      );
      expect(answer.status, `${kind}: ${answer.text.slice(0, 300)}`).toBe(200);
      const body = JSON.parse(answer.text) as { data?: Record<string, { id?: string } | null>; errors?: unknown };
      expect(body.errors, kind).toBeUndefined();
      expect(Object.values(body.data ?? {})[0]?.id, kind).toBe(id);
    }
    expect(log.external).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(log.failed).toEqual([]);
  });
});
