import type { PaperNode } from '../../store/graph-model.js';
import type { PageArgs, PapersPage } from '../../store/store.js';
import { papersKey, type Context } from '../context.js';
import type { PaperConnection, ResolversTypes } from '../generated/resolvers-types.js';
import { checkFirst } from '../limits.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { paperParent } from './parents.js';

type PaperConnectionModel = ResolversTypes['PaperConnection'] & Pick<PaperConnection, 'totalCount'>;

/** A Relay connection over a page of papers; `cursorOf` gives each paper's position (its id, or an offset). */
export function toConnection(page: PapersPage, cursorOf: (paper: PaperNode, index: number) => string, hasNextPage: boolean): PaperConnectionModel {
  const edges = page.papers.map((paper, i) => ({ node: paperParent(paper), cursor: encodeCursor(cursorOf(paper, i)) }));
  return { edges, nodes: edges.map((e) => e.node), totalCount: page.totalCount, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** The page a `papers(first, after)` field reads: one paper more than asked, to tell if there is a next page. Throws BAD_USER_INPUT. */
export function papersPageOf(args: { first?: number | null; after?: string | null }): PageArgs {
  const first = checkFirst(args.first, 20);
  const after = decodeCursor(args.after, 'this list of papers');
  return { first: first + 1, ...(after !== undefined ? { after } : {}) };
}

/** `papers(first, after)` of an entity, repository or link: a page of the papers linked to it, by id. */
export async function papersConnection(ctx: Context, nodeId: string, args: { first?: number | null; after?: string | null }): Promise<PaperConnectionModel> {
  const pageArgs = papersPageOf(args);
  const first = pageArgs.first - 1;
  const page = await ctx.loaders.papersOf.load(papersKey(nodeId, pageArgs));
  return toConnection({ papers: page.papers.slice(0, first), totalCount: page.totalCount }, (p) => p.id, page.papers.length > first);
}
