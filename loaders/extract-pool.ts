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

/**
 * Extracts papers, each from itself alone, on `workers` threads (each with its own compromise
 * instance and matchers) while the calling thread waits on I/O; with one worker, or few papers to
 * extract, in the calling thread. Cached papers are taken from the cache, and what the workers
 * extract is added to it. Results come back in the order of `papers`.
 */
export async function extractPapers(
  papers: readonly Paper[],
  options: { workers?: number; cache?: ExtractionCache; minPapersForWorkers?: number } = {},
): Promise<PaperEntities[]> {
  const workers = options.workers ?? 1;
  const cache = options.cache;
  const results: Array<PaperEntities | undefined> = papers.map((paper) => cache?.peek(paper));
  const missing = papers.flatMap((paper, i) => (results[i] === undefined ? [i] : []));
  if (workers <= 1 || missing.length < (options.minPapersForWorkers ?? MIN_PAPERS_FOR_WORKERS)) {
    for (const i of missing) results[i] = extractOwn(papers[i]!, cache);
    return results as PaperEntities[];
  }
  const pool = new Piscina({ filename: new URL('./extract-worker.mjs', import.meta.url).href, minThreads: workers, maxThreads: workers });
  try {
    const tasks: Array<Promise<void>> = [];
    for (let start = 0; start < missing.length; start += TASK_PAPERS) {
      const indexes = missing.slice(start, start + TASK_PAPERS);
      tasks.push(
        (pool.run(indexes.map((i) => papers[i])) as Promise<PaperEntities[]>).then((extracted) => {
          extracted.forEach((entities, k) => {
            const i = indexes[k]!;
            results[i] = entities;
            cache?.put(papers[i]!, entities);
          });
        }),
      );
    }
    await Promise.all(tasks);
  } finally {
    await pool.destroy();
  }
  return results as PaperEntities[];
}
