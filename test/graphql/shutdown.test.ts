import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';

/**
 * `npm start` as users run it, with the health port: it serves, and on SIGTERM finishes the request
 * in flight, stops its health thread, then exits 0.
 */
it('finishes a request in flight on SIGTERM and exits cleanly', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kg-start-'));
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const env: NodeJS.ProcessEnv = { ...process.env, KG_DATA_DIR: dir, PORT: String(port), KG_HEALTH_PORT: String(port + 1), LOG_LEVEL: 'silent' };
  delete env['NEO4J_URI'];
  // As users run it: vitest's NODE_ENV=test would hide Apollo's own signal handling.
  delete env['NODE_ENV'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const [url, healthUrl] = await new Promise<[string, string]>((resolve, reject) => {
      let url = '';
      createInterface({ input: child.stdout }).on('line', (line) => {
        const match = /GraphQL at (http:\/\/\S+)\/graphql/.exec(line);
        if (match) url = match[1]!;
        const health = /liveness at (http:\/\/\S+)\/healthz/.exec(line);
        if (health) resolve([url, health[1]!]);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    expect(healthUrl).toBe(`http://127.0.0.1:${port + 1}`);
    expect((await fetch(`${healthUrl}/healthz`)).status).toBe(200);
    // A request whose headers have arrived but whose body has not: in flight when SIGTERM comes.
    const { hostname } = new URL(url);
    const body = JSON.stringify({ query: '{ stats { nodes { name count } } }' });
    const socket = connect(port, hostname);
    const response = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.write(body.slice(10));
    const raw = await response;
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(raw).toContain('"stats"');
    expect(await exited).toBe(0);
    // The health port went with it.
    await expect(fetch(`${healthUrl}/healthz`)).rejects.toThrow();
    // It released the data folder: the next start takes it without a word about a dead holder.
    expect(existsSync(join(dir, 'lock-holder.json'))).toBe(false);
  } finally {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
