import type { EntityLabel } from '../../graph/model.js';
import { displayName } from '../../store/graph-rules.js';
import type { GraphNode } from '../../store/store.js';
import { leaderboardKey, papersKey, type Context } from '../context.js';
import type {
  ConceptResolvers,
  DatasetResolvers,
  EntityResolvers,
  LinkKind,
  LinkResolvers,
  MethodResolvers,
  MetricResolvers,
  NodeResolvers,
  RepositoryResolvers,
  TaskResolvers,
} from '../generated/resolvers-types.js';
import { checkFirst } from '../limits.js';
import { leaderboardFilterOf, toLeaderboardGroup } from './leaderboard.js';
import { entitiesIn, firstOf, papersIn, resultsIn } from './node-lists.js';
import { papersConnection, papersInMemory } from './paper-connection.js';
import type { EntityParent } from './parents.js';

/** Papers an entity's neighbourhood questions (a method's tasks, a concept's related concepts) read. */
const NEIGHBOURHOOD_PAPERS = 100;

/** Entities linked to the first papers of a node, by label, in id order: a method's tasks, a dataset's metrics. */
async function entitiesOfPapers(ctx: Context, nodeId: string, label: EntityLabel): Promise<EntityParent[]> {
  const page = await ctx.loaders.papersOf.load(papersKey(nodeId, { first: NEIGHBOURHOOD_PAPERS }));
  const links = await ctx.loaders.paperLinks.loadMany(page.papers.map((p) => p.id));
  const found = new Map<string, GraphNode>();
  for (const list of links) {
    if (list instanceof Error) throw list;
    for (const link of list) if (link.target.label === label) found.set(link.target.node.id, link.target);
  }
  return entitiesIn([...found.values()], label).sort((a, b) => (a.node.id < b.node.id ? -1 : 1));
}

/** Nodes at the other end of one relationship type, typed as entities of one label. */
const linkedEntities = async (ctx: Context, id: string, type: 'BROADER', direction: 'in' | 'out', label: EntityLabel) =>
  entitiesIn(await ctx.loaders.linked(type, direction).load(id), label);

/** The fields every entity answers alike. */
const entityFields = {
  id: (p: EntityParent) => p.node.id,
  name: (p: EntityParent) => displayName(p),
  aliases: (p: EntityParent) => p.node.aliases,
  papers: (p: EntityParent, args: { first?: number | null; after?: string | null }, ctx: Context) => papersConnection(ctx, p.node.id, args),
  paperCount: (p: EntityParent, _: unknown, ctx: Context) => ctx.loaders.paperCount.load(p.node.id),
};

/** A dataset's, method's or metric's family and versions: the BROADER edges the lists declare. */
function variantFields(label: EntityLabel) {
  return {
    variantOf: async (p: EntityParent, _: unknown, ctx: Context) => (await linkedEntities(ctx, p.node.id, 'BROADER', 'out', label))[0] ?? null,
    variants: async (p: EntityParent, { first }: { first?: number | null }, ctx: Context) =>
      firstOf(await linkedEntities(ctx, p.node.id, 'BROADER', 'in', label), first),
  };
}

export const methodResolvers: MethodResolvers = {
  ...entityFields,
  ...variantFields('Method'),
  proposedBy: async (p, { first }, ctx) => firstOf(papersIn(await ctx.loaders.linked('PROPOSES', 'in').load(p.node.id)), first),
  // USES alone, not PROPOSES: read in full (a method's users are few) and paged here by id.
  usedBy: async (p, args, ctx) =>
    papersInMemory(
      papersIn(await ctx.loaders.linked('USES', 'in').load(p.node.id)).map((n) => n.node),
      'usedBy',
      p.node.id,
      args,
    ),
  tasks: async (p, { first }, ctx) => firstOf(await entitiesOfPapers(ctx, p.node.id, 'Task'), first),
  datasets: async (p, { first }, ctx) => firstOf(await entitiesOfPapers(ctx, p.node.id, 'Dataset'), first),
};

