import { describe, expect, it } from 'vitest';
import { compareKeys, indexRead, sliceFromIndex, sliceOrdered, type Ordering, type Window } from '../../src/store/keyset.js';
import { mulberry32 } from '../../bench/generate-corpus.js';

/** Relay's paging algorithm on small hand-made lists. */

interface Item {
  id: string;
  n: number;
}
const byN: Ordering<Item> = { keyOf: (x) => [x.n, x.id], descending: [true, false] };
const items: Item[] = [
  { id: 'a', n: 1 },
  { id: 'b', n: 3 },
  { id: 'c', n: 3 },
  { id: 'd', n: 2 },
  { id: 'e', n: 5 },
];
const ids = (w: Parameters<typeof sliceOrdered<Item>>[2]) => sliceOrdered(items, byN, w);

describe('keyset windows', () => {
  it('orders by the key, high to low where asked, ties by id', () => {
    expect(ids({}).items.map((x) => x.id)).toEqual(['e', 'b', 'c', 'd', 'a']);
    expect(compareKeys([3, 'b'], [3, 'c'], byN.descending)).toBeLessThan(0);
    expect(compareKeys([5, 'e'], [3, 'a'], byN.descending)).toBeLessThan(0);
  });

  it('first/after: the items after the cursor, and whether more follow', () => {
    const page = ids({ first: 2 });
    expect(page.items.map((x) => x.id)).toEqual(['e', 'b']);
    expect(page).toMatchObject({ hasNextPage: true, hasPreviousPage: false, totalCount: 5 });
    const next = ids({ first: 2, after: page.keys[1]! });
    expect(next.items.map((x) => x.id)).toEqual(['c', 'd']);
    expect(next).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(ids({ first: 2, after: next.keys[1]! })).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('a cursor whose item is gone still names a position: nothing repeats or is skipped', () => {
    // [4, 'x'] sits between e (5) and b (3) though no item has that key.
    expect(ids({ first: 2, after: [4, 'x'] }).items.map((x) => x.id)).toEqual(['b', 'c']);
  });

  it('last/before: the items just before the cursor, and whether more precede', () => {
    const page = ids({ last: 2 });
    expect(page.items.map((x) => x.id)).toEqual(['d', 'a']);
    expect(page).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const previous = ids({ last: 2, before: page.keys[0]! });
    expect(previous.items.map((x) => x.id)).toEqual(['b', 'c']);
    expect(previous).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(ids({ last: 10, before: previous.keys[0]! })).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('first: 0 reads nothing and says whether items exist; after and before together bound the window', () => {
    expect(ids({ first: 0 })).toMatchObject({ items: [], hasNextPage: true });
    expect(sliceOrdered([], byN, { first: 0 })).toMatchObject({ items: [], hasNextPage: false, totalCount: 0 });
    const between = ids({ after: [5, 'e'], before: [2, 'd'] });
    expect(between.items.map((x) => x.id)).toEqual(['b', 'c']);
    expect(ids({ after: [2, 'd'], before: [5, 'e'] }).items).toEqual([]);
  });
});

describe('sliceFromIndex: a window read from an index gives what sorting the whole list gives', () => {
  it('agrees with sliceOrdered on every window of random lists', () => {
    const random = mulberry32(11);
    const ordering: Ordering<number> = { keyOf: (n) => [n], descending: [false] };
    for (let run = 0; run < 2000; run++) {
      const items = [...new Set(Array.from({ length: Math.floor(random() * 12) }, () => Math.floor(random() * 40)))];
      const cursor = () => (random() < 0.5 ? undefined : [Math.floor(random() * 42) - 1]);
      const count = () => (random() < 0.5 ? undefined : Math.floor(random() * 6));
      const window: Window = {};
      const [first, last, after, before] = [count(), count(), cursor(), cursor()];
      if (first !== undefined) window.first = first;
      if (last !== undefined) window.last = last;
      if (after) window.after = after;
      if (before) window.before = before;

      const sorted = [...items].sort((a, b) => a - b);
      const inRange = sorted.filter((n) => (!after || n > after[0]!) && (!before || n < before[0]!));
      const read = indexRead(window);
      const scanned = read.backward ? [...inRange].reverse() : inRange;
      const rows = (read.limit === null ? scanned : scanned.slice(0, read.limit)).map((n) => ({ item: n, key: [n] }));
      const outside = {
        atOrBeforeAfter: !!after && sorted.some((n) => n <= after[0]!),
        atOrPastBefore: !!before && sorted.some((n) => n >= before[0]! && (!after || n > after[0]!)),
      };
      expect(sliceFromIndex(rows, window, outside, sorted.length), JSON.stringify({ items, window })).toEqual(sliceOrdered(items, ordering, window));
    }
  });
});
