import {
  ENTITY_LABELS,
  LABELS,
  TARGET_LABEL,
  type EntityLabel,
  type Label,
  type PaperGraph,
  type PaperNode,
  type RelationshipType,
  type Span,
} from '../../graph/model.js';
import { displayName, entityNameKey, paperOrderKey } from '../graph-rules.js';
import type { BrowseLabel } from '../store.js';
import { searchKeys, searchTerms } from '../rank-search.js';

/**
 * Every Cypher statement of the Neo4j store, parameterised. Labels and relationship types are
 * interpolated only from the closed lists of src/graph/model.ts, never from input.
 */

/** The labels search finds: papers, entities and repositories (links and results are not searched). */
const SEARCHABLE_LABELS: readonly Label[] = ['Paper', ...ENTITY_LABELS, 'Repository'];

// A paper's properties that make its PaperNode: named, so that a read leaves its search keys
// (as long again as its abstract) in the store.
const PAPER_FIELDS = [
  'id',
  'title',
  'titleDerived',
  'abstract',
  'arxivId',
  'url',
  'published',
  'authors',
  'sources',
  'mentionedArxivIds',
  'codeUrls',
] as const satisfies ReadonlyArray<keyof PaperNode>;

/**
 * A node's properties as the store's readers take them: all but the search keys, which only the
 * full-text index and the ranking read.
 */
export const props = (variable: string): string =>
  `CASE WHEN ${variable}:Paper THEN ${variable} {${PAPER_FIELDS.map((f) => `.${f}`).join(', ')}} ELSE ${variable} {.*, searchName: null, searchText: null} END`;

/** The paper properties that hold each listing order's key (graph-rules.ts paperOrderKey). */
const PAPER_ORDER_KEYS = ['orderTitle', 'orderPublished'] as const;

/** The labels the API browses, each with its paper count and name key kept on the node. */
const BROWSE_LABELS: readonly BrowseLabel[] = [...ENTITY_LABELS, 'Repository'];

/** The relationship types from papers to a node of each browsed label: its paper count is their degree (one edge per paper and node). */
const PAPER_TYPES = Object.fromEntries(
  BROWSE_LABELS.map((label) => [
    label,
    Object.entries(TARGET_LABEL)
      .filter(([, target]) => target === label)
      .map(([type]) => type)
      .join('|'),
  ]),
) as Record<BrowseLabel, string>;

/** Cypher: the number of papers linked to `n`, of a browsed label: a degree look-up, not an expansion. */
const paperDegree = (label: BrowseLabel, n: string): string => `COUNT { (${n})<-[:${PAPER_TYPES[label]}]-() }`;

/** The one full-text index search reads (benchmarks import it rather than copy it). */
export const SEARCH_INDEX = 'search_terms';

export const SCHEMA: string[] = [
  ...LABELS.map((label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`),
  'CREATE INDEX paper_arxiv_id IF NOT EXISTS FOR (p:Paper) ON (p.arxivId)',
  // One full-text index over text already split into terms by rank-search.ts (searchKeys), so that
  // it finds what the embedded store's index finds: Lucene's own tokenizer keeps `relabel_imagenet`
  // or `3.5` as one word where searchTerms sees two. Earlier versions' indexes are dropped.
  ...['paper_text', 'entity_names', 'repository_names'].map((name) => `DROP INDEX ${name} IF EXISTS`),
  `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${SEARCHABLE_LABELS.join('|')}) ON EACH [n.searchName, n.searchText] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'whitespace'}}`,
  'CREATE CONSTRAINT kg_state_id IF NOT EXISTS FOR (s:KgState) REQUIRE s.id IS UNIQUE',
  // Listings read their pages from these, in order, rather than sorting a whole match.
  ...PAPER_ORDER_KEYS.map((key) => `CREATE INDEX paper_${key.toLowerCase()} IF NOT EXISTS FOR (p:Paper) ON (p.${key})`),
  'CREATE INDEX paper_has_code IF NOT EXISTS FOR (p:Paper) ON (p.hasCode)',
  ...BROWSE_LABELS.flatMap((label) => [
    `CREATE INDEX ${label.toLowerCase()}_paper_count IF NOT EXISTS FOR (n:${label}) ON (n.paperCount)`,
    `CREATE INDEX ${label.toLowerCase()}_order_name IF NOT EXISTS FOR (n:${label}) ON (n.orderName)`,
  ]),
  'CREATE CONSTRAINT extraction_paper_id IF NOT EXISTS FOR (e:Extraction) REQUIRE e.paperId IS UNIQUE',
];

/**
 * Properties of the graph that later versions keep and earlier ones did not write: the listing
 * keys, `hasCode` and paper counts. Filled in once on connect, in batches of their own
 * transactions (an auto-commit query), then marked done on the :KgState node `schema`.
 */
export const PROPERTIES_VERSION = 1;

export const PROPERTIES_VERSION_DONE = `
OPTIONAL MATCH (s:KgState {id: 'schema'})
RETURN coalesce(s.propertiesVersion, 0) AS version`;

export const BACKFILL_PROPERTIES: string[] = [
  `MATCH (p:Paper)
