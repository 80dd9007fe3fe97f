import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { KgError, StoreError, StoreFailureError } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';
import { loadCheck } from '../store/load-record.js';
import type { GraphStore, ReadinessCheck } from '../store/store.js';
import { createWebRouter } from '../web/web-router.js';
import { Admission, type AdmissionLimits, admit, DEFAULT_ADMISSION, keepAliveMs } from './admission.js';
import { ApiErrorCode, errorBody } from './api-error.js';
import { collectWhenIdle } from './collect-when-idle.js';
import { createLoaders, type Context, type Ingest } from './context.js';
import { DEFAULT_HEALTH, type HealthListener, startHealthListener } from './health-listener.js';
import { complexityPlugin, depthRule, LIMITS } from './limits.js';
import { loadTypeDefs } from './load-schema.js';
import { responseStatusPlugin } from './response-status.js';
import { resolvers } from './resolvers/resolvers.js';

export interface ServerOptions {
  port: number;
  /** Interface to listen on: 127.0.0.1 by default, 0.0.0.0 in a container. */
  host?: string;
  /** The store to serve. */
  store: GraphStore;
  /** Closes the store when the server closes (the application opened it for the server). */
  ownsStore?: boolean;
  /** Enables `Mutation.ingest`, which then requires it in the `x-api-key` header. */
  apiKey?: string;
  /** What `Mutation.ingest` runs: the application's loader pipeline (src/app.ts); none, no ingest. */
  ingest?: Ingest;
  /** Browser origins allowed by CORS: `*` (the default) or exact origins (`KG_CORS_ORIGINS`). */
  corsOrigins?: '*' | string[];
  /** `Access-Control-Allow-Credentials: true` for the listed origins; ignored with `*`. */
  corsCredentials?: boolean;
  /** Stack traces and unexpected errors' messages in responses (`KG_DEBUG_ERRORS`); off by default. */
  debugErrors?: boolean;
  /**
   * @deprecated No effect: stack traces follow `debugErrors` alone, whatever NODE_ENV says.
   */
  production?: boolean;
  /** Longest a request may run; LIMITS.timeoutMs unless a test wants less. */
  timeoutMs?: number;
  /** Operations at once, queue length and longest wait at `/graphql` (`KG_MAX_CONCURRENT`…); DEFAULT_ADMISSION for what is not given. */
  admission?: Partial<AdmissionLimits>;
  /**
   * `GET /healthz` also on a port of its own, answered off the main thread from its heartbeat
   * (`KG_HEALTH_PORT`, `KG_HEALTH_STALE_MS`; health-listener.ts); port 0 takes any free one. Without it, the main port's `/healthz` alone.
   */
  health?: { port: number; staleMs?: number; heartbeatMs?: number };
  logger?: Logger;
}

export interface RunningServer {
  url: string;
  /** The health listener's origin (its `/healthz`), when `health` was given. */
  healthUrl?: string;
  store: GraphStore;
  /** Stops taking requests, finishes the ones in flight, closes the store. */
  close(): Promise<void>;
}

