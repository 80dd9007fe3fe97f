// Every GraphQL document the graph explorer sends or hands to GraphiQL, in one place: the page
// imports this module, and test/web/explorer-queries.test.ts runs each document against a real
// server on the sample corpus (which also proves they pass its cost and depth limits).
//
// Plain ES module, no dependencies: served as-is to the browser (/assets/explorer-queries.js).

/** Papers drawn around an expanded entity. */
export const PAPERS_PER_ENTITY = 25;

/** Entities of each kind the start view lists and draws. */
export const START_PER_KIND = 8;

/** A mention's place in the paper: field (TITLE, ABSTRACT or SOURCE), span, text, sentence. */
const EVIDENCE = 'fragment ExplorerEvidence on Evidence { field start end text sentence }';

/**
 * Everything the panel needs to show why a paper links to what it does: its title and abstract,
 * and every mention (entities and results) with its evidence.
 */
const PAPER_WHY = [
  'fragment ExplorerPaperWhy on Paper {',
  '  id',
  '  title',
  '  abstract',
  '  methods { role method { id name } evidence { ...ExplorerEvidence } }',
  '  datasets { dataset { id name } evidence { ...ExplorerEvidence } }',
  '  tasks { task { id name } evidence { ...ExplorerEvidence } }',
  '  metrics { metric { id name } evidence { ...ExplorerEvidence } }',
  '  concepts { concept { id name } evidence { ...ExplorerEvidence } }',
  '  repositories { repository { id name url } evidence { ...ExplorerEvidence } }',
  '  results {',
  '    id',
  '    value',
  '    kind',
  '    raw',
  '    setting',
  '    split',
  '    dataset { id name }',
  '    metric { id name }',
  '    method { id name }',
  '    evidence { ...ExplorerEvidence }',
  '  }',
  '}',
  EVIDENCE,
].join('\n');

/**
 * A node and what it links to: a paper with its mentions (and their evidence, so that clicking a
 * paper needs one request), an entity with its first papers.
 * Variables: `{ id: ID!, first: Int! }`.
 */
export const NEIGHBOURHOOD = [
  'query ExplorerNeighbourhood($id: ID!, $first: Int!) {',
  '  node(id: $id) {',
  '    __typename',
  '    id',
  '    ... on Paper { ...ExplorerPaperWhy }',
  '    ... on Entity { name paperCount papers(first: $first) { totalCount nodes { id title } } }',
  '  }',
  '}',
  PAPER_WHY,
].join('\n');

/**
 * One paper's mentions with their evidence, for a link whose paper was not expanded.
 * Variables: `{ id: ID! }`.
 */
export const PAPER_EVIDENCE = ['query ExplorerPaperEvidence($id: ID!) {', '  paper(id: $id) { ...ExplorerPaperWhy }', '}', PAPER_WHY].join('\n');

/**
 * Full-text search, a connection of hits; each hit's node id is `nodeId`.
 * Variables: `{ query: String!, kinds: [NodeKind!], first: Int }`.
 */
export const SEARCH = [
  'query ExplorerSearch($query: String!, $kinds: [NodeKind!], $first: Int) {',
  '  search(query: $query, kinds: $kinds, first: $first) { nodes { nodeId kind name score } }',
  '}',
].join('\n');

/**
 * The start view (no search yet): the most shared benchmarks and methods, most papers first,
 * from the root browse connections. Variables: `{ first: Int! }`.
 */
export const START = [
  'query ExplorerStart($first: Int!) {',
  '  datasets(first: $first, orderBy: { field: PAPER_COUNT, direction: DESC }) { totalCount nodes { id name paperCount } }',
  '  methods(first: $first, orderBy: { field: PAPER_COUNT, direction: DESC }) { totalCount nodes { id name paperCount } }',
  '}',
].join('\n');

/** The GraphiQL query the panel's "Open in GraphiQL" link opens for a node. */
export function graphiqlQuery(kind, id) {
  var lit = JSON.stringify(id);
  var papers = 'papers(first: 10) { totalCount nodes { id title } }';
  switch (kind) {
    case 'Paper':
      return [
        'query Paper {',
        '  paper(id: ' + lit + ') {',
        '    id',
        '    title',
        '    published { iso }',
        '    arxivId',
        '    url',
        '    authors',
        '    methods { role method { id name } evidence { field text sentence } }',
        '    datasets { dataset { id name } }',
        '    tasks { task { id name } }',
        '    metrics { metric { id name } }',
        '    concepts { concept { id name } }',
        '    results { dataset { name } metric { name } value kind raw }',
        '    repositories { repository { id name url } }',
        '    related(first: 5) { nodes { score paper { id title } shared { kind name } } }',
        '  }',
        '}',
      ].join('\n');
    case 'Method':
      return [
        'query Method {',
        '  method(by: { id: ' + lit + ' }) {',
        '    id',
        '    name',
        '    aliases',
        '    paperCount',
        '    proposedBy { id title }',
        '    usedBy(first: 10) { totalCount nodes { id title } }',
        '    tasks { id name }',
        '    datasets { id name }',
        '  }',
        '}',
      ].join('\n');
    case 'Dataset':
      return [
        'query Dataset {',
        '  dataset(by: { id: ' + lit + ' }) {',
        '    id',
        '    name',
        '    aliases',
        '    paperCount',
        '    tasks { id name }',
        '    metrics { id name higherIsBetter }',
        '    leaderboard { metric { name } setting rows { rank paper { id title } method { name } result { value split raw } } }',
        '    ' + papers,
        '  }',
        '}',
      ].join('\n');
    case 'Task':
      return ['query Task {', '  task(by: { id: ' + lit + ' }) {', '    id', '    name', '    aliases', '    paperCount', '    ' + papers, '  }', '}'].join(
        '\n',
      );
    case 'Concept':
      return [
        'query Concept {',
        '  concept(by: { id: ' + lit + ' }) {',
        '    id',
        '    name',
        '    aliases',
        '    paperCount',
        '    broader { id name }',
        '    narrower { id name }',
        '    related(first: 10) { weight concept { id name } }',
        '    ' + papers,
        '  }',
        '}',
      ].join('\n');
    case 'Repository':
      return [
        'query Repository {',
        '  repository(by: { id: ' + lit + ' }) {',
        '    id',
        '    name',
        '    owner',
        '    repo',
        '    url',
        '    ' + papers,
        '  }',
        '}',
      ].join('\n');
    default:
      return [
        'query Node {',
        '  node(id: ' + lit + ') {',
        '    id',
        '    ... on Metric { name aliases higherIsBetter paperCount ' + papers + ' }',
        '    ... on Entity { name aliases paperCount }',
        '  }',
        '}',
      ].join('\n');
  }
}
