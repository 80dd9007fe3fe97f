/**
 * Keyset paging, as both stores apply it: a list in a fixed order, and a window on it given by the
 * sort keys of the items around it (Relay's `first/after` and `last/before`). A key names a
 * position, not an offset: a paper written between two page reads neither repeats nor skips an
 * item of the next page.
 */

/** An item's position in its order: its sort values, the last of them always its id (ties). */
export type SortKey = readonly (string | number)[];

/** Which part of an ordered list to read. `after`/`before` are keys of items (present or not). */
export interface Window<K = SortKey> {
  first?: number;
  after?: K;
  last?: number;
  before?: K;
}

/** One window of an ordered list, with what Relay's PageInfo says about the rest. */
export interface Slice<T> {
  items: T[];
  /** The sort key of each item, in the same order: the cursors a client pages on with. */
  keys: SortKey[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** An order: each item's key and, per key position, whether it runs high to low. */
export interface Ordering<T> {
  keyOf(item: T): SortKey;
  descending: readonly boolean[];
}

export function compareKeys(a: SortKey, b: SortKey, descending: readonly boolean[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    // Numbers before strings: a key of the wrong shape still has one place in the order.
    const order = typeof x === typeof y ? (x < y ? -1 : 1) : typeof x === 'number' ? -1 : 1;
    return descending[i] ? -order : order;
  }
  return 0;
}

/**
 * The window's place in a list of `total` items: `lo` items come at or before `after`, `hi` items
 * before `before`; `first` then keeps the window's first items, `last` its last ones (Relay's
 * algorithm, both applied when both are given).
 */
export function windowBounds(
  total: number,
  lo: number,
  hi: number,
  window: Pick<Window, 'first' | 'last'>,
): { start: number; end: number; lo: number; hi: number; total: number } {
  const top = Math.max(lo, hi);
  const end = window.first === undefined ? top : Math.min(top, lo + window.first);
  const start = window.last === undefined ? lo : Math.max(lo, end - window.last);
  return { start, end, lo, hi: top, total };
}

/**
 * Relay's PageInfo flags for a window: with `first`, whether items follow inside `before`; with
 * `last`, whether items precede inside `after`; otherwise whether anything lies past the cursor.
 */
export function pageFlags(
  bounds: { start: number; end: number; lo: number; hi: number; total: number },
  window: Window<unknown>,
): { hasNextPage: boolean; hasPreviousPage: boolean } {
  const hasNextPage =
    window.first !== undefined
      ? bounds.end < bounds.hi || (window.before !== undefined && bounds.hi < bounds.total)
      : window.before !== undefined && bounds.hi < bounds.total;
  const hasPreviousPage =
    window.last !== undefined ? bounds.start > bounds.lo || (window.after !== undefined && bounds.lo > 0) : window.after !== undefined && bounds.lo > 0;
  return { hasNextPage, hasPreviousPage };
}

/** The window of a list already in its order (a store that sorts in memory). */
export function sliceSorted<T>(sorted: readonly T[], ordering: Ordering<T>, window: Window): Slice<T> {
  return sliceKeyed(
    sorted.map((item) => ({ item, key: ordering.keyOf(item) })),
    ordering.descending,
    window,
  );
}

/** Sorts then windows: the one path for lists a store builds in memory. */
export function sliceOrdered<T>(items: readonly T[], ordering: Ordering<T>, window: Window): Slice<T> {
  const keyed = items.map((item) => ({ item, key: ordering.keyOf(item) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key, ordering.descending));
  return sliceKeyed(keyed, ordering.descending, window);
}

function sliceKeyed<T>(keyed: ReadonlyArray<{ item: T; key: SortKey }>, descending: readonly boolean[], window: Window): Slice<T> {
  const { after, before } = window;
  const lo = after === undefined ? 0 : countWhile(keyed, (k) => compareKeys(k.key, after, descending) <= 0);
  const hi = before === undefined ? keyed.length : countWhile(keyed, (k) => compareKeys(k.key, before, descending) < 0);
  const bounds = windowBounds(keyed.length, lo, hi, window);
  const page = keyed.slice(bounds.start, bounds.end);
  return { items: page.map((k) => k.item), keys: page.map((k) => k.key), totalCount: keyed.length, ...pageFlags(bounds, window) };
}

/** Items at the head of a sorted list that pass `test` (binary search: the test is monotone). */
function countWhile<T>(sorted: readonly T[], test: (item: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(sorted[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How a store that keeps the list's order in an index reads one window: which way to scan the
 * range strictly between `after` and `before`, and how many rows (one more than it keeps, which
 * says whether more follow). Forward with `first`, backward from `before` with `last` alone.
 */
export interface IndexRead {
  backward: boolean;
  limit: number | null;
}

export function indexRead(window: Window<unknown>): IndexRead {
  if (window.first !== undefined) return { backward: false, limit: window.first + 1 };
  if (window.last !== undefined) return { backward: true, limit: window.last + 1 };
  return { backward: false, limit: null };
}

/**
 * The window from rows read as `indexRead` said (in scan order), with the same flags as
 * `windowBounds` and `pageFlags` give for the whole list: `atOrBeforeAfter` says whether any item
 * lies at or before `after`, `atOrPastBefore` whether any item past `after` lies at or past
 * `before` (each asked only when that cursor is given), and `totalCount` counts the whole list.
 */
export function sliceFromIndex<T>(
  rows: ReadonlyArray<{ item: T; key: SortKey }>,
  window: Window<unknown>,
  outside: { atOrBeforeAfter: boolean; atOrPastBefore: boolean },
  totalCount: number,
): Slice<T> {
  const beforeAfter = window.after !== undefined && outside.atOrBeforeAfter;
  const pastBefore = window.before !== undefined && outside.atOrPastBefore;
  let kept: ReadonlyArray<{ item: T; key: SortKey }>;
  let hasNextPage: boolean;
  let hasPreviousPage: boolean;
  if (window.first !== undefined) {
    const inside = rows.slice(0, window.first);
    hasNextPage = rows.length > window.first || pastBefore;
    if (window.last !== undefined) {
      hasPreviousPage = inside.length > window.last || beforeAfter;
      kept = window.last === 0 ? [] : inside.slice(-window.last);
    } else {
      hasPreviousPage = beforeAfter;
      kept = inside;
    }
  } else if (window.last !== undefined) {
    hasPreviousPage = rows.length > window.last || beforeAfter;
    hasNextPage = pastBefore;
    kept = rows.slice(0, window.last).reverse();
  } else {
    hasPreviousPage = beforeAfter;
    hasNextPage = pastBefore;
    kept = rows;
  }
  return { items: kept.map((r) => r.item), keys: kept.map((r) => r.key), totalCount, hasNextPage, hasPreviousPage };
}
