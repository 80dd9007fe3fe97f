import { buildMatchers, extractPaper, type Matchers, type PaperEntities } from './extract/extract-paper.js';
import type { Evidence } from './extract/evidence.js';
import { parseWithCompromise } from './extract/parse-with-compromise.js';
import { readLexicon } from './lexicon/read-lexicon.js';
import type { Paper } from './papers.js';
import type { ExtractionCache } from './extraction-cache.js';

/** An entity of a paper as the `kg extract` contract and the graph loader see it. */
export interface PaperEntity {
  id: string;
  name: string;
  aliases: string[];
  evidence: Evidence[];
  /** Ids of broader entities of the same kind the lists declare. */
  broader?: string[];
}

/** A paper with everything extracted from it and corpus-wide entity ids. */
export interface ExtractedPaper extends Paper {
  methods: Array<PaperEntity & { role: 'PROPOSED' | 'USED' }>;
  datasets: PaperEntity[];
  tasks: PaperEntity[];
  metrics: Array<PaperEntity & { higherIsBetter: boolean | null }>;
  results: PaperEntities['results'];
  repositories: PaperEntities['repositories'];
  links: PaperEntities['links'];
  arxivIds: string[];
  concepts: PaperEntity[];
}

let matchers: Matchers | undefined;

/** The matchers of the curated lists, built once per thread on first use. */
export function sharedMatchers(): Matchers {
  matchers ??= buildMatchers(readLexicon());
  return matchers;
}

/** The per-paper extraction, with the shared matchers. */
export function extractEntities(paper: Paper): PaperEntities {
  return extractPaper({ ...(paper.titleDerived ? {} : { title: paper.title }), abstract: paper.abstract }, sharedMatchers(), parseWithCompromise);
}

/** A paper with what was extracted from it alone: the unit the store keeps and identity is linked from. */
export interface PaperExtraction {
  paper: Paper;
  entities: PaperEntities;
}

/** One paper's own extraction, through the cache when one is given. */
export function extractOwn(paper: Paper, cache?: ExtractionCache): PaperEntities {
  return cache ? cache.get(paper, () => extractEntities(paper)) : extractEntities(paper);
}
