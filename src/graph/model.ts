/**
 * The graph both stores hold, as plain data: what loaders write and what the API reads, with the
 * one table of labels, id prefixes and relationship types. A leaf: it imports nothing. Node ids
 * are readable and corpus-wide (`paper:…`, `method:lora`; src/graph/ids.ts).
 */

/**
 * The one table of entity kinds: label, id prefix, the list an extracted paper keeps them in, and
 * the types of the paper relationships that reach them (a method's role is its type).
 */
export const ENTITY_KINDS = [
  { label: 'Method', prefix: 'method', list: 'methods', paperEdges: ['PROPOSES', 'USES'] },
  { label: 'Dataset', prefix: 'dataset', list: 'datasets', paperEdges: ['EVALUATES_ON'] },
  { label: 'Task', prefix: 'task', list: 'tasks', paperEdges: ['ADDRESSES'] },
  { label: 'Metric', prefix: 'metric', list: 'metrics', paperEdges: ['MEASURES'] },
  { label: 'Concept', prefix: 'concept', list: 'concepts', paperEdges: ['MENTIONS'] },
] as const;

export type EntityLabel = (typeof ENTITY_KINDS)[number]['label'];
/** An entity kind as ids and extraction name it: `method`, `dataset`, … */
export type EntityKind = (typeof ENTITY_KINDS)[number]['prefix'];
/** The list of an extracted paper that holds one kind: `methods`, `datasets`, … */
export type EntityList = (typeof ENTITY_KINDS)[number]['list'];

export const ENTITY_LABELS: readonly EntityLabel[] = ENTITY_KINDS.map((k) => k.label);

export const LABELS = ['Paper', ...ENTITY_LABELS, 'Result', 'Repository', 'Link'] as const satisfies readonly string[];
export type Label = 'Paper' | EntityLabel | 'Result' | 'Repository' | 'Link';

/** The id prefix of every label: `method:lora` is a Method. */
export const ID_PREFIX: Record<Label, string> = {
  Paper: 'paper',
  ...(Object.fromEntries(ENTITY_KINDS.map((k) => [k.label, k.prefix])) as Record<EntityLabel, EntityKind>),
  Result: 'result',
  Repository: 'repository',
  Link: 'link',
};

const LABEL_OF_PREFIX = new Map<string, Label>(Object.entries(ID_PREFIX).map(([label, prefix]) => [prefix, label as Label]));

/** The label of a node from its id's prefix (`method:lora` → Method), so every look-up can use an index. */
export function labelOfId(id: string): Label | undefined {
  return LABEL_OF_PREFIX.get(id.slice(0, id.indexOf(':')));
}

/** The distinct labels of some ids. */
export function labelsOfIds(ids: Iterable<string>): Label[] {
  const labels = new Set<Label>();
  for (const id of ids) {
    const label = labelOfId(id);
    if (label) labels.add(label);
  }
  return [...labels];
}

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

/** The label at the end of each relationship a paper writes to a node of its own graph. */
export const TARGET_LABEL: Partial<Record<RelationshipType, Label>> = {
  ...Object.fromEntries(ENTITY_KINDS.flatMap((k) => k.paperEdges.map((type) => [type, k.label]))),
  HAS_CODE: 'Repository',
  LINKS_TO: 'Link',
};

/** The paper relationship to an entity: a method's by its role, any other entity's by its label. */
export function paperRelationship(label: EntityLabel, role?: 'PROPOSED' | 'USED'): RelationshipType {
  if (label === 'Method') return role === 'PROPOSED' ? 'PROPOSES' : 'USES';
  return ENTITY_KINDS.find((k) => k.label === label)!.paperEdges[0];
}

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
