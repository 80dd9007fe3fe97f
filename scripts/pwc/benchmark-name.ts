import { hasBalancedParentheses, isAbbreviationOf, isLatin, splitTrailingGroup, tidyName } from './names.js';

/** A benchmark name cut down to its base, or why the row is left out. */
export type CleanBenchmarkName = { ok: true; base: string; aliases: string[]; qualifiers: string[] } | { ok: false; reason: string; base?: string };

/** Longest base name kept, in words: longer rows are descriptions or paper titles. */
export const MAX_BENCHMARK_WORDS = 8;

/** Words that never name a benchmark by themselves: a name made only of these (and numbers) is dropped. */
export const GENERIC_BENCHMARK_WORDS: ReadonlySet<string> = new Set([
  'all',
  'audio',
  'average',
  'baseline',
  'benchmark',
  'benchmarks',
  'collection',
  'combined',
  'corpus',
  'custom',
  'data',
  'dataset',
  'datasets',
  'default',
  'dev',
  'full',
  'general',
  'human',
  'image',
  'images',
  'in-house',
  'internal',
  'mean',
  'mixed',
  'none',
  'other',
  'others',
  'ours',
  'overall',
  'people',
  'person',
  'private',
  'public',
  'real',
  'sample',
  'samples',
  'set',
  'sets',
  'simulated',
  'speech',
  'split',
  'subset',
  'synthetic',
  'test',
  'text',
  'texts',
  'total',
  'train',
  'training',
  'unknown',
  'val',
  'validation',
  'various',
  'video',
  'videos',
]);

/** A split of a benchmark (`test-dev`, `val2017`, `testA`, `dev-clean`, `devtest`). */
const SPLIT = /^(?:test|dev|val|valid|validation|train|training|minival|eval|devtest|testfinal)(?:[-_]?[a-z0-9]+)?$/i;

/** Single words that qualify a run on a benchmark rather than name it. */
const SETTING_WORDS = new Set([
  'conditional',
  'unconditional',
  'multivariate',
  'univariate',
  'upscaling',
  'upsampling',
  'zero-shot',
  'few-shot',
  'one-shot',
  'finetuned',
  'fine-tuned',
  'supervised',
  'unsupervised',
  'semi-supervised',
  'weakly-supervised',
  'inductive',
  'transductive',
  'easy',
  'medium',
  'hard',
]);

/** Languages that leaderboards pair in a name (`WMT2014 English-German`). */
const LANGUAGES = new Set([
  'arabic',
  'chinese',
  'czech',
  'dutch',
  'english',
  'estonian',
  'finnish',
  'french',
  'german',
  'gujarati',
  'hindi',
  'italian',
  'japanese',
  'kazakh',
  'korean',
  'latvian',
  'lithuanian',
  'nepali',
  'polish',
  'portuguese',
  'romanian',
  'russian',
  'sinhala',
  'spanish',
  'swahili',
  'tamil',
  'turkish',
  'ukrainian',
  'vietnamese',
]);

/** True when one word of a name says how it was run, not what it ran on: a split, size, noise level, shot count, language pair. */
export function isQualifierWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (SPLIT.test(word) || SETTING_WORDS.has(lower)) return true;
  if (/^\d+ ?[x×] ?\d+$/.test(lower) || /^\d+(?:p|px)$/.test(lower) || /^(?:[x×]\d+|\d+[x×])$/.test(lower)) return true;
  if (/^(?:sigma?|σ=?)\d+$/.test(lower) || /^(?:\d+|zero|one|few)-(?:shot|way)$/.test(lower)) return true;
  if (/^[a-z]{2,3}->[a-z]{2,3}$/.test(lower)) return true;
  if (/^\d+(?:\.\d+)?%$/.test(lower)) return true;
  // Language pairs: `en-de`, `fr-FR`, `X-eng`, `English-German`.
  const pair = /^([a-z]+)-([a-z]+)$/.exec(lower);
  return pair !== null && ((pair[1]!.length <= 3 && pair[2]!.length <= 3 && lower !== 'try-on') || (LANGUAGES.has(pair[1]!) && LANGUAGES.has(pair[2]!)));
}

