import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A running tools/neo4j-local server and how to stop it. */
export interface LocalNeo4j {
  uri: string;
  stop: () => Promise<void>;
}

const READY = /Neo4j ready at (bolt:\/\/127\.0\.0\.1:\d+)/;

/** Why tools/neo4j-local cannot run here (no Java or Maven), or null when it can. */
export function localNeo4jUnavailable(): string | null {
  const has = (command: string): boolean => spawnSync(command, ['-version'], { stdio: 'ignore' }).status === 0;
  return has('java') && has('mvn') ? null : 'Java or Maven is missing, so tools/neo4j-local cannot start a Neo4j';
}

/**
 * Starts a throw-away Neo4j from tools/neo4j-local (building it first if needed) on a free
 * 127.0.0.1 port and resolves once Bolt accepts connections. Rejects with the server's last log
 * lines when it fails or takes longer than `timeoutMs`.
 */
export async function startLocalNeo4j(options: { timeoutMs?: number; args?: string[] } = {}): Promise<LocalNeo4j> {
  const server = spawn('bash', ['tools/neo4j-local/run.sh', '--port', '0', ...(options.args ?? [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  server.stderr.on('data', (chunk: Buffer) => {
    logs.push(chunk.toString());
    if (logs.length > 200) logs.shift();
  });
  const stop = async (): Promise<void> => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  };
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
  return { uri, stop };
}
