import nlp from 'compromise';
import type { TaggedTerm } from './chunk-noun-phrases.js';

/**
 * The one compromise parse of an abstract: tokenized and tagged sentences. Counted so that tests
 * and the benchmark can prove there is at most one parse per abstract.
 */
export const parseCounter = { parses: 0 };

export function parseWithCompromise(text: string): ReadonlyArray<readonly TaggedTerm[]> {
  parseCounter.parses++;
  return nlp(text).docs as ReadonlyArray<readonly TaggedTerm[]>;
}
