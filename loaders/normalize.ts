/**
 * Text normalisers of the readers: whitespace, folding for paper identity, arXiv ids and dates.
 * Entity names are normalised, and ids built, by src/graph (names.ts, ids.ts), which the API
 * shares.
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
