import type { PaperGraph, StoredExtraction } from '../src/graph/model.js';
import type { GraphWriter } from '../src/graph/writer.js';
import { digest } from '../src/graph/ids.js';
import { CorpusIdentity } from './corpus-identity.js';
import type { PaperEntities } from './extract/extract-paper.js';
import { extractOwn, type PaperExtraction } from './extract-corpus.js';
import { extractorVersion, type ExtractionCache } from './extraction-cache.js';
import { ExtractionSpool } from './extraction-spool.js';
import { paperFromNode } from './papers.js';

/** Rounds of re-linking when other loaders keep writing meanwhile, before giving up. */
const MAX_ROUNDS = 8;
/** Stored papers read per page as the corpus is walked. */
const READ_PAGE = 1000;

export interface WriteLinkedOptions {
  cache?: ExtractionCache;
  batchSize: number;
  /** Papers of the load written so far, of how many. */
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

/** A paper of the corpus walk, with what the store holds of it (nothing for a paper of the load). */
interface CorpusPaper extends PaperExtraction {
  /** The stored record's entities as stored (written back as they are). */
  entitiesJson?: string;
  /** The digest of the graph stored for it; null for a paper of the spool. */
  storedDigest: string | null;
  /** A paper the load brings (counted in its record), not one re-linked or re-extracted. */
  ofLoad: boolean;
}

/** Every stored paper with its extraction record, read a page at a time. */
export async function* storedExtractions(store: Pick<GraphWriter, 'readExtractions'>, pageSize = READ_PAGE): AsyncGenerator<StoredExtraction> {
  for (let after = ''; ; ) {
    const page = await store.readExtractions(after, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.paper.id;
  }
}

/**
 * Writes papers so that the graph depends on the set of papers stored, not on their order or
 * batches: corpus-wide identity (corpus-identity.ts) is derived from the new papers' own
 * extractions together with every stored paper's, walking the store a page at a time; then the
 * new papers, and every stored paper whose graph that changes (its digest), are written in
 * batches, and derived edges refreshed. Memory holds tallies per key and one page, not the
 * corpus. When another loader wrote meanwhile (the store's write count moved past this one's
 * writes), the stored corpus is linked again, until a round ends with no foreign write.
 */
export async function writeLinked(
  papers: ExtractionSpool | readonly PaperExtraction[],
  store: GraphWriter,
  options: WriteLinkedOptions,
): Promise<WriteLinkedReport> {
  const extractor = extractorVersion();
  let spool = papers instanceof ExtractionSpool ? papers : new ExtractionSpool(papers);
  const total = spool.size;
  const ofLoad = new Set(spool.ids);
  let relinked = 0;
  let alreadyStored: number | undefined;
  let loadId: string | null = null;
  try {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const before = await store.writeCount();
      const fresh = spool.ids;
      let storedOfLoad = 0;
      // The corpus: stored papers not in the spool, then the spool's. A stored paper written by other
      // rules (or before records existed) is extracted again and joins the spool, re-linked with it.
      const walk = async (visit: (paper: CorpusPaper) => void | Promise<void>): Promise<void> => {
        storedOfLoad = 0;
        for await (const { paper, extraction } of storedExtractions(store)) {
          if (fresh.has(paper.id)) {
            if (ofLoad.has(paper.id)) storedOfLoad++;
            continue;
          }
          if (extraction?.extractor !== extractor) {
            const own = paperFromNode(paper);
            spool.append({ paper: own, entities: extractOwn(own, options.cache) });
            continue;
          }
          const entities = JSON.parse(extraction.entities) as PaperEntities;
          await visit({ paper: paperFromNode(paper), entities, entitiesJson: extraction.entities, storedDigest: extraction.digest, ofLoad: false });
        }
        await spool.walk((e) => visit({ ...e, storedDigest: null, ofLoad: round === 1 && ofLoad.has(e.paper.id) }));
      };
      const identity = await CorpusIdentity.ofCorpus((visit) => walk(visit));
      alreadyStored ??= storedOfLoad;
      // The record covers the first round, which writes every paper of the load (and the stored ones
      // they re-link): it begins before that round's first batch and completes with its derived
      // edges. Later rounds only re-link with other loaders' writes, which those loaders' own
      // rounds also cover.
      const recording = round === 1 && options.record !== undefined;
      let writes = 0;
      let written = 0;
      const batches = { load: [] as PaperGraph[], relinked: [] as PaperGraph[] };
      const flush = async (which: 'load' | 'relinked'): Promise<void> => {
        const batch = batches[which];
        if (batch.length === 0) return;
        if (recording && loadId === null) {
          loadId = await store.beginLoad({ sources: options.record!.sources, papersTotal: total });
          options.onWritten?.(0, total);
        }
        // Only the load's own papers count in its record; re-linked ones are written beside them.
        await store.writePapers(batch, recording && which === 'load' ? loadId! : undefined);
        writes++;
        if (which === 'load') {
          written += batch.length;
          options.onWritten?.(written, total);
        }
        batches[which] = [];
      };
      await walk(async (e) => {
        const graph = identity.graph(e);
        const graphDigest = digest(JSON.stringify(graph), 32);
        if (e.storedDigest === graphDigest) return;
        const which = e.ofLoad ? 'load' : 'relinked';
        batches[which].push({ ...graph, extraction: { extractor, entities: e.entitiesJson ?? JSON.stringify(e.entities), digest: graphDigest } });
        if (!e.ofLoad) relinked++;
        if (batches[which].length >= options.batchSize) await flush(which);
      });
      await flush('relinked');
      await flush('load');
      if (writes > 0 || (await store.derivedPending())) {
        options.onDerive?.();
        await store.refreshDerived(recording && loadId !== null ? loadId : undefined);
      }
      if ((await store.writeCount()) === before + writes) return { papers: total, alreadyStored, relinked, rounds: round, loadId };
      // Another loader wrote meanwhile: this round's view may be stale; the spool's papers are stored now.
      spool.close();
      spool = new ExtractionSpool();
    }
  } finally {
    spool.close();
  }
  throw new Error(`other loaders kept writing to the store; identity was re-linked ${MAX_ROUNDS} times without a quiet round`);
}
