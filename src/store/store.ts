import type { Slice, SortKey, Window } from './keyset.js';
import type { EntityLabel, EntityNode, Label, LinkNode, PaperNode, RelationshipType, RepositoryNode, ResultNode, ResultSetting, Span } from '../graph/model.js';
import type { GraphWriter } from '../graph/writer.js';
import type { LoadRecord } from './load-record.js';

/** Any node, tagged with its label. */
export type GraphNode =
  | { label: 'Paper'; node: PaperNode }
  | { label: EntityLabel; node: EntityNode }
  | { label: 'Repository'; node: RepositoryNode }
  | { label: 'Link'; node: LinkNode }
  | { label: 'Result'; node: ResultNode };

/** An edge from a paper to one of its nodes, with the evidence for it. */
export interface PaperLink {
  type: RelationshipType;
  target: GraphNode;
  evidence: Span[];
}

/** One window of a paper list, with each paper's sort key (its cursor) and Relay's page flags. */
export interface PapersPage {
  papers: PaperNode[];
  keys: SortKey[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** An entity (or repository) with the number of distinct papers that link to it. */
export interface CountedNode {
  node: GraphNode;
  paperCount: number;
}

/** The labels a browse list (`listEntities`) takes. */
export type BrowseLabel = EntityLabel | 'Repository';

/** Which entities a browse list keeps: all given conditions hold. */
export interface EntityFilter {
  /** Case-insensitive words that must all occur in the name or one alias. */
  text?: string;
  /** At least this many papers link to the entity. */
  minPapers?: number;
}

/** Browse order: by paper count (ties by id) or by name, lower-cased (ties by id). */
export interface EntityOrder {
  field: 'paperCount' | 'name';
  descending: boolean;
}

/** A dataset every given paper evaluates on, with each paper's results there and their metrics. */
export interface SharedDataset {
  dataset: EntityNode;
  results: Array<{ paper: PaperNode; result: ResultNode; metric: EntityNode | null }>;
}

export interface RelatedPaper {
  paper: PaperNode;
  score: number;
  shared: Array<{ id: string; label: Label; name: string }>;
}

export interface Path {
  nodes: Array<{ id: string; label: Label; name: string }>;
  edges: Array<{ from: string; to: string; type: RelationshipType }>;
}

export interface SearchHit {
  id: string;
  label: Label;
  name: string;
  score: number;
}

/** A result on a dataset with its paper and the metric and method it names. */
export interface LeaderboardEntry {
  paper: PaperNode;
  result: ResultNode;
  metric: EntityNode | null;
  method: EntityNode | null;
}

/**
 * The scores of one metric in one setting on a dataset: one row per (paper, method), that
 * pair's best, best first by the metric's direction.
 */
export interface LeaderboardGroup {
  metric: EntityNode | null;
  setting: ResultSetting | null;
  /** The metric's direction; null when it is unknown (or there is no metric): rows then run from the highest value. */
  higherIsBetter: boolean | null;
  rows: LeaderboardEntry[];
}

/** Which groups of a leaderboard to read: one metric's, one setting's, or all. */
export interface LeaderboardFilter {
  metricId?: string;
  setting?: ResultSetting;
  /** Each group's best rows to keep (all when not given); groups are still ordered by all their rows. */
  rowsPerGroup?: number;
}

export interface PaperFilter {
  paperIds?: readonly string[];
  nodeIds?: readonly string[];
  hasCode?: boolean;
}

/**
 * What to read together with a node, in the same round trip: the parts of it a request is about to
 * ask for (the API looks ahead at the query to fill this in).
 */
export interface NodeInclude {
  /** A paper's links to its nodes, with the datasets and metrics its results refer to. */
  links?: boolean;
  /** One page of the papers linked to the node, as `papersOf` reads it. */
  papers?: PageArgs;
  /** A dataset's leaderboard, as `leaderboard` reads it. */
  leaderboard?: LeaderboardFilter;
}

/** A node with the parts `NodeInclude` asked for; `referenced`: nodes those parts name by id. */
export interface NodeWith {
  node: GraphNode;
  links?: PaperLink[];
  papers?: PapersPage;
  leaderboard?: LeaderboardGroup[];
  referenced: GraphNode[];
}

export type PaperOrder = 'id' | 'title' | 'published';

/** One condition of readiness, and whether it holds. */
export interface ReadinessCheck {
  name: 'store' | 'schema' | 'papers' | 'load';
  ok: boolean;
  /** What fails, for an operator; no driver or server text (the endpoint is unauthenticated). */
  problem?: string;
}

/** A window on a node's papers, which run in id order: the cursors are paper ids. */
export type PageArgs = Window<string>;

/**
 * The one graph-store contract the loaders write through and the API reads through. Two
 * implementations answer every question identically: Neo4j and the embedded store.
 */
export interface GraphStore extends GraphWriter {
  readonly kind: 'neo4j' | 'embedded';

  /** The newest load records (up to load-record.ts LOADS_KEPT), newest first, judged now: running, interrupted, … */
  loads(): Promise<LoadRecord[]>;

  node(id: string): Promise<GraphNode | null>;
  nodes(ids: readonly string[]): Promise<Array<GraphNode | null>>;
  /** A node and the parts of it a request needs, in one round trip; null when there is no such node. */
  nodeWith(id: string, include: NodeInclude): Promise<NodeWith | null>;
  paperLinks(paperId: string): Promise<PaperLink[]>;
  /** Batched form of `paperLinks` for many papers, in one round trip. */
  paperLinksMany(paperIds: readonly string[]): Promise<PaperLink[][]>;
  /** Papers linked to a node (entity, repository, link or paper it cites), by paper id. */
  papersOf(nodeId: string, page: PageArgs): Promise<PapersPage>;
  /** Batched `papersOf`: the same window of many nodes' papers, in one round trip. */
  papersOfMany(nodeIds: readonly string[], page: PageArgs): Promise<PapersPage[]>;
  /** The number of distinct papers linked to each node (0 for an unknown id), in one round trip. */
  paperCounts(nodeIds: readonly string[]): Promise<number[]>;
  /**
   * Entities of one label (or repositories) for browsing: filtered, in the given order, one
   * keyset window (`graph-rules.ts` entityOrdering gives the keys).
   */
  listEntities(label: BrowseLabel, filter: EntityFilter, order: EntityOrder, window: Window): Promise<Slice<CountedNode>>;
  sharedDatasets(paperIds: readonly string[]): Promise<SharedDataset[]>;
  /** Papers sharing nodes with a paper, best first (`rankRelated`), one keyset window of them. */
  relatedPapers(paperId: string, window: Window): Promise<Slice<RelatedPaper>>;
  shortestPath(fromId: string, toId: string, maxHops: number): Promise<Path | null>;
  /**
   * Full-text search, best first (rank-search.ts), one keyset window of the best
   * `SEARCH_CANDIDATES` hits.
   */
  search(query: string, options: { labels?: readonly Label[]; window: Window }): Promise<Slice<SearchHit>>;
  /** A dataset's scores grouped by (metric, setting): graph-rules.ts `groupLeaderboard`. */
  leaderboard(datasetId: string, filter?: LeaderboardFilter): Promise<LeaderboardGroup[]>;
  /** Batched `leaderboard`: many datasets' leaderboards with one filter, in one round trip. */
  leaderboardMany(datasetIds: readonly string[], filter?: LeaderboardFilter): Promise<LeaderboardGroup[][]>;

  /** Nodes at the other end of a node's relationships of one type, in id order. */
  linked(nodeId: string, type: RelationshipType, direction: 'out' | 'in'): Promise<GraphNode[]>;
  /** Batched `linked` for many nodes, in one round trip. */
  linkedMany(nodeIds: readonly string[], type: RelationshipType, direction: 'out' | 'in'): Promise<GraphNode[][]>;
  /**
   * Papers matching every given condition, ordered, one page. `nodeIds`: the paper links to each
   * of these nodes; `paperIds`: the paper is one of these (a full-text pre-selection).
   */
  listPapers(filter: PaperFilter, order: PaperOrder, window: Window): Promise<PapersPage>;

  /**
   * What serving needs, checked now: the store answers, its schema (constraints, indexes) is there
   * and online — re-created when missing, as after a Neo4j restart on an empty folder — and it
   * holds papers. Never throws: a failing check says what fails, in words free of driver text.
   */
  checkReady(): Promise<ReadinessCheck[]>;
  close(): Promise<void>;
}
