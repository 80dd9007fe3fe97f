/**
 * The graph both stores hold, as plain data: what loaders write and what the API reads. Node ids
 * are the readable corpus-wide ids of `loaders/normalize.ts` (`paper:…`, `method:lora`).
 */

export const ENTITY_LABELS = ['Method', 'Dataset', 'Task', 'Metric', 'Concept'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

export const LABELS = ['Paper', ...ENTITY_LABELS, 'Result', 'Repository', 'Link'] as const;
export type Label = (typeof LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'PROPOSES',
  'USES',
  'EVALUATES_ON',
  'ADDRESSES',
  'MEASURES',
  'MENTIONS',
  'REPORTS',
  'ON',
  'MEASURED_BY',
  'SCORED_BY',
  'HAS_CODE',
  'LINKS_TO',
  'CITES',
  'BROADER',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Paper → entity relationship type for each entity label (methods split by role). */
export const PAPER_RELATIONSHIP: Record<Exclude<EntityLabel, 'Method'>, RelationshipType> = {
  Dataset: 'EVALUATES_ON',
  Task: 'ADDRESSES',
  Metric: 'MEASURES',
  Concept: 'MENTIONS',
};

/**
 * Where a mention sits in a paper: field and character span. A link the paper's source record
 * declares (Hugging Face `githubRepo`, Papers with Code `repo_url`) is field `source`, its start
 * and end the index of the URL in the paper's `codeUrls`.
 */
export interface Span {
  field: 'title' | 'abstract' | 'source';
  start: number;
  end: number;
}

export interface PaperNode {
  id: string;
  title: string;
  titleDerived: boolean;
  abstract: string;
  arxivId: string | null;
  url: string | null;
  published: string | null;
  authors: string[];
  /** `file:line` of every occurrence the paper was merged from. */
  sources: string[];
  /** arXiv ids the paper's text names; CITES edges are derived from them. */
  mentionedArxivIds: string[];
  /** Code links the source records declare, the evidence of HAS_CODE edges of field `source`. */
  codeUrls: string[];
}

export interface EntityNode {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
  /** Metrics only: whether a higher value is better, when the direction is known. */
  higherIsBetter?: boolean | null;
  /**
   * Ids of broader entities of the same label the curated lists or the Papers with Code taxonomy
   * declare (a task's parent tasks, the family a version belongs to); BROADER edges are derived
   * from them to those that exist. Absent when none.
   */
  broader?: string[];
}

export interface RepositoryNode {
  id: string;
  owner: string;
  name: string;
  url: string;
}

export interface LinkNode {
  id: string;
  url: string;
  kind: string;
}

/** How a model was evaluated, when the paper says: results of different settings do not compare. */
export const RESULT_SETTINGS = ['zero-shot', 'few-shot', 'fine-tuned', 'linear-probe'] as const;
export type ResultSetting = (typeof RESULT_SETTINGS)[number];

export interface ResultNode {
  id: string;
  value: number;
  kind: 'score' | 'delta';
  raw: string;
  datasetId: string;
  metricId: string | null;
  /** The method that scored it: one the paper proposes or uses. */
  methodId: string | null;
  setting: ResultSetting | null;
  /** The split or subset of the dataset: `test`, `val`, `test-dev`, `10% labeled`. */
  split: string | null;
  evidence: Span[];
}

/** A paper → node edge with the spans that support it. */
export interface PaperEdge {
  type: RelationshipType;
  to: string;
  evidence: Span[];
}

/**
 * What a paper's graph was built from: its own extraction (JSON the loaders read back; the store
 * does not look inside), the extractor version that made it, and a digest of the graph written
 * from it. Corpus-wide identity is re-derived from these when papers arrive, so the graph depends
 * on the set of papers loaded, not on their order or batches.
 */
export interface ExtractionRecord {
  extractor: string;
  entities: string;
  digest: string;
}

/** A stored paper with the extraction record it was written with (null: written without one). */
export interface StoredExtraction {
  paper: PaperNode;
  extraction: ExtractionRecord | null;
}

/** One paper with every node and edge it contributes; the unit of an idempotent write. */
export interface PaperGraph {
  paper: PaperNode;
  /** Kept beside the paper (not a node of the graph) so that identity can be re-derived later. */
  extraction?: ExtractionRecord;
  entities: EntityNode[];
  repositories: RepositoryNode[];
  links: LinkNode[];
  results: ResultNode[];
  edges: PaperEdge[];
}

export type Counts = { labels: Record<Label, number>; relationships: Record<RelationshipType, number> };

export function emptyCounts(): Counts {
  return {
    labels: Object.fromEntries(LABELS.map((l) => [l, 0])) as Record<Label, number>,
    relationships: Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, 0])) as Record<RelationshipType, number>,
  };
}
