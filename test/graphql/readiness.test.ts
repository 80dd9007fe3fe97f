import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import type { ReadinessCheck } from '../../src/store/store.js';
import { useCorpusServers } from './serve-corpus.js';

/**
 * Readiness that means ready (issue 12): /readyz checks the store, its schema and its papers,
 * re-creates a missing search index, and names failing checks without driver text; search text
 * over the limits is the client's error on both stores alike.
 */

interface Readiness {
  status: string;
  checks: ReadinessCheck[];
}

const servers = useCorpusServers();

const readyz = async (url: string): Promise<{ status: number; body: Readiness; text: string }> => {
  const response = await fetch(`${url}/readyz`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Readiness, text };
};
const search = async (url: string, query: string) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query ($q: String!) { search(query: $q, first: 3) { totalCount } }', variables: { q: query } }),
  });
  return (await response.json()) as {
    data?: { search: { totalCount: number } | null };
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
};

describe('readiness', () => {
  it('is ready on both stores when the store answers, its schema is online and it holds papers', async () => {
    for (const { name, server } of servers()) {
      const { status, body } = await readyz(server.url);
      expect(status, name).toBe(200);
      expect(body.checks.map((c) => [c.name, c.ok])).toEqual([
        ['store', true],
        ['schema', true],
        ['papers', true],
        ['load', true],
      ]);
    }
  });

  it('is not ready on a store that holds no paper, and says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kg-ready-'));
    const store = EmbeddedStore.open(dir);
    const server = await startApp({ port: 0, dataDir: dir, corpusPaths: [], store });
    try {
      const { status, body } = await readyz(server.url);
      expect(status).toBe(503);
      expect(body.checks.find((c) => c.name === 'papers')).toEqual({ name: 'papers', ok: false, problem: 'the store holds no paper' });
    } finally {
      await server.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses search text over the limits as the client error it is, the same on both stores', async () => {
    for (const [text, max] of [
      [Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '), 32],
      ['x'.repeat(1200), 1000],
    ] as const) {
      const answers = await Promise.all(servers().map(({ server }) => search(server.url, text)));
      for (const answer of answers) {
        expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'query', max });
        expect(answer.data?.search).toBeNull();
      }
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    }
    // 32 words are still a search.
    for (const { server } of servers()) expect((await search(server.url, Array.from({ length: 32 }, () => 'learning').join(' '))).errors).toBeUndefined();
  });
});

describe.skipIf(inject('neo4jUri') === null)('readiness on Neo4j', () => {
  const neo4j = () => servers().find((s) => s.name === 'neo4j')!;

  it('re-creates a missing search index: search recovers by itself, and /readyz repairs it', async () => {
    const store = neo4j().store as Neo4jStore;
    await store.runWrite('DROP INDEX search_terms IF EXISTS', {});
    const healed = await search(neo4j().server.url, 'person re-identification');
    expect(healed.errors).toBeUndefined();
    expect(healed.data!.search!.totalCount).toBeGreaterThan(0);

    await store.runWrite('DROP INDEX search_terms IF EXISTS', {});
    const { status, body } = await readyz(neo4j().server.url);
    expect(status).toBe(200);
    expect(body.checks.every((c) => c.ok)).toBe(true);
    expect((await search(neo4j().server.url, 'person re-identification')).data!.search!.totalCount).toBeGreaterThan(0);
  });

  it('is not ready when Neo4j does not answer, naming the check without driver text', async () => {
    const uri = inject('neo4jUri')!;
    const store = await Neo4jStore.connect({
      uri,
      user: 'neo4j',
      password: process.env['NEO4J_PASSWORD'] ?? '',
      database: process.env['NEO4J_DATABASE'] ?? 'neo4j',
    });
    const server = await startApp({ port: 0, dataDir: tmpdir(), corpusPaths: [], store });
    try {
      // The driver closed under a running server: every query fails as an outage would.
      await store.close();
      const { status, body, text } = await readyz(server.url);
      expect(status).toBe(503);
      expect(body.checks[0]).toEqual({ name: 'store', ok: false, problem: 'Neo4j does not answer' });
      expect(text).not.toMatch(/Neo4jError|driver|Pool|bolt:|closed/i);
      const answer = await search(server.url, 'lora');
      expect(answer.errors?.[0]?.extensions?.['code']).toBe('STORE_UNAVAILABLE');
    } finally {
      await server.close();
    }
  });
});
