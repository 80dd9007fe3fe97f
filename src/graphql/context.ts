import DataLoader from 'dataloader';
import type { RelationshipType } from '../store/graph-model.js';
import type { GraphNode, GraphStore, PaperLink, PapersPage } from '../store/store.js';

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
  papersOf: DataLoader<string, PapersPage, string>;
}

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
    // Keyed by `id|first|after`: pages of the same node's papers asked twice in a query are read once.
    papersOf: new DataLoader(
      async (keys) =>
        Promise.all(
          keys.map((key) => {
            const [id, first, after] = key.split('|');
            return store.papersOf(id!, { first: Number(first), ...(after ? { after } : {}) });
          }),
        ),
    ),
  };
}
