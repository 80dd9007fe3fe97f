import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A running tools/neo4j-local server and how to stop it. */
export interface LocalNeo4j {
  uri: string;
  /** The server's JVM process id (run.sh execs into it). */
  pid: number;
  /** SIGTERM, then waits (up to 30 s) for it to exit; a throw-away server deletes its data. */
  stop: () => Promise<void>;
  /** SIGKILL, then waits for it to exit: a crash, for durability tests. Never deletes anything. */
  kill: () => Promise<void>;
}

export interface StartLocalNeo4jOptions {
  /** How long to wait for the ready line (default 15 min: the first build downloads the jars). */
  timeoutMs?: number;
  /**
   * A durable data folder (`run.sh --data DIR`), created if missing and kept on stop, so a later
   * server on the same folder sees the same graph. Default: a throw-away temp folder.
   */
  dataDir?: string;
  /** Further run.sh arguments, e.g. `['--exit-with-parent']`. */
  args?: string[];
  /** Extra environment variables for run.sh (e.g. `NEO4J_LOCAL_JAVA_OPTS`), over this process's. */
  env?: Record<string, string>;
}

const READY = /Neo4j ready at (bolt:\/\/127\.0\.0\.1:\d+)/;

/** Why tools/neo4j-local cannot run here (no Java or Maven), or null when it can. */
export function localNeo4jUnavailable(): string | null {
  const has = (command: string): boolean => spawnSync(command, ['-version'], { stdio: 'ignore' }).status === 0;
  return has('java') && has('mvn') ? null : 'Java or Maven is missing, so tools/neo4j-local cannot start a Neo4j';
}

/**
 * Starts a Neo4j from tools/neo4j-local (building it first if needed) on a free 127.0.0.1 port and
 * resolves once Bolt accepts connections: throw-away by default, durable with `dataDir`. Rejects
 * with the server's last log lines when it fails or takes longer than `timeoutMs`.
 */
export async function startLocalNeo4j(options: StartLocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const data = options.dataDir ? ['--data', options.dataDir] : [];
  const server = spawn('bash', ['tools/neo4j-local/run.sh', '--port', '0', ...data, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const logs: string[] = [];
  server.stderr.on('data', (chunk: Buffer) => {
    logs.push(chunk.toString());
    if (logs.length > 200) logs.shift();
  });
  const signal = async (name: 'SIGTERM' | 'SIGKILL'): Promise<void> => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    server.kill(name);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  };
  const stop = (): Promise<void> => signal('SIGTERM');
  const kill = (): Promise<void> => signal('SIGKILL');
  const uri = await new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), options.timeoutMs ?? 15 * 60_000);
    createInterface({ input: server.stdout }).on('line', (line) => {
      const match = READY.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    server.once('exit', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
  if (!uri) {
    await stop();
    throw new Error(`tools/neo4j-local did not start:\n${logs.join('').slice(-3000)}`);
  }
  return { uri, pid: server.pid!, stop, kill };
}
