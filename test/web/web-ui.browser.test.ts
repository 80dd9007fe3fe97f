import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { PAPER_EVIDENCE, START, START_PER_KIND } from '../../src/web/assets/explorer-queries.js';
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
  renderedMidpoint(): { x: number; y: number };
  hasClass(name: string): boolean;
  empty(): boolean;
}
interface ExplorerGlobals {
  kgExplorer: {
    cy: {
      nodes(selector?: string): { length: number; toArray(): CyNode[] };
      getElementById(id: string): CyNode;
      center(node: CyNode): void;
      edges(selector?: string): { length: number };
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

async function openContext(origin = base()): Promise<{ context: BrowserContext; log: PageLog }> {
  if (!browser) throw new Error('Chromium did not start');
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  contexts.push(context);
  const log: PageLog = { external: [], errors: [], failed: [] };
  const host = new URL(origin).host;
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

/** Clicks a link (edge) of the graph with the mouse, at its middle (panning to it first). */
async function clickEdge(page: Page, id: string): Promise<void> {
  const target = await page.evaluate((edgeId) => {
    const { cy } = (globalThis as unknown as ExplorerGlobals).kgExplorer;
    const edge = cy.getElementById(edgeId);
    if (edge.empty()) return null;
    let p = edge.renderedMidpoint();
    if (p.x < 30 || p.y < 30 || p.x > cy.width() - 30 || p.y > cy.height() - 30) {
      cy.center(edge);
      p = edge.renderedMidpoint();
    }
    return p;
  }, id);
  if (!target) throw new Error(`no link ${id} on the graph`);
  const box = await page.getByTestId('explorer-graph').boundingBox();
  if (!box) throw new Error('the graph is not visible');
  await page.mouse.click(box.x + target.x, box.y + target.y);
}

/** What the explorer drew for one <mark> of the panel. */
interface MarkInfo {
  kind: string;
  entity: string;
  field: string;
  start: number;
  end: number;
  piece: number;
  continued: boolean;
  text: string;
  label: string;
  title: string;
  tabindex: string | null;
  color: string;
  /** The entity of the mark this one sits in, if any. */
  parent: string | null;
}

async function marksIn(page: Page, testId: string): Promise<MarkInfo[]> {
  return page
    .getByTestId(testId)
    .locator('mark')
    .evaluateAll((marks) =>
      marks.map((node) => {
        const mark = node as unknown as {
          getAttribute(name: string): string | null;
          textContent: string | null;
          style: { getPropertyValue(name: string): string };
          parentElement: { closest(selector: string): { getAttribute(name: string): string | null } | null } | null;
        };
        const attr = (name: string): string => mark.getAttribute(name) ?? '';
        return {
          kind: attr('data-kind'),
          entity: attr('data-entity'),
          field: attr('data-field'),
          start: Number(attr('data-start')),
          end: Number(attr('data-end')),
          piece: Number(attr('data-piece')),
          continued: mark.getAttribute('data-continued') === 'true',
          text: mark.textContent ?? '',
          label: attr('aria-label'),
          title: attr('title'),
          tabindex: mark.getAttribute('tabindex'),
          color: mark.style.getPropertyValue('--kind-color').trim(),
          parent: mark.parentElement?.closest('mark')?.getAttribute('data-entity') ?? null,
        };
      }),
    );
}

interface Evidence {
  field: 'TITLE' | 'ABSTRACT' | 'SOURCE';
  start: number;
  end: number;
  text: string;
  sentence: string;
}
interface PaperWhy {
  id: string;
  title: string;
  abstract: string;
  methods: Array<{ role: string; method: { id: string; name: string }; evidence: Evidence[] }>;
  results: Array<{ id: string; dataset: { id: string }; evidence: Evidence[] }>;
  [list: string]: unknown;
}

/** A paper's mentions and evidence as the explorer asks for them (its own query). */
async function paperWhy(id: string): Promise<PaperWhy> {
  const response = await fetch(`${base()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: PAPER_EVIDENCE, variables: { id } }),
  });
  const body = (await response.json()) as { data?: { paper: PaperWhy | null }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  if (!body.data?.paper) throw new Error(`no paper ${id}`);
  return body.data.paper;
}

/** Every mention of a paper's title and abstract, as `field kind entity start-end "text"`, sorted. */
function expectedMentions(paper: PaperWhy): string[] {
  const out: string[] = [];
  const lists: Array<[string, string, string]> = [
    ['methods', 'method', 'Method'],
    ['datasets', 'dataset', 'Dataset'],
    ['tasks', 'task', 'Task'],
    ['metrics', 'metric', 'Metric'],
    ['concepts', 'concept', 'Concept'],
    ['repositories', 'repository', 'Repository'],
  ];
  for (const [list, field, kind] of lists) {
    for (const mention of paper[list] as Array<Record<string, { id: string } | Evidence[]>>) {
      const entity = mention[field] as { id: string };
      for (const ev of mention['evidence'] as Evidence[]) {
        if (ev.field !== 'SOURCE') out.push(`${ev.field} ${kind} ${entity.id} ${ev.start}-${ev.end} "${ev.text}"`);
      }
    }
  }
  for (const result of paper.results) {
    for (const ev of result.evidence) if (ev.field !== 'SOURCE') out.push(`${ev.field} Result ${result.dataset.id} ${ev.start}-${ev.end} "${ev.text}"`);
  }
  return [...new Set(out)].sort();
}

/** The mentions the panel drew, pieces of a cut mention joined, in the same form. */
function drawnMentions(marks: MarkInfo[]): string[] {
  const byMention = new Map<string, string>();
  for (const m of marks) {
    const key = `${m.field} ${m.kind} ${m.entity} ${m.start}-${m.end}`;
    byMention.set(key, (byMention.get(key) ?? '') + m.text);
  }
  return [...byMention].map(([key, text]) => `${key} "${text}"`).sort();
}

/** The panel shows the paper's title and abstract whole, with exactly its mentions as marks. */
async function expectPaperHighlighted(page: Page, paper: PaperWhy): Promise<MarkInfo[]> {
  await page.getByTestId('panel-abstract').waitFor({ timeout: 20_000 });
  await expect(page.getByTestId('panel-name').evaluate((e) => e.textContent)).resolves.toBe(paper.title);
  await expect(page.getByTestId('panel-abstract').evaluate((e) => e.textContent)).resolves.toBe(paper.abstract);
  const marks = [...(await marksIn(page, 'panel-name')), ...(await marksIn(page, 'panel-abstract'))];
  expect(drawnMentions(marks)).toEqual(expectedMentions(paper));
  return marks;
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
      startApp({ port: 0, dataDir, corpusPaths: [path.join(repoRoot, 'data/papers')] }),
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
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
    const colours = await page
      .getByTestId('explorer-legend')
      .locator('.kg-dot')
      .evaluateAll((dots) =>
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
  it('the explorer starts from the most shared benchmarks and methods, before any search', async () => {
    const { context, log } = await openContext();
    const page = await context.newPage();
    await page.goto(`${base()}/explorer`);
    const items = page.getByTestId('explorer-start-item');
    await items.first().waitFor({ timeout: 20_000 });
    for (const kind of ['dataset', 'method']) {
      const counts = await page
        .getByTestId(`explorer-start-${kind}`)
        .getByTestId('explorer-start-item')
        .evaluateAll((buttons) => buttons.map((b) => Number((b as unknown as { getAttribute(n: string): string | null }).getAttribute('data-paper-count'))));
      expect(counts.length, kind).toBeGreaterThanOrEqual(3);
      expect(counts, `${kind}: most papers first`).toEqual([...counts].sort((a, b) => b - a));
      expect(counts[0], kind).toBeGreaterThan(1);
    }
    // Exactly the root browse lists' first entries (most papers first).
    const truth = (await (
      await fetch(`${base()}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: START, variables: { first: START_PER_KIND } }),
      })
    ).json()) as { data: Record<'datasets' | 'methods', { nodes: Array<{ id: string }> }> };
    for (const [kind, list] of [
      ['dataset', 'datasets'],
      ['method', 'methods'],
    ] as const) {
      const ids = await page
        .getByTestId(`explorer-start-${kind}`)
        .getByTestId('explorer-start-item')
        .evaluateAll((buttons) => buttons.map((b) => (b as unknown as { getAttribute(n: string): string | null }).getAttribute('data-id')));
      expect(ids, kind).toEqual(truth.data[list].nodes.map((n) => n.id));
    }
    // The graph is not empty either: the same entities, unlinked, ready to expand.
    await expect.poll(async () => (await graphCounts(page)).nodes, { timeout: 20_000 }).toBe(await items.count());
    expect((await graphCounts(page)).kinds).toEqual(['Dataset', 'Method']);
    await expect(page.getByTestId('explorer-empty').isHidden()).resolves.toBe(true);
    await screenshot(page, 'explorer-start');

    // Choosing the first benchmark draws its neighbourhood instead.
    const first = page.getByTestId('explorer-start-dataset').getByTestId('explorer-start-item').first();
    const id = (await first.getAttribute('data-id')) ?? '';
    const count = await first.getAttribute('data-paper-count');
    await first.click();
    await expect.poll(async () => (await graphCounts(page)).edges, { timeout: 20_000 }).toBeGreaterThan(1);
    await waitForIdle(page);
    const drawn = await graphCounts(page);
    expect(drawn.edges).toBe(drawn.nodes - 1);
    await expect(page.getByTestId('panel-id').innerText()).resolves.toBe(id);
    await expect(page.getByTestId('panel-paper-count').innerText()).resolves.toBe(count);
    expect(log.external).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(log.failed).toEqual([]);
  });

  it('a clicked paper shows its title and abstract with every mention highlighted, by kind, and each mark selects its entity', async () => {
    const paperId = 'paper:80bc20e52375890d'; // In-Context LoRA for Diffusion Transformers
    const paper = await paperWhy(paperId);
    const { context, log } = await openContext();
    const page = await context.newPage();
    await page.goto(`${base()}/explorer?id=method:lora`);
    await expect.poll(async () => (await graphCounts(page)).nodes, { timeout: 20_000 }).toBeGreaterThan(3);
    await waitForIdle(page);
    await clickNode(page, `node[id = "${paperId}"]`);

    const marks = await expectPaperHighlighted(page, paper);
    // The hand-checked picture: 2 marks in the title, 12 in the abstract, by kind. `text-to-image DiTs`
    // names a model family, not a task, so the one task mark is `image generation`.
    const tally = (field: string): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const m of marks.filter((x) => x.field === field)) out[m.kind] = (out[m.kind] ?? 0) + 1;
      return out;
    };
    expect(tally('TITLE')).toEqual({ Method: 2 });
    expect(tally('ABSTRACT')).toEqual({ Method: 10, Task: 1, Repository: 1 });
    expect(marks.filter((m) => m.field === 'TITLE').map((m) => m.text)).toEqual(['LoRA', 'Diffusion Transformers']);
    // Nested: "In-Context LoRA" (IC-LoRA) holds the mark of LoRA.
    const inner = marks.find((m) => m.entity === 'method:lora' && m.start === 1028);
    expect(inner?.parent).toBe('method:ic-lora');
    expect(marks.find((m) => m.entity === 'method:ic-lora' && m.start === 1017)?.text).toBe('In-Context LoRA');
    // Each mark names its entity and kind, is focusable, and has its kind's legend colour.
    const legend = Object.fromEntries(
      await Promise.all(
        ['method', 'task', 'repository'].map(
          async (k) =>
            [
              k,
              (
                await page
                  .getByTestId(`legend-${k}`)
                  .locator('.kg-dot')
                  .evaluate((d) => (d as unknown as { style: { getPropertyValue(n: string): string } }).style.getPropertyValue('--kind-color'))
              ).trim(),
            ] as const,
        ),
      ),
    );
    for (const m of marks) {
      expect(m.tabindex, m.text).toBe('0');
      expect(m.label, m.text).toContain(m.kind.toLowerCase());
      expect(m.title, m.text).toContain(m.kind.toLowerCase());
      expect(m.color, m.text).toBe(legend[m.kind.toLowerCase()]);
    }
    const names = Object.fromEntries(paper.methods.map((m) => [m.method.id, m.method.name]));
    for (const m of marks.filter((x) => x.kind === 'Method')) expect(m.label).toContain(names[m.entity]);
    expect(marks.find((m) => m.entity === 'method:ic-lora')?.label).toContain('(proposed)');
    await screenshot(page, 'explorer-paper-text');

    // The keyboard reaches a mark; Enter selects its entity on the graph, and the panel leads back.
    const dit = page.getByTestId('panel-abstract').locator('mark[data-entity="method:dit"]').first();
    await dit.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('panel-id').innerText()).toBe('method:dit');
    await expect(page.getByTestId('panel-kind').innerText()).resolves.toBe('Method');
    const selectedIds = await page.evaluate(() =>
      (globalThis as unknown as ExplorerGlobals).kgExplorer.cy
        .nodes(':selected')
        .toArray()
        .map((n) => n.id()),
    );
    expect(selectedIds).toEqual(['method:dit']);
    await page.getByTestId('panel-back').click();
    await page.getByTestId('panel-abstract').waitFor();
    await expect(page.getByTestId('panel-id').innerText()).resolves.toBe(paperId);
    // A click on a mark does the same.
    await page.getByTestId('panel-abstract').locator('mark[data-kind="Task"]').first().click();
    await expect.poll(() => page.getByTestId('panel-kind').innerText()).toBe('Task');
    expect(log.external).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(log.failed).toEqual([]);
  });

  it('overlapping results and the entities inside them keep every character once', async () => {
    const paperId = 'paper:fca72f694f71e6e3'; // Squeezeformer: six results over one stretch of text
    const paper = await paperWhy(paperId);
    expect(paper.results.length).toBeGreaterThanOrEqual(4);
    const { context, log } = await openContext();
    const page = await context.newPage();
    await page.goto(`${base()}/explorer?id=${paperId}`);
    const marks = await expectPaperHighlighted(page, paper);
    // Some results cross each other, so some are drawn in pieces: joined, each is its text.
    expect(marks.some((m) => m.kind === 'Result' && m.continued)).toBe(true);
    expect(marks.some((m) => m.kind !== 'Result' && m.parent !== null)).toBe(true);
    // A cut mention is one stop for the keyboard.
    expect(marks.filter((m) => m.piece > 0).every((m) => m.tabindex === null)).toBe(true);
    await page
      .getByTestId('panel-abstract')
      .locator('mark[data-kind="Result"]')
      .first()
      .evaluate((e) => (e as unknown as { scrollIntoView(o: unknown): void }).scrollIntoView({ block: 'center' }));
    await screenshot(page, 'explorer-paper-results');
    expect(log.errors).toEqual([]);
  });

  it('a clicked link shows the sentences that made it, with the mention highlighted, and its role', async () => {
    const paperId = 'paper:80bc20e52375890d';
    const { context, log } = await openContext();
    const page = await context.newPage();
    await page.goto(`${base()}/explorer?id=${paperId}`);
    await page.getByTestId('panel-abstract').waitFor({ timeout: 20_000 });
    await waitForIdle(page);

    // From the keyboard: the paper's list of links opens a link's evidence.
    await page.locator(`[data-testid="panel-neighbour-link"][data-edge="${paperId}->repository:ali-vilab-in-context-lora"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('panel-kind').innerText()).toBe('Link');
    await expect(page.getByTestId('panel-edge-sentence').allTextContents()).resolves.toEqual([
      'We release our code, data, and models at https://github.com/ali-vilab/In-Context-LoRA',
    ]);
    await expect(marksIn(page, 'panel-edge-sentences').then((m) => m.map((x) => [x.kind, x.text]))).resolves.toEqual([
      ['Repository', 'https://github.com/ali-vilab/In-Context-LoRA'],
    ]);
    await expect(page.getByTestId('panel-role').count()).resolves.toBe(0);

    await clickEdge(page, `${paperId}->method:ic-lora`);
    await expect.poll(() => page.getByTestId('panel-kind').innerText()).toBe('Link');
    await expect(page.getByTestId('panel-role').getAttribute('data-role')).resolves.toBe('PROPOSED');
    const sentences = page.getByTestId('panel-edge-sentence');
    await expect(sentences.allTextContents()).resolves.toEqual(['We name our models In-Context LoRA (IC-LoRA).']);
    const marks = await marksIn(page, 'panel-edge-sentences');
    expect(marks.map((m) => [m.kind, m.entity, m.text])).toEqual([
      ['Method', 'method:ic-lora', 'In-Context LoRA'],
      ['Method', 'method:ic-lora', 'IC-LoRA'],
    ]);
    await screenshot(page, 'explorer-link');

    // A link drawn from the method's side: its paper's evidence is fetched, and the role found.
    await page.goto(`${base()}/explorer?id=method:lora`);
    await expect.poll(async () => (await graphCounts(page)).nodes, { timeout: 20_000 }).toBeGreaterThan(3);
    await waitForIdle(page);
    await clickEdge(page, `${paperId}->method:lora`);
    await expect.poll(() => page.getByTestId('panel-role').getAttribute('data-role'), { timeout: 20_000 }).toBe('USED');
    const texts = await page.getByTestId('panel-edge-sentence').allTextContents();
    expect(texts).toHaveLength(3);
    expect(texts[0]).toBe('In-Context LoRA for Diffusion Transformers');
    expect(texts[2]).toBe('We name our models In-Context LoRA (IC-LoRA).');
    const loraMarks = await marksIn(page, 'panel-edge-sentences');
    expect(loraMarks.map((m) => [m.field, m.start, m.text])).toEqual([
      ['TITLE', 11, 'LoRA'],
      ['ABSTRACT', 885, 'LoRA'],
      ['ABSTRACT', 1028, 'LoRA'],
    ]);
    expect(log.external).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(log.failed).toEqual([]);
  });
  it('a code link the source record declares is listed apart, as declared by the source, and is its link’s evidence', async () => {
    // A corpus of one paper whose record declares its code (a Hugging Face `githubRepo`).
    const dir = await mkdtemp(path.join(tmpdir(), 'kg-web-declared-'));
    const record = {
      title: 'Sparse Routing Adapters for Vision Transformers',
      abstract: 'We propose Sparse Routing Adapters, which fine-tune ViT on ImageNet with few parameters. They reach 81.2% top-1 accuracy on ImageNet.',
      githubRepo: 'https://github.com/example-org/sparse-routing-adapters',
    };
    await writeFile(path.join(dir, 'papers.jsonl'), `${JSON.stringify(record)}\n`);
    const small = await startApp({ port: 0, dataDir: path.join(dir, 'data'), corpusPaths: [path.join(dir, 'papers.jsonl')] });
    try {
      const listed = (await (
        await fetch(`${small.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ papers(first: 1) { nodes { id } } }' }),
        })
      ).json()) as { data: { papers: { nodes: Array<{ id: string }> } } };
      const paperId = listed.data.papers.nodes[0]?.id ?? '';
      const { context, log } = await openContext(small.url);
      const page = await context.newPage();
      await page.goto(`${small.url}/explorer?id=${encodeURIComponent(paperId)}`);
      await page.getByTestId('panel-abstract').waitFor({ timeout: 20_000 });
      await expect(page.getByTestId('panel-abstract').evaluate((e) => e.textContent)).resolves.toBe(record.abstract);
      const declared = page.getByTestId('panel-declared').locator('li');
      await expect(declared.count()).resolves.toBe(1);
      await expect(declared.first().getAttribute('data-kind')).resolves.toBe('Repository');
      await expect(declared.first().innerText()).resolves.toContain(record.githubRepo);
      // Not in the text, so no mark of the repository there.
      expect((await marksIn(page, 'panel-abstract')).filter((m) => m.kind === 'Repository')).toEqual([]);
      await screenshot(page, 'explorer-declared');

      const repository = await declared.first().getAttribute('data-entity');
      await waitForIdle(page);
      await clickEdge(page, `${paperId}->${repository}`);
      await expect.poll(() => page.getByTestId('panel-kind').innerText()).toBe('Link');
      await expect(page.getByTestId('panel-declared').innerText()).resolves.toContain(record.githubRepo);
      await expect(page.getByTestId('panel-edge-sentence').count()).resolves.toBe(0);
      expect(log.external).toEqual([]);
      expect(log.errors).toEqual([]);
      expect(log.failed).toEqual([]);
    } finally {
      await small.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
