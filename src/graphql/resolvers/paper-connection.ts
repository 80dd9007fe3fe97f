import type { PaperNode } from '../../graph/model.js';
import { PAPERS_BY_ID } from '../../store/graph-rules.js';
import { sliceOrdered, type Window } from '../../store/keyset.js';
import type { PageArgs, PapersPage } from '../../store/store.js';
import { toConnection, windowOf, type Connection, type PagingArgs } from '../connection.js';
import { papersKey, type Context } from '../context.js';
import { cursorScope } from '../cursor.js';
import { paperParent, type PaperParent } from './parents.js';

/** A connection over one window of papers, each paper's cursor its sort key in that list. */
export function paperConnection(page: PapersPage, scope: string, args: PagingArgs): Connection<PaperParent> {
  return toConnection({ ...page, items: page.papers }, scope, args, paperParent);
}

/** A keyset window whose keys are paper ids, as `papersOf` takes it. */
function idPage(window: Window): PageArgs {
  const page: PageArgs = {};
  if (window.first !== undefined) page.first = window.first;
  if (window.last !== undefined) page.last = window.last;
  if (window.after) page.after = String(window.after[0]);
  if (window.before) page.before = String(window.before[0]);
  return page;
}

/** The window a node's `papers(…)` field reads: what a look-ahead primes and the field then loads. Throws BAD_USER_INPUT. */
export function papersWindowOf(nodeId: string, args: PagingArgs): PageArgs {
  return idPage(windowOf(args, cursorScope('papersOf', nodeId), 20));
}

/** `papers(first, after, last, before)` of an entity, repository or link: its papers by id, paged. */
export async function papersConnection(ctx: Context, nodeId: string, args: PagingArgs): Promise<Connection<PaperParent>> {
  const page = await ctx.loaders.papersOf.load(papersKey(nodeId, papersWindowOf(nodeId, args)));
  return paperConnection(page, cursorScope('papersOf', nodeId), args);
}

/** A connection over papers already read in full (a method's users), paged here by id. */
export function papersInMemory(papers: readonly PaperNode[], field: string, nodeId: string, args: PagingArgs): Connection<PaperParent> {
  const scope = cursorScope(field, nodeId);
  const slice = sliceOrdered(papers, PAPERS_BY_ID, windowOf(args, scope, 20));
  return toConnection(slice, scope, args, paperParent);
}
