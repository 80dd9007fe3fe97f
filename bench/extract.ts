/**
 * `npm run bench:extract`: abstracts per second of the whole extraction on the sample corpus
 * repeated to at least 5,000 abstracts, beside a bare compromise `nlp(text)` over the same texts,
 * measured in the same run, and their ratio (target: extraction ≤ 1.25× a bare parse).
 */
import nlp from 'compromise';
import { collectPapers } from '../loaders/collect-papers.js';
import { extractEntities } from '../loaders/extract-corpus.js';
import { parseCounter } from '../loaders/extract/parse-with-compromise.js';
import type { Paper } from '../loaders/papers.js';

const TARGET = 5000;
const ROUNDS = 3;

const { papers: corpus } = await collectPapers(['data/papers']);
const papers: Paper[] = [];
while (papers.length < TARGET) papers.push(...corpus);

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

// Warm both paths (JIT, lexicon load) before measuring.
for (const paper of corpus) {
  nlp(paper.abstract);
  extractEntities(paper);
}

const bare: number[] = [];
const full: number[] = [];
const parsesBefore = parseCounter.parses;
for (let round = 0; round < ROUNDS; round++) {
  // Alternate the order so that neither path always runs on a warmer machine.
  const runBare = (): void => void bare.push(time(() => papers.forEach((p) => nlp(p.abstract))));
  const runFull = (): void => void full.push(time(() => papers.forEach((p) => extractEntities(p))));
  if (round % 2 === 0) {
    runBare();
    runFull();
  } else {
    runFull();
    runBare();
  }
}
const parses = parseCounter.parses - parsesBefore;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bareMs = median(bare);
const fullMs = median(full);
const perSecond = (ms: number): string => ((papers.length / ms) * 1000).toFixed(0);
console.log(`abstracts: ${papers.length} (sample corpus of ${corpus.length} repeated), ${ROUNDS} rounds, medians`);
console.log(`bare nlp(text):      ${perSecond(bareMs).padStart(6)} abstracts/s  (${bareMs.toFixed(0)} ms)`);
console.log(`full extraction:     ${perSecond(fullMs).padStart(6)} abstracts/s  (${fullMs.toFixed(0)} ms)`);
console.log(`ratio extraction / bare parse: ${(fullMs / bareMs).toFixed(3)}x  (target <= 1.25x)`);
console.log(`compromise parses per abstract: ${(parses / (papers.length * ROUNDS)).toFixed(3)}`);
