import type { EntityKind } from '../src/graph/model.js';
import { EntityLinker } from './link-entities.js';
import { buildMatchers, extractPaper, type Matchers, type PaperEntities } from './extract/extract-paper.js';
import type { EntityMention } from './extract/entity-set.js';
import type { Evidence } from './extract/evidence.js';
import { parseWithCompromise } from './extract/parse-with-compromise.js';
import { readLexicon } from './lexicon/read-lexicon.js';
import { buildEntityId } from '../src/graph/ids.js';
import { normalizeName } from '../src/graph/names.js';
import { reconcileIdentity } from './reconcile-identity.js';
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

/** The per-paper extraction, with the shared matchers built on first use. */
export function extractEntities(paper: Paper): PaperEntities {
  matchers ??= buildMatchers(readLexicon());
  return extractPaper({ ...(paper.titleDerived ? {} : { title: paper.title }), abstract: paper.abstract }, matchers, parseWithCompromise);
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

/**
 * Extracts every paper (through the cache when one is given), then links entities across the
 * corpus so that the same entity has the same id in every paper.
 */
export function extractCorpus(papers: readonly Paper[], cache?: ExtractionCache): ExtractedPaper[] {
  return linkCorpus(papers.map((paper) => ({ paper, entities: extractOwn(paper, cache) })));
}

/**
 * Corpus-wide identity from papers' own extractions: acronyms one paper defines name the same
 * entity in the others, spellings and kinds are settled by the papers that use them. A function
 * of the set of papers alone: their order does not change any id.
 */
export function linkCorpus(extracted: readonly PaperExtraction[]): ExtractedPaper[] {
  const linker = new EntityLinker();
  for (const { entities } of extracted) linker.addDefinitions(entities);
  return reconcileIdentity(
    extracted.map(({ paper, entities }) => {
      const link =
        (kind: EntityKind) =>
        (e: EntityMention): PaperEntity => ({
          id: linker.idOf(kind, e),
          name: e.name,
          aliases: e.aliases,
          evidence: e.evidence,
          ...(e.broader ? { broader: e.broader.map((name) => buildEntityId(kind, name)) } : {}),
        });
      // A bare acronym that another paper defines as a lower-case concept is that concept here too.
      const asConcept = (e: EntityMention): string | undefined =>
        e.canonical || e.aliases.length > 0 || e.role === 'PROPOSED' ? undefined : linker.conceptOf(e.name);
      const movedConcepts = entities.methods
        .filter((e) => asConcept(e))
        .map((e) => ({ ...e, key: normalizeName(asConcept(e)!), aliases: [e.name], name: asConcept(e)!, role: undefined }));
      const concepts = [...entities.concepts.filter((c) => !movedConcepts.some((m) => m.key === c.key)), ...movedConcepts];
      return {
        ...paper,
        methods: entities.methods.filter((e) => !asConcept(e)).map((e) => ({ ...link('method')(e), role: e.role ?? 'USED' })),
        datasets: entities.datasets.map(link('dataset')),
        tasks: entities.tasks.map(link('task')),
        metrics: entities.metrics.map((e) => ({ ...link('metric')(e), higherIsBetter: e.higherIsBetter })),
        results: entities.results,
        repositories: entities.repositories,
        links: entities.links,
        arxivIds: entities.arxivIds,
        concepts: concepts.map(link('concept')),
      };
    }),
    listedKinds,
  );
}

/** The kinds the curated lists give a whole name, for settling a name papers type differently. */
function listedKinds(name: string): EntityKind[] {
  matchers ??= buildMatchers(readLexicon());
  const kinds: EntityKind[] = [];
  if (matchers.metrics.lookup(name)) kinds.push('metric');
  if (matchers.datasets.lookup(name)) kinds.push('dataset');
  if (matchers.methods.lookup(name)) kinds.push('method');
  if (matchers.tasks.lookup(name)) kinds.push('task');
  if (matchers.families.lookup(name)) kinds.push('concept');
  return kinds;
}