CALL (p) {
  SET p.orderTitle = p.title + '\u0000' + p.id,
      p.orderPublished = coalesce(p.published, '') + '\u0000' + p.id,
      p.hasCode = EXISTS { (p)-[:HAS_CODE]->() }
} IN TRANSACTIONS OF 10000 ROWS`,
  ...BROWSE_LABELS.map(
    (label) => `MATCH (n:${label})
CALL (n) {
  SET n.paperCount = ${paperDegree(label, 'n')},
      n.orderName = toLower(${label === 'Repository' ? "n.owner + '/' + n.name" : 'n.name'}) + '\u0000' + n.id
} IN TRANSACTIONS OF 10000 ROWS`,
  ),
  `MERGE (s:KgState {id: 'schema'}) SET s.propertiesVersion = ${PROPERTIES_VERSION}`,
];

/** The names of SCHEMA's constraints and indexes, which readiness checks are online. */
export const SCHEMA_NAMES: string[] = SCHEMA.flatMap((statement) => /^CREATE (?:CONSTRAINT|INDEX|FULLTEXT INDEX) (\w+)/.exec(statement)?.[1] ?? []);

// Derived edges are tracked by two counters on one :KgState node (outside the graph's labels, so
// no count, search or path sees it): `written` goes up in every write batch's transaction,
// `derived` is set by a refresh to the `written` it derived from. `written > derived` means some
// papers' CITES/BROADER edges are missing: a load is running or stopped before deriving them.
// Write batches and refreshes both write this node first, so its lock orders them: refreshes run
// one at a time, and no batch commits during one.

export const COUNT_WRITE = `
MERGE (s:KgState {id: 'derive'})
SET s.written = coalesce(s.written, 0) + 1`;

export const WRITES_SO_FAR = `
OPTIONAL MATCH (s:KgState {id: 'derive'})
RETURN coalesce(s.written, 0) AS written, coalesce(s.derived, 0) AS derived`;

/** Takes the :KgState lock for a refresh (until its transaction ends). */
export const LOCK_STATE = `
MERGE (s:KgState {id: 'derive'})
SET s.derivedAt = datetime()`;

export const MARK_DERIVED = `
MATCH (s:KgState {id: 'derive'})
SET s.derived = coalesce(s.written, 0)`;

// Load records (load-record.ts) are :KgState nodes too, with ids `load:<uuid>`: one per load,
// begun before its first batch, counted in each batch's transaction (COUNT_LOAD_BATCH), completed
// in the refresh's (COMPLETE_LOAD). Times are the server's clock, so staleness needs no clock of ours.

export const BEGIN_LOAD = `
CREATE (s:KgState {id: $id, sources: $sources, papersTotal: toInteger($papersTotal), papersWritten: 0,
  startedAt: datetime(), seenAt: datetime(), pid: toInteger($pid), host: $host, done: false})`;

export const COUNT_LOAD_BATCH = `
MATCH (s:KgState {id: $id})
SET s.papersWritten = s.papersWritten + toInteger($papers), s.seenAt = datetime()`;

export const TOUCH_LOAD = `
MATCH (s:KgState {id: $id}) WHERE NOT s.done
SET s.seenAt = datetime()`;

/** The newest load records, newest first; `stale`: no sign of life for `staleSeconds`. */
export function listLoads(kept: number, staleSeconds: number): string {
  return `
MATCH (s:KgState) WHERE s.id STARTS WITH 'load:'
RETURN s.id AS id, s.sources AS sources, s.papersTotal AS papersTotal, s.papersWritten AS papersWritten,
  toString(s.startedAt) AS startedAt, toString(s.seenAt) AS seenAt, toString(s.completedAt) AS completedAt,
  s.pid AS pid, s.host AS host, s.done AS done, s.resolvedBy AS resolvedBy, s.resolvedHow AS resolvedHow,
  s.seenAt < datetime() - duration({seconds: ${Math.trunc(staleSeconds)}}) AS stale
ORDER BY s.startedAt DESC LIMIT ${Math.trunc(kept)}`;
}

export const COMPLETE_LOAD = `
MATCH (s:KgState {id: $id})
SET s.done = true, s.completedAt = datetime(), s.seenAt = datetime()`;

export const RESOLVE_LOADS = `
UNWIND $rows AS row
MATCH (s:KgState {id: row.id}) WHERE NOT s.done
SET s.resolvedBy = $by, s.resolvedHow = row.how`;

/** Drops load records past the newest `kept`. */
export function pruneLoads(kept: number): string {
  return `
