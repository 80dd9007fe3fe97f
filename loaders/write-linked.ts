import type { PaperGraph } from '../src/graph/model.js';
import type { GraphWriter } from '../src/graph/writer.js';
import { buildGraphs } from './build-graph.js';
import type { PaperEntities } from './extract/extract-paper.js';
import { extractOwn, linkCorpus, type PaperExtraction } from './extract-corpus.js';
import { extractorVersion, type ExtractionCache } from './extraction-cache.js';
import { digest } from '../src/graph/ids.js';
import { paperFromNode } from './papers.js';

/** Rounds of re-linking when other loaders keep writing meanwhile, before giving up. */
const MAX_ROUNDS = 8;

export interface WriteLinkedOptions {
  cache?: ExtractionCache;
  batchSize: number;
  onWritten?: (done: number, total: number) => void;
  /** Called as the derived edges (CITES, BROADER) are refreshed. */
  onDerive?: () => void;
  /** Keep a load record (load-record.ts) of these sources: begun before the first batch, completed with the derived edges. */
  record?: { sources: string[] };
}

/** What a linked write did: papers of the batch, and stored papers whose graph changed with them. */
export interface WriteLinkedReport {
  papers: number;
  /** Papers of the batch the store held already (written again). */
  alreadyStored: number;
  relinked: number;
  rounds: number;
  /** The load record kept, when `record` was given and there was something to write. */
  loadId: string | null;
}

/**
 * Writes papers so that the graph depends on the set of papers stored, not on their order or
 * batches: the new papers' own extractions are linked together with every stored paper's
 * (corpus-wide identity: acronyms, spellings, kinds, names), and the new papers plus every stored
 * paper whose graph that changes are written, then derived edges refreshed. When another loader
 * wrote meanwhile (the store's write count moved past this one's writes), the stored corpus is
 * linked again, until a round ends with no foreign write.
 */
export async function writeLinked(batch: readonly PaperExtraction[], store: GraphWriter, options: WriteLinkedOptions): Promise<WriteLinkedReport> {
  const extractor = extractorVersion();
  const fresh = new Map(batch.map((e) => [e.paper.id, e]));
  let relinked = 0;
  let alreadyStored: number | undefined;
  let loadId: string | null = null;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const before = await store.writeCount();
    const stored = await store.readExtractions();
    alreadyStored ??= stored.filter((s) => fresh.has(s.paper.id)).length;
    const storedDigest = new Map(stored.map((s) => [s.paper.id, s.extraction?.extractor === extractor ? s.extraction.digest : null]));
    const corpus: PaperExtraction[] = [...fresh.values()];
    for (const { paper, extraction } of stored) {
      if (fresh.has(paper.id)) continue;
      const own = paperFromNode(paper);
      // A paper extracted by other rules (or stored before records existed) is extracted again.
      const entities = extraction?.extractor === extractor ? (JSON.parse(extraction.entities) as PaperEntities) : extractOwn(own, options.cache);
      corpus.push({ paper: own, entities });
    }
    const graphs = withRecords(buildGraphs(linkCorpus(corpus)), corpus, extractor);
    const changed = graphs.filter((g) => fresh.has(g.paper.id) || storedDigest.get(g.paper.id) !== g.extraction!.digest);
    // The record covers the first round, which writes every paper of the load (and the stored ones
    // they re-link): it begins before that round's first batch and completes with its derived
    // edges. Later rounds only re-link with other loaders' writes, which those loaders' own
    // rounds also cover.
    const recording = round === 1 && options.record !== undefined && changed.length > 0;
    if (recording) loadId = await store.beginLoad({ sources: options.record!.sources, papersTotal: changed.length });
    if (recording) options.onWritten?.(0, changed.length);
    let writes = 0;
    for (let i = 0; i < changed.length; i += options.batchSize) {
      await store.writePapers(changed.slice(i, i + options.batchSize), recording ? loadId! : undefined);
      writes++;
      options.onWritten?.(Math.min(i + options.batchSize, changed.length), changed.length);
    }
    if (writes > 0 || (await store.derivedPending())) {
      options.onDerive?.();
      await store.refreshDerived(recording ? loadId! : undefined);
    }
    relinked += changed.filter((g) => !fresh.has(g.paper.id)).length;
    if ((await store.writeCount()) === before + writes) return { papers: batch.length, alreadyStored, relinked, rounds: round, loadId };
    // Another loader wrote meanwhile: this round's view may be stale; the new papers are stored now.
    fresh.clear();
  }
  throw new Error(`other loaders kept writing to the store; identity was re-linked ${MAX_ROUNDS} times without a quiet round`);
}

/** Each graph with its paper's own extraction and a digest of what it writes. */
function withRecords(graphs: PaperGraph[], corpus: readonly PaperExtraction[], extractor: string): PaperGraph[] {
  const own = new Map(corpus.map((e) => [e.paper.id, e.entities]));
  return graphs.map((graph) => ({
    ...graph,
    extraction: { extractor, entities: JSON.stringify(own.get(graph.paper.id)), digest: digest(JSON.stringify(graph), 32) },
  }));
}
