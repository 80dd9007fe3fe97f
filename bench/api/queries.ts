/**
 * The six representative reads of bench/api.ts, each written three ways against the same graph:
 * for our API, for the Neo4j GraphQL Library (SDL in neo4j-graphql.ts) and as hand-written
 * Cypher for the bare server (bare.ts). Ids are real ones from the sample corpus (data/papers).
 *
 * Where the three differ in meaning, `differences` says how; `summary` reduces each answer to
 * what all three must agree on, so the bench can check that every target returns the same data.
 */

import { SEARCH_INDEX } from '../../src/store/neo4j/cypher.js';
import { luceneQuery } from '../../src/store/neo4j/neo4j-store.js';
import { SEARCH_CANDIDATES, searchTerms } from '../../src/store/rank-search.js';

export const IDS = {
  /** The paper with the most kinds of entities (8) and links (48): ImageNet, ADE20K, COCO results. */
  paper: 'paper:8de26e660a770d66',
  dataset: 'dataset:imagenet',
  searchText: 'person re-identification',
  /** Two papers that share ImageNet, ADE20K and COCO and report results on them. */
  sharedPapers: ['paper:290c5f96cca6fe54', 'paper:8de26e660a770d66'],
  fromConcept: 'concept:catastrophic-forgetting',
  toConcept: 'concept:diffusion-model',
} as const;

/**
 * The Lucene query our Neo4j store sends for `searchText`, made by the store's own functions; the
 * bare server and @neo4j/graphql are given it as it is. The candidates before ranking are the
 * store's SEARCH_CANDIDATES.
 */
export const LUCENE = luceneQuery(searchTerms(IDS.searchText));

/**
 * The full-text indexes our Neo4j store searches (src/store/neo4j/cypher.ts SCHEMA and SEARCH);
 * the bench keeps those that exist in the database (withIndexes), so that all three read the same.
 */
export const SEARCH_INDEXES = [SEARCH_INDEX];

/** Cypher: `node, score` of up to $candidates hits from each of the given full-text indexes. */
export function searchCandidates(indexes: readonly string[]): string {
  const calls = indexes.map((index) => `  CALL db.index.fulltext.queryNodes('${index}', $query, {limit: $candidates}) YIELD node, score\n  RETURN node, score`);
  return `CALL () {\n${calls.join('\n  UNION\n')}\n}`;
}

/** The queries with the search reading only those of SEARCH_INDEXES that the database has. */
export function withIndexes(queries: readonly BenchQuery[], existing: readonly string[]): BenchQuery[] {
  const indexes = SEARCH_INDEXES.filter((i) => existing.includes(i));
  return queries.map((q) =>
    q.name === 'search' ? { ...q, bare: { ...q.bare, cypher: q.bare.cypher.replace(searchCandidates(SEARCH_INDEXES), searchCandidates(indexes)) } } : q,
  );
}

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** What every target's answer must agree on, as a JSON-comparable value. */
type Summary = unknown;

export interface BenchQuery {
  name: string;
  title: string;
  ours: GraphQLRequest;
  neo4jGraphql: GraphQLRequest;
  /** Cypher returning one row whose columns become `data`; params as sent in the POST body. */
  bare: { cypher: string; params: Record<string, unknown>; intParams?: string[] };
  differences: string;
  summarize: { ours: (data: any) => Summary; neo4jGraphql: (data: any) => Summary; bare: (data: any) => Summary };
}

const EVIDENCE = 'evidence { field start end text }';
const MENTION_PROPS = 'properties { evidenceFields evidenceStarts evidenceEnds }';

/** Cypher: a paper → node edge `e`'s spans as our API's Evidence (field, start, end, text). */
const evidence = (e: string, p: string) =>
  `[i IN range(0, size(coalesce(${e}.evidenceFields, [])) - 1) | {field: toUpper(${e}.evidenceFields[i]), start: toInteger(${e}.evidenceStarts[i]), end: toInteger(${e}.evidenceEnds[i]),
     text: substring(CASE ${e}.evidenceFields[i] WHEN 'title' THEN ${p}.title ELSE ${p}.abstract END, toInteger(${e}.evidenceStarts[i]), toInteger(${e}.evidenceEnds[i] - ${e}.evidenceStarts[i]))}]`;

