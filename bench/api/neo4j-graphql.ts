/**
 * The comparison target "(b)" of bench/api.ts: the same Neo4j graph served by the Neo4j GraphQL
 * Library (@neo4j/graphql 7) through Apollo Server on Express, the stack our server uses.
 *
 * The SDL maps our graph model (src/graph/model.ts, src/store/neo4j/cypher.ts) as the
 * library expects it: one `@node` type per label, `@relationship` fields for the relationship
 * types, the evidence spans as relationship properties, and `@cypher` fields where a query is not a traversal (leaderboard order,
 * the datasets two papers share, a shortest path, a search over our full-text index).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import type { Driver } from 'neo4j-driver';
import { LEADERBOARD_GROUPS, searchCandidates } from './queries.js';

const ENTITY_FIELDS = `
  id: ID!
  name: String!
  aliases: [String!]`;

/** The evidence of a paper → node edge: parallel arrays of field, start and end. */
const MENTION = 'properties: "Mention"';

/** The SDL; `searchIndexes`: the full-text indexes `search` reads (those of SEARCH_INDEXES that exist). */
export const typeDefs = (searchIndexes: readonly string[]): string => /* GraphQL */ `
type Mention @relationshipProperties {
  evidenceFields: [String!]
  evidenceStarts: [Int!]
  evidenceEnds: [Int!]
}

type Paper @node {
  id: ID!
  title: String!
  titleDerived: Boolean
  abstract: String!
  arxivId: String
  url: String
  published: String
  authors: [String!]
  sources: [String!]
  proposes: [Method!]! @relationship(type: "PROPOSES", direction: OUT, ${MENTION})
  uses: [Method!]! @relationship(type: "USES", direction: OUT, ${MENTION})
  datasets: [Dataset!]! @relationship(type: "EVALUATES_ON", direction: OUT, ${MENTION})
  tasks: [Task!]! @relationship(type: "ADDRESSES", direction: OUT, ${MENTION})
  metrics: [Metric!]! @relationship(type: "MEASURES", direction: OUT, ${MENTION})
  concepts: [Concept!]! @relationship(type: "MENTIONS", direction: OUT, ${MENTION})
  results: [Result!]! @relationship(type: "REPORTS", direction: OUT, ${MENTION})
  repositories: [Repository!]! @relationship(type: "HAS_CODE", direction: OUT, ${MENTION})
  links: [Link!]! @relationship(type: "LINKS_TO", direction: OUT, ${MENTION})
  cites: [Paper!]! @relationship(type: "CITES", direction: OUT)
  citedBy: [Paper!]! @relationship(type: "CITES", direction: IN)
}

type Method @node {${ENTITY_FIELDS}
  proposedBy: [Paper!]! @relationship(type: "PROPOSES", direction: IN, ${MENTION})
  usedBy: [Paper!]! @relationship(type: "USES", direction: IN, ${MENTION})
}

type Dataset @node {${ENTITY_FIELDS}
  papers: [Paper!]! @relationship(type: "EVALUATES_ON", direction: IN, ${MENTION})
  results: [Result!]! @relationship(type: "ON", direction: IN)
  "Scores grouped by metric and setting, one per paper and method, best first; 20 per group, group after group."
  leaderboard: [Result!]!
    @cypher(
      statement: """
      WITH this AS d
      ${LEADERBOARD_GROUPS}
      UNWIND rows[0..20] AS row
      RETURN row.result AS r
      """
      columnName: "r"
    )
}

type Task @node {${ENTITY_FIELDS}
  papers: [Paper!]! @relationship(type: "ADDRESSES", direction: IN, ${MENTION})
}

type Metric @node {${ENTITY_FIELDS}
  higherIsBetter: Boolean
  papers: [Paper!]! @relationship(type: "MEASURES", direction: IN, ${MENTION})
}

type Concept @node {${ENTITY_FIELDS}
  papers: [Paper!]! @relationship(type: "MENTIONS", direction: IN, ${MENTION})
  broader: [Concept!]! @relationship(type: "BROADER", direction: OUT)
  narrower: [Concept!]! @relationship(type: "BROADER", direction: IN)
}

type Result @node {
  id: ID!
  value: Float!
  kind: String!
  raw: String!
  datasetId: String
  metricId: String
  methodId: String
  setting: String
  split: String
  evidenceFields: [String!]
  evidenceStarts: [Int!]
  evidenceEnds: [Int!]
  paper: [Paper!]! @relationship(type: "REPORTS", direction: IN, ${MENTION})
  dataset: [Dataset!]! @relationship(type: "ON", direction: OUT)
  metric: [Metric!]! @relationship(type: "MEASURED_BY", direction: OUT)
  method: [Method!]! @relationship(type: "SCORED_BY", direction: OUT)
}

type Repository @node {
  id: ID!
  owner: String!
  name: String!
  url: String!
  papers: [Paper!]! @relationship(type: "HAS_CODE", direction: IN, ${MENTION})
}

type Link @node {
  id: ID!
  url: String!
  kind: String!
  papers: [Paper!]! @relationship(type: "LINKS_TO", direction: IN, ${MENTION})
}

"A node on a path or a search hit: what our API's PathNode and SearchHit carry."
type NodeRef {
  id: ID!
  kind: String!
  name: String
  score: Float
}

type PathEdge {
  from: ID!
  to: ID!
  type: String!
}

type GraphPath {
  nodes: [NodeRef!]!
  edges: [PathEdge!]!
  length: Int!
}

type Query {
  "Our API's search: the full-text index our store searches, best Lucene score first."
  search(query: String!, first: Int = 10, candidates: Int = 500): [NodeRef!]!
    @cypher(
      statement: """
      ${searchCandidates(searchIndexes)}
      WITH node, score ORDER BY score DESC, node.id LIMIT $first
      RETURN {id: node.id, kind: toUpper(labels(node)[0]), name: coalesce(node.title, node.name), score: score} AS hit
      """
      columnName: "hit"
    )
  "The datasets every given paper evaluates on (the results are then selected with a filter)."
  sharedDatasets(paperIds: [ID!]!): [Dataset!]!
    @cypher(
      statement: """
      UNWIND $paperIds AS id
      MATCH (:Paper {id: id})-[:EVALUATES_ON]->(d:Dataset)
      WITH d, count(DISTINCT id) AS papers
      WHERE papers = size($paperIds)
      RETURN d ORDER BY d.id
      """
      columnName: "d"
    )
  "A shortest path between two concepts, as our store picks it (smallest id sequence of all shortest paths)."
  connection(from: ID!, to: ID!): GraphPath
    @cypher(
      statement: """
      MATCH (a:Concept {id: $from}), (b:Concept {id: $to})
      MATCH path = allShortestPaths((a)-[*..4]-(b))
      WITH path LIMIT 1000
      WITH path, [n IN nodes(path) | n.id] AS ids ORDER BY ids LIMIT 1
      RETURN {
        nodes: [n IN nodes(path) | {id: n.id, kind: toUpper(labels(n)[0]), name: coalesce(n.title, n.name, n.url, n.raw)}],
        edges: [r IN relationships(path) | {from: startNode(r).id, to: endNode(r).id, type: type(r)}],
        length: length(path)
      } AS path
      """
      columnName: "path"
    )
}
`;

export interface RunningTarget {
  url: string;
  close(): Promise<void>;
}

/** Apollo Server 5 on Express 5 with the library's schema, on a free 127.0.0.1 port. */
export async function startNeo4jGraphQL(driver: Driver, database: string, searchIndexes: readonly string[]): Promise<RunningTarget> {
  const neoSchema = new Neo4jGraphQL({ typeDefs: typeDefs(searchIndexes), driver });
  const schema = await neoSchema.getSchema();
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const apollo = new ApolloServer({ schema, introspection: true, plugins: [ApolloServerPluginDrainHttpServer({ httpServer })] });
  await apollo.start();
  app.use('/graphql', express.json({ limit: 100 * 1024 }), expressMiddleware(apollo, { context: async () => ({ sessionConfig: { database } }) }));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await apollo.stop();
    },
  };
}
