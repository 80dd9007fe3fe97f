import type { Anchor } from './extract-results.js';

/** A number of a sentence that may be a result: its span (with its unit), value and unit. */
export interface ResultNumber {
  start: number;
  end: number;
  /** The number as written, sign included: `93.3`, `+2.4`. */
  literal: string;
  /** `%`, `\%`, `points`, `pp` or empty. */
  unit: string;
  value: number;
}

// A number as written: `15.8`, `93.3\%`, `12.9%`, `+2.4`, `0.5 points`.
const NUMBER = /(?<![\w.\-/@])([+]?\d+(?:\.\d+)?)(\s?\\?%|\s?(?:points?|pp)\b)?(?![\w.]*\d)(?![\w/@])/g;
// `80.1/75.2/77.6`: numbers joined by slashes, each one a value (NUMBER refuses slashes, for `1/2`).
const SLASH_LIST = /(?<![\w.\-/@])\d+(?:\.\d+)?(?:\s?\\?%)?(?:\s?\/\s?\d+(?:\.\d+)?(?:\s?\\?%)?)+(?![\w/@])/g;
const SLASH_PART = /(\d+(?:\.\d+)?)(\s?\\?%)?/g;

/** Between two numbers of one list: `93.3% and 74.3%`, `75.67, 77.83, and 78.17`, `80.1/75.2`. */
export const LIST_GAP = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|\/\s*)$/;

// Numbers after these are baselines, bounds or parts of a name, not the paper's results.
const SKIP_BEFORE =
  /(?:\bvs\.?|\bversus|\bcompared (?:to|with)|\bless than|\bmore than|(?<!\b(?:by|of|gains?|improvements?)\s)\bover|\bexceed(?:s|ing)?|\babove|\bbelow|\bwithin|\bthan|\bfrom|\bx|×|\btimes|\btop|\bsize of|\bthe first|\bin|\bat|\b(?:annotations?|labels?|labell?ing|supervision|(?:training )?data)\s+(?:down\s+)?to)\s*$/i;
const RANGE = /^\s*(?:\\?%)?\s*(?:-|–|to)\s*\d/;
// `5-shot`, `3-layer`, `8-bit`: the number names a configuration.
const HYPHEN_COMPOUND = /^-\p{L}/u;

// Words that say what a count counts. A number followed by one (`22 layers`, `8% training
// samples`) is the size of something, not a score.
const COUNT_NOUN = String.raw`(?:layers?|samples?|examples?|parameters?|params|images?|tokens?|gpus?|tpus?|hours?|days?|minutes?|seconds?|epochs?|steps?|iterations?|updates?|languages?|tasks?|datasets?|benchmarks?|classes|categories|papers?|heads?|words?|sentences?|documents?|videos?|frames?|clips?|queries|questions?|prompts?|labels?|annotations?|subjects?|users?|participants?|models?|experts?|blocks?|channels?|dimensions?|nodes?|edges?|pixels?|patches?|instances?|objects?|scenes?|domains?|environments?|games?|trajectories|demonstrations?|episodes?|rounds?|runs?|seeds?|shots?|bits?|bytes?|[gmkt]b|ms|billion|million|thousand|[bmk])`;
// Words between a number and what it counts: `8% training samples`, `10% labeled data`.
const COUNT_MODIFIER = String.raw`(?:training|train|labeled|labelled|unlabeled|unlabelled|annotated|additional|extra|fewer|less|more|total|trainable|learnable|tunable|active|input|output|synthetic|real|pre-?training|fine-?tuning|test|testing|validation|evaluation|hidden|attention|transformer|decoder|encoder|new|unique|distinct|human|expert|in-context|visual|text|image|video|audio|gpu|a100|v100|tpu)`;
const COUNT_AFTER = new RegExp(String.raw`^\s*(?:\\?%\s*)?(?:${COUNT_MODIFIER}\s+){0,2}${COUNT_NOUN}(?![\w-])`, 'i');
// A plain integer counts what follows it past any two words (`4 standard geo-localization datasets`):
// without a decimal or a unit it is no score once a count noun closes its phrase.
const INTEGER_COUNT_AFTER = new RegExp(String.raw`^\s+(?:[a-z][\w-]*\s+){0,2}${COUNT_NOUN}(?![\w-])`, 'i');
// A share of data or compute: `8% of the training samples`, `10% of the FLOPs`, `1% labeled data`.
// Read after a percentage (its `%` is part of the number).
const SHARE_AFTER = new RegExp(String.raw`^\s*(?:of\b|(?:${COUNT_MODIFIER}\s+){0,2}(?:data|compute|budget|flops|memory|cost|time)\b)`, 'i');
// Cost figures: `4.5G FLOPs`, `3.5x faster`, `80% relative wall-clock time`, `35% training speed`, `a 20% reduction in training compute`.
const COST_AFTER =
  /^\s*(?:\\?%\s*)?(?:(?:reduction|decrease|increase|savings?|cut)\s+in\s+(?:the\s+)?)?(?:fewer |less |more |lower |higher |relative )?(?:training |inference |wall-clock |gpu )?(?:flops|gflops|macs|params|x\b|×|times\b|gb|mb|ms|seconds|hours|gpu|speed|faster|slower|latency|throughput|memory|wall-clock|cost|compute|billion|million)/i;

