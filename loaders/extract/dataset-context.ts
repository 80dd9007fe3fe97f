import type { NameCandidate } from './find-names.js';
import type { FieldText } from './paper-draft.js';

const DATASET_NOUN = /^(?:datasets?|benchmarks?|corpus|corpora|suites?|testbeds?|challenges?|leaderboards?|collections?)$/i;
// `X, a newly curated, manually labeled dataset`: the apposition may hold a comma between its adjectives.
// An article must open an apposition with commas: `A Challenging, Crowd-Sourced, Large-Scale Dataset` lists adjectives.
const APPOSITION_DATASET =
  /^\s*[,:(]\s*(?:(?:a|an|the)?\s*(?:[\w-]+\s+){0,4}?|(?:a|an|the)\s+(?:[\w-]+,?\s+){0,5}?)(?:dataset|benchmark|corpus|suite|testbed)\b/i;
const EVALUATION_CUE =
  /\b(?:experiments?|evaluat\w*|results?|achiev\w*|outperform\w*|benchmark\w*|tested|test|accuracy|perplexity|scores?|state-of-the-art|SOTA)\b/i;
// Not `over`: `gains over X` compares with a method.
const ON_BEFORE = /\b(?:on|across)\s+(?:the\s+)?(?:(?:challenging|popular|standard|public|large-scale|widely[- ]used|real-world)\s+)?$/i;
// A name in a list: `A, B and C`, `A, B, and C`, `A & B`; each item one to four capitalised or name-like words.
const ITEM = String.raw`(?:the\s+)?[\p{Lu}\d][\p{L}\d+.\-/]*(?:\s+[\p{Lu}\d][\p{L}\d+.\-/]*){0,3}`;
const SEPARATOR = String.raw`\s*(?:,\s*(?:and|or)?|and|or|&|\/)\s*`;
// `… A, B and C datasets`: what follows a name up to a dataset noun, through other list items.
const LIST_THEN_NOUN = new RegExp(String.raw`^(?:${SEPARATOR}${ITEM})*\s+(?:datasets?|benchmarks?|corpora|suites?|testbeds?)\b`, 'u');
// `datasets (A, B and C)`, `benchmarks such as A, B`, `benchmarks including A and B`, `datasets: A, B`: a list after a dataset noun.
const NOUN_THEN_LIST = new RegExp(
  String.raw`\b(?:datasets?|benchmarks?|corpora|suites?|testbeds?)\s*(?:\(|:|,?\s+(?:such as|including|like|namely|e\.g\.,?|i\.e\.,?))\s*(?:${ITEM}${SEPARATOR})*$`,
  'iu',
);

// `a new … dataset named OWD`, `a benchmark called X`: a dataset noun names what follows.
const NAMED_DATASET_BEFORE = /\b(?:dataset|benchmark|corpus|suite|testbed)s?,?\s+(?:called|named|dubbed|termed|coined)\s*[:"“']?\s*$/i;

// `we introduce a new ReID benchmark across two modalities, NAME`: a name in apposition to a new dataset noun.
const NEW_DATASET_APPOSITION_BEFORE =
  /\b(?:an?|the)\s+(?:new|novel|first|large-scale)\b[^.;:]{0,60}?\b(?:dataset|benchmark|corpus|suite|testbed)\b[^.;:,]{0,60},\s*$/i;

/** A name followed by `dataset`/`benchmark`, or introduced as one, or evaluated `on` in an evaluation sentence. */
export function isDatasetContext(text: string, start: number, end: number): boolean {
  const next = /^\s+([A-Za-z]+)/.exec(text.slice(end))?.[1];
  if (next && DATASET_NOUN.test(next)) return true;
  if (NAMED_DATASET_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return true;
  if (NEW_DATASET_APPOSITION_BEFORE.test(text.slice(Math.max(0, start - 160), start))) return true;
  if (APPOSITION_DATASET.test(text.slice(end))) return true;
  const before = text.slice(Math.max(0, start - 40), start);
  if (ON_BEFORE.test(before)) {
    const sentenceStart = Math.max(text.lastIndexOf('. ', start), 0);
    const sentenceEnd = text.indexOf('. ', end);
    return EVALUATION_CUE.test(text.slice(sentenceStart, sentenceEnd === -1 ? undefined : sentenceEnd));
  }
  return false;
}

/**
 * True for a name inside a list that a dataset noun closes or opens: `on MSMARCO and Natural
 * Questions datasets`, `three benchmarks (A, B and C)`, `benchmarks such as A and B`.
 */
export function inDatasetList(f: FieldText, name: Pick<NameCandidate, 'start' | 'end'>): boolean {
  if (LIST_THEN_NOUN.test(f.text.slice(name.end, name.end + 200))) return true;
  return NOUN_THEN_LIST.test(f.text.slice(Math.max(0, name.start - 200), name.start));
}
