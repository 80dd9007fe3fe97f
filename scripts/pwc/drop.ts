/** A row (or a part of one) left out of a list, and why: the file and line point back at the source. */
export interface Drop {
  file: string;
  line: number;
  name: string;
  reason: string;
}

/** How many drops each reason has, most frequent first (ties by reason), for the build's summary. */
export function countByReason(drops: readonly Drop[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const drop of drops) counts.set(drop.reason, (counts.get(drop.reason) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
}
