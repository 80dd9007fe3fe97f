import { RESULT_SETTINGS, type PaperNode, type ResultSetting } from '../graph/model.js';
import type { Ordering, Slice, Window } from './keyset.js';
import { SCORE_UNIT } from './rank-related.js';
import type {
  CountedNode,
  EntityFilter,
  EntityOrder,
  GraphNode,
  LeaderboardEntry,
  LeaderboardGroup,
  PageArgs,
  PaperOrder,
  PapersPage,
  RelatedPaper,
  SearchHit,
} from './store.js';

/**
 * Rules both stores apply the same way, so that they give identical answers: names of nodes,
 * the BROADER relation between concepts, leaderboard order, id order.
 */

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The name a node is shown by: a paper's title, an entity's name, a repository's owner/name. */
export function displayName(a: GraphNode): string {
  switch (a.label) {
    case 'Paper':
      return a.node.title;
    case 'Repository':
      return `${a.node.owner}/${a.node.name}`;
    case 'Link':
      return a.node.url;
    case 'Result':
      return a.node.raw;
    default:
      return a.node.name;
  }
}

/** The longest proper word-suffix of a concept name that is itself a concept. */
export function broaderName(name: string, concepts: ReadonlyMap<string, string>): string | undefined {
  const words = name.split(' ');
  for (let k = 1; k < words.length; k++) {
    const suffix = words.slice(k).join(' ');
    if (concepts.has(suffix)) return suffix;
  }
  return undefined;
}

/** One node per id, in id order: the `referenced` nodes of a NodeWith. */
export function distinctNodes(nodes: readonly GraphNode[]): GraphNode[] {
  return [...new Map(nodes.map((n) => [n.node.id, n])).values()].sort((a, b) => compare(a.node.id, b.node.id));
}

/**
 * A dataset's leaderboard from its results: scores only (a delta is no position on a board),
 * grouped by (metric, setting) so that zero-shot and fine-tuned numbers, or accuracy and top-1
 * accuracy, are never ranked against each other. In a group, one row per (paper, method) — its
 * best value — best first by the metric's direction (highest first when the direction is
 * unknown), ties by paper id, method id, result id. Groups with most rows first, then by metric
 * id (none last) and setting (none first).
 */
