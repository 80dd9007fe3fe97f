import { describe, expect, it } from 'vitest';
import { SearchTooLargeError } from '../../../src/errors.js';
import { PATH_SEARCH_BUDGET, smallestShortestPath } from '../../../src/store/embedded/shortest-path.js';

/** Edges both ways, as the stores follow them. */
function graphOf(edges: Array<[string, string]>): (id: string) => string[] {
  const adjacent = new Map<string, Set<string>>();
  for (const [a, b] of edges) {
    if (!adjacent.has(a)) adjacent.set(a, new Set());
    if (!adjacent.has(b)) adjacent.set(b, new Set());
    adjacent.get(a)!.add(b);
    adjacent.get(b)!.add(a);
  }
  return (id) => [...(adjacent.get(id) ?? [])];
}

/** The plain rule: distances from the end, then the smallest neighbour one step closer each time. */
function reference(neighbors: (id: string) => string[], from: string, to: string, maxHops: number): string[] | null {
  const distance = new Map([[to, 0]]);
  for (let frontier = [to], d = 1; frontier.length > 0 && d <= maxHops; d++) {
    const next: string[] = [];
    for (const id of frontier) for (const n of neighbors(id)) if (!distance.has(n)) distance.set(n, d), next.push(n);
    frontier = next;
  }
  if (!distance.has(from)) return null;
  const path = [from];
  while (path.at(-1) !== to)
    path.push(
      neighbors(path.at(-1)!)
        .filter((n) => distance.get(n) === distance.get(path.at(-1)!)! - 1)
        .sort()[0]!,
    );
  return path;
}

/** A small deterministic pseudo-random generator (the test must not flake). */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('smallestShortestPath', () => {
  it('finds the path whose id sequence is smallest among the shortest ones', () => {
    const g = graphOf([
      ['a', 'c'],
      ['c', 'z'],
      ['a', 'b'],
      ['b', 'z'],
      ['a', 'd'],
      ['d', 'e'],
      ['e', 'z'],
    ]);
    expect(smallestShortestPath(g, 'a', 'z', 4)).toEqual(['a', 'b', 'z']);
    expect(smallestShortestPath(g, 'a', 'a', 4)).toEqual(['a']);
    expect(smallestShortestPath(g, 'a', 'z', 1)).toBeNull();
    expect(smallestShortestPath(g, 'a', 'nowhere', 4)).toBeNull();
  });

  it('agrees with the one-sided search on 400 random graphs', () => {
    const next = random(42);
    for (let round = 0; round < 400; round++) {
      const nodes = 5 + Math.floor(next() * 40);
      const edges: Array<[string, string]> = [];
      const count = Math.floor(next() * nodes * 2);
      for (let i = 0; i < count; i++) edges.push([`n${Math.floor(next() * nodes)}`, `n${Math.floor(next() * nodes)}`]);
      const g = graphOf(edges.filter(([a, b]) => a !== b));
      const from = `n${Math.floor(next() * nodes)}`;
      const to = `n${Math.floor(next() * nodes)}`;
      const hops = 1 + Math.floor(next() * 6);
      expect(smallestShortestPath(g, from, to, hops), `round ${round}`).toEqual(from === to ? [from] : reference(g, from, to, hops));
    }
  });

  it('refuses a search that would look at more neighbours than its budget, as QUERY_TOO_COMPLEX', () => {
    // Two trees, 100 branches of 100 leaves each, joined by one pair of leaves: a path of 5 hops
    // that a search finds only after looking at some 20,000 neighbours from both ends.
    const edges: Array<[string, string]> = [['l99-99', 'm99-99']];
    for (let i = 0; i < 100; i++) {
      edges.push(['a', `s${i}`], ['z', `t${i}`]);
      for (let j = 0; j < 100; j++) edges.push([`s${i}`, `l${i}-${j}`], [`t${i}`, `m${i}-${j}`]);
    }
    const g = graphOf(edges);
    expect(smallestShortestPath(g, 'a', 'z', 6, 100_000)).toEqual(['a', 's99', 'l99-99', 'm99-99', 't99', 'z']);
    expect(() => smallestShortestPath(g, 'a', 'z', 6, 5_000)).toThrow(SearchTooLargeError);
    expect(() => smallestShortestPath(g, 'a', 'z', 6, 5_000)).toThrow(/looked at more than 5,000 connections without finishing; ask for fewer hops/);
    expect(new SearchTooLargeError('x').code).toBe('QUERY_TOO_COMPLEX');
  });

  it('stops at its default budget in well under the request time limit on a graph far larger than the sample', () => {
    // Two ends, each linked to 1,000 hubs of 200 neighbours (in separate halves of the graph):
    // the second layer from either end alone is over the budget.
    const next = random(7);
    const edges: Array<[string, string]> = [];
    for (const [end, side] of [
      ['a', 'x'],
      ['z', 'y'],
    ] as const) {
      for (let hub = 0; hub < 1_000; hub++) {
        edges.push([end, `${side}h${hub}`]);
        for (let k = 0; k < 200; k++) edges.push([`${side}h${hub}`, `${side}${Math.floor(next() * 20_000)}`]);
      }
    }
    const g = graphOf(edges);
    const started = performance.now();
    expect(() => smallestShortestPath(g, 'a', 'z', 6)).toThrow(SearchTooLargeError);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(PATH_SEARCH_BUDGET).toBe(200_000);
  });
});
