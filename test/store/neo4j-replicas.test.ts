import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectPapers } from '../../loaders/collect-papers.js';
import { loadRawPapers } from '../../loaders/load.js';
import type { RawPaper } from '../../loaders/read/raw-paper.js';
import { startApp } from '../../src/app.js';
import type { RunningServer } from '../../src/graphql/server.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { connectTestNeo4j } from './use-neo4j.js';

/**
 * Past one machine on one Neo4j: the server keeps no state of its own, so replicas behind a load
 * balancer answer alike and see each other's writes at once; a `neo4j://` routing URI (what a
 * cluster or Aura gives) works as `bolt://` does.
 */

const direct = await connectTestNeo4j();
const API_KEY = 'replica-test-key-0123456789';
const servers: RunningServer[] = [];
let routed: Neo4jStore | undefined;

beforeAll(async () => {
  await direct?.clear();
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.close();
  await routed?.close();
  await direct?.close();
});

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

describe.skipIf(!direct)('two API replicas on one Neo4j', () => {
  it('connects through a neo4j:// routing URI and loads through it', async () => {
    routed = await Neo4jStore.connect({
      uri: inject('neo4jUri')!.replace(/^bolt:/, 'neo4j:'),
      user: 'neo4j',
      password: process.env['NEO4J_PASSWORD'] ?? '',
      database: 'neo4j',
    });
    const { papers } = await collectPapers(['data/papers']);
    const raws: RawPaper[] = papers.slice(0, 30).map((p) => ({ title: p.title, abstract: p.abstract, source: p.sources[0]! }));
    await loadRawPapers(raws, routed);
    expect((await routed.counts()).labels.Paper).toBe(30);
    expect((await direct!.counts()).labels.Paper).toBe(30);
  }, 300_000);

  it('answers alike on both replicas, and a paper ingested through one is served by the other', async () => {
    for (const store of [direct!, routed!]) servers.push(await startApp({ port: 0, dataDir: '/tmp', corpusPaths: [], store, apiKey: API_KEY }));
    const [a, b] = servers as [RunningServer, RunningServer];
    const list = '{ papers(first: 30) { totalCount edges { node { id title methods { method { id name } } } } } }';
    const fromA = await graphql(a.url, list);
    expect(fromA.errors).toBeUndefined();
    expect(await graphql(b.url, list)).toEqual(fromA);

    const ingest = 'mutation ($papers: [PaperInput!]!) { ingest(papers: $papers) { papers { id } } }';
    const paper = {
      title: 'Replicated Adapters for Serving Many Tasks',
      abstract: 'We propose ReplicaNet, an adapter method evaluated on ImageNet, where it reaches 81.2% top-1 accuracy.',
    };
    const stored = await graphql(a.url, ingest, { papers: [paper] });
    expect(stored.errors).toBeUndefined();
    const id = ((stored.data!['ingest'] as { papers: Array<{ id: string }> }).papers[0] as { id: string }).id;
    const query = `{ paper(id: "${id}") { title methods { role method { name } } datasets { dataset { name } } } }`;
    const onB = await graphql(b.url, query);
    expect(onB.errors).toBeUndefined();
    expect(onB.data!['paper']).toMatchObject({ title: paper.title, methods: expect.arrayContaining([{ role: 'PROPOSED', method: { name: 'ReplicaNet' } }]) });
    expect(await graphql(a.url, query)).toEqual(onB);
  }, 300_000);
});
