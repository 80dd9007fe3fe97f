import { normalizeWhitespace } from '../normalize.js';
import { endsWithAbbreviation, findSentenceEnds } from '../../src/graph/sentences.js';

/**
 * Plain-text paper sources: a copied "trending papers" listing (a title line, then an abstract
 * line, blank lines optional, page chrome anywhere) or one abstract per line with no titles.
 * Pure: it sees lines, never files.
 */

// Page chrome of paper-listing sites, matched whole-line and case-insensitively.
const CHROME_LINES = [
  'new',
  'subscribe',
  'get trending papers in your email inbox!',
  'get trending papers in your email inbox once a day!',
  'byak and the research community',
  'daily papers',
  'trending papers',
];
const DATE_LINE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(, \d{4})?$/i;
const COUNT_LINE = /^[\d,.]+k?$/i;
// Chrome that a copy glued to the next line: stripped only when an upper-case start follows it.
const GLUED_PREFIXES = ['Subscribe', 'Get trending papers in your email inbox!', 'Get trending papers in your email inbox once a day!'];

/** True for a line that is page chrome and never a title or an abstract. */
export function isChrome(line: string): boolean {
  const text = line.trim();
  return CHROME_LINES.includes(text.toLowerCase()) || DATE_LINE.test(text) || COUNT_LINE.test(text);
}

/** Removes chrome glued to the start of a line: `SubscribeNeed is All…` gives `Need is All…`. */
export function stripGluedChrome(line: string): string {
  let text = line.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of GLUED_PREFIXES) {
      const rest = text.slice(prefix.length);
      if (text.startsWith(prefix) && /^\s*[\p{Lu}\p{N}[("'“]/u.test(rest)) {
        text = rest.trim();
        changed = true;
      }
    }
  }
  return text;
}

/**
 * True when a line reads as an abstract rather than a title. Titles are short, one clause and
 * rarely end with a period; abstracts are long or several sentences. `afterTitle` says a title is
 * waiting for its abstract, which lets a short one-sentence abstract ending in `.` count.
 */
export function isAbstractLike(line: string, afterTitle: boolean): boolean {
  const text = line.trim();
  const ends = findSentenceEnds(text);
  if (text.length >= 300 || ends.length >= 2) return true;
  // Titles ask questions (`Are X the Best Choice? A Study of Y`), so only a full stop counts here.
  if (ends.some((end) => text[end - 1] === '.') && text.length >= 120) return true;
  return /[.]$/.test(text) && !endsWithAbbreviation(text) && (afterTitle || text.length >= 100);
}

export type TextLayout = 'listing' | 'abstracts';

/**
 * Decides from a file's first lines whether it is a listing (some line reads as a title or is
 * chrome) or one abstract per line (every line reads as an abstract).
 */
export function detectTextLayout(sampleLines: readonly string[]): TextLayout {
  for (const raw of sampleLines) {
    const line = raw.trim();
    if (!line) continue;
    if (isChrome(line) || stripGluedChrome(line) !== line || !isAbstractLike(line, false)) return 'listing';
  }
  return 'abstracts';
}

export type ListingItem = { kind: 'paper'; title?: string; abstract: string; line: number } | { kind: 'orphan-title'; title: string; line: number };

/**
 * Turns text lines into papers, one line at a time so a file of any size streams through it.
 * A title waits for the next abstract-like line; a second title before it means the first had no
 * abstract, which is reported rather than silently glued to the wrong abstract.
 */
export class ListingParser {
  private pending: { title: string; line: number } | undefined;

  constructor(private readonly layout: TextLayout) {}

  push(raw: string, line: number): ListingItem[] {
    if (!raw.trim() || isChrome(raw)) return [];
    const text = normalizeWhitespace(stripGluedChrome(raw));
    if (!text || isChrome(text)) return [];
    if (this.layout === 'abstracts' || isAbstractLike(text, this.pending !== undefined)) {
      const pending = this.pending;
      this.pending = undefined;
      return pending ? [{ kind: 'paper', title: pending.title, abstract: text, line: pending.line }] : [{ kind: 'paper', abstract: text, line }];
    }
    const orphan = this.end();
    this.pending = { title: text, line };
    return orphan;
  }

  /** Flushes a title still waiting for an abstract at the end of the input. */
  end(): ListingItem[] {
    const pending = this.pending;
    this.pending = undefined;
    return pending ? [{ kind: 'orphan-title', title: pending.title, line: pending.line }] : [];
  }
}