MATCH (s:KgState) WHERE s.id STARTS WITH 'load:'
WITH s ORDER BY s.startedAt DESC SKIP ${Math.trunc(kept)}
DELETE s`;
}

export const DELETE_PAPER_RESULTS = `
UNWIND $ids AS id
MATCH (:Paper {id: id})-[:REPORTS]->(r:Result)
DETACH DELETE r`;

/** The browsed nodes papers $ids link to now: their paper counts change when the papers are written again. */
export const LINKED_BEFORE = `
UNWIND $ids AS id
MATCH (:Paper {id: id})-->(n)
RETURN DISTINCT n.id AS id`;

/** Whether nodes of a label keep `paperCount` and `orderName` (the labels the API browses). */
export function isBrowseLabel(label: Label): label is BrowseLabel {
  return (BROWSE_LABELS as readonly Label[]).includes(label);
}

/**
 * Keeps `paperCount` on nodes of a browsed label: the degree of its paper relationships, which the
 * browse lists order and filter by through an index, and look-ups read without expanding a hub.
 */
export function recountPapers(label: BrowseLabel): string {
  return `
UNWIND $ids AS id
MATCH (n:${label} {id: id})
SET n.paperCount = ${paperDegree(label, 'n')}`;
}

export const DELETE_PAPER_EDGES = `
UNWIND $ids AS id
MATCH (:Paper {id: id})-[e]->()
DELETE e`;

export const MERGE_PAPERS = `
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
SET p += row.props`;

/**
 * An entity's properties as the loader decided them corpus-wide (build-graph.ts): each write
 * replaces them. One that many papers share and that has not changed is left alone, which spares
 * the full-text index an update.
 */
export function mergeEntities(label: EntityLabel): string {
  const direction = label === 'Metric';
  return `
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
WITH n, row
WHERE n.name IS NULL OR n.name <> row.name OR n.searchText IS NULL OR coalesce(n.orderName, '') <> row.orderName OR coalesce(n.aliases, []) <> row.aliases
   OR coalesce(n.broader, []) <> row.broader${direction ? "\n   OR coalesce(toString(n.higherIsBetter), '') <> coalesce(toString(row.higherIsBetter), '')" : ''}
SET n.name = row.name, n.aliases = row.aliases, n.searchName = row.searchName, n.orderName = row.orderName,
    n.broader = CASE WHEN size(row.broader) = 0 THEN null ELSE row.broader END,
    n.searchText = ' ' + reduce(text = '', terms IN row.aliasTerms | text + terms + ' ')${direction ? ',\n    n.higherIsBetter = row.higherIsBetter' : ''}`;
}

/** Extraction records sit beside papers, outside the graph's labels: no count, search or path sees them. */
export const MERGE_EXTRACTIONS = `
UNWIND $rows AS row
MERGE (e:Extraction {paperId: row.paperId})
SET e.extractor = row.extractor, e.entities = row.entities, e.digest = row.digest`;

export const DELETE_EXTRACTIONS = `
UNWIND $ids AS id
MATCH (e:Extraction {paperId: id})
DELETE e`;

/** A page of papers with their records, in id order from the id index (a seek, not a scan). */
export const READ_EXTRACTIONS = `
MATCH (p:Paper) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
OPTIONAL MATCH (e:Extraction {paperId: p.id})
RETURN ${props('p')} AS paper, e {.extractor, .entities, .digest} AS extraction
ORDER BY p.id`;

export const MERGE_REPOSITORIES = `
UNWIND $rows AS row
MERGE (n:Repository {id: row.id})
SET n.owner = row.owner, n.name = row.name, n.url = row.url, n.searchName = row.searchName, n.searchText = ' ', n.orderName = row.orderName`;

export const MERGE_LINKS = `
UNWIND $rows AS row
MERGE (n:Link {id: row.id})
SET n.url = row.url, n.kind = row.kind`;

/** Edges of one type, grouped by paper so that each paper is looked up once per batch. */
export function createEdges(type: RelationshipType, target: Label): string {
  return `
UNWIND $rows AS row
MATCH (p:Paper {id: row.from})
UNWIND row.edges AS edge
MATCH (n:${target} {id: edge.to})
CREATE (p)-[:${type} {evidenceFields: edge.fields, evidenceStarts: edge.starts, evidenceEnds: edge.ends}]->(n)`;
}

/**
 * A result's metric and method are both properties (`metricId`, `methodId`: a result read alone
 * names them without a join, as the embedded store's node does) and relationships (MEASURED_BY,
 * SCORED_BY: the graph can be walked from a method to what it scored).
 */
export const CREATE_RESULTS = `
UNWIND $rows AS row
MATCH (p:Paper {id: row.paperId})
MATCH (d:Dataset {id: row.datasetId})
MERGE (r:Result {id: row.id})
SET r += row.props
CREATE (p)-[:REPORTS {evidenceFields: row.props.evidenceFields, evidenceStarts: row.props.evidenceStarts, evidenceEnds: row.props.evidenceEnds}]->(r)
CREATE (r)-[:ON]->(d)
WITH r, row
CALL (r, row) {
  MATCH (m:Metric) WHERE m.id = row.props.metricId
  CREATE (r)-[:MEASURED_BY]->(m)
}
CALL (r, row) {
  MATCH (s:Method) WHERE s.id = row.props.methodId
  CREATE (r)-[:SCORED_BY]->(s)
}`;

export const DELETE_ORPHANS = `
MATCH (n) WHERE (n:Method OR n:Dataset OR n:Task OR n:Metric OR n:Concept OR n:Repository OR n:Link)
  AND NOT EXISTS { MATCH (n)<-[r]-() WHERE type(r) <> 'BROADER' }
