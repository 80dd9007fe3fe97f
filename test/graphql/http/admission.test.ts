import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/graphql/server.js';
import { EmbeddedStore } from '../../../src/store/embedded/embedded-store.js';
import type { GraphStore } from '../../../src/store/store.js';
import { serve } from '../serve-corpus.js';

/**
 * Load shedding at /graphql: past `maxConcurrent` operations requests wait in a short queue, past
 * that they are refused at once with 503 OVERLOADED and Retry-After, and /healthz answers at
 * once all along. The store's reads are held at a gate, so "running" is a state the test controls.
 */

/** `store` whose every method waits at a gate while it is closed, and counts the calls waiting there. */
function gated(store: GraphStore) {
  let open: Promise<void> = Promise.resolve();
  let release = (): void => {};
  let held = 0;
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        held++;
        await open;
        held--;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store: proxy,
    close: () => void (open = new Promise<void>((resolve) => (release = resolve))),
    open: () => release(),
    held: () => held,
  };
}

const QUERY = JSON.stringify({ query: '{ stats { nodes { name count } } }' });
const ask = (url: string) => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY });

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

let dir: string;
let inner: EmbeddedStore;
let gate: ReturnType<typeof gated>;
let server: RunningServer;
let patient: RunningServer;
let overloaded: RunningServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-admission-'));
  inner = EmbeddedStore.open(dir);
  gate = gated(inner);
  // These two pin the plain queue: never judged overloaded within a test.
  server = await serve(gate.store, { admission: { maxConcurrent: 2, maxQueue: 2, maxWaitMs: 5_000, overloadAfterMs: 600_000 } });
  patient = await serve(gate.store, { admission: { maxConcurrent: 1, maxQueue: 5, maxWaitMs: 300, overloadAfterMs: 600_000 } });
  overloaded = await serve(gate.store, { admission: { maxConcurrent: 1, maxQueue: 10, maxWaitMs: 5_000, overloadAfterMs: 100, overloadWaitMs: 150 } });
});

afterAll(async () => {
  gate.open();
  await server.close();
  await patient.close();
  await overloaded.close();
  await inner.close();
  await rm(dir, { recursive: true, force: true });
});

describe('admission at /graphql', () => {
  it('queues past the cap, refuses past the queue with 503 and Retry-After, and answers /healthz meanwhile', async () => {
    gate.close();
    const running = [ask(server.url), ask(server.url)];
    await until(() => gate.held() === 2);
    const queued = [ask(server.url), ask(server.url)];
    // The queued two do not reach the store while the first two hold their slots.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(gate.held()).toBe(2);

    const refused = await ask(server.url);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    // The connection outlives the wait it asks for: the client that waits it out comes back on it.
    expect(refused.headers.get('keep-alive')).toBe('timeout=10');
    const body = (await refused.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('OVERLOADED');
    expect(body.errors[0]!.message).toMatch(/at capacity \(2 operations running, 2 waiting\); retry after 5 s/);

    // The two operations hold their slots until the test opens the gate: /healthz does not wait for them.
    // (1 s, not the 100 ms it takes here: the suite runs on busy shared machines.)
    const started = performance.now();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);

    gate.open();
    const answers = await Promise.all([...running, ...queued]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    for (const answer of answers) expect(((await answer.json()) as { data: unknown }).data).toBeTruthy();
  });

  it('refuses a request that waited longer than the longest wait', async () => {
    gate.close();
    const running = ask(patient.url);
    await until(() => gate.held() === 1);
    const started = performance.now();
    const waited = await ask(patient.url);
    expect(waited.status).toBe(503);
    expect(waited.headers.get('retry-after')).toBe('1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(((await waited.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('OVERLOADED');
    gate.open();
    expect((await running).status).toBe(200);
    // The slot is free again: the next request runs at once.
    expect((await ask(patient.url)).status).toBe(200);
  });

  it('frees the queue place of a client that went away', async () => {
    gate.close();
    const running = ask(patient.url);
    await until(() => gate.held() === 1);
    const gone = new AbortController();
    const abandoned = fetch(`${patient.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: QUERY,
      signal: gone.signal,
    }).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 50));
    gone.abort();
    expect(await abandoned).toBe('AbortError');
    gate.open();
    expect((await running).status).toBe(200);
    await until(() => gate.held() === 0);
    expect((await ask(patient.url)).status).toBe(200);
  });

  it('once the queue has stayed backed up, refuses the stale waiters and waits a newcomer only briefly, with Retry-After', async () => {
    gate.close();
    const running = ask(overloaded.url);
    await until(() => gate.held() === 1);
    const early = ask(overloaded.url);
    // The queue has not been empty for 200 ms (more than overloadAfterMs): overloaded.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    const late = ask(overloaded.url);
    // The one that waited past overloadWaitMs is refused when the newcomer comes, long before its 5 s.
    const refusedEarly = await early;
    expect(refusedEarly.status).toBe(503);
    expect(refusedEarly.headers.get('retry-after')).toBe('5');
    const body = (await refusedEarly.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('OVERLOADED');
    expect(body.errors[0]!.message).toMatch(/overloaded: its queue has been backed up for a while, and the request waited 150 ms for a turn; retry after 5 s/);
    // The newcomer waits overloadWaitMs, not maxWaitMs.
    const refusedLate = await late;
    expect(refusedLate.status).toBe(503);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(performance.now() - started).toBeLessThan(2_000);
    gate.open();
    expect((await running).status).toBe(200);
    // Quiet again: served at once.
    expect((await ask(overloaded.url)).status).toBe(200);
  });
});
