import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { exampleQueries } from './examples.js';

/**
 * The web UI: a GraphiQL playground and a graph explorer, both served entirely by this server.
 * Third-party browser code comes from the project's own npm dependencies (a whitelist of files
 * under /vendor/), never from a CDN, and every page's Content-Security-Policy forbids any other
 * origin, so the pages work with no network beyond this server.
 */

const require = createRequire(import.meta.url);
const assetsDir = fileURLToPath(new URL('./assets/', import.meta.url));

interface VendorFile {
  /** URL path under /vendor/, with the package version in it so it can be cached for good. */
  url: string;
  file: string;
}

/** The package's root folder and version, found through its package.json or one of its files. */
function packageRoot(name: string, viaFile?: string): { dir: string; version: string } {
  let dir: string;
  if (viaFile) {
    // Packages whose exports hide package.json: walk up from an exported file.
    dir = path.dirname(require.resolve(`${name}/${viaFile}`));
    while (!existsSync(path.join(dir, 'package.json'))) {
      const parent = path.dirname(dir);
      if (parent === dir) throw new Error(`no package.json above ${name}/${viaFile}`);
      dir = parent;
    }
  } else {
    dir = path.dirname(require.resolve(`${name}/package.json`));
  }
  const version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return { dir, version };
}

function vendorFiles(): { react: VendorFile; reactDom: VendorFile; graphiqlJs: VendorFile; graphiqlCss: VendorFile; cytoscape: VendorFile } {
  const react = packageRoot('react');
  const reactDom = packageRoot('react-dom');
  const graphiql = packageRoot('graphiql');
  const cytoscape = packageRoot('cytoscape', 'dist/cytoscape.min.js');
  const file = (pkg: string, root: { dir: string; version: string }, relative: string): VendorFile => {
    const absolute = path.join(root.dir, relative);
    if (!existsSync(absolute)) throw new Error(`web UI: vendor file ${absolute} is missing; run npm install`);
    return { url: `/vendor/${pkg}@${root.version}/${path.basename(relative)}`, file: absolute };
  };
  return {
    react: file('react', react, 'umd/react.production.min.js'),
    reactDom: file('react-dom', reactDom, 'umd/react-dom.production.min.js'),
    graphiqlJs: file('graphiql', graphiql, 'graphiql.min.js'),
    graphiqlCss: file('graphiql', graphiql, 'graphiql.min.css'),
    cytoscape: file('cytoscape', cytoscape, 'dist/cytoscape.min.js'),
  };
}

/** Only this server: scripts and styles from here, data: URIs for GraphiQL's inlined fonts and icons. */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and cytoscape set style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