DETACH DELETE n`;

export const DELETE_DERIVED = `
MATCH ()-[r:CITES|BROADER]->()
DELETE r`;

export const CREATE_CITES = `
MATCH (p:Paper) WHERE size(coalesce(p.mentionedArxivIds, [])) > 0
UNWIND p.mentionedArxivIds AS arxivId
MATCH (q:Paper {arxivId: arxivId}) WHERE q <> p
MERGE (p)-[:CITES]->(q)`;

/** BROADER edges an entity's declared `broader` ids give, to those nodes of its label that exist. */
export function createDeclaredBroader(label: EntityLabel): string {
  return `
MATCH (a:${label}) WHERE a.broader IS NOT NULL
UNWIND a.broader AS broaderId
MATCH (b:${label} {id: broaderId}) WHERE b <> a
MERGE (a)-[:BROADER]->(b)`;
}

export const CREATE_BROADER = `
UNWIND $rows AS row
MATCH (a:Concept {id: row.from})
MATCH (b:Concept {id: row.to})
MERGE (a)-[:BROADER]->(b)`;

/** One paper → node edge as a map: what a `PaperLink` is made from. Reads `e` and `m`. */
const LINK_MAP = `{type: type(e), label: labels(m)[0], props: ${props('m')}, fields: e.evidenceFields, starts: e.evidenceStarts, ends: e.evidenceEnds}`;

export const PAPER_LINKS = `
UNWIND $ids AS id
MATCH (:Paper {id: id})-[e]->(m)
RETURN id AS paperId, ${LINK_MAP} AS link`;

/** The nodes paper `n`'s results name by id: their datasets and metrics. */
const RESULT_REFERENCES = `[(n)-[:REPORTS]->(:Result)-[:ON|MEASURED_BY]->(x) | {label: labels(x)[0], props: ${props('x')}}]`;

/** The shape of a window of a node's papers: which cursors it has, which way it reads, whether it is cut. */
export interface WindowShape {
  backward: boolean;
  limit: boolean;
  after: boolean;
  before: boolean;
}

const ID_KEYS: ListingKeys = [{ property: 'id', descending: false }];

/**
 * Subquery body: one keyset window of the papers linked to `n` (of `label`), in id order, read
 * through its paper relationships cut at $limit (keyset.ts indexRead: cursors $after0, $before0),
 * with how many papers it has (kept on browsed nodes) and the flags of `listing`.
 */
function papersWindow(label: Label, read: WindowShape): string {
  const browsed = isBrowseLabel(label);
  const papers = (v: string, conditions: string[]) =>
    `MATCH (n)<-${browsed ? `[:${PAPER_TYPES[label as BrowseLabel]}]` : ''}-(${v}:Paper)${browsed ? '' : ` WITH DISTINCT ${v}`}${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
  return `
  CALL (n) {
    ${papers('v', inWindow('v', ID_KEYS, read))}
    WITH v ORDER BY ${scanOrder('v', ID_KEYS, read)}${read.limit ? ' LIMIT $limit' : ''}
    RETURN collect(${props('v')}) AS papers
  }
  RETURN papers, ${browsed ? 'coalesce(n.paperCount, 0)' : `COUNT { ${papers('v', [])} RETURN v }`} AS total,
    ${read.after ? `EXISTS { ${papers('v', [keyset('v', ID_KEYS, 'after', 'atOrEarlier')])} }` : 'false'} AS atOrBeforeAfter,
    ${read.before ? `EXISTS { ${papers('v', pastBefore('v', ID_KEYS, read))} }` : 'false'} AS atOrPastBefore`;
}

/**
 * Subquery body: the scores on dataset `n` (only those of metric $metricId and setting $setting
 * when given) grouped and ranked as graph-rules.ts groupLeaderboard does — one group per metric
 * and setting, one row per paper and method with its best score, rows best first by the metric's
 * direction (ties by paper, method, result id), groups with the most rows first (then metric id,
 * no metric last, then setting in $settings order, none first) — each group cut to its best
 * $rowsPerGroup rows (all when null), so that only rows shown leave the database. Deltas are no
 * positions and are left out.
 */
