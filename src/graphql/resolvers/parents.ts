import type { EntityLabel, EntityNode, Label, LinkNode, PaperNode, RepositoryNode, ResultNode } from '../../graph/model.js';
import type { Counts } from '../../graph/model.js';
import type { LoadRecord } from '../../store/load-record.js';
import type { GraphNode, PaperLink, Path, RelatedPaper, SearchHit, SharedDataset } from '../../store/store.js';

/**
 * The parent objects resolvers receive: the store's own values, named per GraphQL type. The
 * codegen config maps each GraphQL type to one of these (`mappers`), so resolvers are typed
 * against what the store returns, not against the API's shape.
 */

export type PaperParent = Extract<GraphNode, { label: 'Paper' }>;
export type EntityParent = Extract<GraphNode, { label: EntityLabel }>;
export type RepositoryParent = Extract<GraphNode, { label: 'Repository' }>;
export type LinkParent = Extract<GraphNode, { label: 'Link' }>;

/**
 * A result. When it came with its paper, metric or method (a paper's results, a leaderboard,
 * sharedBenchmarks) they are answered from here, with no load at all.
 */
export type ResultParent = Extract<GraphNode, { label: 'Result' }> & { paper?: PaperNode; metric?: EntityNode | null; method?: EntityNode | null };

/** Any node: what `Node` and `Entity` resolve the type of. */
export type NodeParent = GraphNode;

/** A paper → node edge with its evidence, seen from the paper (`MethodMention`, `DatasetMention`…). */
export interface Mention {
  link: PaperLink;
  paper: PaperNode;
}

/** `Paper.published` as stored: `2024`, `2024-03` or `2024-03-14`. */
export type PublishedParent = string;

export type SearchHitParent = SearchHit;
export type PathParent = Path;
export type PathNodeParent = Path['nodes'][number];
export type PathEdgeParent = Path['edges'][number];
export type RelatedPaperParent = RelatedPaper;
export type SharedEntityParent = RelatedPaper['shared'][number];
export type SharedBenchmarkParent = SharedDataset;
export type StatsParent = Counts;
export type LoadParent = LoadRecord;

/** Wraps store nodes in the `GraphNode` shape resolvers take. */
export const paperParent = (node: PaperNode): PaperParent => ({ label: 'Paper', node });
export const entityParent = (node: EntityNode): EntityParent => ({ label: node.label, node });
export const repositoryParent = (node: RepositoryNode): RepositoryParent => ({ label: 'Repository', node });
export const linkParent = (node: LinkNode): LinkParent => ({ label: 'Link', node });
export const resultParent = (node: ResultNode, parts: Omit<ResultParent, 'label' | 'node'> = {}): ResultParent => ({ label: 'Result', node, ...parts });

/** The parent type of a node of label `L` (`Extract` cannot pick one entity label out of `GraphNode`). */
export type NodeOf<L extends Label> = L extends 'Paper'
  ? PaperParent
  : L extends EntityLabel
    ? EntityParent
    : L extends 'Repository'
      ? RepositoryParent
      : L extends 'Link'
        ? LinkParent
        : ResultParent;

/** `node` when it has label `label`, typed as such; null otherwise. */
export function asNodeOf<L extends Label>(node: GraphNode | null | undefined, label: L): NodeOf<L> | null {
  return node && node.label === label ? (node as NodeOf<L>) : null;
}
