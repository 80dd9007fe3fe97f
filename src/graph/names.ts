/**
 * The one name normaliser: the key under which two spellings of an entity name are one entity.
 * Part of the id scheme (ids.ts builds entity ids from these keys), so the loaders and the API
 * (look-up by name) share it.
 */

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
