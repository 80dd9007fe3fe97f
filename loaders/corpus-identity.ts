import type { EntityKind, PaperGraph } from '../src/graph/model.js';
import { buildEntityId } from '../src/graph/ids.js';
import { normalizeName } from '../src/graph/names.js';
import type { EntityMention } from './extract/entity-set.js';
import { buildGraph, EntityPropsTally, type EntityProps } from './build-graph.js';
import { extractOwn, sharedMatchers, type ExtractedPaper, type PaperEntity, type PaperExtraction } from './extract-corpus.js';
import type { ExtractionCache } from './extraction-cache.js';
import { EntityLinker } from './link-entities.js';
import type { Paper } from './papers.js';
import { KindTally, mergeSpellings, reconcileKinds, SpellingTally } from './reconcile-identity.js';

/** One visit of a corpus pass: sees each paper's own extraction once. */
type Visit = (paper: PaperExtraction) => void;

/** A corpus that can be walked paper by paper as often as identity needs: an array, a store's pages, a spool file. */
export type CorpusWalk = (visit: Visit) => Promise<void>;

/**
 * Corpus-wide identity: acronyms one paper defines name the same entity in the others, spellings
 * and kinds are settled by the papers that use them, and each entity's display name, aliases,
 * direction and broader ids by their votes. Derived in passes over the corpus, each holding a
 * tally per key (acronym, id, slug, entity), never a paper: a corpus of any size is walked page
 * by page. A function of the set of papers alone: their order or batches do not change any id.
 */
export class CorpusIdentity {
  private constructor(
    private readonly linker: EntityLinker,
    private readonly canonical: ReadonlyMap<string, string>,
    private readonly kept: ReturnType<KindTally['kept']>,
    private props: ReadonlyMap<string, EntityProps>,
  ) {}

  /** Identity of papers held in memory. */
  static ofPapers(papers: readonly PaperExtraction[]): CorpusIdentity {
    const steps = CorpusIdentity.passes();
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      for (const paper of papers) step.value(paper);
    }
  }

  /** Identity of a corpus walked once per pass (four walks). */
  static async ofCorpus(walk: CorpusWalk): Promise<CorpusIdentity> {
    const steps = CorpusIdentity.passes();
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      await walk(step.value);
    }
  }

  /** A paper with corpus-wide ids: linked, spellings merged, one kind per name. */
  linked(paper: PaperExtraction): ExtractedPaper {
    return reconcileKinds(mergeSpellings(linkPaper(paper, this.linker), this.canonical), this.kept);
  }

  /** A paper's graph, its entities with the properties the corpus chose. */
  graph(paper: PaperExtraction): PaperGraph {
    return buildGraph(this.linked(paper), this.props);
  }

  /** The passes, each a visit of every paper, ending with the identity they derive. */
  private static *passes(): Generator<Visit, CorpusIdentity, undefined> {
    const linker = new EntityLinker();
    yield (e) => linker.addDefinitions(e.entities);
    const spellings = new SpellingTally();
    yield (e) => spellings.add(linkPaper(e, linker));
    const canonical = spellings.canonical();
    const kinds = new KindTally(listedKinds);
    yield (e) => kinds.add(mergeSpellings(linkPaper(e, linker), canonical));
    const identity = new CorpusIdentity(linker, canonical, kinds.kept(), new Map());
    const props = new EntityPropsTally();
    yield (e) => props.add(identity.linked(e));
    identity.props = props.chosen();
    return identity;
  }
}

/**
 * Extracts every paper (through the cache when one is given), then links entities across the
 * corpus so that the same entity has the same id in every paper.
 */
export function extractCorpus(papers: readonly Paper[], cache?: ExtractionCache): ExtractedPaper[] {
  return linkCorpus(papers.map((paper) => ({ paper, entities: extractOwn(paper, cache) })));
}

/** Papers held in memory with corpus-wide identity (CorpusIdentity). */
export function linkCorpus(extracted: readonly PaperExtraction[]): ExtractedPaper[] {
  const identity = CorpusIdentity.ofPapers(extracted);
  return extracted.map((paper) => identity.linked(paper));
}

/** A paper's entities with ids from the acronyms the corpus defines (before spellings and kinds are settled). */
function linkPaper({ paper, entities }: PaperExtraction, linker: EntityLinker): ExtractedPaper {
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
}

/** The kinds the curated lists give a whole name, for settling a name papers type differently. */
function listedKinds(name: string): EntityKind[] {
  const matchers = sharedMatchers();
  const kinds: EntityKind[] = [];
  if (matchers.metrics.lookup(name)) kinds.push('metric');
  if (matchers.datasets.lookup(name)) kinds.push('dataset');
  if (matchers.methods.lookup(name)) kinds.push('method');
  if (matchers.tasks.lookup(name)) kinds.push('task');
  if (matchers.families.lookup(name)) kinds.push('concept');
  return kinds;
}
