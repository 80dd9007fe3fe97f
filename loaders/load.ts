import type { Counts } from '../src/graph/model.js';
import type { GraphWriter } from '../src/graph/writer.js';
import { streamPapers, type ReadReport } from './collect-papers.js';
import { PaperCollector, type Paper } from './papers.js';
import type { RawPaper } from './read/raw-paper.js';
import { extractEach } from './extract-pool.js';
import { ExtractionSpool } from './extraction-spool.js';
import { writeLinked } from './write-linked.js';
import type { ExtractionCache } from './extraction-cache.js';
import { recordedSources, type ReadSourcesOptions } from './read/read-sources.js';

export const WRITE_BATCH = 1000;

/** Where a load is, for progress bars: a phase and how far it is through it. */
export interface LoadProgress {
  phase: 'read' | 'extract' | 'write' | 'derive';
  done: number;
  total: number;
}

/** How a load runs: the extraction cache, worker threads for extraction (1: none), write batch size, progress. */
export interface LoadOptions {
  cache?: ExtractionCache;
  workers?: number;
  batchSize?: number;
  onProgress?: (p: LoadProgress) => void;
}

export interface LoadReport {
  /** The load's record in the store (load-record.ts), completed; null when there was nothing to write. */
  loadId: string | null;
  read: ReadReport;
  papersWritten: number;
  counts: Counts;
  seconds: { read: number; extract: number; write: number };
}

/**
 * The pipeline, streamed: read (twice: identity first, then each paper once complete) →
 * extract each paper alone on worker threads, with backpressure → spool → link identity with the
 * stored corpus a page at a time and write in batches (write-linked.ts) → derive CITES/BROADER
 * edges. Memory holds keys and tallies, not the corpus. Each batch is one store transaction; loading the same input again
 * rewrites the same nodes and edges, so every count stays as it was — which is how a load that
 * was interrupted is finished: by running it again. The store keeps a record of the load from its
 * first batch to its derived edges (load-record.ts), so an interrupted one is never taken for a
 * complete one.
 */
export async function loadPapers(paths: readonly string[], store: GraphWriter, options: ReadSourcesOptions & LoadOptions = {}): Promise<LoadReport> {
  const progress = options.onProgress ?? (() => {});
  const t = performance.now();
  const read = await streamPapers(paths, { ...options, onProgress: (r) => progress({ phase: 'read', done: r.files.length, total: 0 }) });
  const readSeconds = (performance.now() - t) / 1000;
  const written = await writeExtracted(read.papers(), read.count, store, { ...options, sources: recordedSources(paths) });
  const report = read.report;
  return {
    loadId: written.loadId,
    read: report,
    papersWritten: written.papers,
    counts: await store.counts(),
    seconds: { read: readSeconds, ...written.seconds },
  };
}

/**
 * The same pipeline for papers given as values (the API's `ingest`): de-duplicated among
 * themselves, extracted, written. Returns the distinct papers written.
 */
export async function loadRawPapers(
  raws: readonly RawPaper[],
  store: GraphWriter,
  options: LoadOptions = {},
): Promise<{ papers: Paper[]; alreadyStored: number }> {
  const collector = new PaperCollector();
  for (const raw of raws) collector.add(raw);
  const papers = collector.papers();
  const { alreadyStored } = await writeExtracted(papers, papers.length, store, options);
  return { papers, alreadyStored };
}

/** Extracts and writes papers; with `sources`, as a recorded load (begun before its first batch, completed with its derived edges). */
async function writeExtracted(
  papers: Iterable<Paper> | AsyncIterable<Paper>,
  count: number,
  store: GraphWriter,
  options: LoadOptions & { sources?: string[] },
): Promise<{ papers: number; alreadyStored: number; loadId: string | null; seconds: { extract: number; write: number } }> {
  const progress = options.onProgress ?? (() => {});
  let t = performance.now();
  progress({ phase: 'extract', done: 0, total: count });
  // Papers are read as workers take them, and each extraction goes to the spool as it comes.
  const spool = new ExtractionSpool();
  try {
    const extractOptions = { count, ...(options.cache ? { cache: options.cache } : {}), ...(options.workers ? { workers: options.workers } : {}) };
    await extractEach(papers, extractOptions, (paper, entities) => {
      spool.append({ paper, entities });
      if (spool.size % 100 === 0 || spool.size === count) progress({ phase: 'extract', done: spool.size, total: count });
    });
  } catch (error) {
    spool.close();
    throw error;
  }
  const extractSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const written = await writeLinked(spool, store, {
    batchSize: options.batchSize ?? WRITE_BATCH,
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.sources ? { record: { sources: options.sources } } : {}),
    onWritten: (done, total) => progress({ phase: 'write', done, total }),
    onDerive: () => progress({ phase: 'derive', done: 0, total: 1 }),
  });
  return {
    papers: count,
    alreadyStored: written.alreadyStored,
    loadId: written.loadId,
    seconds: { extract: extractSeconds, write: (performance.now() - t) / 1000 },
  };
}