const sorted = (xs: string[]) => [...xs].sort();
const count = (xs: unknown[] | undefined) => xs?.length ?? -1;
const spans = (edges: Array<{ properties: { evidenceFields: string[] | null } }>) => edges.reduce((n, e) => n + (e.properties.evidenceFields?.length ?? 0), 0);

/**
 * Cypher: a dataset `d`'s scores grouped as src/store/graph-rules.ts groupLeaderboard groups them
 * (the same order and ties): rows `m, setting, rows` (each row `{paper, method, result}`), one per
 * (metric, setting), in group order.
 */
export const LEADERBOARD_GROUPS = `
  MATCH (d)<-[:ON]-(r:Result {kind: 'score'})<-[:REPORTS]-(p:Paper)
  OPTIONAL MATCH (r)-[:MEASURED_BY]->(m:Metric)
  OPTIONAL MATCH (r)-[:SCORED_BY]->(s:Method)
  WITH r, p, m, s, CASE WHEN m.higherIsBetter = false THEN r.value ELSE -r.value END AS key
  ORDER BY key, r.id
  WITH m, r.setting AS setting, p, s, head(collect({r: r, key: key})) AS best
  ORDER BY best.key, p.id, coalesce(s.id, ''), best.r.id
  WITH m, setting, collect({paper: p, method: s, result: best.r}) AS rows
  ORDER BY size(rows) DESC, m.id, CASE WHEN setting IS NULL THEN -1 ELSE [i IN range(0, 3) WHERE ['zero-shot', 'few-shot', 'fine-tuned', 'linear-probe'][i] = setting][0] END`;

