import { createHash } from 'node:crypto';

/**
 * The one normaliser and id scheme of the project. Every key used to decide "same thing"
 * (a paper's title or abstract, later an entity's name) and every node id comes from here.
 */

// TeX accent commands as they appear in exported metadata (`Bal\'azs`, `\"o`, `{\"u}`).
const TEX_ACCENT = /\\[`'^"~=.uvHtcdbk]\{?([A-Za-z])\}?/g;

/** Collapses runs of whitespace (including hard wraps) to single spaces and trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Folds text for comparison: Unicode compatibility forms, TeX accents and diacritics removed,
 * lower case, every run of non-alphanumerics a single space. `Re-IQA:  Unsupervised` and
 * `re iqa unsupervised` fold to the same string.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(TEX_ACCENT, '$1')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A short, stable hex digest of a string: the same input gives the same digest everywhere. */
export function digest(text: string, length = 16): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, length);
}

/** `kind:key` — the readable node-id scheme shared by every label (`paper:…`, `method:…`). */
export function buildId(kind: string, key: string): string {
  return `${kind}:${key}`;
}

const ARXIV_NEW = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const ARXIV_OLD = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?$/;
const ARXIV_URL = /^(?:https?:)?\/\/(?:export\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?$/i;

/**
 * The version-less arXiv id in an id or an arXiv URL (`2410.15027v2`, `http://arxiv.org/abs/
 * quant-ph/0210005v1`, `arXiv:2410.15027`), or undefined when the value is not one.
 */
export function normalizeArxivId(value: string): string | undefined {
  let id = value.trim().replace(/^arxiv:/i, '');
  const url = ARXIV_URL.exec(id);
  if (url) id = url[1]!;
  const match = ARXIV_NEW.exec(id) ?? ARXIV_OLD.exec(id);
  return match ? match[1] : undefined;
}

const COMBINING: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
};

/** Turns TeX accent commands into letters (`Bal\'azs` → `Balázs`), as arXiv metadata writes names. */
export function decodeTexAccents(text: string): string {
  return text
    .replace(/\{?\\([`'^"~=.uvHck])\{?([A-Za-z])\}?\}?/g, (whole, accent: string, letter: string) => {
      const mark = COMBINING[accent];
      return mark ? `${letter}${mark}` : whole;
    })
    .normalize('NFC');
}

/**
 * A publication date as ISO `YYYY-MM-DD`, or `YYYY` when only the year is known; undefined when
 * the value is no date. Accepts ISO timestamps, RFC 2822 dates and bare years.
 */
export function normalizeDate(value: string): string | undefined {
  const text = value.trim();
  if (/^\d{4}(?:-\d{2})?$/.test(text)) return text;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(text);
  if (iso) return iso[1];
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  // A date written with a zone is read in that zone; one without is the calendar date as written.
  if (/\b(?:GMT|UTC|Z)\b|[+-]\d{2}:?\d{2}\b/.test(text)) return date.toISOString().slice(0, 10);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'their', 'its', 'this', 'these', 'those', 'such']);

/** A word of a name: letters and digits, keeping inner `-`, `/`, `.`, `@`, `'` and a final `+`. */
export const WORD_PATTERN = /[\p{L}\p{N}](?:[\p{L}\p{N}@'’]|[-/.](?=[\p{L}\p{N}]))*\+*/gu;

/** Singular of one lower-case English word, for the plural forms paper text uses. */
export function singularize(word: string): string {
  if (word.length <= 3 || /(?:ss|us|is|ics|ness|sis|xis)$/.test(word)) return word;
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses|zes)$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The folded form of one word of a name: lower case, accents and TeX accents dropped, `-` and `_`
 * as spaces. `last` makes it singular, as the last word of a name: a lower-case plural loses its
 * ending (`networks` → `network`), an upper-case acronym its `s` (`DDPMs` → `ddpm`).
 */
export function normalizeWord(word: string, last: boolean): string {
  // Plain ASCII words skip the Unicode folding, which is the slow part.
  let key =
    /^[\x20-\x7e]*$/.test(word) && !word.includes('\\')
      ? word.toLowerCase()
      : decodeTexAccents(word)
          .normalize('NFKD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase();
  // One spelling per name: a hyphen between letters and digits goes (`HMDB-51` = `HMDB51`,
  // `GPT-2` = `GPT2`), as does the hyphen of a prefix that papers also write glued
  // (`pre-training` = `pretraining`, `multi-task` = `multitask`); other hyphens become spaces.
  // Most words are plain letters: only a word with a dash or underscore needs the folds.
  if (/[‐‑‒–—_-]/.test(key)) {
    key = key
      .replace(/(?<=\p{L})[‐‑‒–—-](?=\d)/gu, '')
      .replace(/^(pre|post|multi|non|semi|fine|co)[‐‑‒–—-](?=\p{L})/u, '$1')
      .replace(/[‐‑‒–—_-]+/g, ' ');
  }
  if (!last) return key;
  if (/^[A-Z][A-Z0-9-]*[A-Z0-9]s$/.test(word)) return key.slice(0, -1);
  const space = key.lastIndexOf(' ');
  const tail = key.slice(space + 1);
  return /^[a-z]+$/.test(tail) ? key.slice(0, space + 1) + singularize(tail) : key;
}

/** The key of a run of words: each word folded, the last one singular, a leading article dropped. */
export function normalizeWords(words: readonly string[]): string {
  let from = 0;
  while (from < words.length - 1 && DETERMINERS.has(words[from]!.toLowerCase())) from++;
  return words
    .slice(from)
    .map((word) => word.replace(/['’]s?$/, ''))
    .map((word, i, all) => normalizeWord(word, i === all.length - 1))
    .join(' ');
}

/**
 * The key under which two spellings of an entity name are the same entity: case, accents,
 * hyphens, underscores and spacing folded, a leading article or possessive dropped, and the last
 * word singular. `+`, `/`, `@` and `.` inside words are kept: `RefCOCO+` is not `RefCOCO`, and
 * `pass@1` is not `pass 1`.
 */
export function normalizeName(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    // Rules ask for the key of the same words over and over (every word of every noun phrase):
    // a bounded memo spares most of the folding, the larger part of extraction's own time.
    if (nameKeys.size >= 200_000) nameKeys.clear();
    key = normalizeWords(name.match(WORD_PATTERN) ?? []);
    nameKeys.set(name, key);
  }
  return key;
}

const nameKeys = new Map<string, string>();

/** An id-safe slug of a normalised name: `parameter efficient fine tuning` → `parameter-efficient-fine-tuning`. */
export function slugify(key: string): string {
  return key
    .replace(/\+/g, ' plus ')
    .replace(/@/g, ' at ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The readable id of an entity: `method:lora`, `dataset:wikitext-103`. */
export function buildEntityId(kind: string, name: string): string {
  return buildId(kind, slugify(normalizeName(name)));
}
