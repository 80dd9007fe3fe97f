import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startHealthListener } from '../../src/graphql/health-listener.js';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { serve } from './serve-corpus.js';

/**
 * The health port: `/healthz` answered by a thread of its own from the main thread's heartbeat.
 * Probes come from another thread, since the test blocks its own main thread on purpose.
 */

interface Probe {
  /** Date.now() when the answer came. */
  at: number;
  status: number;
  ms: number;
  body: { status: string; heartbeatAgeMs: number };
}

/** GETs `url` every 50 ms for `forMs` from a thread of its own (a new connection each time); resolves with every answer. */
function probeFromAnotherThread(url: string, forMs: number): Promise<Probe[]> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const http = require('node:http');
    const once = () => new Promise((resolve) => {
      const started = performance.now();
      http.get(workerData.url, { agent: false, timeout: 5000 }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ at: Date.now(), status: response.statusCode, ms: performance.now() - started, body: JSON.parse(text) }));
      }).on('error', (error) => resolve({ at: Date.now(), status: -1, ms: performance.now() - started, body: { status: error.message } }));
    });
    (async () => {
      const probes = [];
      const end = Date.now() + workerData.forMs;
      while (Date.now() < end) {
        probes.push(await once());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      parentPort.postMessage(probes);
    })();
  `;
  const worker = new Worker(code, { eval: true, workerData: { url, forMs } });
  return new Promise((resolve, reject) => {
    worker.once('message', (probes: Probe[]) => void worker.terminate().then(() => resolve(probes)));
    worker.once('error', reject);
  });
}

/** Blocks this thread's event loop for `ms`, as a runaway synchronous computation would. */
function busyWait(ms: number): { from: number; to: number } {
  const from = Date.now();
  while (Date.now() - from < ms) {
    // Spinning on purpose.
  }
  return { from, to: Date.now() };
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

describe('the health listener', () => {
  it('answers while the main event loop is blocked, 503 once the heartbeat is older than the threshold, then 200 again', async () => {
    const health = await startHealthListener({ port: 0, host: '127.0.0.1', staleMs: 500, heartbeatMs: 50 });
    try {
      const probing = probeFromAnotherThread(`${health.url}/healthz`, 3_500);
      // Let the probe thread start and see a healthy server first.
      await new Promise((resolve) => setTimeout(resolve, 600));
      const blocked = busyWait(2_000);
      const probes = await probing;

      expect(probes.every((p) => p.status === 200 || p.status === 503)).toBe(true);
      const before = probes.filter((p) => p.at < blocked.from);
      const during = probes.filter((p) => p.at > blocked.from && p.at <= blocked.to);
      const after = probes.filter((p) => p.at > blocked.to + 200);
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((p) => p.status === 200 && p.body.status === 'ok')).toBe(true);
      // Answered all along, without waiting for the main thread (1 s, not the milliseconds it
      // takes: the suite runs on busy shared machines).
      expect(during.length).toBeGreaterThan(5);
      expect(Math.max(...during.map((p) => p.ms))).toBeLessThan(1_000);
      // Alive for the first half second of the stall, then reported as stalled.
      const early = during.filter((p) => p.body.heartbeatAgeMs < 400);
      expect(early.length).toBeGreaterThan(0);
      expect(early.every((p) => p.status === 200)).toBe(true);
      const stale = during.filter((p) => p.status === 503);
      expect(stale.length).toBeGreaterThan(0);
      expect(stale.every((p) => p.body.status === 'stalled' && p.body.heartbeatAgeMs > 500)).toBe(true);
      expect(Math.max(...stale.map((p) => p.body.heartbeatAgeMs))).toBeGreaterThan(1_000);
      // The loop turns again: healthy at once.
      expect(after.length).toBeGreaterThan(0);
      expect(after.every((p) => p.status === 200)).toBe(true);
    } finally {
      await health.close();
    }
  }, 30_000);

  it('answers /healthz only, and closes its port when closed', async () => {
    const health = await startHealthListener({ port: 0, host: '127.0.0.1', staleMs: 5_000 });
    const port = Number(new URL(health.url).port);
    const other = await fetch(`${health.url}/readyz`);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ problem: expect.stringContaining('/readyz and /graphql are on the main port') });
    expect((await fetch(`${health.url}/healthz`, { method: 'POST' })).status).toBe(405);
    const ok = await fetch(`${health.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'ok', heartbeatAgeMs: expect.any(Number) });
    await health.close();
    await health.close();
    expect(await refused(port)).toBe(true);
  });

  it('fails to start, naming the port, when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      await expect(startHealthListener({ port, host: '127.0.0.1', staleMs: 5_000 })).rejects.toThrow(`the health port ${port} could not be opened`);
    } finally {
      taken.close();
    }
  });

  it('runs beside the server on the health port and stops with it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kg-health-'));
    const store = EmbeddedStore.open(dir);
    try {
      const server = await serve(store, { health: { port: 0 } });
      expect(server.healthUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const port = Number(new URL(server.healthUrl!).port);
      expect((await fetch(`${server.healthUrl}/healthz`)).status).toBe(200);
      // The main port keeps its own /healthz and /readyz.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await server.close();
      expect(await refused(port)).toBe(true);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
