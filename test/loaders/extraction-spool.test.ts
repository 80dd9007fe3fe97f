import { describe, expect, it } from 'vitest';
import type { PaperEntities } from '../../loaders/extract/extract-paper.js';
import type { PaperExtraction } from '../../loaders/extract-corpus.js';
import { ExtractionSpool } from '../../loaders/extraction-spool.js';

const entities = {
  methods: [],
  datasets: [],
  tasks: [],
  metrics: [],
  concepts: [],
  results: [],
  repositories: [],
  links: [],
  arxivIds: [],
  acronyms: [],
} as unknown as PaperEntities;
const paper = (n: number): PaperExtraction => ({
  paper: { id: `paper:${n}`, title: `Paper ${n} — “quoted”\nline`, titleDerived: false, abstract: `Abstract ${n}.`, sources: [{ file: 'a.jsonl', line: n }] },
  entities,
});

describe('ExtractionSpool', () => {
  it('holds the first papers in memory and spills the rest to a file, walked in the order appended, as often as asked', async () => {
    const spool = new ExtractionSpool([], { inMemory: 3 });
    for (let n = 0; n < 10; n++) spool.append(paper(n));
    expect(spool.size).toBe(10);
    for (let pass = 0; pass < 2; pass++) {
      const seen: PaperExtraction[] = [];
      await spool.walk((p) => {
        seen.push(p);
      });
      expect(seen).toEqual(Array.from({ length: 10 }, (_, n) => paper(n)));
    }
    // Appending after a walk is seen by the next walk.
    spool.append(paper(10));
    let count = 0;
    await spool.walk(() => {
      count++;
    });
    expect(count).toBe(11);
    spool.close();
  });

  it('takes each paper once', () => {
    const spool = new ExtractionSpool([paper(1)]);
    expect(() => spool.append(paper(1))).toThrow(/spooled twice/);
    expect(spool.ids.has('paper:1')).toBe(true);
  });
});
