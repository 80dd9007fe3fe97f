import type { Anchor } from './extract-results.js';
import type { ResultNumber } from './parse-result-numbers.js';

/** What each number of a sentence is paired with; a dataset of `null` says "none, on purpose". */
export interface Pairing {
  dataset: (n: ResultNumber) => Anchor | null | undefined;
  metric: (n: ResultNumber) => Anchor | undefined;
}

// Between the names of one list: `A and B`, `A, B, and the C`, `P/R/F1`.
const NAME_LIST_GAP = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*|\/\s*)(?:the\s+)?$/i;
// `93.3% and 74.3% (mAP) on A and B`: a list of numbers, up to three words, then the datasets.
const NUMBERS_THEN_ON = /^\s*(?:\\?%)?\s*(?:\(?[\w@-]+\)?\s+){0,3}?(?:on|for|in|across|over)\s+(?:the\s+)?$/i;
// `precision, recall and F1 of 80.1, 75.2 and 77.6`: metrics, a few words, then their numbers.
// Words are delimited (a space or a comma each), so a long gap fails fast.
const METRICS_THEN_NUMBERS = /^\s*(?:[a-z][\w-]*(?:\s*,\s*|\s+)){0,4}?(?:(?:of|are|were|is|was|at)\s+|[:=]\s*)?(?:(?:i\.?e|e\.?g)\.?,?\s*)?$/i;
// `64.48, 67.17 and 65.03 for P/R/F1`, `80.1 and 75.2 precision and recall`.
const NUMBERS_THEN_METRICS = /^\s*(?:\\?%)?\s*(?:(?:for|in|of)\s+(?:the\s+)?)?(?:terms of\s+)?$/i;
const RESPECTIVELY = /\brespectively\b/i;
// A number's own `on`/`in` phrase with a name: `89.8% in Pima`, `80.1% on the B`.
const OWN_TARGET = /\b(?:on|in|for|across)\s+(?:the\s+)?\p{Lu}/u;
// A capitalised word, a name whether known or not: `ICFG-PEDES`, `RSTPReid`, `Dogs-120`.
const NAME_LIKE = /(?<![\w-])\p{Lu}[\p{L}\d+.-]*[\p{L}\d]|(?<![\w-])\p{Lu}(?![\w-])/gu;
// The parenthesis right after a number: `85.1% (UCF-101)`.
const LABEL_AFTER = /^\s*\(([^()]{1,80})\)/;

/**
 * Pairs each number of a sentence with a dataset and a metric. Datasets, in order of trust:
 * the dataset in the number's own parentheses (`85.1% (A) and 51.6% (B)`) or the one whose
 * parenthesis or colon holds the number (`A (85.1%)`, `A: 85.1`); a list of numbers with a list
 * of as many datasets (`93.3% and 74.3% on A and B`, `on A and B … 94.1% and 69.0%,
 * respectively`); the dataset the number is said to be `on`; the nearest one. Where numbers carry
 * their datasets in parentheses, a number whose parentheses name no dataset gets none, not a
 * neighbour's. Metrics: a list of metrics with a list of as many numbers (`precision, recall and
 * F1 of 80.1, 75.2 and 77.6`, `P/R/F1`), else the nearest metric. Pure.
 */
