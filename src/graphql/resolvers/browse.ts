import type { BrowseLabel, CountedNode, EntityFilter, EntityOrder } from '../../store/store.js';
import { badInput } from '../api-error.js';
import { toConnection, windowOf, type Connection, type PagingArgs } from '../connection.js';
import type { Context } from '../context.js';
import { checkSearchText } from '../limits.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import type { NodeOf } from './parents.js';
import { cursorScope } from '../cursor.js';

/** The browse lists: every entity kind (and repositories) paged by keyset, sorted and filtered. */

interface BrowseArgs extends PagingArgs {
  filter?: { text?: string | null; minPapers?: number | null } | null;
  orderBy?: { field: 'PAPER_COUNT' | 'NAME'; direction?: 'ASC' | 'DESC' | null } | null;
}

function filterOf(args: BrowseArgs): EntityFilter {
  const filter: EntityFilter = {};
  const text = args.filter?.text ? checkSearchText(args.filter.text, 'filter.text') : undefined;
  if (text) filter.text = text;
  const minPapers = args.filter?.minPapers;
  if (minPapers !== undefined && minPapers !== null) {
    if (!Number.isInteger(minPapers) || minPapers < 0) throw badInput('filter', `"filter.minPapers" must be a whole number from 0; got ${minPapers}.`);
    filter.minPapers = minPapers;
  }
  return filter;
}

function orderOf(args: BrowseArgs): EntityOrder {
  const field = args.orderBy?.field === 'NAME' ? 'name' : 'paperCount';
  const direction = args.orderBy?.direction ?? (field === 'name' ? 'ASC' : 'DESC');
  return { field, descending: direction === 'DESC' };
}

function browse<L extends BrowseLabel>(label: L) {
  return async (_: unknown, args: BrowseArgs, ctx: Context): Promise<Connection<NodeOf<L>>> => {
    const filter = filterOf(args);
    const order = orderOf(args);
    const scope = cursorScope(label, filter, order);
    const slice = await ctx.store.listEntities(label, filter, order, windowOf(args, scope, 20));
    // The page's nodes and counts are what its fields will ask for next.
    return toConnection(slice, scope, args, (e: CountedNode) => {
      ctx.loaders.node.prime(e.node.node.id, e.node);
      ctx.loaders.paperCount.prime(e.node.node.id, e.paperCount);
      // The store lists nodes of this label only.
      return e.node as NodeOf<L>;
    });
  };
}

export const browseResolvers: Pick<QueryResolvers, 'methods' | 'datasets' | 'tasks' | 'metrics' | 'concepts' | 'repositories'> = {
  methods: browse('Method'),
  datasets: browse('Dataset'),
  tasks: browse('Task'),
  metrics: browse('Metric'),
  concepts: browse('Concept'),
  repositories: browse('Repository'),
};
