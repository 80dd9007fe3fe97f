import type { GraphQLResolveInfo } from 'graphql';
import { normalizeName } from '../../graph/names.js';
import type { EntityNode, Label } from '../../graph/model.js';
import { displayName } from '../../store/graph-rules.js';
import type { NodeInclude } from '../../store/store.js';
import { badInput } from '../api-error.js';
import { loadNodeWith, type Context } from '../context.js';
import type { LookupKey } from '../generated/resolvers-types.js';
import type { PagingArgs } from '../connection.js';
import { checkSearchText } from '../limits.js';
import { selectedFields } from '../lookahead.js';
import { leaderboardFilterOf } from './leaderboard.js';
import { papersWindowOf } from './paper-connection.js';
import { asNodeOf, type NodeOf } from './parents.js';

// Paper fields answered from the paper's links.
const LINK_FIELDS = ['methods', 'datasets', 'tasks', 'metrics', 'concepts', 'repositories', 'links', 'results', 'cites'];

/**
 * A node of one label by id, read together with the parts of it the query goes on to ask for
 * (its links, a page of its papers, a leaderboard): one store round trip for the common request
 * shapes. Null when there is no node of that label under the id.
 */
export async function readNode<L extends Label>(ctx: Context, id: string, label: L, info: GraphQLResolveInfo): Promise<NodeOf<L> | null> {
  const fields = selectedFields(info, label);
  const include: NodeInclude = {};
  if (label === 'Paper' && LINK_FIELDS.some((f) => fields.has(f))) include.links = true;
  const papersArgs = fields.get('papers');
  if (papersArgs) {
    try {
      include.papers = papersWindowOf(id, papersArgs as PagingArgs);
    } catch {
      // Bad arguments: the field's own resolver reports them.
    }
  }
  const leaderboardArgs = fields.get('leaderboard');
  if (label === 'Dataset' && leaderboardArgs) include.leaderboard = leaderboardFilterOf(leaderboardArgs as Parameters<typeof leaderboardFilterOf>[0]);
  const found = Object.keys(include).length > 0 ? await loadNodeWith(ctx.loaders, ctx.store, id, include) : await ctx.loaders.node.load(id);
  return asNodeOf(found, label);
}

/**
 * A look-up by `LookupKey`: by id (with the look-ahead of `readNode`) or by name or alias.
 * `@oneOf` lets only one key through; a call that still has none is a BAD_USER_INPUT error.
 */
export async function findByKey<L extends Label>(ctx: Context, label: L, by: LookupKey, info: GraphQLResolveInfo): Promise<NodeOf<L> | null> {
  if (typeof by.id === 'string') return readNode(ctx, by.id, label, info);
  if (typeof by.name === 'string') return findByName(ctx, label, checkSearchText(by.name, 'by.name'));
  throw badInput('by', `Give exactly one of "by.id" or "by.name" to look up a ${label.toLowerCase()}.`);
}

/** The node of a label whose name or an alias is `name` under the one name normaliser; null when none. */
export async function findByName<L extends Label>(ctx: Context, label: L, name: string): Promise<NodeOf<L> | null> {
  const key = normalizeName(name);
  const hits = (await ctx.store.search(name, { labels: [label], window: { first: 50 } })).items;
  const nodes = await ctx.loaders.node.loadMany(hits.map((h) => h.id));
  for (const n of nodes) {
    if (!n || n instanceof Error || n.label !== label) continue;
    const names =
      n.label === 'Repository' ? [`${n.node.owner}/${n.node.name}`, n.node.name] : [displayName(n), ...((n.node as Partial<EntityNode>).aliases ?? [])];
    if (names.some((candidate) => normalizeName(candidate) === key || candidate.toLowerCase() === name.toLowerCase())) return asNodeOf(n, label);
  }
  return null;
}

/**
 * The id of the node a filter names by id or by name. Throws BAD_USER_INPUT naming the filter
 * field when there is none: a filter on something that does not exist is a mistake, not 0 papers.
 */
export async function filterNodeId(ctx: Context, label: Label, field: string, value: string): Promise<string> {
  const found = value.includes(':') ? await ctx.loaders.node.load(value) : await findByName(ctx, label, checkSearchText(value, `filter.${field}`));
  if (found && found.label === label) return found.node.id;
  throw badInput(`filter.${field}`, `"filter.${field}" names no ${label.toLowerCase()}: no id, name or alias is ${JSON.stringify(value)}.`, { value });
}
