import type { Label } from '../graph/model.js';

/** How much sharing one node of a label says about two papers being related. */
const WEIGHT: Partial<Record<Label, number>> = { Repository: 4, Method: 3, Dataset: 3, Task: 2, Concept: 1 };

/** The labels whose shared nodes relate two papers. */
export const RELATING_LABELS = Object.keys(WEIGHT) as Label[];

/**
 * The relatedness two papers get from one shared node: its label's weight, discounted by how
 * many papers link to it (a node every paper shares says little). Shared by both stores.
 */
export function relatednessOf(label: Label, paperCount: number): number {
  return (WEIGHT[label] ?? 0) / Math.log2(1 + Math.max(1, paperCount));
}

/**
 * A node linked to more papers than this relates none of them: its weight is a tenth of its
 * label's or less, and reading its papers would make every related list read a share of the corpus.
 */
export const MAX_RELATING_PAPERS = 1_000;

/** Whether a node with this many papers relates them (both stores ask it). */
export function relatesPapers(label: Label, paperCount: number): boolean {
  return RELATING_LABELS.includes(label) && paperCount <= MAX_RELATING_PAPERS;
}

/**
 * Relatedness scores are sums of per-node weights counted in units of 1/SCORE_UNIT: integers, which
 * every store adds exactly and orders alike, whatever order it adds them in.
 */
export const SCORE_UNIT = 10_000;

/** One shared node's weight (relatednessOf) in score units. */
export function relatednessUnits(label: Label, paperCount: number): number {
  return Math.round(relatednessOf(label, paperCount) * SCORE_UNIT);
}
