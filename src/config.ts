import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.js';

/** Everything the project reads from the environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  corpusPaths: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Browser origins allowed to call the API (CORS): `*` for any, else exact origins. */
  corsOrigins: '*' | string[];
  /** Sends `Access-Control-Allow-Credentials: true` (only with listed origins, never with `*`). */
  corsCredentials: boolean;
  /** Puts stack traces and unexpected errors' messages into responses: for debugging only. */
  debugErrors: boolean;
  neo4j?: { uri: string; user: string; password: string; database: string };
  read: { maxLineBytes: number; maxRecordBytes: number };
  /** Enables `Mutation.ingest` and is then required for it. */
  apiKey?: string;
  /**
   * Load shedding at `/graphql`: operations at once, queue length, longest wait in the queue, and
   * when the queue counts as overloaded and how long one waits then (src/graphql/admission.ts). Only
   * what the environment sets; the server's DEFAULT_ADMISSION (src/graphql/admission.ts) fills the rest.
   */
  admission: { maxConcurrent?: number; maxQueue?: number; maxWaitMs?: number; overloadAfterMs?: number; overloadWaitMs?: number };
  /**
   * `/healthz` on a port of its own, answered off the main thread (`KG_HEALTH_PORT`), 503 once the
   * main loop's heartbeat is older than `staleMs` (`KG_HEALTH_STALE_MS`; the server's DEFAULT_HEALTH
   * when unset). Absent unless KG_HEALTH_PORT is set.
   */
  health?: { port: number; staleMs?: number };
}

const MiB = 1024 * 1024;
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
/** A whole number in min..max, optional: the messages say the range, since `z.coerce` alone says "expected number, received NaN". */
const intIn = (min: number, max: number, what: string) =>
  z.coerce
    .number({ message: `must be a whole number of ${what} from ${min} to ${max}` })
    .int(`must be a whole number of ${what} from ${min} to ${max}`)
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .optional();
const TCP_PORT = 'must be a TCP port number from 1 to 65535';
const tcpPort = z.coerce.number({ message: TCP_PORT }).int(TCP_PORT).min(1, TCP_PORT).max(65_535, TCP_PORT);
// `z.coerce.boolean()` would take "false" as true: only the words people write are accepted.
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .default('false')
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
// An origin is scheme://host[:port], exactly as browsers send it in the Origin header (no path, no slash).
const ORIGIN = /^https?:\/\/[^/\s,*]+$/;
const corsOrigins = z
  .string()
  .default('*')
  .transform((text) =>
    text
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .refine((list) => (list.length === 1 && list[0] === '*') || (list.length > 0 && list.every((origin) => ORIGIN.test(origin))), {
    message: 'must be * or a comma-separated list of origins such as http://localhost:5173,https://app.example.org (scheme, host and port; no path)',
  });

const Env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    KG_DATA_DIR: z.string().min(1).default('.kg'),
    KG_CORPUS: z.string().min(1).default('data/papers'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NEO4J_URI: z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^/\s]+/, 'must look like bolt://host:7687 or neo4j+s://host')
      .optional(),
    NEO4J_USER: z.string().default('neo4j'),
    NEO4J_PASSWORD: z.string().default(''),
    NEO4J_DATABASE: z.string().min(1).default('neo4j'),
    KG_MAX_LINE_BYTES: positiveInt(4 * MiB),
    KG_MAX_RECORD_BYTES: positiveInt(4 * MiB),
    KG_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
    KG_CORS_ORIGINS: corsOrigins,
    KG_CORS_CREDENTIALS: flag,
    KG_DEBUG_ERRORS: flag,
    KG_MAX_CONCURRENT: intIn(1, 10_000, 'operations'),
    KG_MAX_QUEUE: intIn(0, 100_000, 'requests'),
    KG_MAX_QUEUE_WAIT_MS: intIn(1, 600_000, 'milliseconds'),
    KG_QUEUE_OVERLOAD_MS: intIn(1, 600_000, 'milliseconds'),
    KG_QUEUE_OVERLOAD_WAIT_MS: intIn(1, 600_000, 'milliseconds'),
    KG_HEALTH_PORT: tcpPort.optional(),
    KG_HEALTH_STALE_MS: intIn(100, 600_000, 'milliseconds'),
  })
  .refine((e) => e.KG_HEALTH_PORT === undefined || e.KG_HEALTH_PORT !== e.PORT, {
    path: ['KG_HEALTH_PORT'],
    message: 'must differ from PORT: the health listener needs a port of its own (unset it to answer /healthz on PORT alone)',
  })
  .refine((e) => e.KG_HEALTH_STALE_MS === undefined || e.KG_HEALTH_PORT !== undefined, {
    path: ['KG_HEALTH_STALE_MS'],
    message: 'applies to the health port only: set KG_HEALTH_PORT too, or unset it',
  })
  .refine((e) => !(e.KG_CORS_CREDENTIALS && e.KG_CORS_ORIGINS[0] === '*'), {
    // Browsers refuse credentials with a wildcard origin, and reflecting any origin with credentials would hand every site the user's cookies.
    path: ['KG_CORS_CREDENTIALS'],
    message: 'needs KG_CORS_ORIGINS to list the allowed origins; credentials are never allowed for *',
  });

/**
 * Reads and validates the environment. Throws a ConfigError naming every bad variable, its value
 * and what is allowed, so the process can fail at start with a message that says the fix.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`invalid configuration in the environment:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(cwd, e.KG_DATA_DIR),
    corpusPaths: e.KG_CORPUS.split(',').map((p) => resolve(cwd, p.trim())),
    logLevel: e.LOG_LEVEL,
    corsOrigins: e.KG_CORS_ORIGINS[0] === '*' ? '*' : e.KG_CORS_ORIGINS,
    corsCredentials: e.KG_CORS_CREDENTIALS,
    debugErrors: e.KG_DEBUG_ERRORS,
    read: { maxLineBytes: e.KG_MAX_LINE_BYTES, maxRecordBytes: e.KG_MAX_RECORD_BYTES },
    admission: {
      ...(e.KG_MAX_CONCURRENT !== undefined ? { maxConcurrent: e.KG_MAX_CONCURRENT } : {}),
      ...(e.KG_MAX_QUEUE !== undefined ? { maxQueue: e.KG_MAX_QUEUE } : {}),
      ...(e.KG_MAX_QUEUE_WAIT_MS !== undefined ? { maxWaitMs: e.KG_MAX_QUEUE_WAIT_MS } : {}),
      ...(e.KG_QUEUE_OVERLOAD_MS !== undefined ? { overloadAfterMs: e.KG_QUEUE_OVERLOAD_MS } : {}),
      ...(e.KG_QUEUE_OVERLOAD_WAIT_MS !== undefined ? { overloadWaitMs: e.KG_QUEUE_OVERLOAD_WAIT_MS } : {}),
    },
  };
  if (e.KG_HEALTH_PORT !== undefined) {
    config.health = { port: e.KG_HEALTH_PORT, ...(e.KG_HEALTH_STALE_MS !== undefined ? { staleMs: e.KG_HEALTH_STALE_MS } : {}) };
  }
  if (e.KG_API_KEY) config.apiKey = e.KG_API_KEY;
  if (e.NEO4J_URI) {
    config.neo4j = { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE };
  }
  return config;
}