const LEADERBOARD_GROUPS = `
  MATCH (n)<-[:ON]-(r:Result {kind: 'score'})<-[:REPORTS]-(p:Paper)
  WHERE ($setting IS NULL OR r.setting = $setting) AND ($metricId IS NULL OR r.metricId = $metricId)
  OPTIONAL MATCH (r)-[:MEASURED_BY]->(m:Metric)
  OPTIONAL MATCH (r)-[:SCORED_BY]->(s:Method)
  WITH r, p, m, s, CASE WHEN m.higherIsBetter = false THEN r.value ELSE -r.value END AS rank
  ORDER BY rank, p.id, coalesce(r.methodId, ''), r.id
  WITH m, r.setting AS setting, p, s, head(collect({result: r, rank: rank})) AS best
  ORDER BY best.rank, p.id, coalesce(s.id, ''), best.result.id
  WITH m, setting, collect({paper: p, method: s, result: best.result}) AS rows
  ORDER BY size(rows) DESC, m IS NULL, m.id,
    CASE WHEN setting IS NULL THEN -1 ELSE [i IN range(0, size($settings) - 1) WHERE $settings[i] = setting][0] END
  RETURN collect({
    metric: CASE WHEN m IS NULL THEN NULL ELSE ${props('m')} END,
    setting: setting,
    rows: [row IN CASE WHEN $rowsPerGroup IS NULL THEN rows ELSE rows[0..$rowsPerGroup] END |
      {paper: {${PAPER_FIELDS.map((f) => `${f}: row.paper.${f}`).join(', ')}}, result: properties(row.result), method: CASE WHEN row.method IS NULL THEN NULL ELSE properties(row.method) END}]
  }) AS leaderboard`;

export function papersOf(label: Label, read: WindowShape): string {
  return `
MATCH (n:${label}) WHERE n.id IN $ids
CALL (n) {${papersWindow(label, read)}
}
RETURN n.id AS id, papers, total, atOrBeforeAfter, atOrPastBefore`;
}

/** The number of distinct papers linked to each of $ids (all of one label): kept on browsed nodes, counted for others. */
export function paperCounts(label: Label): string {
  const count = isBrowseLabel(label) ? 'coalesce(n.paperCount, 0)' : 'size(COLLECT { MATCH (n)<--(p:Paper) RETURN DISTINCT p.id })';
  return `MATCH (n:${label}) WHERE n.id IN $ids RETURN n.id AS id, ${count} AS count`;
}

export const LEADERBOARD = `
MATCH (n:Dataset) WHERE n.id IN $ids
CALL (n) {${LEADERBOARD_GROUPS}
}
RETURN n.id AS id, leaderboard`;

/** A node with the parts a request needs (see `NodeInclude` in store.ts), in one statement. */
export function nodeWith(label: Label, include: { links: boolean; papers: WindowShape | null; leaderboard: boolean }): string {
  const lines = [`MATCH (n:${label} {id: $id})`];
  const columns = [`${props('n')} AS props`];
  if (include.links) columns.push(`[(n)-[e]->(m) | ${LINK_MAP}] AS links`, `${RESULT_REFERENCES} AS referenced`);
  if (include.papers) {
    lines.push(`CALL (n) {${papersWindow(label, include.papers)}\n}`);
    columns.push('papers', 'total', 'atOrBeforeAfter', 'atOrPastBefore');
  }
  if (include.leaderboard) {
    lines.push(`CALL (n) {${LEADERBOARD_GROUPS}\n}`);
    columns.push('leaderboard');
  }
  return `${lines.join('\n')}\nRETURN ${columns.join(', ')}`;
}

/** The datasets all of $ids evaluate on, each with those papers' results there; the papers once. */
export const SHARED_DATASETS = `
UNWIND $ids AS id
MATCH (:Paper {id: id})-[:EVALUATES_ON]->(d:Dataset)
WITH d, count(DISTINCT id) AS papers
WHERE papers = size($ids)
CALL (d) {
  OPTIONAL MATCH (p:Paper)-[:REPORTS]->(r:Result)-[:ON]->(d) WHERE p.id IN $ids
  OPTIONAL MATCH (r)-[:MEASURED_BY]->(m:Metric)
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {paperId: p.id, result: ${props('r')}, metric: CASE WHEN m IS NULL THEN NULL ELSE ${props('m')} END} END) AS results
}
WITH collect({dataset: ${props('d')}, results: results}) AS shared
RETURN shared, COLLECT { MATCH (p:Paper) WHERE p.id IN $ids RETURN ${props('p')} } AS papers`;

/** The nodes of paper $id that relate it to others (labels $labels), with their paper counts. */
export const RELATING_NODES = `
MATCH (:Paper {id: $id})-->(n)
WHERE labels(n)[0] IN $labels
RETURN DISTINCT labels(n)[0] AS label, ${props('n')} AS props, coalesce(n.paperCount, 0) AS count`;

export function shortestPaths(fromLabel: Label, toLabel: Label, maxHops: number): string {
  const hops = Math.max(1, Math.min(8, Math.floor(maxHops)));
  return `
MATCH (a:${fromLabel} {id: $from}), (b:${toLabel} {id: $to})
MATCH path = allShortestPaths((a)-[*..${hops}]-(b))
WITH path LIMIT 1000
// The lexicographically smallest id sequence, then edge keys: the path the embedded store picks.
WITH path, [n IN nodes(path) | n.id] AS ids,
     [r IN relationships(path) | type(r) + '|' + startNode(r).id + '|' + endNode(r).id] AS keys
ORDER BY ids, keys
LIMIT 1
RETURN ids,
       [n IN nodes(path) | {label: labels(n)[0], props: ${props('n')}}] AS nodes,
       [r IN relationships(path) | {from: startNode(r).id, to: endNode(r).id, type: type(r)}] AS rels`;
}