// Error codes a client can act on: their messages reach the client as they are.
const CLIENT_CODES: ReadonlySet<string> = new Set([
  ...Object.values(ApiErrorCode).filter((code) => code !== ApiErrorCode.INTERNAL_SERVER_ERROR),
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** The headers browsers may send cross-origin: JSON bodies, content negotiation, the ingest key, Apollo Client's preflight marker. */
const CORS_ALLOWED_HEADERS = ['content-type', 'accept', 'x-api-key', 'apollo-require-preflight', 'x-apollo-operation-name'];

/**
 * Starts the HTTP server: GraphQL at `/graphql` (POST and, for queries, GET; CORS as configured),
 * the playground and graph explorer, `/healthz` and `/readyz`, over a store the application opened
 * and prepared (src/app.ts).
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger('silent');
  const debugErrors = options.debugErrors === true;
  const timeoutMs = options.timeoutMs ?? LIMITS.timeoutMs;
  const store = options.store;

  const app = express();
  app.disable('x-powered-by');
  const admission = new Admission({ ...DEFAULT_ADMISSION, ...options.admission });
  const httpServer = createServer(app);
  httpServer.keepAliveTimeout = keepAliveMs(admission.limits);
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    // graphql-js's own rules (NoFragmentCycles among them) run beside ours; depthRule is safe on the documents they refuse.
    validationRules: [depthRule],
    parseOptions: { maxTokens: LIMITS.maxTokens },
    introspection: true,
    // The application stops the server on SIGTERM/SIGINT (main.ts: requests in flight, then the
    // store's save and lock). Apollo's own handlers would stop it too and then re-raise the
    // signal, killing the process before the store is closed: a held data folder, unsaved writes.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: debugErrors,
    // Apollo's CSRF guard refuses every GET without a custom header, and GET is what urql and
    // cached reads use. It guards nothing here: there are no cookies, so a cross-site request
    // carries no credential; GET runs queries only (Apollo answers 405 to a mutation); ingest needs
    // the x-api-key header, which no cross-site form can send. What it did for POST — refusing
    // bodies a form can send without a CORS preflight — `requireJsonPost` below still does.
    csrfPrevention: false,
    // Apollo's own landing page loads from a CDN; browsers are sent to our offline playground instead.
    // No cache hints are served: the cache-control plugin would only add work to every field.
    plugins: [
      complexityPlugin(),
      responseStatusPlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
    formatError: (formatted, error) => formatError(formatted, error, logger, debugErrors),
  });
  await apollo.start();

  // CORS first, so preflights (OPTIONS) are answered before any guard or GraphQL sees them.
  const corsOrigins = options.corsOrigins ?? '*';
  const allowCors = cors({
    origin: corsOrigins,
    // Credentials only for origins listed by name: a browser refuses them with `*` anyway.
    credentials: corsOrigins !== '*' && options.corsCredentials === true,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    maxAge: 600,
  });
  app.use(['/graphql', '/healthz', '/readyz'], allowCors);

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  // Ready when every check holds; the body names each check (no driver text: the route is open).
  app.get('/readyz', async (_req, res) => {
    const checks = [...(await store.checkReady()), await loadReadiness(store)];
    const ready = checks.every((c) => c.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', store: store.kind, checks });
  });
  // A person opening /graphql in a browser gets the playground; a GET carrying a query is a request.
  app.get('/graphql', (req, res, next) =>
    req.query['query'] === undefined && req.accepts(['json', 'html']) === 'html' ? res.redirect(302, '/playground') : next(),
  );

  const graphql = expressMiddleware(apollo, {
    context: async ({ req }): Promise<Context> => {
      const given = req.headers['x-api-key'];
      return {
        store,
        loaders: createLoaders(store),
        ingest: options.apiKey !== undefined && options.ingest ? options.ingest : null,
        apiKeyValid: options.apiKey !== undefined && typeof given === 'string' && safeEqual(given, options.apiKey),
      };
    },
  });
  const stopCollecting = collectWhenIdle(
    () => admission.started,
    () => admission.running + admission.waiting > 0,
  );
  app.use(
    '/graphql',
    requireJsonPost,
    // Before the timeout: it times the operation, not its wait for a turn (itself bounded).
    admit(admission),
    stopAfter(timeoutMs),
    express.json({ limit: LIMITS.maxBodyBytes }),
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        await graphql(req, res, next);
      } catch (error) {
        // After a timeout the answer is sent; Apollo finishing later has nowhere to write.
        if (res.locals['timedOut'] === true) return;
        throw error;
      }
    },
  );
  app.use(createWebRouter());
  // Bodies that are too large or not JSON: a GraphQL-shaped error, not an HTML page.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    if (error.type === 'entity.too.large')
      return void res.status(413).json(errorBody(ApiErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than ${LIMITS.maxBodyBytes} bytes.`));
    if (error.status !== undefined && error.status >= 400 && error.status < 500)
      return void res.status(error.status).json(errorBody(ApiErrorCode.BAD_REQUEST, `Bad request: ${error.message}`));
    logger.error({ err: error }, 'unexpected error in a request');
    res.status(500).json(errorBody(ApiErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error'));
  });

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`;
  let health: HealthListener | undefined;
  if (options.health) {
    try {
      const { port: healthPort, staleMs, heartbeatMs } = options.health;
      health = await startHealthListener({
        port: healthPort,
        host: options.host ?? '127.0.0.1',
        staleMs: staleMs ?? DEFAULT_HEALTH.staleMs,
        ...(heartbeatMs !== undefined ? { heartbeatMs } : {}),
        // A liveness probe that no longer answers gets the process restarted; the log says why.
        onFailure: (error) => logger.error({ err: error }, 'the health listener stopped: /healthz on the health port no longer answers'),
      });
    } catch (error) {
      stopCollecting();
      await apollo.stop();
      await closeServer(httpServer);
      throw error;
    }
  }
  logger.info({ url, ...(health ? { health: health.url } : {}), store: store.kind }, 'server ready');
  let closing: Promise<void> | undefined;
  return {
    url,
    ...(health ? { healthUrl: health.url } : {}),
    store,
    close: () =>
      (closing ??= (async () => {
        stopCollecting();
        await apollo.stop();
        await closeServer(httpServer);
        // Last: a server draining its requests is alive, and says so until it is done.
        await health?.close();
        if (options.ownsStore) await store.close();
      })()),
  };
}

/**
 * POST bodies must be JSON. Browsers send a cross-origin POST without a CORS preflight only for
 * form and text bodies, so this is the CSRF guard for POST: every POST that gets through was
 * allowed by CORS first. (Other types would also reach Apollo unparsed.)
 */
const requireJsonPost: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is('application/json')) return next();
  res
    .status(415)
    .json(
      errorBody(
        ApiErrorCode.BAD_REQUEST,
        'POST requests must have the content type application/json (a body such as {"query": "{ stats { derivedPending } }"}).',
      ),
    );
};

