import DataLoader from 'dataloader';
import type { RelationshipType, ResultSetting } from '../graph/model.js';
import type { GraphNode, GraphStore, LeaderboardFilter, LeaderboardGroup, NodeInclude, NodeWith, PageArgs, PaperLink, PapersPage } from '../store/store.js';

/**
 * Per-request state: the store, and DataLoaders that batch the store reads a query makes, so
 * that asking for 20 papers' methods, datasets and repositories is one read, not 20.
 */
export interface Context {
  store: GraphStore;
  loaders: Loaders;
  apiKeyValid: boolean;
  /** `Mutation.ingest`'s pipeline; null when the server has no API key (or no pipeline). */
  ingest: Ingest | null;
}

/** A paper posted to `ingest`, its form checked by the resolver. */
export interface IngestPaper {
  title?: string;
  abstract: string;
  url?: string;
  arxivId?: string;
  published?: string;
  authors?: string[];
}

/** What an ingest wrote (distinct papers, of which some the store held already), or the first paper it refused and why. */
export type IngestOutcome = { ok: true; paperIds: string[]; alreadyStored: number } | { ok: false; index: number; reason: string };

/**
 * The application's ingest (the loaders' pipeline: field checks, de-duplication, extraction,
 * linking, writing), handed to the server so that the API reaches the loaders without importing them.
 */
export type Ingest = (papers: readonly IngestPaper[]) => Promise<IngestOutcome>;

export interface Loaders {
  node: DataLoader<string, GraphNode | null>;
  paperLinks: DataLoader<string, PaperLink[]>;
  linked: (type: RelationshipType, direction: 'out' | 'in') => DataLoader<string, GraphNode[]>;
  paperCount: DataLoader<string, number>;
  /** Keyed by `papersKey`. */
  papersOf: DataLoader<string, PapersPage>;
  /** Keyed by `leaderboardKey`. */
  leaderboard: DataLoader<string, LeaderboardGroup[]>;
}

/** The key of one page of a node's papers: pages asked for twice in a query are read once. */
export const papersKey = (nodeId: string, page: PageArgs): string =>
  JSON.stringify([nodeId, page.first ?? null, page.after ?? null, page.last ?? null, page.before ?? null]);
export const leaderboardKey = (datasetId: string, filter: LeaderboardFilter): string =>
  `${datasetId}|${filter.metricId ?? ''}|${filter.setting ?? ''}|${filter.rowsPerGroup ?? ''}`;

export function createLoaders(store: GraphStore): Loaders {
  const linkedLoaders = new Map<string, DataLoader<string, GraphNode[]>>();
  return {
    node: new DataLoader((ids) => store.nodes(ids)),
    paperLinks: new DataLoader((ids) => store.paperLinksMany(ids)),
    linked: (type, direction) => {
      const key = `${type}:${direction}`;
      let loader = linkedLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => store.linkedMany(ids, type, direction));
        linkedLoaders.set(key, loader);
      }
      return loader;
    },
    paperCount: new DataLoader((ids) => store.paperCounts(ids)),
    // Keys with the same window (or filter) are read in one batched store call each.
    papersOf: new DataLoader((keys) =>
      batchByGroup(keys, (key) => {
        const [id, first, after, last, before] = JSON.parse(key) as [string, number | null, string | null, number | null, string | null];
        const page: PageArgs = {
          ...(first !== null ? { first } : {}),
          ...(after !== null ? { after } : {}),
          ...(last !== null ? { last } : {}),
          ...(before !== null ? { before } : {}),
        };
        return { id, group: JSON.stringify(page), read: (ids: readonly string[]) => store.papersOfMany(ids, page) };
      }),
    ),
    leaderboard: new DataLoader((keys) =>
      batchByGroup(keys, (key) => {
        const [id, metricId, setting, rows] = key.split('|');
        const filter: LeaderboardFilter = {
          ...(metricId ? { metricId } : {}),
          ...(setting ? { setting: setting as ResultSetting } : {}),
          ...(rows ? { rowsPerGroup: Number(rows) } : {}),
        };
        return { id: id!, group: `${metricId}|${setting}|${rows}`, read: (ids: readonly string[]) => store.leaderboardMany(ids, filter) };
      }),
    ),
  };
}

/**
 * Answers a DataLoader batch whose keys are (node id, arguments): keys that share arguments form a
 * group, read by one batched store call; the answers come back in key order.
 */
async function batchByGroup<T>(
  keys: readonly string[],
  parse: (key: string) => { id: string; group: string; read: (ids: readonly string[]) => Promise<T[]> },
): Promise<T[]> {
  const groups = new Map<string, { read: (ids: readonly string[]) => Promise<T[]>; ids: string[]; at: number[] }>();
  keys.forEach((key, at) => {
    const { id, group, read } = parse(key);
    const entry = groups.get(group) ?? { read, ids: [], at: [] };
    entry.ids.push(id);
    entry.at.push(at);
    groups.set(group, entry);
  });
  const answers = new Array<T>(keys.length);
  await Promise.all(
    [...groups.values()].map(async ({ read, ids, at }) => {
      const values = await read(ids);
      values.forEach((value, i) => (answers[at[i]!] = value));
    }),
  );
  return answers;
}

/**
 * Reads a node with the parts a request will ask for (one store round trip), and primes the
 * loaders with them, so the field resolvers that follow find everything already read.
 */
export async function loadNodeWith(loaders: Loaders, store: GraphStore, id: string, include: NodeInclude): Promise<GraphNode | null> {
  const view = await store.nodeWith(id, include);
  if (!view) return null;
  primeWith(loaders, id, include, view);
  return view.node;
}

function primeWith(loaders: Loaders, id: string, include: NodeInclude, view: NodeWith): void {
  const nodes = [view.node, ...view.referenced];
  if (view.links) {
    loaders.paperLinks.prime(id, view.links);
    for (const link of view.links) nodes.push(link.target);
  }
  if (view.papers && include.papers) {
    loaders.papersOf.prime(papersKey(id, include.papers), view.papers);
    loaders.paperCount.prime(id, view.papers.totalCount);
    for (const paper of view.papers.papers) nodes.push({ label: 'Paper', node: paper });
  }
  // A leaderboard's results carry their papers, metrics and methods to the resolvers themselves.
  if (view.leaderboard && include.leaderboard) loaders.leaderboard.prime(leaderboardKey(id, include.leaderboard), view.leaderboard);
  for (const node of nodes) loaders.node.prime(node.node.id, node);
}
