import type { Field } from './evidence.js';

/**
 * The spans of a paper that a surer rule has already typed. Rules run from surest to loosest
 * (links, curated lists, acronym definitions, name patterns, noun phrases); a later rule skips a
 * span an earlier one claimed, so one stretch of text never becomes two entities of two kinds.
 */
export class ClaimsLedger {
  private readonly spans = new Map<Field, Array<[number, number]>>();

  claim(field: Field, start: number, end: number): void {
    const list = this.spans.get(field) ?? [];
    list.push([start, end]);
    this.spans.set(field, list);
  }

  /** True when any claimed span overlaps `[start, end)`. */
  isClaimed(field: Field, start: number, end: number): boolean {
    return (this.spans.get(field) ?? []).some(([s, e]) => start < e && end > s);
  }
}
