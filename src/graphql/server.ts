import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { ExtractionCache } from '../../loaders/extraction-cache.js';
import { loadPapers } from '../../loaders/load.js';
import { KgError, StoreError } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';
import { describeHolder } from '../store/embedded/data-folder-lock.js';
import { EmbeddedStore } from '../store/embedded/embedded-store.js';
import { openStore } from '../store/open-store.js';
import type { GraphStore } from '../store/store.js';
import { createWebRouter } from '../web/web-router.js';
import { createLoaders, type Context } from './context.js';
import { complexityPlugin, depthRule, LIMITS } from './limits.js';
import { loadTypeDefs } from './load-schema.js';
import { resolvers } from './resolvers/resolvers.js';

export interface ServerOptions {
  port: number;
  /** Interface to listen on: 127.0.0.1 by default, 0.0.0.0 in a container. */
  host?: string;
  /** The embedded store's data directory (ignored with `neo4j`). */
  dataDir: string;
  /** Loaded into the store on first start, when it holds no paper. */
  corpusPaths: string[];
  neo4j?: { uri: string; user: string; password: string; database: string };
  /** Enables `Mutation.ingest`, which then requires it in the `x-api-key` header. */
  apiKey?: string;
  /** Hides stack traces and internal messages. */
  production?: boolean;
  logger?: Logger;
  /** An already open store to serve (tests); the server then does not load or close it. */
  store?: GraphStore;
}

export interface RunningServer {
  url: string;
  store: GraphStore;
  /** Stops taking requests, finishes the ones in flight, closes the store. */
  close(): Promise<void>;
}

// Error codes a client can act on: their messages reach the client as they are.
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'NOT_FOUND', 'TIMEOUT']);

/**
 * Starts the HTTP server: GraphQL at `/graphql`, the playground and graph explorer, `/healthz`
 * and `/readyz`. With no `store` given it opens the configured one and, when that holds no
 * paper yet, loads the corpus into it first (cached extraction, so later starts are instant).
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger('silent');
  const ownStore = options.store === undefined;
  // The server writes its embedded folder for as long as it runs (the corpus, ingest): it holds it.
  const store =
    options.store ??
    (await openStore({ dataDir: options.dataDir, ...(options.neo4j ? { neo4j: options.neo4j } : {}) }, { access: 'write', holder: { role: 'server', command: `paper-kg server (${process.argv.slice(1).join(' ')})` } }));
  try {
    await prepareStore(store, ownStore, options, logger);
  } catch (error) {
    if (ownStore) await store.close();
    throw error;
  }

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    validationRules: [depthRule],
    introspection: true,
    includeStacktraceInErrorResponses: !options.production,
    // Apollo's own landing page loads from a CDN; browsers are sent to our offline playground instead.
    // No cache hints are served: the cache-control plugin would only add work to every field.
    plugins: [complexityPlugin(), ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
    formatError: (formatted, error) => formatError(formatted, error, logger, options.production === true),
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ready', store: store.kind });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', store: store.kind, reason: (error as Error).message });
    }
  });
  app.get('/graphql', (req, res, next) => (req.accepts(['json', 'html']) === 'html' ? res.redirect(302, '/playground') : next()));
  app.use('/graphql', express.json({ limit: LIMITS.maxBodyBytes }), async (req: Request, res: Response) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const given = req.headers['x-api-key'];
    const context = async (): Promise<Context> => ({
      store,
      loaders: createLoaders(store),
      ingestEnabled: options.apiKey !== undefined,
      apiKeyValid: options.apiKey !== undefined && typeof given === 'string' && safeEqual(given, options.apiKey),
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), LIMITS.timeoutMs)));
    const response = await Promise.race([
      apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: new URL(req.url, 'http://x').search, body: req.body }, context }),
      timeout,
    ]);
    clearTimeout(timer);
    if (response === 'timeout') {
      res.status(503).json({ errors: [{ message: `The request took longer than ${LIMITS.timeoutMs / 1000} s and was stopped.`, extensions: { code: 'TIMEOUT' } }] });
      return;
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.status(response.status ?? 200);
    if (response.body.kind === 'complete') {
      res.send(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  });
  app.use(createWebRouter());
  // Bodies that are too large or not JSON: a GraphQL-shaped error, not an HTML page.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const tooLarge = error.type === 'entity.too.large';
    res.status(error.status ?? 500).json({
      errors: [{ message: tooLarge ? `The request body is larger than ${LIMITS.maxBodyBytes} bytes.` : error.status ? `Bad request: ${error.message}` : 'Internal server error', extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : error.status ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }],
    });
  });

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`;
  if (ownStore && store instanceof EmbeddedStore) store.announce({ url, ingest: options.apiKey !== undefined });
  logger.info({ url, store: store.kind }, 'server ready');
  let closing: Promise<void> | undefined;
  return {
    url,
    store,
    close: () =>
      (closing ??= (async () => {
        await apollo.stop();
        await closeServer(httpServer);
        if (ownStore) await store.close();
      })()),
  };
}

/**
 * Before serving an own store: the corpus into an empty one, and the derived edges a load left
 * pending (it stopped between its papers and its CITES/BROADER edges).
 */
async function prepareStore(store: GraphStore, ownStore: boolean, options: ServerOptions, logger: Logger): Promise<void> {
  if (!ownStore) return;
  if (store instanceof EmbeddedStore && store.tookOverFrom) {
    logger.warn({ previous: store.tookOverFrom }, `took over the data folder from ${describeHolder(store.tookOverFrom)}, which ended without releasing it`);
  }
  if ((await store.counts()).labels.Paper === 0) {
    const started = performance.now();
    const report = await loadPapers(options.corpusPaths, store, { cache: new ExtractionCache(`${options.dataDir}/cache`) });
    logger.info({ papers: report.papersWritten, rejected: report.read.rejections.length, seconds: ((performance.now() - started) / 1000).toFixed(1) }, 'corpus loaded into the store');
  } else if (await store.derivedPending()) {
    const started = performance.now();
    await store.refreshDerived();
    logger.warn({ seconds: ((performance.now() - started) / 1000).toFixed(1) }, 'derived CITES/BROADER edges that an interrupted load had left pending');
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Client mistakes keep their message and code; anything else is logged and masked. */
export function formatError(formatted: GraphQLFormattedError, error: unknown, logger: Logger, production: boolean): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof StoreError) {
    logger.error({ err: original }, 'store failure');
    return { message: 'The graph store is unavailable; try again shortly.', extensions: { code: original.code } };
  }
  if (original instanceof KgError) return { message: original.message, extensions: { code: original.code } };
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    if (!production) return formatted;
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error({ err: original }, 'unexpected error in a request');
  return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', ...(production ? {} : { detail: (original as Error | undefined)?.message }) } };
}