/** Answers TIMEOUT (503) when the request is still running after `ms`. */
function stopAfter(ms: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.locals['timedOut'] = true;
      res.status(503).json(errorBody(ApiErrorCode.TIMEOUT, `The request took longer than ${ms / 1000} s and was stopped.`));
    }, ms);
    res.once('close', () => clearTimeout(timer));
    next();
  };
}

/** The readiness check on load records (load-record.ts loadCheck); never throws. */
async function loadReadiness(store: GraphStore): Promise<ReadinessCheck> {
  try {
    return loadCheck(await store.loads());
  } catch {
    return { name: 'load', ok: false, problem: 'not checked: the load records could not be read' };
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

/**
 * Client mistakes keep their message and code; a store failure becomes STORE_UNAVAILABLE; anything
 * else is logged and masked as INTERNAL_SERVER_ERROR. Stack traces and the masked message are
 * shown only with `debug` (KG_DEBUG_ERRORS).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, logger: Logger, debug: boolean): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const { stacktrace, ...extensions } = formatted.extensions ?? {};
  const where = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  const trace = debug && stacktrace !== undefined ? { stacktrace } : {};
  if (original instanceof StoreError) {
    logger.error({ err: original }, 'store failure');
    return { message: 'The graph store is unavailable; try again shortly.', ...where, extensions: { code: original.code, ...trace } };
  }
  if (original instanceof StoreFailureError) {
    logger.error({ err: original }, 'the store refused a query');
    return {
      message: 'Internal server error',
      ...where,
      extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR, ...(debug ? { detail: original.message, ...trace } : {}) },
    };
  }
  if (original instanceof KgError) return { message: original.message, ...where, extensions: { code: original.code, ...trace } };
  const code = extensions['code'];
  if (typeof code === 'string' && CLIENT_CODES.has(code)) return { ...formatted, extensions: { ...extensions, ...trace } };
  logger.error({ err: original }, 'unexpected error in a request');
  return {
    message: 'Internal server error',
    ...where,
    extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR, ...(debug ? { detail: (original as Error | undefined)?.message, ...trace } : {}) },
  };
}