/**
 * Full-text candidates (every query term required) ranked in the database by rank-search.ts
 * `scoreHit`, tested on the nodes' searchKeys, so that only the hits asked for cross the wire:
 * $paddedTerms and $exactName come from rank-search.ts `scoreKeys`. The arithmetic is scoreHit's,
 * in the same order, so both stores give the same scores.
 */
export const SEARCH = `
CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $query, {limit: $limit}) YIELD node
WITH node, labels(node)[0] AS label
WHERE $labels IS NULL OR label IN $labels
WITH node, label, toFloat(size($paddedTerms)) AS terms
WITH node, label,
     size([t IN $paddedTerms WHERE node.searchName CONTAINS t]) / terms AS inName,
     size([t IN $paddedTerms WHERE node.searchText CONTAINS t]) / terms AS inText,
     CASE WHEN node.searchName = $exactName THEN 2 ELSE 0 END AS exact
WITH node, label, round((3 * inName + inText + exact) * 1000) / 1000.0 AS score
ORDER BY score DESC, node.id
LIMIT $first
RETURN node.id AS id, label, CASE label WHEN 'Paper' THEN node.title WHEN 'Repository' THEN node.owner + '/' + node.name ELSE node.name END AS name, score`;

interface EdgeRow {
  from: string;
  edges: Array<{ to: string; fields: string[]; starts: number[]; ends: number[] }>;
}

/** Groups a batch of paper graphs into the parameter rows of the write statements. */
export function writeRows(graphs: readonly PaperGraph[]) {
  const entities = new Map<
    EntityLabel,
    Array<{
      id: string;
      name: string;
      aliases: string[];
      higherIsBetter: boolean | null;
      broader: string[];
      searchName: string;
      aliasTerms: string[];
      orderName: string;
    }>
  >(ENTITY_LABELS.map((l) => [l, []]));
  const seenEntities = new Map<string, { broader: string[]; higherIsBetter: boolean | null }>();
  const edges = new Map<RelationshipType, EdgeRow[]>();
  const repositories = new Map<string, { id: string; owner: string; name: string; url: string; searchName: string; orderName: string }>();
  const links = new Map<string, { id: string; url: string; kind: string }>();
  const results: Array<{ paperId: string; datasetId: string; id: string; props: Record<string, unknown> }> = [];
  for (const g of graphs) {
    for (const e of g.entities) {
      const seen = seenEntities.get(e.id);
      if (seen) {
        for (const b of e.broader ?? []) if (!seen.broader.includes(b)) seen.broader.push(b);
        seen.higherIsBetter ??= e.higherIsBetter ?? null;
        continue;
      }
      const row = {
        id: e.id,
        name: e.name,
        aliases: e.aliases,
        higherIsBetter: e.higherIsBetter ?? null,
        broader: [...(e.broader ?? [])],
        searchName: searchKeys(e.name, '').searchName,
        aliasTerms: e.aliases.map((a) => searchTerms(a).join(' ')),
        orderName: entityNameKey({ label: e.label, node: e }),
      };
      seenEntities.set(e.id, row);
      entities.get(e.label)!.push(row);
    }
    for (const r of g.repositories) {
      const node = { label: 'Repository', node: r } as const;
      repositories.set(r.id, { ...r, searchName: searchKeys(displayName(node), '').searchName, orderName: entityNameKey(node) });
    }
    for (const l of g.links) links.set(l.id, l);
    const byType = new Map<RelationshipType, EdgeRow>();
    for (const edge of g.edges) {
      if (!TARGET_LABEL[edge.type]) continue;
      let row = byType.get(edge.type);
      if (!row) {
        row = { from: g.paper.id, edges: [] };
        byType.set(edge.type, row);
        const list = edges.get(edge.type) ?? [];
        list.push(row);
        edges.set(edge.type, list);
      }
      row.edges.push({ to: edge.to, ...spanArrays(edge.evidence) });
    }
    for (const r of g.results) {
      const spans = spanArrays(r.evidence);
      results.push({
        paperId: g.paper.id,
        datasetId: r.datasetId,
        id: r.id,
        props: {
          id: r.id,
          value: r.value,
          kind: r.kind,
          raw: r.raw,
          datasetId: r.datasetId,
          metricId: r.metricId,
          methodId: r.methodId,
          setting: r.setting,
          split: r.split,
          evidenceFields: spans.fields,
          evidenceStarts: spans.starts,
          evidenceEnds: spans.ends,
        },
      });
    }
  }
  return {
    paperIds: graphs.map((g) => g.paper.id),
    extractions: graphs.flatMap((g) => (g.extraction ? [{ paperId: g.paper.id, ...g.extraction }] : [])),
    withoutExtraction: graphs.filter((g) => !g.extraction).map((g) => g.paper.id),
    papers: graphs.map((g) => ({
      id: g.paper.id,
      props: {
        ...g.paper,
        ...searchKeys(g.paper.title, g.paper.abstract),
        orderTitle: paperOrderKey('title', g.paper),
        orderPublished: paperOrderKey('published', g.paper),
        hasCode: g.edges.some((e) => e.type === 'HAS_CODE'),
      },
    })),
    /** The nodes the batch links to: their paper counts are recounted after it. */
    linked: [...new Set(graphs.flatMap((g) => g.edges.map((e) => e.to)))],
    entities,
    repositories: [...repositories.values()],
    links: [...links.values()],
    edges,
    results,
  };
}

