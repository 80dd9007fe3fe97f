import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGraphs } from '../../loaders/build-graph.js';
import { collectPapers } from '../../loaders/collect-papers.js';
import { extractCorpus } from '../../loaders/corpus-identity.js';
import { localNeo4jUnavailable, type LocalNeo4j, startLocalNeo4j } from '../../scripts/start-local-neo4j.js';
import { startApp } from '../../src/app.js';
import type { RunningServer } from '../../src/graphql/server.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';

/**
 * Neo4j stopped and started again under a serving API (issue 12): while it is down the API
 * reports the outage and /readyz says so; once Neo4j answers on the same address again the driver
 * reconnects: on its durable data folder (tools/neo4j-local --data) everything is back; on a fresh,
 * empty one the missing schema is re-created, search answers, and /readyz names the missing papers.
 */

const unavailable = localNeo4jUnavailable();
const running: LocalNeo4j[] = [];
let server: RunningServer | undefined;
let store: Neo4jStore | undefined;
const folders: string[] = [];

afterAll(async () => {
  await server?.close();
  await store?.close();
  for (const neo4j of running) await neo4j.stop();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const readyz = async (url: string) => {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as { checks: Array<{ name: string; ok: boolean; problem?: string }> } };
};
const searchLora = async (url: string) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ search(query: "lora") { totalCount } }' }),
  });
  return (await response.json()) as { data?: { search: { totalCount: number } | null }; errors?: Array<{ extensions?: { code?: string } }> };
};

/**
 * Search once Neo4j answers again: the first requests may still time out while a freshly started
 * Neo4j warms up on a loaded machine; recovery means answering within a minute, with no restart.
 */
async function recovered(url: string): Promise<Awaited<ReturnType<typeof searchLora>>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await searchLora(url);
    if (answer.errors?.[0]?.extensions?.code !== 'TIMEOUT' || Date.now() > deadline) return answer;
  }
}

describe.skipIf(unavailable !== null)('Neo4j restarted under a serving API', () => {
  it('reports the outage, then recovers its schema and search by itself', async () => {
    const port = await freePort();
    const dataDir = await mkdtemp(join(tmpdir(), 'kg-restart-'));
    folders.push(dataDir);
    const first = await startLocalNeo4j({ dataDir, args: ['--port', String(port)] });
    running.push(first);
    store = await Neo4jStore.connect({ uri: first.uri, user: 'neo4j', password: '', database: 'neo4j' });
    const { papers } = await collectPapers(['data/papers']);
    await store.writePapers(buildGraphs(extractCorpus(papers.slice(0, 40))));
    await store.refreshDerived();
    server = await startApp({ port: 0, dataDir: tmpdir(), corpusPaths: [], store });
    expect((await readyz(server.url)).status).toBe(200);
    expect((await searchLora(server.url)).data?.search?.totalCount).toBeGreaterThan(0);

    await first.stop();
    const down = await readyz(server.url);
    expect(down.status).toBe(503);
    expect(down.body.checks[0]).toEqual({ name: 'store', ok: false, problem: 'Neo4j does not answer' });
    expect((await searchLora(server.url)).errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');

    // The same data folder again: everything is back, and search answers as before.
    const second = await startLocalNeo4j({ dataDir, args: ['--port', String(port)] });
    running.push(second);
    const back = await recovered(server.url);
    expect(back.errors).toBeUndefined();
    expect(back.data?.search?.totalCount).toBeGreaterThan(0);
    expect((await readyz(server.url)).status).toBe(200);

    // A fresh, empty Neo4j on the same address: the first search finds no index, re-creates it
    // and answers; /readyz names the missing papers rather than claiming to be ready.
    await second.stop();
    const third = await startLocalNeo4j({ args: ['--port', String(port)] });
    running.push(third);
    const after = await recovered(server.url);
    expect(after.errors).toBeUndefined();
    expect(after.data?.search?.totalCount).toBe(0);
    const up = await readyz(server.url);
    expect(up.body.checks.map((c) => [c.name, c.ok])).toEqual([
      ['store', true],
      ['schema', true],
      ['papers', false],
      ['load', true],
    ]);
    expect(up.status).toBe(503);
  }, 300_000);
});
