import type { Paper } from '../../loaders/papers.js';
import { findSentenceEnds } from '../../loaders/sentences.js';
import { mulberry32 } from '../generate-corpus.js';

/**
 * A generated text corpus for ingest benchmarks, deterministic by seed: each paper is a JSON line
 * with a title and an abstract of 5 to 9 sentences drawn from different sample-corpus abstracts,
 * so extraction meets real sentences (names, numbers, acronym definitions) in new combinations,
 * and no two papers are the same paper.
 */
export function* generateTexts(sample: readonly Paper[], count: number, seed: number): Generator<string> {
  const random = mulberry32(seed);
  const sentences = sample.flatMap((p) => sentencesOf(p.abstract));
  const titles = sample.map((p) => p.title);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  for (let i = 0; i < count; i++) {
    const length = 5 + Math.floor(random() * 5);
    const abstract = Array.from({ length }, () => pick(sentences)).join(' ');
    yield JSON.stringify({ id: `gen-${seed}-${i}`, title: `${pick(titles)} (${i})`, abstract });
  }
}

/** A text cut at its sentence ends. */
function sentencesOf(text: string): string[] {
  const ends = [0, ...findSentenceEnds(text), text.length];
  return ends
    .slice(1)
    .map((end, k) => text.slice(ends[k], end).trim())
    .filter((s) => s.length > 0);
}
