import type {
  GraphPathResolvers,
  PathEdgeResolvers,
  PathNodeResolvers,
  RelatedPaperResolvers,
  SearchHitResolvers,
  SharedBenchmarkResolvers,
  SharedEntityResolvers,
  StatsResolvers,
  LoadResolvers,
} from '../generated/resolvers-types.js';
import { checkFirst } from '../limits.js';
import { entityParent, paperParent, resultParent } from './parents.js';

/**
 * The view types: answers about nodes (a search hit, a node on a path, an entity two papers
 * share) that have no identity of their own. They carry the node's id as `nodeId`, never as
 * `id`, so normalised client caches do not merge one search's score into the node or into the
 * next search's hit; `node` loads the node itself through the request's DataLoader.
 */

export const searchHitResolvers: SearchHitResolvers = {
  nodeId: (h) => h.id,
  kind: (h) => h.label,
  name: (h) => h.name,
  score: (h) => h.score,
  node: (h, _, ctx) => ctx.loaders.node.load(h.id),
};

export const pathNodeResolvers: PathNodeResolvers = {
  nodeId: (n) => n.id,
  kind: (n) => n.label,
  name: (n) => n.name,
  node: (n, _, ctx) => ctx.loaders.node.load(n.id),
};

export const pathEdgeResolvers: PathEdgeResolvers = {
  fromId: (e) => e.from,
  toId: (e) => e.to,
  type: (e) => e.type,
};

export const graphPathResolvers: GraphPathResolvers = {
  nodes: (p) => p.nodes,
  edges: (p) => p.edges,
  length: (p) => p.edges.length,
};

export const sharedEntityResolvers: SharedEntityResolvers = {
  nodeId: (s) => s.id,
  kind: (s) => s.label,
  name: (s) => s.name,
  node: (s, _, ctx) => ctx.loaders.node.load(s.id),
};

export const relatedPaperResolvers: RelatedPaperResolvers = {
  paper: (r) => paperParent(r.paper),
  score: (r) => r.score,
  shared: (r) => r.shared,
};

export const sharedBenchmarkResolvers: SharedBenchmarkResolvers = {
  dataset: (s) => entityParent(s.dataset),
  results: (s, { first }) => s.results.slice(0, checkFirst(first, 20)).map((r) => resultParent(r.result, { paper: r.paper, metric: r.metric })),
};

export const statsResolvers: StatsResolvers = {
  nodes: (c) => Object.entries(c.labels).map(([name, count]) => ({ name, count })),
  relationships: (c) => Object.entries(c.relationships).map(([name, count]) => ({ name, count })),
  // Its own store read, made only when the field is asked for.
  derivedPending: (_, __, ctx) => ctx.store.derivedPending(),
  loads: (_, __, ctx) => ctx.store.loads(),
};

export const loadResolvers: LoadResolvers = {
  resolvedBy: (l) => l.resolvedBy?.id ?? null,
};
