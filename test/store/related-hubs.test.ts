import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityNode, PaperGraph } from '../../src/graph/model.js';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { MAX_RELATING_PAPERS, relatednessUnits, SCORE_UNIT } from '../../src/store/rank-related.js';
import type { GraphStore } from '../../src/store/store.js';
import { connectTestNeo4j } from './use-neo4j.js';

/**
 * Related papers at corpus scale: a node shared by more than MAX_RELATING_PAPERS papers relates
 * none of them, on both stores, so that a related list never reads a share of the corpus.
 */

const hub: EntityNode = { id: 'concept:hub-phrase', label: 'Concept', name: 'hub phrase', aliases: [] };
const rare: EntityNode = { id: 'method:rare-method', label: 'Method', name: 'Rare Method', aliases: [] };
const span = [{ field: 'abstract' as const, start: 0, end: 4 }];

function paperGraph(i: number): PaperGraph {
  const entities = i < 2 ? [hub, rare] : [hub];
  return {
    paper: {
      id: `paper:hub-${String(i).padStart(4, '0')}`,
      title: `Paper ${i}`,
      titleDerived: false,
      abstract: 'Some text about a hub phrase.',
      arxivId: null,
      url: null,
      published: null,
      authors: [],
      sources: [`test:${i}`],
      mentionedArxivIds: [],
      codeUrls: [],
    },
    entities,
    repositories: [],
    links: [],
    results: [],
    edges: entities.map((e) => ({ type: e.label === 'Method' ? 'USES' : 'MENTIONS', to: e.id, evidence: span })),
  };
}

const graphs = Array.from({ length: MAX_RELATING_PAPERS + 2 }, (_, i) => paperGraph(i));
let dir: string;
let embedded: EmbeddedStore;
const neo4j = await connectTestNeo4j();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-related-hubs-'));
  embedded = EmbeddedStore.open(dir);
  for (const store of [embedded, neo4j].filter((s): s is NonNullable<typeof s> => s !== null)) {
    if (store === neo4j) await neo4j.clear();
    await store.writePapers(graphs);
    await store.refreshDerived();
  }
}, 300_000);

afterAll(async () => {
  await embedded?.close();
  await neo4j?.close();
  await rm(dir, { recursive: true, force: true });
});

const stores = (): Array<[string, GraphStore]> => [['embedded', embedded], ...(neo4j ? [['neo4j', neo4j] as [string, GraphStore]] : [])];

describe('related papers leave out nodes of more than MAX_RELATING_PAPERS papers', () => {
  it('relates two papers by their rare method alone, not by the phrase every paper mentions', async () => {
    for (const [name, store] of stores()) {
      const related = await store.relatedPapers('paper:hub-0000', { first: 5 });
      expect(related.totalCount, name).toBe(1);
      expect(
        related.items.map((r) => [r.paper.id, r.score, r.shared.map((s) => s.id)]),
        name,
      ).toEqual([['paper:hub-0001', relatednessUnits('Method', 2) / SCORE_UNIT, ['method:rare-method']]]);
    }
  });

  it('relates a paper whose every node is a hub to nothing', async () => {
    for (const [name, store] of stores()) {
      const related = await store.relatedPapers('paper:hub-0500', { first: 5 });
      expect({ total: related.totalCount, items: related.items.length }, name).toEqual({ total: 0, items: 0 });
    }
  });
});
