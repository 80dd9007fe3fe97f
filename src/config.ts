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
  production: boolean;
  neo4j?: { uri: string; user: string; password: string; database: string };
  read: { maxLineBytes: number; maxRecordBytes: number };
  /** Enables `Mutation.ingest` and is then required for it. */
  apiKey?: string;
}

const MiB = 1024 * 1024;
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KG_DATA_DIR: z.string().min(1).default('.kg'),
  KG_CORPUS: z.string().min(1).default('data/papers'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
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
    production: e.NODE_ENV === 'production',
    read: { maxLineBytes: e.KG_MAX_LINE_BYTES, maxRecordBytes: e.KG_MAX_RECORD_BYTES },
  };
  if (e.KG_API_KEY) config.apiKey = e.KG_API_KEY;
  if (e.NEO4J_URI) {
    config.neo4j = { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE };
  }
  return config;
}
