import type { PaperNode } from '../src/store/graph-model.js';
import { buildId, digest, foldText } from './normalize.js';
import type { RawPaper, SourceLocation } from './read/raw-paper.js';
import { firstSentence } from './sentences.js';

/** A distinct paper: every occurrence merged, the best of each field kept. */
export interface Paper {
  id: string;
  title: string;
  /** True when no source gave a title and `title` was derived from the abstract's first sentence. */
  titleDerived: boolean;
  abstract: string;
  arxivId?: string;
  url?: string;
  published?: string;
  authors?: string[];
  codeUrls?: string[];
  sources: SourceLocation[];
}

const DERIVED_TITLE_MAX = 120;
// Folded titles shorter than this are too generic to identify a paper on their own.
const MIN_TITLE_KEY = 8;

interface Occurrence {
  order: number;
  raw: RawPaper;
}

interface Group {
  occurrences: Occurrence[];
  keys: string[];
  arxivIds: Set<string>;
}

/**
 * Gathers paper occurrences and merges the ones that are the same paper: same folded title, same
 * folded abstract or same arXiv id, transitively. Occurrences may arrive in any order; the
 * result depends only on the set of occurrences and their order of arrival for ties.
 */
export class PaperCollector {
  private readonly groupOfKey = new Map<string, Group>();
  private readonly groups = new Set<Group>();
  private count = 0;

  /** Number of occurrences added. */
  get occurrences(): number {
    return this.count;
  }

  add(raw: RawPaper): void {
    const occurrence: Occurrence = { order: this.count++, raw };
    const keys = identityKeys(raw);
    let group: Group = { occurrences: [occurrence], keys: [], arxivIds: new Set(raw.arxivId ? [raw.arxivId] : []) };
    this.groups.add(group);
    for (const key of keys) {
      const existing = this.groupOfKey.get(key);
      if (existing === undefined) {
        group.keys.push(key);
        this.groupOfKey.set(key, group);
      } else if (existing !== group && !conflicting(existing, group)) {
        group = this.merge(existing, group);
      }
    }
  }

  /** The distinct papers, in order of their first occurrence. */
  papers(): Paper[] {
    const papers = [...this.groups]
      .map((group) => ({ first: Math.min(...group.occurrences.map((o) => o.order)), paper: buildPaper(group) }))
      .sort((a, b) => a.first - b.first)
      .map((entry) => entry.paper);
    // Distinct papers with one abstract (arXiv comments on the same lecture) are told apart by
    // their arXiv ids, which is why they were not merged.
    const idCounts = new Map<string, number>();
    for (const paper of papers) idCounts.set(paper.id, (idCounts.get(paper.id) ?? 0) + 1);
    for (const paper of papers) {
      if (paper.arxivId && (idCounts.get(paper.id) ?? 0) > 1) paper.id = buildPaperId([paper.abstract], paper.arxivId);
    }
    return papers;
  }

  private merge(into: Group, from: Group): Group {
    const [big, small] = into.occurrences.length >= from.occurrences.length ? [into, from] : [from, into];
    big.occurrences.push(...small.occurrences);
    for (const id of small.arxivIds) big.arxivIds.add(id);
    for (const key of small.keys) {
      big.keys.push(key);
      this.groupOfKey.set(key, big);
    }
    this.groups.delete(small);
    return big;
  }
}

/** Two groups that carry different arXiv ids are different papers, whatever else they share. */
function conflicting(a: Group, b: Group): boolean {
  if (a.arxivIds.size === 0 || b.arxivIds.size === 0) return false;
  for (const id of a.arxivIds) if (b.arxivIds.has(id)) return false;
  return true;
}

/**
 * The keys under which two occurrences are the same paper. Folded texts are kept as digests so
 * that a large corpus does not hold every abstract twice.
 */
export function identityKeys(raw: RawPaper): string[] {
  const keys = [`a:${digest(foldText(raw.abstract), 24)}`];
  const title = raw.title ? foldText(raw.title) : '';
  if (title.length >= MIN_TITLE_KEY) keys.push(`t:${digest(title, 24)}`);
  if (raw.arxivId) keys.push(`x:${raw.arxivId}`);
  return keys;
}

/**
 * The paper id: a digest of its folded abstract — the one field every occurrence has. When
 * merged occurrences carry different abstracts, the smallest digest wins, so the id never depends
 * on file order and a duplicate with the same abstract never changes it.
 */
export function buildPaperId(abstracts: readonly string[], arxivId?: string): string {
  const suffix = arxivId ? `\n${arxivId}` : '';
  const digests = abstracts.map((abstract) => digest(foldText(abstract) + suffix));
  return buildId('paper', digests.sort()[0]!);
}

/** A display title from an abstract's first sentence, cut at a word boundary. */
export function deriveTitle(abstract: string): string {
  const sentence = firstSentence(abstract).replace(/[.!?]$/, '');
  if (sentence.length <= DERIVED_TITLE_MAX) return sentence;
  const cut = sentence.slice(0, DERIVED_TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > DERIVED_TITLE_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

function buildPaper(group: Group): Paper {
  const ordered = [...group.occurrences].sort((a, b) => a.order - b.order).map((o) => o.raw);
  const first = <K extends keyof RawPaper>(key: K): RawPaper[K] | undefined => ordered.find((r) => r[key] !== undefined)?.[key];
  // The longest abstract is the least truncated one; ties go to the first seen.
  const abstract = ordered.reduce((best, r) => (r.abstract.length > best.length ? r.abstract : best), ordered[0]!.abstract);
  const title = first('title');
  const paper: Paper = {
    id: buildPaperId(ordered.map((r) => r.abstract)),
    title: title ?? deriveTitle(abstract),
    titleDerived: title === undefined,
    abstract,
    sources: ordered.map((r) => r.source),
  };
  const arxivId = first('arxivId');
  if (arxivId) paper.arxivId = arxivId;
  const url = first('url');
  if (url) paper.url = url;
  const published = first('published');
  if (published) paper.published = published;
  const authors = first('authors');
  if (authors) paper.authors = authors;
  const codeUrls = [...new Set(ordered.flatMap((r) => (r.codeUrl ? [r.codeUrl] : [])))];
  if (codeUrls.length > 0) paper.codeUrls = codeUrls;
  return paper;
}

/** A stored paper node back as the loaders' paper, for re-linking it with papers that arrive later. */
export function paperFromNode(node: PaperNode): Paper {
  return {
    id: node.id,
    title: node.title,
    titleDerived: node.titleDerived,
    abstract: node.abstract,
    ...(node.arxivId !== null ? { arxivId: node.arxivId } : {}),
    ...(node.url !== null ? { url: node.url } : {}),
    ...(node.published !== null ? { published: node.published } : {}),
    ...(node.authors.length > 0 ? { authors: node.authors } : {}),
    ...(node.codeUrls.length > 0 ? { codeUrls: node.codeUrls } : {}),
    sources: node.sources.map((source) => {
      const colon = source.lastIndexOf(':');
      return { file: source.slice(0, colon), line: Number(source.slice(colon + 1)) };
    }),
  };
}