export const datasetResolvers: DatasetResolvers = {
  ...entityFields,
  ...variantFields('Dataset'),
  results: async (p, { first }, ctx) => firstOf(resultsIn(await ctx.loaders.linked('ON', 'in').load(p.node.id)), first),
  leaderboard: async (p, args, ctx) => {
    const first = checkFirst(args.first, 20);
    const groups = await ctx.loaders.leaderboard.load(leaderboardKey(p.node.id, leaderboardFilterOf(args)));
    return groups.map((g) => toLeaderboardGroup(g, first));
  },
  tasks: async (p, { first }, ctx) => firstOf(await entitiesOfPapers(ctx, p.node.id, 'Task'), first),
  metrics: async (p, { first }, ctx) => {
    const size = checkFirst(first, 20);
    const results = resultsIn(await ctx.loaders.linked('ON', 'in').load(p.node.id));
    const ids = [...new Set(results.map((r) => r.node.metricId).filter((id): id is string => id !== null))].sort().slice(0, size);
    return entitiesIn(
      (await ctx.loaders.node.loadMany(ids)).filter((n): n is GraphNode => n !== null && !(n instanceof Error)),
      'Metric',
    );
  },
};

export const taskResolvers: TaskResolvers = {
  ...entityFields,
  broader: (p, _, ctx) => linkedEntities(ctx, p.node.id, 'BROADER', 'out', 'Task'),
  narrower: async (p, { first }, ctx) => firstOf(await linkedEntities(ctx, p.node.id, 'BROADER', 'in', 'Task'), first),
};

export const metricResolvers: MetricResolvers = {
  ...entityFields,
  ...variantFields('Metric'),
  higherIsBetter: (p) => p.node.higherIsBetter ?? null,
};

export const conceptResolvers: ConceptResolvers = {
  ...entityFields,
  broader: async (p, _, ctx) => (await linkedEntities(ctx, p.node.id, 'BROADER', 'out', 'Concept'))[0] ?? null,
  narrower: async (p, { first }, ctx) => firstOf(await linkedEntities(ctx, p.node.id, 'BROADER', 'in', 'Concept'), first),
  related: async (p, { first }, ctx) => {
    const size = checkFirst(first, 10);
    const page = await ctx.loaders.papersOf.load(papersKey(p.node.id, { first: NEIGHBOURHOOD_PAPERS }));
    const links = await ctx.loaders.paperLinks.loadMany(page.papers.map((x) => x.id));
    const weights = new Map<string, { concept: EntityParent; weight: number }>();
    for (const list of links) {
      if (list instanceof Error) throw list;
      for (const link of list) {
        const [concept] = entitiesIn([link.target], 'Concept');
        if (link.type !== 'MENTIONS' || !concept || concept.node.id === p.node.id) continue;
        const entry = weights.get(concept.node.id) ?? { concept, weight: 0 };
        entry.weight++;
        weights.set(concept.node.id, entry);
      }
    }
    return [...weights.values()].sort((a, b) => b.weight - a.weight || (a.concept.node.id < b.concept.node.id ? -1 : 1)).slice(0, size);
  },
};

export const repositoryResolvers: RepositoryResolvers = {
  id: (p) => p.node.id,
  name: (p) => displayName(p),
  aliases: () => [],
  owner: (p) => p.node.owner,
  repo: (p) => p.node.name,
  url: (p) => p.node.url,
  papers: (p, args, ctx) => papersConnection(ctx, p.node.id, args),
  paperCount: (p, _, ctx) => ctx.loaders.paperCount.load(p.node.id),
};

const LINK_KINDS: ReadonlySet<string> = new Set<LinkKind>(['project-page', 'code', 'model', 'dataset', 'paper', 'website']);

export const linkResolvers: LinkResolvers = {
  id: (p) => p.node.id,
  url: (p) => p.node.url,
  // The store keeps the kind as text; one it does not know (an older extractor's) is a website.
  kind: (p) => (LINK_KINDS.has(p.node.kind) ? (p.node.kind as LinkKind) : 'website'),
};

export const nodeResolvers: NodeResolvers = { __resolveType: (p) => p.label };
export const entityResolvers: EntityResolvers = {
  __resolveType: (p) => (p.label === 'Paper' || p.label === 'Link' || p.label === 'Result' ? null : p.label),
};