function spanArrays(spans: readonly Span[]): { fields: string[]; starts: number[]; ends: number[] } {
  return { fields: spans.map((s) => s.field), starts: spans.map((s) => s.start), ends: spans.map((s) => s.end) };
}

/** A listing's order: the node properties of its sort key, each with its direction in the list. */
export type ListingKeys = ReadonlyArray<{ property: string; descending: boolean }>;

/** What a listing reads: its nodes (a pattern binding `v`, and conditions on it) and the columns of each row. */
export interface ListingSource {
  match: (v: string) => { pattern: string; conditions: string[] };
  columns: (v: string) => string;
  /** Counts the whole list from the count store: no condition narrows it. */
  countAll?: string;
}

/**
 * One keyset window of a listing, read from the index of its order's first key (keyset.ts
 * indexRead and sliceFromIndex): the rows strictly between $after… and $before… (parameters
 * `after0`, `after1`…), scanned forward or backward and cut at $limit, plus how many items the
 * list holds and whether any lie at or before the `after` cursor and at or past the `before` one.
 */
export function listing(source: ListingSource, keys: ListingKeys, read: { backward: boolean; limit: boolean; after: boolean; before: boolean }): string {
  const where = (parts: string[]) => (parts.length > 0 ? ` WHERE ${parts.join(' AND ')}` : '');
  const nodes = (v: string, extra: string[]) => {
    const { pattern, conditions } = source.match(v);
    return `${pattern}${where([...conditions, ...extra])}`;
  };
  const scanned = inWindow('v', keys, read);
  // A condition on the first key lets the planner read the index in order, cut at the limit.
  if (scanned.length === 0) scanned.push(`v.${keys[0]!.property} IS NOT NULL`);
  const total = source.countAll ?? `${nodes('v', [])} RETURN count(v) AS total`;
  return `
CALL () {
  ${nodes('v', scanned)}
  WITH v ORDER BY ${scanOrder('v', keys, read)}${read.limit ? ' LIMIT $limit' : ''}
  RETURN collect({${source.columns('v')}, key: [${keys.map((k) => `v.${k.property}`).join(', ')}]}) AS rows
}
CALL () {
  ${total}
}
RETURN rows, total,
  ${read.after ? `EXISTS { ${nodes('v', [keyset('v', keys, 'after', 'atOrEarlier')])} }` : 'false'} AS atOrBeforeAfter,
  ${read.before ? `EXISTS { ${nodes('v', pastBefore('v', keys, read))} }` : 'false'} AS atOrPastBefore`;
}

/** Conditions: `v` lies strictly between the window's cursors. */
function inWindow(v: string, keys: ListingKeys, read: { after: boolean; before: boolean }): string[] {
  return [...(read.after ? [keyset(v, keys, 'after', 'later')] : []), ...(read.before ? [keyset(v, keys, 'before', 'earlier')] : [])];
}

/** Conditions: `v` lies at or past the `before` cursor, and past the `after` one. */
function pastBefore(v: string, keys: ListingKeys, read: { after: boolean }): string[] {
  return [keyset(v, keys, 'before', 'atOrLater'), ...(read.after ? [keyset(v, keys, 'after', 'later')] : [])];
}

/** ORDER BY terms of a window's scan: the list's order, or its reverse when read backward. */
function scanOrder(v: string, keys: ListingKeys, read: { backward: boolean }): string {
  return keys.map((k) => `${v}.${k.property} ${k.descending !== read.backward ? 'DESC' : 'ASC'}`).join(', ');
}

/** Related papers' order (graph-rules.ts RELATED_BY_SCORE) on the candidates' integer score units. */
const RELATED_KEYS: ListingKeys = [
  { property: 'units', descending: true },
  { property: 'id', descending: false },
];

/**
 * One keyset window of the papers that share nodes with paper $id, best first: each relating
 * label's shared nodes come as $<Label> rows `{id, units}` (rank-related.ts relatednessUnits), and a
 * candidate's score is the sum of its shared nodes' units. Only the window's rows leave the
 * database, with the candidates' count and the flags of `listing`.
 */
