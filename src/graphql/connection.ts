import type { Slice, SortKey, Window } from '../store/keyset.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { checkFirst } from './limits.js';

/** A connection's paging arguments as clients send them. */
export interface PagingArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A Relay connection as the schema's `…Connection` types resolve it. */
export interface Connection<N> {
  edges: Array<{ node: N; cursor: string }>;
  nodes: N[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/**
 * The store window for a connection's arguments: `first` and `last` checked against the page cap,
 * cursors decoded within the list's scope; `first` defaults when neither is given.
 */
export function windowOf(args: PagingArgs, scope: string, defaultFirst: number): Window {
  const window: Window = {};
  const last = args.last ?? undefined;
  if (args.first !== undefined && args.first !== null) window.first = checkFirst(args.first, defaultFirst, 'first');
  if (last !== undefined) window.last = checkFirst(last, defaultFirst, 'last');
  if (window.first === undefined && window.last === undefined) window.first = defaultFirst;
  const after = decodeCursor(args.after, scope, 'after');
  const before = decodeCursor(args.before, scope, 'before');
  if (after) window.after = after;
  if (before) window.before = before;
  return window;
}

/**
 * A connection over one store window. An empty page keeps the cursor it was asked from, so that
 * `first: 0` (a count) still gives the client a place to page on from.
 */
export function toConnection<T, N>(
  slice: Pick<Slice<T>, 'keys' | 'totalCount' | 'hasNextPage' | 'hasPreviousPage'> & { items: readonly T[] },
  scope: string,
  args: PagingArgs,
  toNode: (item: T) => N,
): Connection<N> {
  const edges = slice.items.map((item, i) => ({ node: toNode(item), cursor: encodeCursor(scope, slice.keys[i] as SortKey) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    totalCount: slice.totalCount,
    pageInfo: {
      hasNextPage: slice.hasNextPage,
      hasPreviousPage: slice.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? args.after ?? args.before ?? null,
      endCursor: edges.at(-1)?.cursor ?? args.after ?? args.before ?? null,
    },
  };
}
