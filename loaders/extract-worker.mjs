// A worker thread of the extraction pool (extract-pool.ts). Plain JavaScript so that any Node
// thread can start it: it registers tsx itself, since a worker does not inherit the hooks the
// parent registered with tsx's API (bin/kg.js), then loads the TypeScript extractor.
import { register } from 'tsx/esm/api';

register();
const { extractEntities } = await import('./extract-corpus.ts');

/** Extracts a batch of papers, each from itself alone (its own compromise instance and matchers). */
export default function extractBatch(papers) {
  return papers.map((paper) => extractEntities(paper));
}