function sendPage(res: Response, html: string): void {
  res.set({
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
  res.send(html);
}

/** JSON that can sit inside a <script> element: no `</script>`, no `<!--`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function header(current: 'playground' | 'explorer', extra = ''): string {
  const link = (href: string, label: string, name: typeof current): string =>
    `<a href="${href}" data-testid="nav-${name}"${current === name ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<header class="kg-header" data-testid="site-header">
  <a class="kg-brand" href="/">paper-kg</a>
  <nav class="kg-nav">${link('/playground', 'GraphiQL', 'playground')}${link('/explorer', 'Explorer', 'explorer')}</nav>
  ${extra}
</header>`;
}

function head(title: string, styles: string[], modules: string[] = []): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
${styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
${modules.map((href) => `<link rel="modulepreload" href="${href}">`).join('\n')}
</head>`;
}

function playgroundPage(v: ReturnType<typeof vendorFiles>): string {
  return `${head('paper-kg · GraphiQL', [v.graphiqlCss.url, '/assets/common.css', '/assets/playground.css'])}
<body class="kg-playground">
${header(
  'playground',
  `<label class="kg-examples">Examples
    <select data-testid="playground-examples"><option value="">Open an example…</option></select>
  </label>`,
)}
<main id="graphiql" data-testid="playground-root"><p class="kg-loading">Loading GraphiQL…</p></main>
<script type="application/json" id="kg-examples">${scriptJson(exampleQueries)}</script>
<script src="${v.react.url}"></script>
<script src="${v.reactDom.url}"></script>
<script src="${v.graphiqlJs.url}"></script>
<script src="/assets/playground.js"></script>
</body>
</html>
`;
}

/** The explorer's ES modules (explorer.js imports the other two), preloaded in parallel. */
const explorerModules = ['/assets/explorer.js', '/assets/explorer-queries.js', '/assets/explorer-text.js'];

function explorerPage(v: ReturnType<typeof vendorFiles>): string {
  return `${head('paper-kg · Explorer', ['/assets/common.css', '/assets/explorer.css'], explorerModules)}
<body class="kg-explorer-page">
${header('explorer')}
<div class="kg-explorer">
  <aside class="kg-sidebar" aria-label="Search">
    <form class="kg-search" data-testid="explorer-search-form" role="search">
      <input type="search" name="q" data-testid="explorer-search-input" placeholder="Search papers, methods, datasets…" aria-label="Search the graph" autocomplete="off" required>
      <button type="submit" data-testid="explorer-search-button">Search</button>
    </form>
    <p class="kg-status" data-testid="explorer-search-status" aria-live="polite"></p>
    <ol class="kg-results" data-testid="explorer-results"></ol>
    <section class="kg-start" data-testid="explorer-start" aria-label="Start here" hidden></section>
    <section class="kg-legend" data-testid="explorer-legend" aria-label="Legend">
      <h2>Legend</h2>
      <ul></ul>
      <p class="kg-legend-edge"><span class="kg-edge-proposed"></span> method proposed by the paper</p>
      <p class="kg-legend-edge"><span class="kg-edge-other"></span> other link</p>
      <p class="kg-hint">Click a node to expand it, a link to see why it exists.</p>
    </section>
  </aside>
  <section class="kg-graph-wrap" aria-label="Graph">
    <div class="kg-toolbar">
      <span data-testid="explorer-node-count" class="kg-count">0 nodes</span>
      <span class="kg-error" data-testid="explorer-error" role="alert" hidden></span>
      <span class="kg-spacer"></span>
      <button type="button" data-testid="explorer-fit">Fit</button>
      <button type="button" data-testid="explorer-clear">Clear</button>
    </div>
    <div id="cy" class="kg-graph" data-testid="explorer-graph" data-state="idle"></div>
    <p class="kg-graph-empty" data-testid="explorer-empty">Search, then choose a result to draw its neighbourhood.</p>
  </section>
  <aside class="kg-panel" data-testid="explorer-panel" aria-label="Selection">
    <p class="kg-panel-empty">Select a node or a link to see its details.</p>
  </aside>
</div>
<script src="${v.cytoscape.url}"></script>
<script type="module" src="/assets/explorer.js"></script>
</body>
</html>
`;
}

/** The web UI's routes; mount at the root, beside `/graphql`. */
export function createWebRouter(): Router {
  const router = express.Router();
  const vendor = vendorFiles();
  const byUrl = new Map(Object.values(vendor).map((entry) => [entry.url, entry.file]));
  const playground = playgroundPage(vendor);
  const explorer = explorerPage(vendor);

  router.get('/', (_req: Request, res: Response) => {
    res.redirect(302, '/playground');
  });
  router.get('/playground', (_req: Request, res: Response) => {
    sendPage(res, playground);
  });
  router.get('/explorer', (_req: Request, res: Response) => {
    sendPage(res, explorer);
  });

  router.get('/vendor/*path', (req: Request, res: Response) => {
    const parts = (req.params as { path?: string[] }).path ?? [];
    const file = byUrl.get(`/vendor/${parts.join('/')}`);
    if (!file) {
      res.status(404).type('text/plain').send('Not found\n');
      return;
    }
    res.set('X-Content-Type-Options', 'nosniff');
    res.sendFile(file, { maxAge: '365d', immutable: true, dotfiles: 'deny' });
  });

  // The .d.ts files beside the explorer's modules type them for the tests; browsers need none.
  router.use('/assets', (req: Request, res: Response, next: NextFunction) => {
    if (req.path.endsWith('.d.ts')) res.status(404).type('text/plain').send('Not found\n');
    else next();
  });
  router.use(
    '/assets',
    express.static(assetsDir, {
      index: false,
      dotfiles: 'ignore',
      // Not fingerprinted: browsers revalidate (cheap with the ETag).
      cacheControl: true,
      maxAge: 0,
      setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff'),
    }),
  );
  router.use('/assets', (_req: Request, res: Response) => {
    res.status(404).type('text/plain').send('Not found\n');
  });

  return router;
}