export function pairResults(
  text: string,
  lists: ReadonlyArray<readonly ResultNumber[]>,
  datasets: readonly Anchor[],
  metrics: readonly Anchor[],
  sentence: { start: number; end: number },
): Pairing {
  const respectively = RESPECTIVELY.test(text.slice(sentence.start, sentence.end));
  const datasetOf = new Map<ResultNumber, Anchor | null>();
  const metricOf = new Map<ResultNumber, Anchor>();
  const datasetLists = nameLists(text, datasets);
  const metricLists = nameLists(text, metrics);
  const numbers = lists.flat();

  const labels = numbers.map((n) => ({ n, label: labelAfter(text, n) }));
  const labelled = labels.some(({ label }) => label && datasets.some((d) => within(d, label)));
  for (const { n, label } of labels) {
    const own = label ? datasets.find((d) => within(d, label)) : undefined;
    if (own) datasetOf.set(n, own);
    // The sentence gives datasets in parentheses; this number's name none of them (an unknown
    // name, say): it is left without a dataset rather than given a neighbour's.
    else if (labelled && label && /[\p{Lu}\d]/u.test(text.slice(label.start, label.end)) && !metrics.some((m) => within(m, label))) datasetOf.set(n, null);
    else {
      const holder = datasets.find(
        (d) => d.end <= n.start && /^\s*(?:\([^()]*|[:=]\s*)$/.test(text.slice(d.end, n.start)) && !datasets.some((o) => o.start >= d.end && o.end <= n.start),
      );
      if (holder) datasetOf.set(n, holder);
    }
  }

  // Lists where some names are not known datasets (`on A, B and C, respectively` with only A
  // known): B's and C's numbers get no dataset instead of A.
  const unknown = new Set(unknownNames(text, sentence, datasets));
  const mixedLists = nameLists(text, [...datasets, ...unknown]).filter((l) => l.some((a) => unknown.has(a)) && l.some((a) => !unknown.has(a)));
  for (const list of lists) {
    if (list.length < 2 || list.some((n) => datasetOf.has(n))) continue;
    const paired = datasetListFor(text, list, datasetLists, respectively) ?? datasetListFor(text, list, mixedLists, respectively);
    if (paired) list.forEach((n, k) => datasetOf.set(n, unknown.has(paired[k]!) ? null : paired[k]!));
  }
  if (respectively) pairRespectively(numbers, lists, datasets, datasetLists, datasetOf);
  for (const list of lists) {
    if (list.length < 2) continue;
    const paired = metricListFor(text, list, metricLists, respectively);
    if (paired) list.forEach((n, k) => metricOf.set(n, paired[k]!));
  }

  for (const list of lists) {
    for (const n of list) {
      if (datasetOf.has(n)) continue;
      // No other number between (a digit inside a metric name, `Rank-1`, is no number).
      const on = datasets.find(
        (d) => d.start >= n.end && NUMBERS_THEN_ON.test(text.slice(n.end, d.start)) && !numbers.some((o) => o.start >= n.end && o.start < d.start),
      );
      // A dataset after a later number is not this one's when this one names its own target
      // first (`89.8% in Pima, 75.5% in B`: Pima is not a known dataset, B is the 75.5's).
      const next = numbers.find((o) => o.start >= n.end && !list.includes(o));
      const ownTarget = next !== undefined && OWN_TARGET.test(text.slice(n.end, next.start));
      const reachable = datasets.filter((d) => d.end <= n.start || !ownTarget || d.start < next.start);
      datasetOf.set(n, on ?? nearest(reachable, n) ?? null);
    }
  }
  return {
    dataset: (n) => datasetOf.get(n),
    metric: (n) => metricOf.get(n) ?? nearest(metrics, n),
  };
}

/**
 * `respectively` pairs in order what the lists above could not: every number of the sentence with
 * a list of as many datasets (`+0.4% accuracy, +1.2 mIoU and +0.8 AP on A, B and C
 * respectively`), or a list of numbers after all the datasets with the datasets in the order the
 * sentence names them (`81.0% on A and 52.4% on B, beating it by 4.0% and 17.5%, respectively`).
 */
function pairRespectively(
  numbers: readonly ResultNumber[],
  lists: ReadonlyArray<readonly ResultNumber[]>,
  datasets: readonly Anchor[],
  datasetLists: readonly Anchor[][],
  datasetOf: Map<ResultNumber, Anchor | null>,
): void {
  const longest = datasetLists.filter((l) => l.length >= 2).at(-1);
  if (longest && numbers.length === longest.length && numbers.every((n) => !datasetOf.has(n))) {
    numbers.forEach((n, k) => datasetOf.set(n, longest[k]!));
    return;
  }
  const inOrder = [...new Map([...datasets].sort((a, b) => a.start - b.start).map((d) => [d.name, d])).values()];
  for (const list of lists) {
    if (list.length < 2 || list.length !== inOrder.length || list.some((n) => datasetOf.has(n)) || list[0]!.start < inOrder.at(-1)!.end) continue;
    list.forEach((n, k) => datasetOf.set(n, inOrder[k]!));
  }
}

/** Anchors that follow each other joined only by `,`, `and`, `or` or `/`, as lists (singletons too). */
function nameLists(text: string, anchors: readonly Anchor[]): Anchor[][] {
  const lists: Anchor[][] = [];
  for (const a of [...anchors].sort((x, y) => x.start - y.start)) {
    const current = lists.at(-1);
    const last = current?.at(-1);
    if (current && last && a.start >= last.end && NAME_LIST_GAP.test(text.slice(last.end, a.start))) current.push(a);
    else lists.push([a]);
  }
  return lists;
}

/** Name-like words of the sentence that no dataset anchor covers. */
function unknownNames(text: string, sentence: { start: number; end: number }, datasets: readonly Anchor[]): Anchor[] {
  const names: Anchor[] = [];
  for (const match of text.slice(sentence.start, sentence.end).matchAll(NAME_LIKE)) {
    const start = sentence.start + match.index;
    const end = start + match[0].length;
    if (!datasets.some((d) => start < d.end && end > d.start)) names.push({ name: match[0], start, end });
  }
  return names;
}

function datasetListFor(text: string, numbers: readonly ResultNumber[], lists: readonly Anchor[][], respectively: boolean): Anchor[] | undefined {
  const first = numbers[0]!;
  const last = numbers.at(-1)!;
  const sized = lists.filter((l) => l.length === numbers.length);
  // `93.3% and 74.3% mAP on A and B`
  const after = sized.find((l) => l[0]!.start >= last.end && NUMBERS_THEN_ON.test(text.slice(last.end, l[0]!.start)));
  if (after) return after;
  // `on A and B, it reaches 85.1% and 51.6%`: the datasets just before, nothing numeric between.
  const before = sized.filter((l) => l.at(-1)!.end <= first.start).at(-1);
  const gap = before ? text.slice(before.at(-1)!.end, first.start) : '';
  if (before && !/[\d;]/.test(gap) && gap.split(/\s+/).filter(Boolean).length <= 12) return before;
  if (!respectively) return undefined;
  return sized.find((l) => l[0]!.start >= last.end) ?? before;
}

function metricListFor(text: string, numbers: readonly ResultNumber[], lists: readonly Anchor[][], respectively: boolean): Anchor[] | undefined {
  const first = numbers[0]!;
  const last = numbers.at(-1)!;
  const sized = lists.filter((l) => l.length === numbers.length);
  const before = sized.find((l) => l.at(-1)!.end <= first.start && METRICS_THEN_NUMBERS.test(text.slice(l.at(-1)!.end, first.start)));
  if (before) return before;
  const after = sized.find((l) => l[0]!.start >= last.end && NUMBERS_THEN_METRICS.test(text.slice(last.end, l[0]!.start)));
  if (after) return after;
  if (!respectively) return undefined;
  return sized.find((l) => l[0]!.start >= last.end) ?? sized.filter((l) => l.at(-1)!.end <= first.start).at(-1);
}

function labelAfter(text: string, n: ResultNumber): { start: number; end: number } | undefined {
  const match = LABEL_AFTER.exec(text.slice(n.end));
  if (!match) return undefined;
  const start = n.end + match[0].indexOf('(') + 1;
  return { start, end: start + match[1]!.length };
}

function within(a: Anchor, span: { start: number; end: number }): boolean {
  return a.start >= span.start && a.end <= span.end;
}

/** The anchor closest to a number, preferring one after it (`12.9% on APPS`) at equal distance. */
function nearest(anchors: readonly Anchor[], n: { start: number; end: number }): Anchor | undefined {
  let best: Anchor | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const anchor of anchors) {
    const distance = anchor.start >= n.end ? anchor.start - n.end : n.start - anchor.end + 5;
    if (distance < bestDistance) {
      best = anchor;
      bestDistance = distance;
    }
  }
  return best;
}
