import { z } from 'zod';
import { normalizeArxivId, normalizeDate, normalizeWhitespace } from '../normalize.js';
import { decodeTexAccents } from '../../src/graph/names.js';
import type { RawPaper } from './raw-paper.js';

/**
 * Maps one JSON paper record, in any of the shapes that arXiv (API JSON and the Kaggle snapshot),
 * Semantic Scholar, Hugging Face daily papers, OpenAlex and Papers with Code export, to a paper.
 * Pure: the caller adds the source location.
 */
export type RecordResult = { paper: Omit<RawPaper, 'source'> } | { reason: string };

const text = z.string().transform(normalizeWhitespace).pipe(z.string().min(1));
const optionalText = text.nullish().catch(undefined);
const authorName = z.union([
  z.string(),
  z.object({ name: z.string() }).transform((a) => a.name),
  z.object({ author: z.object({ display_name: z.string() }) }).transform((a) => a.author.display_name),
]);

const Record = z.looseObject({
  id: z.union([z.string(), z.number()]).nullish().catch(undefined),
  paperId: optionalText,
  arxiv_id: optionalText,
  arxivId: optionalText,
  paper_arxiv_id: optionalText,
  externalIds: z.looseObject({ ArXiv: optionalText }).nullish().catch(undefined),
  title: optionalText,
  display_name: optionalText,
  paper_title: optionalText,
  abstract: optionalText,
  summary: optionalText,
  abstract_inverted_index: z.record(z.string(), z.array(z.number())).nullish().catch(undefined),
  url: optionalText,
  paper_url_abs: optionalText,
  published: optionalText,
  publishedAt: optionalText,
  publicationDate: optionalText,
  publication_date: optionalText,
  update_date: optionalText,
  year: z.union([z.number(), z.string()]).nullish().catch(undefined),
  publication_year: z.number().nullish().catch(undefined),
  versions: z
    .array(z.looseObject({ created: optionalText }))
    .nullish()
    .catch(undefined),
  authors: z
    .union([z.string(), z.array(authorName.nullish().catch(undefined))])
    .nullish()
    .catch(undefined),
  authorships: z.array(authorName.nullish().catch(undefined)).nullish().catch(undefined),
  githubRepo: optionalText,
  repo_url: optionalText,
});

/** OpenAlex stores abstracts as word → positions; this puts the words back in order. */
export function rebuildInvertedAbstract(index: Record<string, number[]>): string {
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) {
    for (const position of positions) words[position] = word;
  }
  return normalizeWhitespace(words.filter((w) => w !== undefined).join(' '));
}

function splitAuthorList(authors: string): string[] {
  return authors
    .split(/,\s*|\s+and\s+/)
    .map(normalizeWhitespace)
    .filter((name) => name.length > 0);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export function parseRecord(value: unknown): RecordResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { reason: `record is ${describe(value)}, not a paper object` };
  }
  // Hugging Face nests the paper; its outer title and summary are fall-backs.
  const outer = value as { paper?: unknown };
  const inner = outer.paper && typeof outer.paper === 'object' && !Array.isArray(outer.paper) ? outer.paper : undefined;
  const parsedOuter = Record.safeParse(value);
  const parsedInner = inner ? Record.safeParse(inner) : undefined;
  if (!parsedOuter.success) return { reason: `unreadable record: ${parsedOuter.error.issues[0]?.message ?? 'invalid'}` };
  const r = parsedInner?.success ? { ...parsedOuter.data, ...stripUndefined(parsedInner.data) } : parsedOuter.data;

  const title = r.title ?? r.display_name ?? r.paper_title ?? undefined;
  const abstract = r.abstract ?? r.summary ?? (r.abstract_inverted_index ? rebuildInvertedAbstract(r.abstract_inverted_index) : undefined);
  if (!abstract) {
    return { reason: title ? `no abstract (title: "${title.slice(0, 80)}")` : 'no abstract and no title' };
  }
  const id = r.id === null || r.id === undefined ? undefined : String(r.id);
  const arxivId = [r.arxiv_id, r.arxivId, r.paper_arxiv_id, r.externalIds?.ArXiv, id, r.url, r.paper_url_abs]
    .map((candidate) => (candidate ? normalizeArxivId(candidate) : undefined))
    .find((candidate) => candidate !== undefined);
  const url = r.url ?? (id && /^https?:\/\//.test(id) ? id : undefined) ?? r.paper_url_abs ?? (arxivId ? `https://arxiv.org/abs/${arxivId}` : undefined);
  const year = r.year ?? r.publication_year;
  const rawPublished =
    r.published ??
    r.publishedAt ??
    r.publicationDate ??
    r.publication_date ??
    r.versions?.[0]?.created ??
    r.update_date ??
    (year === null || year === undefined ? undefined : String(year));
  const published = rawPublished === undefined ? undefined : normalizeDate(rawPublished);
  const authorList = typeof r.authors === 'string' ? splitAuthorList(r.authors) : (r.authors ?? r.authorships ?? []);
  const authors = authorList.filter((a): a is string => typeof a === 'string' && a.trim().length > 0).map((a) => decodeTexAccents(normalizeWhitespace(a)));
  const codeUrl = r.githubRepo ?? r.repo_url ?? undefined;

  const paper: Omit<RawPaper, 'source'> = { abstract };
  if (title) paper.title = title;
  if (url) paper.url = url;
  if (arxivId) paper.arxivId = arxivId;
  if (published) paper.published = published;
  if (authors.length > 0) paper.authors = authors;
  if (codeUrl) paper.codeUrl = codeUrl;
  return { paper };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
