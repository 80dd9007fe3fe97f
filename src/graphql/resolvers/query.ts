import type { Label } from '../../graph/model.js';
import { badInput } from '../api-error.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { toConnection, windowOf } from '../connection.js';
import { checkSearchText } from '../limits.js';
import { cursorScope } from '../cursor.js';
import { filterNodeId, findByKey, readNode } from './find-node.js';
import { browseResolvers } from './browse.js';
import { paperConnection } from './paper-connection.js';

/** Most ids one `nodes(ids)` call takes: each is a store read. */
export const MAX_NODE_IDS = 100;
/** Most papers one `sharedBenchmarks` call compares. */
const MAX_SHARED_PAPERS = 20;
/** Most full-text matches a `papers(filter: {text})` filters. */
const TEXT_FILTER_MATCHES = 500;

const FILTER_LABELS = [
  ['method', 'Method'],
  ['dataset', 'Dataset'],
  ['task', 'Task'],
  ['concept', 'Concept'],
] as const satisfies ReadonlyArray<readonly [string, Label]>;

/** The root look-ups, listings, search and graph questions. */
export const queryResolvers: QueryResolvers = {
  ...browseResolvers,
  node: (_, { id }, ctx) => ctx.loaders.node.load(id),
  nodes: async (_, { ids }, ctx) => {
    if (ids.length > MAX_NODE_IDS) throw badInput('ids', `"ids" takes at most ${MAX_NODE_IDS} ids; got ${ids.length}.`, { max: MAX_NODE_IDS });
    const found = await ctx.loaders.node.loadMany(ids);
    return found.map((n) => {
      if (n instanceof Error) throw n;
      return n;
    });
  },
  paper: (_, { id }, ctx, info) => readNode(ctx, id, 'Paper', info),
  papers: async (_, args, ctx) => {
    const { filter, orderBy } = args;
    const nodeIds: string[] = [];
    for (const [field, label] of FILTER_LABELS) {
      const value = filter?.[field];
      if (value !== undefined && value !== null) nodeIds.push(await filterNodeId(ctx, label, field, value));
    }
    const scope = cursorScope('papers', filter ?? null, orderBy);
    const window = windowOf(args, scope, 20);
    const paperIds = filter?.text
      ? (await ctx.store.search(checkSearchText(filter.text, 'filter.text'), { labels: ['Paper'], window: { first: TEXT_FILTER_MATCHES } })).items.map(
          (h) => h.id,
        )
      : undefined;
    const hasCode = typeof filter?.hasCode === 'boolean' ? { hasCode: filter.hasCode } : {};
    const page = await ctx.store.listPapers({ ...(paperIds ? { paperIds } : {}), nodeIds, ...hasCode }, orderBy, window);
    for (const p of page.papers) ctx.loaders.node.prime(p.id, { label: 'Paper', node: p });
    return paperConnection(page, scope, args);
  },
  method: (_, { by }, ctx, info) => findByKey(ctx, 'Method', by, info),
  dataset: (_, { by }, ctx, info) => findByKey(ctx, 'Dataset', by, info),
  task: (_, { by }, ctx, info) => findByKey(ctx, 'Task', by, info),
  metric: (_, { by }, ctx, info) => findByKey(ctx, 'Metric', by, info),
  concept: (_, { by }, ctx, info) => findByKey(ctx, 'Concept', by, info),
  repository: (_, { by }, ctx, info) => findByKey(ctx, 'Repository', by, info),
  search: async (_, args, ctx) => {
    const text = checkSearchText(args.query, 'query');
    if (!text) throw badInput('query', '"query" must not be empty.');
    const labels = [...new Set(args.kinds ?? [])].sort();
    const scope = cursorScope('search', text, labels);
    return toConnection(await ctx.store.search(text, { labels, window: windowOf(args, scope, 10) }), scope, args, (hit) => hit);
  },
  sharedBenchmarks: (_, { paperIds }, ctx) => {
    if (paperIds.length < 1 || paperIds.length > MAX_SHARED_PAPERS)
      throw badInput('paperIds', `"paperIds" takes 1 to ${MAX_SHARED_PAPERS} paper ids; got ${paperIds.length}.`);
    return ctx.store.sharedDatasets(paperIds);
  },
  connection: (_, { from, to, maxHops }, ctx) => {
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6) throw badInput('maxHops', `"maxHops" must be from 1 to 6; got ${maxHops}.`);
    return ctx.store.shortestPath(from, to, maxHops);
  },
  stats: (_, __, ctx) => ctx.store.counts(),
};
