import { describe, expect, it } from 'vitest';
import { smallestShortestPath } from '../../../src/store/embedded/shortest-path.js';

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
});
