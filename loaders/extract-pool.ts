import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { PaperEntities } from './extract/extract-paper.js';
import { extractOwn } from './extract-corpus.js';
import type { ExtractionCache } from './extraction-cache.js';
import type { Paper } from './papers.js';

/** Papers per message to a worker: enough to make the message cost small beside the extraction. */
const TASK_PAPERS = 25;
/** Below this many papers to extract, starting workers (each builds its matchers) costs more than it saves. */
const MIN_PAPERS_FOR_WORKERS = 200;

/** Worker threads a load uses by default: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Tasks given to the pool ahead of the results taken back, per worker: keeps workers busy without queueing the whole input. */
const TASKS_AHEAD_PER_WORKER = 4;

/** How extraction runs: worker threads (1: the calling thread), the cache, below how many papers workers are not worth starting. */
export interface ExtractOptions {
  workers?: number;
  cache?: ExtractionCache;
  minPapersForWorkers?: number;
}

/**
 * Extracts papers, each from itself alone, on `workers` threads (each with its own compromise
 * instance and matchers) while the calling thread reads the next papers and takes the results;
 * with one worker, or fewer than `minPapersForWorkers` of `count` papers, in the calling thread. Each result is handed to `take` as it comes (in any
 * order) and not kept: a few tasks per worker are in flight at a time, so memory holds them, not
 * the corpus's extractions. Cached papers are taken from the cache, and what the workers extract
 * is added to it.
 */
export async function extractEach(
  papers: Iterable<Paper> | AsyncIterable<Paper>,
  options: ExtractOptions & { count: number },
  take: (paper: Paper, entities: PaperEntities) => void,
): Promise<void> {
  const workers = options.workers ?? 1;
  const cache = options.cache;
  if (workers <= 1 || options.count < (options.minPapersForWorkers ?? MIN_PAPERS_FOR_WORKERS)) {
    for await (const paper of papers) take(paper, extractOwn(paper, cache));
    return;
  }
  const pool = new Piscina({ filename: new URL('./extract-worker.mjs', import.meta.url).href, minThreads: workers, maxThreads: workers });
  try {
    const inFlight = new Set<Promise<void>>();
    const submit = async (task: Paper[]): Promise<void> => {
      const done: Promise<void> = (pool.run(task) as Promise<PaperEntities[]>).then((extracted) => {
        inFlight.delete(done);
        extracted.forEach((entities, k) => {
          cache?.put(task[k]!, entities);
          take(task[k]!, entities);
        });
      });
      inFlight.add(done);
      // Backpressure: the next papers are read only when a task is taken back.
      if (inFlight.size >= workers * TASKS_AHEAD_PER_WORKER) await Promise.race(inFlight);
    };
    let task: Paper[] = [];
    for await (const paper of papers) {
      const cached = cache?.peek(paper);
      if (cached) {
        take(paper, cached);
        continue;
      }
      task.push(paper);
      if (task.length === TASK_PAPERS) {
        await submit(task);
        task = [];
      }
    }
    if (task.length > 0) await submit(task);
    await Promise.all(inFlight);
  } finally {
    await pool.destroy();
  }
}

/** The extractions of papers, in their order (extractEach, collected). */
export async function extractPapers(papers: readonly Paper[], options: ExtractOptions = {}): Promise<PaperEntities[]> {
  const index = new Map(papers.map((paper, i) => [paper, i]));
  const results: PaperEntities[] = new Array(papers.length);
  await extractEach(papers, { ...options, count: papers.length }, (paper, entities) => {
    results[index.get(paper)!] = entities;
  });
  return results;
}