export const QUERIES: BenchQuery[] = [
  {
    name: 'paper',
    title: `(1) a paper with all its entities: ${IDS.paper}`,
    ours: {
      query: `query Paper($id: ID!) {
  paper(id: $id) {
    id title abstract arxivId url published { iso } authors
    methods { role method { id name } ${EVIDENCE} }
    datasets { dataset { id name } ${EVIDENCE} }
    tasks { task { id name } ${EVIDENCE} }
    metrics { metric { id name higherIsBetter } ${EVIDENCE} }
    results { id value kind raw dataset { id name } metric { id name } }
    repositories { repository { id name url } ${EVIDENCE} }
    concepts { concept { id name } ${EVIDENCE} }
  }
}`,
      variables: { id: IDS.paper },
    },
    neo4jGraphql: {
      query: `query Paper($id: ID!) {
  papers(where: { id: { eq: $id } }) {
    id title abstract arxivId url published authors
    proposesConnection { edges { ${MENTION_PROPS} node { id name } } }
    usesConnection { edges { ${MENTION_PROPS} node { id name } } }
    datasetsConnection { edges { ${MENTION_PROPS} node { id name } } }
    tasksConnection { edges { ${MENTION_PROPS} node { id name } } }
    metricsConnection { edges { ${MENTION_PROPS} node { id name higherIsBetter } } }
    results { id value kind raw dataset { id name } metric { id name } }
    repositoriesConnection { edges { ${MENTION_PROPS} node { id owner name url } } }
    conceptsConnection { edges { ${MENTION_PROPS} node { id name } } }
  }
}`,
      variables: { id: IDS.paper },
    },
    bare: {
      cypher: `
MATCH (p:Paper {id: $id})
RETURN p {
  .id, .title, .abstract, .arxivId, .url, .published, .authors,
  methods: [(p)-[e:PROPOSES|USES]->(m:Method) | {role: CASE type(e) WHEN 'PROPOSES' THEN 'PROPOSED' ELSE 'USED' END, method: m {.id, .name}, evidence: ${evidence('e', 'p')}}],
  datasets: [(p)-[e:EVALUATES_ON]->(d:Dataset) | {dataset: d {.id, .name}, evidence: ${evidence('e', 'p')}}],
  tasks: [(p)-[e:ADDRESSES]->(t:Task) | {task: t {.id, .name}, evidence: ${evidence('e', 'p')}}],
  metrics: [(p)-[e:MEASURES]->(m:Metric) | {metric: m {.id, .name, .higherIsBetter}, evidence: ${evidence('e', 'p')}}],
  results: [(p)-[:REPORTS]->(r:Result) | r {.id, .value, kind: toUpper(r.kind), .raw,
    dataset: head([(r)-[:ON]->(d:Dataset) | d {.id, .name}]), metric: head([(r)-[:MEASURED_BY]->(m:Metric) | m {.id, .name}])}],
  repositories: [(p)-[e:HAS_CODE]->(g:Repository) | {repository: g {.id, name: g.owner + '/' + g.name, .url}, evidence: ${evidence('e', 'p')}}],
  concepts: [(p)-[e:MENTIONS]->(c:Concept) | {concept: c {.id, .name}, evidence: ${evidence('e', 'p')}}]
} AS paper`,
      params: { id: IDS.paper },
    },
    differences:
      '@neo4j/graphql returns the evidence as the stored span arrays (no text: a @cypher field cannot read relationship properties), methods as two fields (proposes/uses) instead of one with a role, and a repository as owner + name; lists are unordered in bare Cypher and @neo4j/graphql.',
    summarize: {
      ours: (d) => {
        const p = d.paper;
        const ev = ['methods', 'datasets', 'tasks', 'metrics', 'repositories', 'concepts'].reduce(
          (n, k) => n + p[k].reduce((m: number, x: any) => m + x.evidence.length, 0),
          0,
        );
        return {
          methods: count(p.methods),
          datasets: count(p.datasets),
          tasks: count(p.tasks),
          metrics: count(p.metrics),
          results: count(p.results),
          repositories: count(p.repositories),
          concepts: count(p.concepts),
          spans: ev,
        };
      },
      bare: (d) => QUERIES[0]!.summarize.ours(d),
      neo4jGraphql: (d) => {
        const p = d.papers[0];
        const keys = [
          'proposesConnection',
          'usesConnection',
          'datasetsConnection',
          'tasksConnection',
          'metricsConnection',
          'repositoriesConnection',
          'conceptsConnection',
        ];
        return {
          methods: p.proposesConnection.edges.length + p.usesConnection.edges.length,
          datasets: p.datasetsConnection.edges.length,
          tasks: p.tasksConnection.edges.length,
          metrics: p.metricsConnection.edges.length,
          results: p.results.length,
          repositories: p.repositoriesConnection.edges.length,
          concepts: p.conceptsConnection.edges.length,
          spans: keys.reduce((n, k) => n + spans(p[k].edges), 0),
        };
      },
    },
  },
  {
    name: 'papersOfDataset',
    title: `(2) papers of a dataset, first 10: ${IDS.dataset}`,
    ours: {
      query: `query PapersOfDataset($id: ID!) {
  dataset: dataset(by: { id: $id }) { id name papers(first: 10) { totalCount pageInfo { hasNextPage endCursor } nodes { id title published { iso } } } }
}`,
      variables: { id: IDS.dataset },
    },
    neo4jGraphql: {
      query: `query PapersOfDataset($id: ID!) {
  datasets(where: { id: { eq: $id } }) {
    id name
    papersConnection(first: 10, sort: [{ node: { id: ASC } }]) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title published } } }
  }
}`,
      variables: { id: IDS.dataset },
    },
    bare: {
      cypher: `
MATCH (d:Dataset {id: $id})
CALL (d) {
  MATCH (d)<-[:EVALUATES_ON]-(p:Paper)
  WITH DISTINCT p ORDER BY p.id LIMIT $first + 1
  RETURN collect(p {.id, .title, .published}) AS page
}
RETURN d {.id, .name, papers: {
  totalCount: COUNT { MATCH (d)<-[:EVALUATES_ON]-(p:Paper) RETURN DISTINCT p },
  pageInfo: {hasNextPage: size(page) > $first, endCursor: page[$first - 1].id},
  nodes: page[0..$first]
}} AS dataset`,
      params: { id: IDS.dataset, first: 10 },
      intParams: ['first'],
    },
    differences:
      'Same page (by paper id) everywhere; the cursors differ in format (ours: an opaque keyset cursor of the paper id bound to its list, @neo4j/graphql: its own offset cursor, bare: the id).',
    summarize: {
      ours: (d) => ({ total: d.dataset.papers.totalCount, ids: d.dataset.papers.nodes.map((p: any) => p.id), next: d.dataset.papers.pageInfo.hasNextPage }),
      bare: (d) => QUERIES[1]!.summarize.ours(d),
      neo4jGraphql: (d) => {
        const c = d.datasets[0].papersConnection;
        return { total: c.totalCount, ids: c.edges.map((e: any) => e.node.id), next: c.pageInfo.hasNextPage };
      },
    },
  },
  {
    name: 'leaderboard',
    title: `(3) leaderboard of ${IDS.dataset}`,
    ours: {
      query: `query Leaderboard($id: ID!) {
  dataset(by: { id: $id }) { id name leaderboard { metric { id name higherIsBetter } setting higherIsBetter rows { rank paper { id title } method { id name } result { id value kind raw split } } } }
}`,
      variables: { id: IDS.dataset },
    },
    neo4jGraphql: {
      query: `query Leaderboard($id: ID!) {
  datasets(where: { id: { eq: $id } }) { id name leaderboard { id value kind raw split setting paper { id title } method { id name } metric { id name higherIsBetter } } }
}`,
      variables: { id: IDS.dataset },
    },
    bare: {
      cypher: `
MATCH (d:Dataset {id: $id})
CALL (d) {
${LEADERBOARD_GROUPS}
  WITH m, setting, [i IN range(0, size(rows) - 1) | {rank: i + 1, paper: {id: rows[i].paper.id, title: rows[i].paper.title},
         method: CASE WHEN rows[i].method IS NULL THEN NULL ELSE {id: rows[i].method.id, name: rows[i].method.name} END,
         result: {id: rows[i].result.id, value: rows[i].result.value, kind: toUpper(rows[i].result.kind), raw: rows[i].result.raw, split: rows[i].result.split}}][0..$first] AS rows
  RETURN collect({metric: CASE WHEN m IS NULL THEN NULL ELSE m {.id, .name, .higherIsBetter} END, setting: toUpper(replace(setting, '-', '_')), higherIsBetter: m.higherIsBetter, rows: rows}) AS groups
}
RETURN d {.id, .name, leaderboard: groups} AS dataset`,
      params: { id: IDS.dataset, first: 20 },
      intParams: ['first'],
    },
    differences:
      '@neo4j/graphql: a @cypher field on Dataset with the same grouping and order, returning Result nodes group after group (20 rows each), so no groups and no rank field (the client splits and numbers them).',
    summarize: {
      ours: (d) => d.dataset.leaderboard.flatMap((g: any) => g.rows.map((e: any) => `${e.paper.id} ${e.method?.id ?? '-'} ${e.result.value}`)),
      bare: (d) => QUERIES[2]!.summarize.ours(d),
      neo4jGraphql: (d) => d.datasets[0].leaderboard.map((r: any) => `${r.paper[0]?.id} ${r.method[0]?.id ?? '-'} ${r.value}`),
    },
  },
  {
    name: 'search',
    title: `(4) search "${IDS.searchText}"`,
    ours: {
      query: `query Search($q: String!) { search(query: $q, first: 10) { nodes { id: nodeId kind name score } } }`,
      variables: { q: IDS.searchText },
    },
    neo4jGraphql: {
      query: `query Search($q: String!) { search(query: $q, first: 10, candidates: ${SEARCH_CANDIDATES}) { id kind name score } }`,
      variables: { q: LUCENE },
    },
    bare: {
      cypher: `${searchCandidates(SEARCH_INDEXES)}
WITH node, score ORDER BY score DESC, node.id LIMIT $first
RETURN collect({id: node.id, kind: toUpper(labels(node)[0]), name: coalesce(node.title, node.name), score: score}) AS search`,
      params: { query: LUCENE, candidates: SEARCH_CANDIDATES, first: 10 },
      intParams: ['candidates', 'first'],
    },
    differences:
      'All three read the same candidates (the full-text index our store searches, every term required, up to 500); ours ranks them with its own score (terms in the name, exact name) in Cypher, bare Cypher and @neo4j/graphql (a @cypher Query field) by Lucene score, so the 10 hits differ in order and partly in which.',
    summarize: {
      ours: (d) => ({ hits: d.search.nodes.length }),
      bare: (d) => ({ hits: d.search.length }),
      neo4jGraphql: (d) => ({ hits: d.search.length }),
    },
  },
  {
    name: 'sharedBenchmarks',
    title: `(5) sharedBenchmarks of ${IDS.sharedPapers.join(' + ')}`,
    ours: {
      query: `query Shared($ids: [ID!]!) { sharedBenchmarks(paperIds: $ids) { dataset { id name } results { id value kind raw paper { id } metric { id name } } } }`,
      variables: { ids: IDS.sharedPapers },
    },
    neo4jGraphql: {
      query: `query Shared($ids: [ID!]!) {
  sharedDatasets(paperIds: $ids) { id name results(where: { paper: { some: { id: { in: $ids } } } }) { id value kind raw paper { id } metric { id name } } }
}`,
      variables: { ids: IDS.sharedPapers },
    },
    bare: {
      cypher: `
UNWIND $ids AS id
MATCH (:Paper {id: id})-[:EVALUATES_ON]->(d:Dataset)
WITH d, count(DISTINCT id) AS papers
WHERE papers = size($ids)
CALL (d) {
  OPTIONAL MATCH (p:Paper)-[:REPORTS]->(r:Result)-[:ON]->(d) WHERE p.id IN $ids
  WITH p, r ORDER BY p.id, r.id
  RETURN collect(r {.id, .value, kind: toUpper(r.kind), .raw, paper: p {.id}, metric: head([(r)-[:MEASURED_BY]->(m:Metric) | m {.id, .name}])}) AS results
}
WITH d, results ORDER BY d.id
RETURN collect({dataset: d {.id, .name}, results: results}) AS sharedBenchmarks`,
      params: { ids: IDS.sharedPapers },
    },
    differences:
      '@neo4j/graphql: the shared datasets from a @cypher Query field, their results through a relationship filter (paper: { some: { id: { in } } }).',
    summarize: {
      ours: (d) => d.sharedBenchmarks.map((s: any) => `${s.dataset.id}: ${sorted(s.results.map((r: any) => r.id)).join(',')}`),
      bare: (d) => QUERIES[4]!.summarize.ours(d),
      neo4jGraphql: (d) => d.sharedDatasets.map((s: any) => `${s.id}: ${sorted(s.results.map((r: any) => r.id)).join(',')}`),
    },
  },
  {
    name: 'connection',
    title: `(6) connection ${IDS.fromConcept} -> ${IDS.toConcept}`,
    ours: {
      query: `query Connection($from: ID!, $to: ID!) { connection(from: $from, to: $to) { length nodes { id: nodeId kind name } edges { from: fromId to: toId type } } }`,
      variables: { from: IDS.fromConcept, to: IDS.toConcept },
    },
    neo4jGraphql: {
      query: `query Connection($from: ID!, $to: ID!) { connection(from: $from, to: $to) { length nodes { id kind name } edges { from to type } } }`,
      variables: { from: IDS.fromConcept, to: IDS.toConcept },
    },
    bare: {
      cypher: `
MATCH (a:Concept {id: $from}), (b:Concept {id: $to})
MATCH path = allShortestPaths((a)-[*..4]-(b))
WITH path LIMIT 1000
WITH path, [n IN nodes(path) | n.id] AS ids ORDER BY ids LIMIT 1
RETURN {
  nodes: [n IN nodes(path) | {id: n.id, kind: toUpper(labels(n)[0]), name: coalesce(n.title, n.name, n.url, n.raw)}],
  edges: [r IN relationships(path) | {from: startNode(r).id, to: endNode(r).id, type: type(r)}],
  length: length(path)
} AS connection`,
      params: { from: IDS.fromConcept, to: IDS.toConcept },
    },
    differences:
      'Same path everywhere: of all shortest paths (at most 4 hops, first 1000), the smallest id sequence, picked by ORDER BY in Cypher by all three (@neo4j/graphql: a @cypher Query field); our embedded store by a bidirectional breadth-first search.',
    summarize: {
      ours: (d) => d.connection && d.connection.nodes.map((n: any) => n.id).join(' '),
      bare: (d) => QUERIES[5]!.summarize.ours(d),
      neo4jGraphql: (d) => QUERIES[5]!.summarize.ours(d),
    },
  },
];
