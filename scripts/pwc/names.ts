import { singularize } from '../../src/graph/names.js';

/** Lower-case English words (proper nouns left out), e.g. Debian's `/usr/share/dict/words`. */
export type WordList = ReadonlySet<string>;

/**
 * The word list in `text` (one word a line): only entries written wholly in lower case, so
 * `record` counts as ordinary English but `Beatles` or `Klondike` do not.
 */
export function parseWordList(text: string): WordList {
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.trim();
    if (/^[a-z]+$/.test(word)) words.add(word);
  }
  return words;
}

/**
 * One name as the archive wrote it, tidied: Unicode compatibility forms folded, typographic
 * dashes and quotes made ASCII, tripled CSV quotes and spaces collapsed.
 */
export function tidyName(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^"+(.*?)"+$/, '$1')
    .trim();
}

/**
 * The key two spellings share when they are one entry: lower case, accents dropped, only letters,
 * digits, `+` and `@` kept (and a `.` between digits), a leading article dropped and the last word
 * singular as the project's normaliser makes it, so `CIFAR10` = `CIFAR-10`, `20NewsGroups` =
 * `20 Newsgroups` and `Recall @ 10` = `Recall@10`, while `RefCOCO+` stays apart from `RefCOCO`.
 */
export function buildMergeKey(name: string): string {
  const loose = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+(?=\S)/, '')
    .replace(/[^a-z0-9+@.]/g, '')
    .replace(/(?<!\d)\.|\.(?!\d)/g, '');
  const tail = /[a-z]+$/.exec(loose);
  return tail ? loose.slice(0, tail.index) + singularize(tail[0]) : loose;
}

/** True when every letter in `text` is of the Latin script (accented letters included). */
export function isLatin(text: string): boolean {
  return /^[^\p{L}]*(?:\p{Script=Latin}[^\p{L}]*)*$/u.test(text);
}

/** The words of a name, split at spaces and hyphens, lower case. */
export function splitWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s/-]+/)
    .filter((word) => word.length > 0);
}

/**
 * True when the phrase, in lower case, is ordinary English: every word of it (split at spaces
 * and hyphens) is in the word list and none carries a digit. `Natural Questions`, `ReCoRD` and
 * `Flowers` are; `CIFAR-10`, `Story Cloze` and `Places365` are not.
 */
export function isOrdinaryEnglish(phrase: string, words: WordList): boolean {
  const parts = splitWords(phrase.replace(/'s\b/g, ''));
  return parts.length > 0 && parts.every((word) => /^[a-z]+$/.test(word) && words.has(word));
}

/**
 * True when `short` abbreviates `long`: both begin with the same letter or digit and every letter
 * and digit of `short` appears in `long` in order (`ABSA` ← `Aspect-Based Sentiment Analysis`,
 * `CoIR` ← `Composed Image Retrieval`). A lower-case word is never an abbreviation.
 */
export function isAbbreviationOf(short: string, long: string): boolean {
  const letters = short.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const source = long.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (letters.length < 2 || letters.length > 12 || letters.length >= source.length) return false;
  if (!/[A-Z]/.test(short) || short === short.toLowerCase()) return false;
  if ((short.match(/[A-Z]/g) ?? []).length < 2 && !/\d/.test(short)) return false;
  if (letters[0] !== source[0]) return false;
  let at = 0;
  for (const letter of letters) {
    at = source.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** A trailing `(…)` group split off a name, or undefined when the name has none (or it is unbalanced). */
export function splitTrailingGroup(name: string): { base: string; inner: string } | undefined {
  if (!name.endsWith(')')) return undefined;
  let depth = 0;
  for (let i = name.length - 1; i >= 0; i--) {
    const char = name[i];
    if (char === ')') depth++;
    else if (char === '(') depth--;
    if (depth === 0) {
      const base = name.slice(0, i).trim();
      return base ? { base, inner: name.slice(i + 1, -1).trim() } : undefined;
    }
  }
  return undefined;
}

/** True when the parentheses in `text` pair up. */
export function hasBalancedParentheses(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * The spelling to show for names that share a key: the one written most often, then the one with
 * the most title-case words (`Domain Adaptation` over `Domain adaptation`, `Multi-Label` over
 * `MUlTI-LABEL`), then the most capitals (`CIFAR-10` over `cifar-10`), then the most word breaks
 * (`CIFAR-10` over `CIFAR10`), then the first in code-point order, so the choice never depends on row order.
 */
export function pickDisplayName(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const spelling of spellings) counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
  const titleWords = (s: string): number => (s.match(/(?:^|[\s-])\p{Lu}\p{Ll}/gu) ?? []).length;
  const capitals = (s: string): number => (s.match(/\p{Lu}/gu) ?? []).length;
  const breaks = (s: string): number => (s.match(/[\s-]/g) ?? []).length;
  const ranked = [...counts].sort(
    ([a, countA], [b, countB]) =>
      countB - countA || titleWords(b) - titleWords(a) || capitals(b) - capitals(a) || breaks(b) - breaks(a) || compareCodePoints(a, b),
  );
  return ranked[0]![0];
}

/** Edit distance with adjacent transpositions counted as one edit (`Retreival` is one from `Retrieval`). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** Code-point order, independent of the machine's locale. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sort order of the shipped lists: by name ignoring case, then exactly. */
export function compareNames(a: { name: string }, b: { name: string }): number {
  return compareCodePoints(a.name.toLowerCase(), b.name.toLowerCase()) || compareCodePoints(a.name, b.name);
}

/** Distinct values by merge key (each shown as `pickDisplayName` picks), sorted, without `exclude`'s key. */
export function sortDistinct(values: Iterable<string>, exclude?: string): string[] {
  const byKey = new Map<string, string[]>();
  for (const value of values) {
    const key = buildMergeKey(value);
    if (!key || key === exclude) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), value]);
  }
  return [...byKey.values()].map(pickDisplayName).sort((a, b) => compareNames({ name: a }, { name: b }));
}
