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

const COMBINING: Record<string, string> = { "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307', u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328' };

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
  if (/^\d{4}$/.test(text)) return text;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(text);
  if (iso) return iso[1];
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}