/** Leaderboard spam and questions that the archive kept as benchmark names. */
const SPAM = /\b(?:expedia|quickbooks|phonepe|customer (?:service|care)|helpline|phone number|refund)\b/i;
const QUESTION = /^(?:how|what|why|where|when|who|which|can|does|do|is|are) [a-z]/i;

/**
 * Cuts one benchmark name as a leaderboard wrote it down to its base: a trailing `(…)` group, a
 * description after `:`, a setting after ` - ` or `,`, and trailing split, size, noise-level,
 * shot-count, label-fraction or language-pair words are qualifiers (`ImageNet - 10% labeled data`,
 * `COCO test-dev`, `ImageNet 256x256`, `CBSD68 sigm75`). A trailing group that abbreviates the
 * base or that the base abbreviates is an alias instead (`BBBP (Blood-Brain Barrier Penetration)`).
 * Version and size suffixes that make another dataset (`ImageNet-21K`, `WikiText-103`) are kept.
 * A refused name carries its base when it got that far, so a caller can still fold a generic
 * spelling (`Audio Set`) into a real entry (`AudioSet`).
 */
export function cleanBenchmarkName(raw: string): CleanBenchmarkName {
  let name = tidyName(raw)
    .replace(/[.:]+$/, '')
    .trim();
  if (!/[A-Za-z]/.test(name)) return { ok: false, reason: 'noise' };
  if (SPAM.test(name) || QUESTION.test(name) || /\?(?!!)/.test(name)) return { ok: false, reason: 'spam or question' };
  if (/[#~*;[\]{}|$^\\`"@]|::|!!/.test(name) || !/^[\p{L}\p{N}]/u.test(name) || !hasBalancedParentheses(name)) {
    return { ok: false, reason: 'odd punctuation' };
  }
  const aliases: string[] = [];
  const qualifiers: string[] = [];
  const stripGroups = (): void => {
    for (let group = splitTrailingGroup(name); group; group = splitTrailingGroup(name)) {
      if (isAbbreviationOf(group.inner, group.base)) aliases.push(group.inner);
      else if (isAbbreviationOf(group.base, group.inner) && group.inner.split(' ').length <= MAX_BENCHMARK_WORDS) aliases.push(group.inner);
      else qualifiers.unshift(group.inner);
      name = group.base;
    }
  };
  stripGroups();
  const colon = name.indexOf(':');
  if (colon >= 0) {
    const head = name.slice(0, colon).trim();
    if (head.split(' ').length > 3) return { ok: false, reason: 'title-like' };
    qualifiers.push(name.slice(colon + 1).trim());
    name = head;
  }
  // `1B Words / Google Billion Word benchmark`: two names of one dataset.
  const slash = name.indexOf(' / ');
  if (slash > 0) {
    const other = name.slice(slash + 3).trim();
    if (other.split(' ').length <= MAX_BENCHMARK_WORDS && /^[\p{L}\p{N}]/u.test(other)) aliases.push(other);
    name = name.slice(0, slash).trim();
  }
  for (const separator of [' - ', ',']) {
    const at = name.indexOf(separator);
    if (at > 0) {
      qualifiers.push(name.slice(at + separator.length).trim());
      name = name.slice(0, at).trim();
    }
  }
  stripGroups();
  // A group inside the name (`CIFAR100-B0(50 tasks)-no-exemplars`): what follows it is setting too.
  const open = name.indexOf('(');
  if (open > 0) {
    qualifiers.unshift(name.slice(open));
    name = name.slice(0, open).trim();
  }
  const label = /^(.+?)\s+\d[\d,.]*%?\s*(?:labell?ed data|labell?ed|labels?|samples)$/i.exec(name);
  if (label) {
    qualifiers.unshift(name.slice(label[1]!.length).trim());
    name = label[1]!;
  }
  const resolution = /^(.+?)\s+\d+ [x×] \d+$/.exec(name);
  if (resolution) {
    qualifiers.unshift(name.slice(resolution[1]!.length).trim());
    name = resolution[1]!;
  }
  const tokens = name.split(' ');
  while (tokens.length > 1 && isQualifierWord(tokens.at(-1)!)) qualifiers.unshift(tokens.pop()!);
  // `test set`, `val split`, `test A`: the split word went above only when it came last.
  while (tokens.length > 2 && /^(?:set|split|subset|[A-Z0-9])$/i.test(tokens.at(-1)!) && SPLIT.test(tokens.at(-2)!)) {
    qualifiers.unshift(tokens.splice(-2).join(' '));
  }
  // A split glued on with a hyphen (`BURST-test`, `LibriSpeech-dev-clean`).
  const glued = /^(.+?)-((?:test|dev|val|valid|validation|train|minival)(?:[-_]?[a-z0-9]+)?)$/i.exec(tokens.at(-1)!);
  if (glued) {
    qualifiers.unshift(glued[2]!);
    tokens[tokens.length - 1] = glued[1]!;
  }
  const base = tokens.join(' ').replace(/[\s,.:-]+$/, '');
  if (!/[A-Za-z]/.test(base)) return { ok: false, reason: 'noise' };
  if (!isLatin(base)) return { ok: false, reason: 'non-Latin script' };
  if (base.includes('->')) return { ok: false, reason: 'transfer between benchmarks' };
  if (!/^[\p{L}\p{N}](?:[\p{L}\p{N} '&+./_-]|!(?=\s|$))*$/u.test(base)) return { ok: false, reason: 'odd punctuation' };
  if (tokens.length > MAX_BENCHMARK_WORDS) return { ok: false, reason: 'too long' };
  if (tokens.every((token) => GENERIC_BENCHMARK_WORDS.has(token.toLowerCase()) || /^[\d.,%]+[kKmM]?$/.test(token)) || /^\p{L}$/u.test(base)) {
    return { ok: false, reason: 'generic word', base };
  }
  if (tokens.length >= 3 && base === base.toLowerCase()) return { ok: false, reason: 'description in lower case' };
  // `RSM-based multi-objective optimization using desirability functions`: a title, mostly lower case.
  if (tokens.length >= 5 && tokens.filter((token) => /^\p{Ll}/u.test(token)).length * 2 > tokens.length)
    return { ok: false, reason: 'description in lower case' };
  // `Verireason-RTL-Coder_7b_reasoning_tb_simple`: a file or model name.
  if ((base.match(/_/g) ?? []).length >= 3) return { ok: false, reason: 'file or model name' };
  return { ok: true, base, aliases, qualifiers };
}

/** A version suffix that cannot be anything else: `v2`, `V2.0`, `2.1`, a year set apart (`COCO 2017`; `CAT2000` is a dataset of its own). */
const EXPLICIT_VERSION = /^(.+?)(?:[-\s_]?(?:[vV]\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*)|[-\s_](?:19|20)\d\d)$/;

/** A number, size or single-letter suffix (`-1K`, `-103`, `2`, `-Lite`, `-C`): a version too, but only of a family with a long name. */
const SIZE_SUFFIX = /^(.+?)(?:[-\s]?\d+[kKmMbB]?|[-\s](?:mini|tiny|small|large|xl|lite|full|Mini|Tiny|Small|Large|XL|Lite|Full)|-[A-Z])$/;

/**
 * The family name a versioned name extends (`ImageNet-21K` → `ImageNet`, `VoxCeleb2` →
 * `VoxCeleb`, `GPT-3.5` → `GPT`), and whether the suffix is an explicit version (`v2`, `2.0`, a
 * year) rather than a bare number or size, which short names carry for other reasons (`HAM10000`
 * is no version of `HAM`). Undefined when the name has no such suffix.
 */
export function findVersionBase(name: string): { family: string; explicit: boolean } | undefined {
  for (const [pattern, explicit] of [
    [EXPLICIT_VERSION, true],
    [SIZE_SUFFIX, false],
  ] as const) {
    const family = pattern.exec(name)?.[1]?.replace(/[-\s_]+$/, '');
    if (family && /\p{L}/u.test(family)) return { family, explicit };
  }
  return undefined;
}
