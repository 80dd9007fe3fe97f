import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TestProject } from 'vitest/node';

/**
 * Gives the tests a real Neo4j: `NEO4J_URI` when set, otherwise a throw-away server started from
 * tools/neo4j-local (Maven artifacts, no Docker) when Java and Maven are installed. Tests read
 * the URI with `inject('neo4jUri')`; null means no Neo4j could be had, and why is in
 * `inject('neo4jUnavailable')`.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string | null;
    neo4jUnavailable: string | null;
  }
}

const READY = /Neo4j ready at (bolt:\/\/127\.0\.0\.1:\d+)/;
const START_TIMEOUT_MS = 15 * 60_000;

let server: ChildProcess | undefined;

function has(command: string): boolean {
  return spawnSync(command, ['-version'], { stdio: 'ignore' }).status === 0;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env['NEO4J_URI']) {
    project.provide('neo4jUri', process.env['NEO4J_URI']);
    project.provide('neo4jUnavailable', null);
    return async () => {};
  }
  if (!has('java') || !has('mvn')) {
    project.provide('neo4jUri', null);
    project.provide('neo4jUnavailable', 'no NEO4J_URI is set and Java or Maven is missing, so tools/neo4j-local cannot start one');
    return async () => {};
  }
  const started = Date.now();
  server = spawn('bash', ['tools/neo4j-local/run.sh', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  const logs: string[] = [];
  server.stderr!.on('data', (chunk: Buffer) => {
    logs.push(chunk.toString());
    if (logs.length > 200) logs.shift();
  });
  const uri = await new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), START_TIMEOUT_MS);
    createInterface({ input: server!.stdout! }).on('line', (line) => {
      const match = READY.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    server!.on('exit', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
  if (!uri) {
    server.kill('SIGTERM');
    project.provide('neo4jUri', null);
    project.provide('neo4jUnavailable', `tools/neo4j-local did not start:\n${logs.join('').slice(-3000)}`);
    return async () => {};
  }
  process.stderr.write(`[neo4j] local server ready at ${uri} after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  project.provide('neo4jUri', uri);
  project.provide('neo4jUnavailable', null);
  return async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server!.on('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  };
}
