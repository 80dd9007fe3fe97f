import type { ResultSetting } from '../../src/graph/model.js';
import type { Evidence, Field } from './evidence.js';
import { pairResults } from './pair-results.js';
import { groupLists, parseResultNumbers, type ResultNumber } from './parse-result-numbers.js';
import { attributeMethod } from './result-method.js';
import { parseSetting } from './result-setting.js';
import { parseSplit } from './result-split.js';

/** A number the paper reports on a dataset, with the metric, method, setting and split the text gives. */
export interface Result {
  dataset: string;
  metric: string | null;
  value: number;
  /** `score` is an absolute value; `delta` an improvement over a baseline. */
  kind: 'score' | 'delta';
  raw: string;
  evidence: Evidence;
  /** The method named as scoring it, else the paper's proposed method, else null. */
  method: string | null;
  setting: ResultSetting | null;
  /** The split or subset of the dataset: `test`, `val`, `test-dev`, `10% labeled`. */
  split: string | null;
}

/** A mention the result rule pairs numbers with. */
export interface Anchor {
  name: string;
  start: number;
  end: number;
}

// An improvement is said right before the number (`improvements of`, `by`) or right after it (`12% gain`).
const DELTA_CUE =
  /(?:\b(?:improv\w*|gains?|boost\w*|increas\w*|reduc\w*|decreas\w*)(?:\s+\w+){0,3}?\s+(?:of|by)|\bby)\s+(?:up to\s+|about\s+|over\s+|nearly\s+|around\s+|at least\s+|roughly\s+)?$/i;
const DELTA_AFTER = /^\s*(?:\\?%)?\s*(?:\(?(?:absolute|relative)\)?\s+)?(?:improvements?|gains?|increases?|boosts?|higher|better|reductions?|lower)\b/i;
// `by 0.7% mAP and 5.6% rank-1 accuracy`: a number coordinated with a delta, with no verb of its
// own between them, is a delta too.
const PARALLEL_GAP = /^\s*(?:\\?%)?\s*(?:[\w@.-]+\s+){0,5}?(?:and\s+|,\s*)$/i;
const OWN_VERB =
  /\b(?:achiev|reach|obtain|attain|gets?\b|scor|sets?\b|establish|record|deliver|report|is\b|are\b|was\b|were\b|with\b|while\b|whereas\b|but\b|compared|than\b|vs\b)/i;

// Metrics papers abbreviate in slash lists (`P/R/F1`), named as the curated list names them.
// Only a list of two or more makes them metrics: a lone `P` or `R` is not one.
const ABBREVIATED_METRICS: Readonly<Record<string, string>> = {
  P: 'precision',
  Prec: 'precision',
  R: 'recall',
  Rec: 'recall',
  F: 'F1 score',
  F1: 'F1 score',
  'F-1': 'F1 score',
  Acc: 'accuracy',
  EM: 'exact match',
};
const ABBREVIATION_LIST = /(?<![\w/-])[A-Za-z][\w-]{0,3}\.?(?:\s?\/\s?[A-Za-z][\w-]{0,3}\.?)+(?![\w/])/g;

/**
 * Ties numbers to the datasets named in the same sentence (pair-results.ts: parentheses, lists
 * in order, `respectively`, `on`, nearest), to a metric, to the method that scored them
 * (result-method.ts; `proposedMethod` when the sentence names none), and to the setting and split
 * the text gives. Which numbers are results at all is parse-result-numbers.ts's rule. A list of
 * numbers is one statement: a delta cue before it or after it makes every number a delta, as
 * does a delta it is coordinated with (`by 0.7% mAP and 5.6% rank-1 accuracy`). Pure: sentences
 * and every anchor are given.
 */
