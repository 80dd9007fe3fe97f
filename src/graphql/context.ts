import DataLoader from 'dataloader';
import type { RelationshipType, ResultSetting } from '../store/graph-model.js';
import type { GraphNode, GraphStore, LeaderboardFilter, LeaderboardGroup, NodeInclude, NodeWith, PageArgs, PaperLink, PapersPage } from '../store/store.js';

/**
 * Per-request state: the store, and DataLoaders that batch the store reads a query makes, so
 * that asking for 20 papers' methods, datasets and repositories is one read, not 20.
 */
export interface Context {
  store: GraphStore;
  loaders: Loaders;
  apiKeyValid: boolean;
  ingestEnabled: boolean;
}

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
export const papersKey = (nodeId: string, page: PageArgs): string => `${nodeId}|${page.first}|${page.after ?? ''}`;
export const leaderboardKey = (datasetId: string, filter: LeaderboardFilter): string => `${datasetId}|${filter.metricId ?? ''}|${filter.setting ?? ''}`;

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
    paperCount: new DataLoader(async (ids) => Promise.all(ids.map(async (id) => (await store.papersOf(id, { first: 0 })).totalCount))),
    papersOf: new DataLoader(async (keys) =>
      Promise.all(
        keys.map((key) => {
          const [id, first, after] = key.split('|');
          return store.papersOf(id!, { first: Number(first), ...(after ? { after } : {}) });
        }),
      ),
    ),
    leaderboard: new DataLoader(async (keys) =>
      Promise.all(
        keys.map((key) => {
          const [id, metricId, setting] = key.split('|');
          return store.leaderboard(id!, { ...(metricId ? { metricId } : {}), ...(setting ? { setting: setting as ResultSetting } : {}) });
        }),
      ),
    ),
  };
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
