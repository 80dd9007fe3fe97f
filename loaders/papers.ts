import type { PaperNode } from '../src/graph/model.js';
import { foldText } from './normalize.js';
import { buildId, digest } from '../src/graph/ids.js';
import type { RawPaper, SourceLocation } from './read/raw-paper.js';
import { firstSentence } from '../src/graph/sentences.js';

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
  /** The record itself, or null when only its identity is kept (PaperCollector.plan). */
  raw: RawPaper | null;
  /** Digest of its folded abstract: what the paper id is made of. */
  abstractDigest: string;
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

  /** Number of distinct papers they make. */
  get distinct(): number {
    return this.groups.size;
  }

  /** Adds an occurrence; with `keep` false only its identity is kept (for a plan), not the record. */
  add(raw: RawPaper, keep = true): void {
    const occurrence: Occurrence = { order: this.count++, raw: keep ? raw : null, abstractDigest: abstractDigest(raw.abstract) };
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
    const retitled = this.idsTold();
    return [...this.groups]
      .map((group) => ({ first: Math.min(...group.occurrences.map((o) => o.order)), group }))
      .sort((a, b) => a.first - b.first)
      .map(({ group }) => buildPaper(group.occurrences, retitled.has(group)));
  }

  /**
   * How the occurrences added (with `keep` false) make papers, for reading the sources a second
   * time and building each paper as soon as its last occurrence is read again: a paper per group
   * of occurrence numbers. Holds a few numbers per occurrence, not the records.
   */
  plan(): PaperPlan {
    const groupOf = new Int32Array(this.count);
    const sizes: number[] = [];
    const toldByArxiv: boolean[] = [];
    const told = this.idsTold();
    for (const group of this.groups) {
      for (const o of group.occurrences) groupOf[o.order] = sizes.length;
      sizes.push(group.occurrences.length);
      toldByArxiv.push(told.has(group));
    }
    return new PaperPlan(groupOf, sizes, toldByArxiv);
  }

  /**
   * Groups whose id another group shares: distinct papers with one abstract (arXiv comments on the
   * same lecture), told apart by their arXiv ids, which is why they were not merged.
   */
  private idsTold(): Set<Group> {
    const idOf = (group: Group) => buildId('paper', group.occurrences.map((o) => o.abstractDigest).sort()[0]!);
    const idCounts = new Map<string, number>();
    for (const group of this.groups) idCounts.set(idOf(group), (idCounts.get(idOf(group)) ?? 0) + 1);
    return new Set([...this.groups].filter((group) => group.arxivIds.size > 0 && (idCounts.get(idOf(group)) ?? 0) > 1));
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

function abstractDigest(abstract: string): string {
  return digest(foldText(abstract));
}

/** A display title from an abstract's first sentence, cut at a word boundary. */
export function deriveTitle(abstract: string): string {
  const sentence = firstSentence(abstract).replace(/[.!?]$/, '');
  if (sentence.length <= DERIVED_TITLE_MAX) return sentence;
  const cut = sentence.slice(0, DERIVED_TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > DERIVED_TITLE_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** One paper from its occurrences (records kept); `toldByArxiv`: its id takes its arXiv id too (PaperCollector.idsTold). */
function buildPaper(occurrences: readonly Occurrence[], toldByArxiv: boolean): Paper {
  const ordered = [...occurrences].sort((a, b) => a.order - b.order).map((o) => o.raw!);
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
  if (toldByArxiv && paper.arxivId) paper.id = buildPaperId([paper.abstract], paper.arxivId);
  return paper;
}

/**
 * Which occurrences make which paper (PaperCollector.plan): reading the same sources again, in the
 * same order, `add` each record and take every paper as soon as its last occurrence arrives.
 * Holds the records of papers not complete yet: duplicates whose occurrences are far apart.
 */
export class PaperPlan {
  private readonly waiting = new Map<number, Occurrence[]>();
  private next = 0;

  constructor(
    private readonly groupOf: Int32Array,
    private readonly sizes: readonly number[],
    private readonly toldByArxiv: readonly boolean[],
  ) {}

  /** Distinct papers the plan makes. */
  get papers(): number {
    return this.sizes.length;
  }

  /** Occurrences the plan was made from. */
  get occurrences(): number {
    return this.groupOf.length;
  }

  /** The next occurrence, read again; returns its paper when this was the paper's last occurrence. */
  add(raw: RawPaper): Paper | null {
    if (this.next >= this.groupOf.length) throw new Error('the sources hold more records than when they were first read');
    const order = this.next++;
    const group = this.groupOf[order]!;
    const occurrence: Occurrence = { order, raw, abstractDigest: '' };
    const size = this.sizes[group]!;
    if (size === 1) return buildPaper([occurrence], this.toldByArxiv[group]!);
    const occurrences = this.waiting.get(group) ?? [];
    occurrences.push(occurrence);
    if (occurrences.length < size) {
      this.waiting.set(group, occurrences);
      return null;
    }
    this.waiting.delete(group);
    return buildPaper(occurrences, this.toldByArxiv[group]!);
  }

  /** Throws unless every occurrence of the plan was read again. */
  finish(): void {
    if (this.next !== this.groupOf.length)
      throw new Error(`the sources hold fewer records (${this.next}) than when they were first read (${this.groupOf.length})`);
  }
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
