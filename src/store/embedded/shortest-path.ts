import { SearchTooLargeError } from '../../errors.js';

/**
 * Most neighbours one path search may look at (each edge seen from each end it is reached from):
 * the search runs on the event loop in one piece, and this bounds that piece to some tens of
 * milliseconds — the sample corpus's longest searches look at a few thousand.
 */
export const PATH_SEARCH_BUDGET = 200_000;

/**
 * The shortest path between two nodes, following edges both ways, at most `maxHops` long; of all
 * shortest paths the one whose id sequence is smallest (the Neo4j store picks the same one).
 *
 * A bidirectional breadth-first search, one whole layer at a time from the smaller frontier, stops
 * where the two searches meet: it explores about two layers from each end where a search from one
 * end explores four, which in a graph of papers and shared concepts is most of the graph. The
 * nodes that lie on some shortest path are then known position by position, and the smallest path
 * walks from the start, always to the smallest-id neighbour at the next position.
 */
export function smallestShortestPath(
  neighbors: (id: string) => Iterable<string>,
  from: string,
  to: string,
  maxHops: number,
  budget = PATH_SEARCH_BUDGET,
): string[] | null {
  if (from === to) return [from];
  // Throws SearchTooLargeError once the search has looked at more than `budget` neighbours.
  let looked = 0;
  const tooLarge = (): never => {
    throw new SearchTooLargeError(
      `The path search looked at more than ${budget.toLocaleString('en-US')} connections without finishing; ask for fewer hops (maxHops) or nodes closer together.`,
    );
  };
  const fromStart = new Map([[from, 0]]);
  const fromEnd = new Map([[to, 0]]);
  let startFrontier = [from];
  let endFrontier = [to];
  let startDepth = 0;
  let endDepth = 0;
  let length = Infinity;
  while (length === Infinity && startDepth + endDepth < maxHops) {
    const forward = startFrontier.length <= endFrontier.length;
    const [seen, other, frontier] = forward ? [fromStart, fromEnd, startFrontier] : [fromEnd, fromStart, endFrontier];
    const depth = (forward ? startDepth : endDepth) + 1;
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of neighbors(id)) {
        if (++looked > budget) tooLarge();
        if (seen.has(n)) continue;
        seen.set(n, depth);
        next.push(n);
        const there = other.get(n);
        if (there !== undefined) length = Math.min(length, depth + there);
      }
    }
    if (forward) [startFrontier, startDepth] = [next, depth];
    else [endFrontier, endDepth] = [next, depth];
    if (next.length === 0) return null;
  }
  if (length > maxHops) return null;

  // Nodes on a shortest path, by position: first where both distances are known, then outwards.
  const onPath: Array<Set<string>> = Array.from({ length: length + 1 }, () => new Set<string>());
  const known = Math.max(0, length - endDepth);
  for (const [id, d] of fromStart) if (d === known && fromEnd.get(id) === length - known) onPath[known]!.add(id);
  for (let k = known - 1; k >= 0; k--) {
    for (const id of onPath[k + 1]!) for (const n of neighbors(id)) if (fromStart.get(n) === k) onPath[k]!.add(n);
  }
  for (let k = known + 1; k <= length; k++) {
    for (const id of onPath[k - 1]!) for (const n of neighbors(id)) if (fromEnd.get(n) === length - k) onPath[k]!.add(n);
  }
  const path = [from];
  for (let k = 1; k <= length; k++) {
    let best: string | undefined;
    for (const n of neighbors(path[k - 1]!)) if (onPath[k]!.has(n) && (best === undefined || n < best)) best = n;
    path.push(best!);
  }
  return path;
}
