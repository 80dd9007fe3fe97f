import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPapers } from '../../loaders/collect-papers.js';
import { extractEntities } from '../../loaders/extract-corpus.js';
import { extractPapers } from '../../loaders/extract-pool.js';
import { ExtractionCache } from '../../loaders/extraction-cache.js';
import type { PaperEntities } from '../../loaders/extract/extract-paper.js';
import type { Paper } from '../../loaders/papers.js';

/** Extraction on worker threads gives what the main thread gives, paper for paper, in order. */

let papers: Paper[];
let dir: string;
let reference: PaperEntities[];

beforeAll(async () => {
  ({ papers } = await collectPapers(['data/papers']));
  papers = papers.slice(0, 40);
  reference = papers.map((p) => extractEntities(p));
  dir = await mkdtemp(join(tmpdir(), 'kg-pool-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('extractPapers', () => {
  it('extracts on two worker threads exactly what the main thread extracts, in order', async () => {
    const onWorkers = await extractPapers(papers, { workers: 2, minPapersForWorkers: 0 });
    expect(onWorkers).toEqual(reference);
  }, 300_000);

  it('fills the cache from the workers, and a second run takes every paper from it', async () => {
    const cache = new ExtractionCache(dir, 'pool-test');
    await extractPapers(papers, { workers: 2, cache, minPapersForWorkers: 0 });
    expect(cache.misses).toBe(papers.length);
    const again = new ExtractionCache(dir, 'pool-test');
    const second = await extractPapers(papers, { workers: 2, cache: again, minPapersForWorkers: 0 });
    expect(again.hits).toBe(papers.length);
    expect(second).toEqual(reference);
  }, 300_000);
});
