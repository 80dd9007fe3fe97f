import type { Anchor } from './extract-results.js';

const SPLIT_WORD = String.raw`(test-dev|test-std|test-challenge|test-clean|test-other|test|validation|val|development|dev|(?:val|test)20\d\d)`;
// `COCO test-dev`, `ImageNet val`, `LibriSpeech test-other`, `SQuAD (dev)`, `the ImageNet validation set`.
const AFTER_DATASET = new RegExp(String.raw`^\s*(?:\(\s*)?(?:'s\s+)?(?:official\s+|held-out\s+|public\s+)?${SPLIT_WORD}\b`, 'i');
// `the test set of A`, `the test-dev split of A`, `the relation extraction test set from A`.
const BEFORE_DATASET = new RegExp(String.raw`\b${SPLIT_WORD}\s+(?:set|split|subset|partition)s?\s+(?:of|from|on|in)\s+(?:the\s+)?$`, 'i');
// `85.1% on the validation set`: the number's own split, where the dataset is named elsewhere.
const AFTER_NUMBER = new RegExp(String.raw`^[\s\\%]*(?:[\w@-]+\s+){0,4}?(?:on|in)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+)?${SPLIT_WORD}\s+(?:set|split)\b`, 'i');
// `with 10% labels`, `1% labeled ImageNet`, `10% of the labeled data`, `1% of ImageNet labels`.
const LABELED_SUBSET = /(\d+(?:\.\d+)?)\s?\\?%\s*(?:of\s+(?:the\s+)?(?:[\w-]+\s+)?)?(?:labels?|labeled|labelled|annotations?|annotated)\b/gi;

/**
 * The split or subset of a dataset a number is reported on, when the text names one right by the
 * dataset (`COCO test-dev`, `the test set of A`) or by the number (`85.1% on the validation
 * set`), or a labelled subset near the dataset (`with 10% labels` → `10% labeled`). Splits are
 * lower case, `validation` as `val` and `development` as `dev`. Null when none is named. Pure.
 */
export function parseSplit(text: string, sentence: { start: number; end: number }, dataset: Anchor, number: { start: number; end: number }): string | null {
  const after = AFTER_DATASET.exec(text.slice(dataset.end, sentence.end));
  if (after) return normalizeSplit(after[1]!);
  const before = BEFORE_DATASET.exec(text.slice(Math.max(sentence.start, dataset.start - 80), dataset.start));
  if (before) return normalizeSplit(before[1]!);
  const subset = labeledSubset(text, sentence, dataset);
  if (subset) return subset;
  const own = AFTER_NUMBER.exec(text.slice(number.end, sentence.end));
  return own ? normalizeSplit(own[1]!) : null;
}

function normalizeSplit(word: string): string {
  const split = word.toLowerCase();
  return split === 'validation' ? 'val' : split === 'development' ? 'dev' : split;
}

/** A labelled subset within a few words of the dataset. */
function labeledSubset(text: string, sentence: { start: number; end: number }, dataset: Anchor): string | null {
  const from = Math.max(sentence.start, dataset.start - 60);
  const to = Math.min(sentence.end, dataset.end + 60);
  for (const match of text.slice(from, to).matchAll(LABELED_SUBSET)) {
    const start = from + match.index;
    const end = start + match[0].length;
    const between = start >= dataset.end ? text.slice(dataset.end, start) : text.slice(end, dataset.start);
    // Commas may set the subset off (`With 10% labels, it reaches …`); another clause may not.
    if (!/[;]|\b(?:while|whereas|but)\b/.test(between)) return `${match[1]}% labeled`;
  }
  return null;
}
