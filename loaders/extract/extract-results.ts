import type { Evidence, Field } from './evidence.js';

/** A number the paper reports on a dataset, with the metric when the text names one. */
export interface Result {
  dataset: string;
  metric: string | null;
  value: number;
  /** `score` is an absolute value; `delta` an improvement over a baseline. */
  kind: 'score' | 'delta';
  raw: string;
  evidence: Evidence;
}

/** A mention the result rule pairs numbers with. */
export interface Anchor {
  name: string;
  start: number;
  end: number;
}

// A number as written: `15.8`, `93.3\%`, `12.9%`, `+2.4`, `0.5 points`.
const NUMBER = /(?<![\w.\-/@])([+]?\d+(?:\.\d+)?)(\s?\\?%|\s?(?:points?|pp)\b)?(?![\w.]*\d)(?![\w/@])/g;
// An improvement is said right before the number (`improvements of`, `by`) or right after it (`12% gain`).
const DELTA_CUE = /(?:\b(?:improv\w*|gains?|boost\w*|increas\w*|reduc\w*|decreas\w*)(?:\s+\w+){0,3}?\s+(?:of|by)|\bby)\s+(?:up to\s+|about\s+|over\s+|nearly\s+|around\s+|at least\s+|roughly\s+)?$/i;
const DELTA_AFTER = /^\s*(?:\\?%)?\s*(?:\(?(?:absolute|relative)\)?\s+)?(?:improvements?|gains?|increases?|boosts?|higher|better|reductions?|lower)\b/i;
const SKIP_BEFORE = /(?:\bvs\.?|\bversus|\bcompared (?:to|with)|\bless than|\bmore than|\bwithin|\bthan|\bfrom|\bx|×|\btop|\bsize of|\bthe first|\bin|\bat)\s*$/i;
const COST_AFTER = /^\s*(?:\\?%\s*)?(?:fewer |less |more )?(?:flops|gflops|params|parameters|x\b|×|times|gb|mb|ms|seconds|hours|gpu|speed|faster|slower|layers|epochs|steps|tokens|samples|images|examples|languages|tasks|datasets|classes|papers|heads|billion|million|[bmk]\b)/i;
const RANGE = /^\s*(?:\\?%)?\s*(?:-|–|to)\s*\d/;

/**
 * Ties numbers to the datasets named in the same sentence: each percentage or decimal goes to the
 * nearest dataset mention (one after the number first, as in `12.9% on APPS`), and to the metric
 * named closest to it, if any. Baseline numbers after `vs`, ranges, bounds and cost figures are
 * not results. Pure: sentences, datasets and metrics are given.
 */
export function extractResults(
  field: Field,
  text: string,
  sentences: ReadonlyArray<{ start: number; end: number }>,
  datasets: readonly Anchor[],
  metrics: readonly Anchor[],
): Result[] {
  const results: Result[] = [];
  for (const sentence of sentences) {
    const found: Array<{ start: number; end: number; number: string; unit: string; before: string }> = [];
    const inSentence = (a: Anchor): boolean => a.start >= sentence.start && a.end <= sentence.end;
    const sentenceDatasets = datasets.filter(inSentence);
    if (sentenceDatasets.length === 0) continue;
    const sentenceMetrics = metrics.filter(inSentence);
    const body = text.slice(sentence.start, sentence.end);
    for (const match of body.matchAll(NUMBER)) {
      const start = sentence.start + match.index;
      const end = start + match[0].length;
      const number = match[1]!;
      const unit = match[2] ?? '';
      const before = text.slice(Math.max(sentence.start, start - 60), start);
      const after = text.slice(end, Math.min(sentence.end, end + 40));
      // Plain integers are counts and years unless a unit or a metric sits right by them.
      const nearMetric = sentenceMetrics.some((m) => Math.abs(m.start - end) < 25 || Math.abs(start - m.end) < 25);
      if (!unit && !number.includes('.') && !nearMetric) continue;
      if (SKIP_BEFORE.test(before) || COST_AFTER.test(text.slice(end, end + 20)) || RANGE.test(after)) continue;
      if (/[-–]\s*$/.test(before) || /^\d{4}$/.test(number)) continue;
      if (datasets.some((d) => start >= d.start && end <= d.end) || metrics.some((m) => start >= m.start && end <= m.end)) continue;
      found.push({ start, end, number, unit, before });
    }
    const pairs = pairLists(text, found, sentenceDatasets);
    for (const n of found) {
      const dataset = pairs.get(n) ?? nearest(sentenceDatasets, n.start, n.end);
      if (!dataset) continue;
      const metric = nearest(sentenceMetrics, n.start, n.end);
      const value = Number.parseFloat(n.number);
      if (!Number.isFinite(value)) continue;
      const rawStart = Math.min(n.start, dataset.start, metric?.start ?? n.start);
      const rawEnd = Math.max(n.end, dataset.end, metric?.end ?? n.end);
      const kind = DELTA_CUE.test(n.before) || DELTA_AFTER.test(text.slice(n.end, n.end + 40)) || n.number.startsWith('+') ? 'delta' : 'score';
      results.push({
        dataset: dataset.name,
        metric: metric?.name ?? null,
        value,
        kind,
        raw: text.slice(rawStart, rawEnd),
        evidence: { field, start: rawStart, end: rawEnd },
      });
    }
  }
  return dedupe(results);
}

const LIST_GAP = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|\/\s*)$/;

/**
 * `93.3% and 74.3% on Market1501 and MSMT17`: a list of numbers followed by a list of as many
 * datasets pairs them in order, where nearest-first would give both numbers to one dataset.
 */
function pairLists<N extends { start: number; end: number }>(text: string, numbers: readonly N[], datasets: readonly Anchor[]): Map<N, Anchor> {
  const pairs = new Map<N, Anchor>();
  const sorted = [...datasets].sort((a, b) => a.start - b.start);
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && LIST_GAP.test(text.slice(numbers[j]!.end, numbers[j + 1]!.start))) j++;
    const group = numbers.slice(i, j + 1);
    i = j + 1;
    if (group.length < 2) continue;
    const last = group.at(-1)!;
    // A metric may sit between the lists: `93.3% and 74.3% mAP on Market1501 and MSMT17`.
    const first = sorted.findIndex((d) => d.start >= last.end && /^\s*(?:[\w@-]+\s+){0,3}?(?:on|for|in|across)\s+(?:the\s+)?$/i.test(text.slice(last.end, d.start)));
    if (first < 0) continue;
    const list = [sorted[first]!];
    while (list.length < group.length && first + list.length < sorted.length && LIST_GAP.test(text.slice(list.at(-1)!.end, sorted[first + list.length]!.start))) {
      list.push(sorted[first + list.length]!);
    }
    if (list.length === group.length) group.forEach((n, k) => pairs.set(n, list[k]!));
  }
  return pairs;
}

/** The anchor closest to a number, preferring one after it (`12.9% on APPS`) at equal distance. */
function nearest(anchors: readonly Anchor[], start: number, end: number): Anchor | undefined {
  let best: Anchor | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const anchor of anchors) {
    const distance = anchor.start >= end ? anchor.start - end : start - anchor.end + 5;
    if (distance < bestDistance) {
      best = anchor;
      bestDistance = distance;
    }
  }
  return best;
}

function dedupe(results: Result[]): Result[] {
  const seen = new Set<string>();
  return results.filter((r) => {
    const key = `${r.dataset}|${r.metric}|${r.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