export function extractResults(
  field: Field,
  text: string,
  sentences: ReadonlyArray<{ start: number; end: number }>,
  datasets: readonly Anchor[],
  metrics: readonly Anchor[],
  methods: readonly Anchor[] = [],
  proposedMethod: string | null = null,
): Result[] {
  const results: Result[] = [];
  for (const sentence of sentences) {
    const inSentence = (a: Anchor): boolean => a.start >= sentence.start && a.end <= sentence.end;
    const sentenceDatasets = datasets.filter(inSentence);
    if (sentenceDatasets.length === 0) continue;
    const sentenceMethods = methods.filter(inSentence);
    const sentenceMetrics = withAbbreviatedMetrics(text, sentence, metrics.filter(inSentence));
    const names = [...datasets, ...metrics, ...sentenceMetrics, ...methods];
    const lists = groupLists(text, parseResultNumbers(text, sentence, names, sentenceMetrics));
    const pairing = pairResults(text, lists, sentenceDatasets, sentenceMetrics, sentence);
    let previousDelta = false;
    for (const [i, list] of lists.entries()) {
      const span = { start: list[0]!.start, end: list.at(-1)!.end };
      const bounds = { start: lists[i - 1]?.at(-1)!.end ?? sentence.start, end: lists[i + 1]?.[0]!.start ?? sentence.end };
      const gap = text.slice(bounds.start, span.start);
      const listDelta: boolean =
        DELTA_CUE.test(text.slice(Math.max(sentence.start, span.start - 60), span.start)) ||
        DELTA_AFTER.test(text.slice(span.end, span.end + 40)) ||
        (previousDelta && PARALLEL_GAP.test(gap) && !OWN_VERB.test(gap));
      previousDelta = listDelta || list.every((n) => isDelta(text, sentence, n));
      const setting = parseSetting(text, sentence, span, bounds);
      const method = attributeMethod(text, sentence, span, sentenceMethods, proposedMethod);
      for (const n of list) {
        const dataset = pairing.dataset(n);
        if (!dataset) continue;
        const metric = pairing.metric(n);
        const rawStart = Math.min(n.start, dataset.start, metric?.start ?? n.start);
        const rawEnd = Math.max(n.end, dataset.end, metric?.end ?? n.end);
        results.push({
          dataset: dataset.name,
          metric: metric?.name ?? null,
          value: n.value,
          kind: listDelta || isDelta(text, sentence, n) ? 'delta' : 'score',
          raw: text.slice(rawStart, rawEnd),
          evidence: { field, start: rawStart, end: rawEnd },
          method,
          setting,
          split: parseSplit(text, sentence, dataset, n),
        });
      }
    }
  }
  return dedupe(results);
}

function isDelta(text: string, sentence: { start: number; end: number }, n: ResultNumber): boolean {
  return (
    n.literal.startsWith('+') || DELTA_CUE.test(text.slice(Math.max(sentence.start, n.start - 60), n.start)) || DELTA_AFTER.test(text.slice(n.end, n.end + 40))
  );
}

/** The sentence's metrics, with those of abbreviation lists (`P/R/F1`) that no metric covers. */
function withAbbreviatedMetrics(text: string, sentence: { start: number; end: number }, metrics: readonly Anchor[]): Anchor[] {
  const found: Anchor[] = [];
  for (const list of text.slice(sentence.start, sentence.end).matchAll(ABBREVIATION_LIST)) {
    const parts = [...list[0].matchAll(/[A-Za-z][\w-]*\.?/g)];
    const names = parts.map((p) => ABBREVIATED_METRICS[p[0].replace(/\.$/, '')]);
    if (names.some((name) => name === undefined)) continue;
    parts.forEach((p, k) => {
      const start = sentence.start + list.index + p.index;
      const end = start + p[0].length;
      if (!metrics.some((m) => start < m.end && end > m.start)) found.push({ name: names[k]!, start, end });
    });
  }
  return [...metrics, ...found].sort((a, b) => a.start - b.start);
}

function dedupe(results: Result[]): Result[] {
  const seen = new Set<string>();
  return results.filter((r) => {
    const key = [r.dataset, r.metric, r.value, r.kind, r.method, r.setting, r.split].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
