import type { Counts } from '../src/store/graph-model.js';
import { recordedSources } from '../src/store/load-record.js';
import type { GraphStore } from '../src/store/store.js';
import { buildGraphs } from './build-graph.js';
import { collectPapers, type ReadReport } from './collect-papers.js';
import { PaperCollector, type Paper } from './papers.js';
import type { RawPaper } from './read/raw-paper.js';
import { extractCorpus } from './extract-corpus.js';
import type { ExtractionCache } from './extraction-cache.js';
import type { ReadSourcesOptions } from './read/read-sources.js';

export const WRITE_BATCH = 1000;

/** Where a load is, for progress bars: a phase and how far it is through it. */
export interface LoadProgress {
  phase: 'read' | 'extract' | 'write' | 'derive';
  done: number;
  total: number;
}

export interface LoadReport {
  /** The load's record in the store (load-record.ts), completed. */
  loadId: string;
  read: ReadReport;
  papersWritten: number;
  counts: Counts;
  seconds: { read: number; extract: number; write: number };
}

/**
 * The pipeline: read → de-duplicate → extract → build graph → write in batches → derive
 * CITES/BROADER edges. Each batch is one store transaction; loading the same input again
 * rewrites the same nodes and edges, so every count stays as it was — which is how a load that
 * was interrupted is finished: by running it again. The store keeps a record of the load from its
 * first batch to its derived edges (load-record.ts), so an interrupted one is never taken for a
 * complete one.
 */
export async function loadPapers(
  paths: readonly string[],
  store: GraphStore,
  options: ReadSourcesOptions & { cache?: ExtractionCache; batchSize?: number; onProgress?: (p: LoadProgress) => void } = {},
): Promise<LoadReport> {
  const progress = options.onProgress ?? (() => {});
  const t = performance.now();
  const { papers, report } = await collectPapers(paths, { ...options, onProgress: (r) => progress({ phase: 'read', done: r.files.length, total: 0 }) });
  const readSeconds = (performance.now() - t) / 1000;
  const written = await writeExtracted(papers, store, { ...options, sources: recordedSources(paths) });
  return {
    loadId: written.loadId!,
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
  store: GraphStore,
  options: { cache?: ExtractionCache } = {},
): Promise<{ papers: Paper[]; alreadyStored: number }> {
  const collector = new PaperCollector();
  for (const raw of raws) collector.add(raw);
  const papers = collector.papers();
  const alreadyStored = (await store.nodes(papers.map((p) => p.id))).filter((n) => n !== null).length;
  await writeExtracted(papers, store, options);
  return { papers, alreadyStored };
}

/** Extracts and writes papers; with `sources`, as a recorded load (begun before the first batch, completed with the derived edges). */
async function writeExtracted(
  papers: readonly Paper[],
  store: GraphStore,
  options: { cache?: ExtractionCache; batchSize?: number; onProgress?: (p: LoadProgress) => void; sources?: string[] },
): Promise<{ papers: number; loadId?: string; seconds: { extract: number; write: number } }> {
  const progress = options.onProgress ?? (() => {});
  let t = performance.now();
  progress({ phase: 'extract', done: 0, total: papers.length });
  const graphs = buildGraphs(extractCorpus(papers, options.cache));
  const extractSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const batchSize = options.batchSize ?? WRITE_BATCH;
  // Begun after extraction, just before the first write: a load that dies earlier changed nothing
  // (and a heartbeat could not beat through minutes of synchronous extraction).
  const loadId = options.sources ? await store.beginLoad({ sources: options.sources, papersTotal: graphs.length }) : undefined;
  progress({ phase: 'write', done: 0, total: graphs.length });
  for (let i = 0; i < graphs.length; i += batchSize) {
    await store.writePapers(graphs.slice(i, i + batchSize), loadId);
    progress({ phase: 'write', done: Math.min(i + batchSize, graphs.length), total: graphs.length });
  }
  progress({ phase: 'derive', done: 0, total: 1 });
  await store.refreshDerived(loadId);
  return { papers: graphs.length, ...(loadId ? { loadId } : {}), seconds: { extract: extractSeconds, write: (performance.now() - t) / 1000 } };
}