export function groupLeaderboard(entries: readonly LeaderboardEntry[]): LeaderboardGroup[] {
  const groups = new Map<string, LeaderboardGroup>();
  const best = new Map<string, { group: LeaderboardGroup; entry: LeaderboardEntry }>();
  for (const entry of entries) {
    if (entry.result.kind !== 'score') continue;
    const groupKey = `${entry.result.metricId ?? ''}|${entry.result.setting ?? ''}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = { metric: entry.metric, setting: entry.result.setting, higherIsBetter: entry.metric?.higherIsBetter ?? null, rows: [] };
      groups.set(groupKey, group);
    }
    const rowKey = `${groupKey}|${entry.paper.id}|${entry.result.methodId ?? ''}`;
    const held = best.get(rowKey);
    if (!held || compareRows(group.higherIsBetter)(entry, held.entry) < 0) best.set(rowKey, { group, entry });
  }
  for (const { group, entry } of best.values()) group.rows.push(entry);
  const settingOrder = (s: ResultSetting | null): number => (s === null ? -1 : RESULT_SETTINGS.indexOf(s));
  return [...groups.values()]
    .map((g) => ({ ...g, rows: g.rows.sort(compareRows(g.higherIsBetter)) }))
    .sort(
      (a, b) =>
        b.rows.length - a.rows.length || compareNullLast(a.metric?.id ?? null, b.metric?.id ?? null) || settingOrder(a.setting) - settingOrder(b.setting),
    );
}

/** Each group's rows cut to its best `rowsPerGroup` (all when not given), the groups' order kept. */
export function cutLeaderboard(groups: readonly LeaderboardGroup[], rowsPerGroup: number | undefined): LeaderboardGroup[] {
  return rowsPerGroup === undefined ? [...groups] : groups.map((g) => ({ ...g, rows: g.rows.slice(0, rowsPerGroup) }));
}

function compareRows(higherIsBetter: boolean | null): (a: LeaderboardEntry, b: LeaderboardEntry) => number {
  return (a, b) =>
    (higherIsBetter === false ? a.result.value - b.result.value : b.result.value - a.result.value) ||
    compare(a.paper.id, b.paper.id) ||
    compare(a.result.methodId ?? '', b.result.methodId ?? '') ||
    compare(a.result.id, b.result.id);
}

function compareNullLast(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? 1 : b === null ? -1 : compare(a, b);
}

/**
 * Paper order of listings: by id, by title, or newest first (undated last). Each order has one
 * key per paper (`paperOrderKey`), so a store can keep it in an index and read a page from it.
 */
export function paperOrdering(order: PaperOrder): Ordering<PaperNode> {
  return order === 'id' ? PAPERS_BY_ID : { keyOf: (p) => [paperOrderKey(order, p)], descending: [order === 'published'] };
}

/**
 * A paper's key in an order: the id, or the title or date joined to the id by a NUL. NUL sorts
 * below every character a title or date holds (control characters are stripped from records), so
 * the joined strings sort as the (value, id) pairs do: ties by id, in the order's direction.
 */
export function paperOrderKey(order: PaperOrder, p: Pick<PaperNode, 'id' | 'title' | 'published'>): string {
  if (order === 'id') return p.id;
  return `${order === 'title' ? p.title : (p.published ?? '')}\u0000${p.id}`;
}

/** A node's papers, as `papersOf` pages them. */
export const PAPERS_BY_ID: Ordering<PaperNode> = { keyOf: (p) => [p.id], descending: [false] };

/** A `papersOf` window (cursors are paper ids) as a keyset window of PAPERS_BY_ID. */
export function idWindow(page: PageArgs): Window {
  const window: Window = {};
  if (page.first !== undefined) window.first = page.first;
  if (page.last !== undefined) window.last = page.last;
  if (page.after !== undefined) window.after = [page.after];
  if (page.before !== undefined) window.before = [page.before];
  return window;
}

export function toPapersPage(slice: Slice<PaperNode>): PapersPage {
  return { papers: slice.items, keys: slice.keys, totalCount: slice.totalCount, hasNextPage: slice.hasNextPage, hasPreviousPage: slice.hasPreviousPage };
}

/**
 * Browse order of entities: paper count (ties by id, ascending), or lower-cased display name
 * (`entityNameKey`: ties by id in the order's direction).
 */
export function entityOrdering(order: EntityOrder): Ordering<CountedNode> {
  return order.field === 'name'
    ? { keyOf: (e) => [entityNameKey(e.node)], descending: [order.descending] }
    : { keyOf: (e) => [e.paperCount, e.node.node.id], descending: [order.descending, false] };
}

/** A node's key in name order: its lower-cased display name joined to its id by a NUL (see paperOrderKey). */
export function entityNameKey(node: GraphNode): string {
  return `${displayName(node).toLowerCase()}\u0000${node.node.id}`;
}

/** Whether an entity passes a browse filter: every word of `text` in its names, enough papers. */
export function matchesEntityFilter(e: CountedNode, filter: EntityFilter): boolean {
  if (filter.minPapers !== undefined && e.paperCount < filter.minPapers) return false;
  if (filter.text === undefined) return true;
  const names = [displayName(e.node), ...('aliases' in e.node.node ? e.node.node.aliases : [])].join('\n').toLowerCase();
  return filter.text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .every((w) => names.includes(w));
}

/** Search hits best first, ties by id. */
export const HITS_BY_SCORE: Ordering<SearchHit> = { keyOf: (h) => [h.score, h.id], descending: [true, false] };

/** Related papers best first, ties by id. */
export const RELATED_BY_SCORE: Ordering<RelatedPaper> = { keyOf: (r) => [r.score, r.paper.id], descending: [true, false] };

/** The text besides its name that a node is searched by: a paper's abstract, an entity's aliases. */
export function searchTextOf(a: GraphNode): string {
  switch (a.label) {
    case 'Paper':
      return a.node.abstract;
    case 'Repository':
    case 'Link':
    case 'Result':
      return '';
    default:
      return a.node.aliases.join(' ');
  }
}

/**
 * Related papers scored in units (rank-related.ts relatednessUnits) as scores, with shared nodes in
 * label and id order (RELATED_BY_SCORE orders them).
 */
export function finishRelated(related: Iterable<RelatedPaper>): RelatedPaper[] {
  return [...related].map((r) => ({ ...r, score: r.score / SCORE_UNIT, shared: r.shared.sort((a, b) => compare(a.label, b.label) || compare(a.id, b.id)) }));
}
