import type { Resolvers } from '../generated/resolvers-types.js';
import {
  conceptResolvers,
  datasetResolvers,
  entityResolvers,
  linkResolvers,
  methodResolvers,
  metricResolvers,
  nodeResolvers,
  repositoryResolvers,
  taskResolvers,
} from './entities.js';
import { enumResolvers } from './enums.js';
import { mutationResolvers } from './ingest.js';
import {
  conceptMentionResolvers,
  datasetMentionResolvers,
  linkMentionResolvers,
  methodMentionResolvers,
  metricMentionResolvers,
  paperResolvers,
  publicationDateResolvers,
  repositoryMentionResolvers,
  taskMentionResolvers,
} from './paper.js';
import { queryResolvers } from './query.js';
import { resultResolvers } from './result.js';
import {
  graphPathResolvers,
  pathEdgeResolvers,
  pathNodeResolvers,
  relatedPaperResolvers,
  searchHitResolvers,
  sharedBenchmarkResolvers,
  sharedEntityResolvers,
  statsResolvers,
  loadResolvers,
} from './views.js';

/**
 * The API's resolver map, typed from the SDL by GraphQL Code Generator (src/graphql/generated):
 * thin resolvers, arguments → store (through the request's DataLoaders) → API shape. Each
 * type's parent is the store's value for it (resolvers/parents.ts). Types whose fields are plain
 * properties of their parent (Evidence, PageInfo, connections, leaderboards) need none.
 */
export const resolvers: Resolvers = {
  Query: queryResolvers,
  Mutation: mutationResolvers,
  Node: nodeResolvers,
  Entity: entityResolvers,
  Paper: paperResolvers,
  PublicationDate: publicationDateResolvers,
  MethodMention: methodMentionResolvers,
  DatasetMention: datasetMentionResolvers,
  TaskMention: taskMentionResolvers,
  MetricMention: metricMentionResolvers,
  ConceptMention: conceptMentionResolvers,
  RepositoryMention: repositoryMentionResolvers,
  LinkMention: linkMentionResolvers,
  Method: methodResolvers,
  Dataset: datasetResolvers,
  Task: taskResolvers,
  Metric: metricResolvers,
  Concept: conceptResolvers,
  Repository: repositoryResolvers,
  Link: linkResolvers,
  Result: resultResolvers,
  SearchHit: searchHitResolvers,
  GraphPath: graphPathResolvers,
  PathNode: pathNodeResolvers,
  PathEdge: pathEdgeResolvers,
  RelatedPaper: relatedPaperResolvers,
  SharedEntity: sharedEntityResolvers,
  SharedBenchmark: sharedBenchmarkResolvers,
  Stats: statsResolvers,
  Load: loadResolvers,
  ...enumResolvers,
};