/**
 * The numbers of one sentence that may be results, in text order. Left out: numbers inside a
 * name (`ResNet-50`, `ImageNet-1K`), years, configurations (`5-shot`), list markers (`1)`,
 * `(2)`), ranges, bounds and baselines (`less than 20%`, `vs 18.3`), counts (`22 layers`,
 * `8% training samples`), shares (`10% of the FLOPs`) and cost figures (`4.5G FLOPs`). A list
 * (`73% and 80% relative wall-clock time`) is judged by its last number's words and its first
 * number's. Plain integers count only right by a metric (`27 BLEU`). Pure.
 */
export function parseResultNumbers(
  text: string,
  sentence: { start: number; end: number },
  names: readonly Anchor[],
  metrics: readonly Anchor[],
): ResultNumber[] {
  const tokens = scanNumbers(text, sentence).filter((n) => {
    if (names.some((a) => n.start >= a.start && n.end <= a.end)) return false;
    if (/^\d{4}$/.test(n.literal) && !n.unit) return false;
    if (HYPHEN_COMPOUND.test(text.slice(n.end, n.end + 2))) return false;
    return !isListMarker(text, sentence.start, n);
  });
  const kept: ResultNumber[] = [];
  for (const list of groupLists(text, tokens)) {
    const first = list[0]!;
    const last = list.at(-1)!;
    const after = text.slice(last.end, Math.min(sentence.end, last.end + 60));
    if (COUNT_AFTER.test(after) || (last.unit.endsWith('%') && SHARE_AFTER.test(after)) || COST_AFTER.test(after)) continue;
    if (!last.unit && !last.literal.includes('.') && INTEGER_COUNT_AFTER.test(after)) continue;
    if (SKIP_BEFORE.test(text.slice(Math.max(sentence.start, first.start - 60), first.start))) continue;
    for (const n of list) {
      const before = text.slice(Math.max(sentence.start, n.start - 60), n.start);
      if (n !== first && SKIP_BEFORE.test(before)) continue;
      if (/[-–]\s*$/.test(before) || RANGE.test(text.slice(n.end, Math.min(sentence.end, n.end + 40)))) continue;
      const nearMetric = metrics.some((m) => Math.abs(m.start - n.end) < 25 || Math.abs(n.start - m.end) < 25);
      if (!n.unit && !n.literal.includes('.') && !nearMetric) continue;
      kept.push(n);
    }
  }
  return kept;
}

/**
 * Consecutive numbers joined only by `,`, `and`, `&` or `/` form one list: `93.3% and 74.3%`.
 * Every number is in exactly one list, in text order.
 */
export function groupLists(text: string, numbers: readonly ResultNumber[]): ResultNumber[][] {
  const lists: ResultNumber[][] = [];
  for (const n of numbers) {
    const current = lists.at(-1);
    if (current && LIST_GAP.test(text.slice(current.at(-1)!.end, n.start))) current.push(n);
    else lists.push([n]);
  }
  return lists;
}

function scanNumbers(text: string, sentence: { start: number; end: number }): ResultNumber[] {
  const body = text.slice(sentence.start, sentence.end);
  const found: ResultNumber[] = [];
  for (const list of body.matchAll(SLASH_LIST)) {
    // Only lists with a decimal or a percent are values; `1/2` and `2012/2013` are not.
    if (!/[.%]/.test(list[0])) continue;
    for (const part of list[0].matchAll(SLASH_PART)) {
      const start = sentence.start + list.index + part.index;
      found.push(toNumber(part[1]!, part[2] ?? '', start, start + part[0].length));
    }
  }
  for (const match of body.matchAll(NUMBER)) {
    const start = sentence.start + match.index;
    found.push(toNumber(match[1]!, match[2] ?? '', start, start + match[0].length));
  }
  return found.filter((n) => Number.isFinite(n.value)).sort((a, b) => a.start - b.start);
}

function toNumber(literal: string, unit: string, start: number, end: number): ResultNumber {
  return { start, end, literal, unit: unit.trim(), value: Number.parseFloat(literal) };
}

/**
 * `1)`, `(2)`: an integer closed by a parenthesis that it opens itself or that nothing before it
 * in the sentence opens. `(BLEU 27)` is a value: its parenthesis opens before the metric.
 */
function isListMarker(text: string, sentenceStart: number, n: ResultNumber): boolean {
  if (n.unit || n.literal.includes('.') || text[n.end] !== ')') return false;
  const before = text.slice(sentenceStart, n.start);
  if (before.endsWith('(')) return true;
  if (!/(?:^|[\s,;:])$/.test(before)) return false;
  return before.lastIndexOf('(') <= before.lastIndexOf(')');
}
