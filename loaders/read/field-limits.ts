import type { RawPaper } from './raw-paper.js';

/**
 * Field limits, in characters, for every paper a reader yields: generous for real papers (the
 * longest arXiv title is ~300 characters, abstracts are capped at 1,920 by arXiv and a few
 * thousand elsewhere) yet small enough that one bad record cannot bloat the store, the extractor
 * or a GraphQL response. A record over a limit is rejected alone, never truncated: a cut title or
 * abstract would be a different paper.
 */
export const FIELD_LIMITS = {
  title: 1_000,
  abstract: 20_000,
  /** One author's name. */
  authorName: 300,
  /** How many authors one paper may list (large collaborations reach a few hundred). */
  authors: 1_000,
  url: 2_000,
  codeUrl: 2_000,
  arxivId: 100,
  published: 100,
} as const;

/**
 * C0 control characters and DEL, except tab, line feed and carriage return, which are layout.
 * Also C1 controls (U+0080–U+009F), which only turn up as mis-decoded bytes.
 */
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f-\x9f]/g;
/** Vertical tab and form feed separate words (pages of a PDF-to-text dump): a space, not nothing. */
const BREAK = /[\x0b\x0c]/g;

/** Removes control characters from text: a stray NUL costs the character, not the paper. */
export function stripControls(text: string): string {
  return text.replace(CONTROL, '').replace(BREAK, ' ');
}

/**
 * The paper with control characters stripped from every text field (JSON `\u0000` escapes reach
 * here even though raw bytes were stripped while decoding), or why it breaks a field limit.
 */
export function checkPaper(paper: RawPaper): { paper: RawPaper } | { reason: string } {
  const clean: RawPaper = { ...paper, abstract: stripControls(paper.abstract).trim() };
  for (const key of ['title', 'url', 'arxivId', 'published', 'codeUrl'] as const) {
    const value = paper[key];
    if (value === undefined) continue;
    const stripped = stripControls(value).trim();
    if (stripped) clean[key] = stripped;
    else delete clean[key];
  }
  if (!clean.abstract) return { reason: `abstract is empty once control characters are removed${titleHint(clean.title)}` };
  if (paper.authors) {
    const authors = paper.authors.map((name) => stripControls(name).trim()).filter((name) => name.length > 0);
    if (authors.length > 0) clean.authors = authors;
    else delete clean.authors;
  }

  for (const key of ['title', 'abstract', 'url', 'codeUrl', 'arxivId', 'published'] as const) {
    const value = clean[key];
    if (value !== undefined && value.length > FIELD_LIMITS[key]) return { reason: tooLong(key, value.length, FIELD_LIMITS[key], clean.title) };
  }
  const authors = clean.authors ?? [];
  if (authors.length > FIELD_LIMITS.authors) {
    return { reason: `too many authors: ${authors.length}, the limit is ${FIELD_LIMITS.authors}${titleHint(clean.title)}` };
  }
  const index = authors.findIndex((name) => name.length > FIELD_LIMITS.authorName);
  if (index !== -1) return { reason: tooLong(`author ${index + 1}`, authors[index]!.length, FIELD_LIMITS.authorName, clean.title) };
  return { paper: clean };
}

function tooLong(field: string, length: number, limit: number, title: string | undefined): string {
  return `${field} too long: ${length} characters, the limit is ${limit}${field === 'title' ? '' : titleHint(title)}`;
}

/** Names the paper when its title is usable, so the user can find it. */
function titleHint(title: string | undefined): string {
  return title && title.length <= FIELD_LIMITS.title ? ` (title: "${title.slice(0, 80)}")` : '';
}
