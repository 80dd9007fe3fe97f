import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import type { GraphStore } from '../../src/store/store.js';

/**
 * Real `kg` and server processes for tests of what several processes do to one store: spawned as
 * users run them (node + tsx on the sources), each with its own environment.
 */

export interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  pid: number;
  /** Everything written to stderr so far. */
  stderr: () => string;
  exited: Promise<Exited>;
}

/** The environment a test's processes share: one data folder, no Neo4j unless given. */
export function envFor(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KG_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...extra };
  if (!extra['NEO4J_URI']) delete env['NEO4J_URI'];
  return env;
}

function start(script: string, args: readonly string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exited>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, pid: child.pid!, stderr: () => stderr, exited };
}

/** `kg <args>` started in the background; stdin stays open until the test ends it. */
export function startKg(args: readonly string[], env: NodeJS.ProcessEnv): Running {
  return start('src/cli.ts', args, env);
}

/** `kg <args>` with stdin closed, to its end. */
export async function kg(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Exited> {
  const running = startKg(args, env);
  running.child.stdin!.end();
  return running.exited;
}

export interface Server extends Running {
  url: string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** `npm start` (src/main.ts): resolves once it listens, rejects with its stderr if it exits first. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const running = start('src/main.ts', [], { PORT: String(await freePort()), ...env });
  running.child.stdin!.end();
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: running.child.stdout! }).on('line', (line) => {
      const match = /GraphQL at (http:\/\/\S+)\/graphql/.exec(line);
      if (match) resolve(match[1]!);
    });
    void running.exited.then((e) => reject(Object.assign(new Error(`server exited with ${e.code}: ${e.stderr}`), { exited: e })));
  });
  return {
    ...running,
    url,
    stop: async () => {
      running.child.kill('SIGTERM');
      return (await running.exited).code;
    },
  };
}

/** A port nothing listens on now (PORT must be 1 or more, so not 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

/** A server start that is expected to fail: its exit. */
export async function serverRefused(env: NodeJS.ProcessEnv): Promise<Exited> {
  try {
    const server = await startServer(env);
    await server.stop();
    throw new Error(`the server started at ${server.url}`);
  } catch (error) {
    const exited = (error as { exited?: Exited }).exited;
    if (!exited) throw error;
    return exited;
  }
}

export const API_KEY = 'test-key-0123456789abcdef';

/** Posts papers to a server's `ingest` mutation; resolves to the ids it reports written. */
export async function ingest(url: string, papers: ReadonlyArray<{ title: string; abstract: string }>): Promise<string[]> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify({ query: 'mutation ($papers: [PaperInput!]!) { ingest(papers: $papers) { papers { id title } } }', variables: { papers } }),
  });
  const body = (await response.json()) as { data?: { ingest: { papers: Array<{ id: string }> } }; errors?: unknown };
  if (response.status !== 200 || !body.data) throw new Error(`ingest failed: ${response.status} ${JSON.stringify(body.errors)}`);
  return body.data.ingest.papers.map((p) => p.id);
}

/** One GraphQL query against a running server. */
export async function graphql<T>(url: string, query: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return ((await response.json()) as { data: T }).data;
}

export interface TestPaper {
  title: string;
  abstract: string;
}

/**
 * `n` distinct papers tagged `tag`, with concepts that derive BROADER edges
 * (`parameter-efficient fine-tuning` → `fine-tuning`).
 */
export function papersTagged(tag: string, n: number): TestPaper[] {
  return Array.from({ length: n }, (_, i) => ({
    title: `${tag} Net ${i}: Sparse Routing Study ${tag} ${i}`,
    abstract:
      `We propose ${tag}Net-${i}, a sparse routing network. Parameter-efficient fine-tuning adapts large models cheaply, ` +
      `and plain fine-tuning is costly. It improves top-1 accuracy on ImageNet by ${i}.5 points over LoRA in the ${tag} experiment ${i}.`,
  }));
}

export const jsonLines = (papers: readonly TestPaper[]): string => papers.map((p) => JSON.stringify(p)).join('\n') + '\n';

/** Writes papers as a JSON lines file in `dir`; returns its path. */
export async function writePapersFile(dir: string, name: string, papers: readonly TestPaper[]): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, jsonLines(papers));
  return file;
}

/** Titles of every paper in a store. */
export async function titlesIn(store: GraphStore): Promise<Set<string>> {
  const { papers } = await store.listPapers({}, 'id', { first: 1_000_000 });
  return new Set(papers.map((p) => p.title));
}

/** Titles of every paper saved in an embedded data folder, read as `kg stats` reads it. */
export async function titlesSaved(dataDir: string): Promise<Set<string>> {
  const store = EmbeddedStore.open(dataDir, { access: 'read' });
  try {
    return await titlesIn(store);
  } finally {
    await store.close();
  }
}

/** Waits until `check` holds, polling; fails after `ms`. */
export async function waitFor(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until process `pid` holds the embedded data folder. */
export const waitForHolder = (dataDir: string, pid: number): Promise<void> =>
  waitFor(() => EmbeddedStore.holderOf(dataDir)?.pid === pid, `pid ${pid} to hold ${dataDir}`);