export function relatedWindow(labels: readonly BrowseLabel[], read: { backward: boolean; limit: boolean; after: boolean; before: boolean }): string {
  const where = (parts: string[]) => (parts.length > 0 ? ` WHERE ${parts.join(' AND ')}` : '');
  const arms = labels.map((label) => `  UNWIND $${label} AS node MATCH (:${label} {id: node.id})<-[:${PAPER_TYPES[label]}]-(q:Paper) RETURN q.id AS id, node`);
  return `
CALL () {
${arms.join('\n  UNION ALL\n')}
}
WITH id, sum(node.units) AS units, collect(node.id) AS shared WHERE id <> $id
WITH collect({id: id, units: units, shared: shared}) AS candidates
CALL (candidates) {
  UNWIND candidates AS v
  WITH v${where(inWindow('v', RELATED_KEYS, read))}
  WITH v ORDER BY ${scanOrder('v', RELATED_KEYS, read)}${read.limit ? ' LIMIT $limit' : ''}
  RETURN collect(v) AS rows
}
RETURN rows, size(candidates) AS total,
  ${read.after ? `any(v IN candidates WHERE ${keyset('v', RELATED_KEYS, 'after', 'atOrEarlier')})` : 'false'} AS atOrBeforeAfter,
  ${read.before ? `any(v IN candidates WHERE ${pastBefore('v', RELATED_KEYS, read).join(' AND ')})` : 'false'} AS atOrPastBefore`;
}

/**
 * Cypher: whether `v` lies later than (or earlier than, or at or …) the cursor $<param>0, $<param>1…
 * in list order, compared key by key; led by a range on the first key, which an index serves.
 */
function keyset(v: string, keys: ListingKeys, param: 'after' | 'before', relation: 'later' | 'earlier' | 'atOrLater' | 'atOrEarlier'): string {
  const later = relation === 'later' || relation === 'atOrLater';
  const op = (descending: boolean) => (later !== descending ? '>' : '<');
  const key = (i: number) => `${v}.${keys[i]!.property}`;
  const terms = keys.map((k, i) => [...keys.slice(0, i).map((_, j) => `${key(j)} = $${param}${j}`), `${key(i)} ${op(k.descending)} $${param}${i}`]);
  if (relation === 'atOrLater' || relation === 'atOrEarlier') terms.push(keys.map((_, i) => `${key(i)} = $${param}${i}`));
  if (terms.length === 1) return terms[0]![0]!;
  const range = `${key(0)} ${op(keys[0]!.descending)}= $${param}0`;
  return `${range} AND (${terms.map((t) => `(${t.join(' AND ')})`).join(' OR ')})`;
}

/** The listing keys of each paper order (graph-rules.ts paperOrdering): one property each, kept in an index. */
export const PAPER_LISTING_KEYS: Record<'id' | 'title' | 'published', ListingKeys> = {
  id: [{ property: 'id', descending: false }],
  title: [{ property: 'orderTitle', descending: false }],
  published: [{ property: 'orderPublished', descending: true }],
};

/**
 * The papers a listing filter keeps: given ones ($paperIds), those linked to every node of
 * $nodeIds (read from the first's papers), those with or without code ($hasCode).
 */
export function paperSource(filter: { paperIds: boolean; firstNode: Label | null; moreNodes: boolean; hasCode: boolean }): ListingSource {
  return {
    match: (v) => {
      const conditions: string[] = [];
      if (filter.paperIds) conditions.push(`${v}.id IN $paperIds`);
      if (filter.moreNodes) conditions.push(`all(nodeId IN $moreNodeIds WHERE EXISTS { MATCH (${v})-->(x) WHERE x.id = nodeId })`);
      if (filter.hasCode) conditions.push(`${v}.hasCode = $hasCode`);
      const pattern = filter.firstNode ? `MATCH (:${filter.firstNode} {id: $firstNodeId})<--(${v}:Paper) WITH DISTINCT ${v}` : `MATCH (${v}:Paper)`;
      return { pattern, conditions };
    },
    columns: (v) => `id: ${v}.id`,
    ...(filter.paperIds || filter.firstNode || filter.hasCode ? {} : { countAll: 'MATCH (v:Paper) RETURN count(v) AS total' }),
  };
}

/** The entity listing keys of each browse order (graph-rules.ts entityOrdering). */
export function entityListingKeys(field: 'paperCount' | 'name', descending: boolean): ListingKeys {
  return field === 'name'
    ? [{ property: 'orderName', descending }]
    : [
        { property: 'paperCount', descending },
        { property: 'id', descending: false },
      ];
}

/** Nodes of a browsed label with at least $minPapers papers and every word of $words in a name. */
export function entitySource(label: BrowseLabel, filter: { minPapers: boolean; words: boolean }): ListingSource {
  return {
    match: (v) => {
      const conditions = filter.minPapers ? [`${v}.paperCount >= $minPapers`] : [];
      // The name part of the name key is the lower-cased display name (graph-rules.ts entityNameKey).
      if (filter.words)
        conditions.push(
          `all(word IN $words WHERE split(${v}.orderName, '\u0000')[0] CONTAINS word OR any(alias IN coalesce(${v}.aliases, []) WHERE toLower(alias) CONTAINS word))`,
        );
      return { pattern: `MATCH (${v}:${label})`, conditions };
    },
    columns: (v) => `props: ${props(v)}, paperCount: ${v}.paperCount`,
    ...(filter.minPapers || filter.words ? {} : { countAll: `MATCH (v:${label}) RETURN count(v) AS total` }),
  };
}
