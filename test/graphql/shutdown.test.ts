import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';

/** `npm start` as users run it: it serves, and on SIGTERM finishes the request in flight, then exits 0. */
it('finishes a request in flight on SIGTERM and exits cleanly', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kg-start-'));
  const env = { ...process.env, KG_DATA_DIR: dir, PORT: String(40_000 + Math.floor(Math.random() * 20_000)), LOG_LEVEL: 'silent' };
  delete env['NEO4J_URI'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const match = /GraphQL at (http:\/\/\S+)\/graphql/.exec(line);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const inFlight = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ connection(from: "concept:catastrophic-forgetting", to: "concept:diffusion-model", maxHops: 6) { length } stats { nodes { name count } } }' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { stats: unknown } }).data.stats).toBeTruthy();
    expect(await exited).toBe(0);
  } finally {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
