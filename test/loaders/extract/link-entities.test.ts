import { describe, expect, it } from 'vitest';
import type { EntityMention } from '../../../loaders/extract/entity-set.js';
import type { PaperEntities } from '../../../loaders/extract/extract-paper.js';
import { EntityLinker } from '../../../loaders/link-entities.js';

const mention = (name: string, aliases: string[] = [], canonical?: string): EntityMention => ({
  key: name.toLowerCase(),
  name,
  aliases,
  evidence: [],
  ...(canonical ? { canonical } : {}),
});

/** A paper that only defines acronyms. */
const defining = (...acronyms: Array<[string, string]>): PaperEntities => ({
  methods: [],
  datasets: [],
  tasks: [],
  metrics: [],
  results: [],
  repositories: [],
  links: [],
  arxivIds: [],
  concepts: [],
  acronyms: acronyms.map(([short, long]) => ({ short, long })),
});

describe('EntityLinker', () => {
  it('knows the one long form the corpus gives a short form', () => {
    const linker = new EntityLinker();
    linker.addDefinitions(defining(['SMR', 'sparse mixture routing']));
    linker.addDefinitions(defining(['SMRs', 'Sparse Mixture Routing']));
    expect(linker.longFormOf('smr')).toBe('sparse mixture routing');
  });

  it('knows no long form for a short form the corpus uses in two meanings', () => {
    const linker = new EntityLinker();
    linker.addDefinitions(defining(['SMR', 'sparse mixture routing'], ['SMR', 'structured matrix recovery']));
    expect(linker.longFormOf('smr')).toBeUndefined();
  });

  it('gives a concept written only in its short form the id of its long form', () => {
    const linker = new EntityLinker();
    linker.addDefinitions(defining(['SMR', 'sparse mixture routing']));
    expect(linker.idOf('concept', mention('SMR'))).toBe('concept:sparse-mixture-routing');
  });

  it('gives a concept the id of its longest form when no acronym is defined', () => {
    expect(new EntityLinker().idOf('task', mention('QA', ['question answering']))).toBe('task:question-answering');
  });

  it('gives a method the id of its short form', () => {
    expect(new EntityLinker().idOf('method', mention('DTRN', ['Deep Task-specific Bottom Representation Network']))).toBe('method:dtrn');
  });

  it('gives each meaning of a short form used in two meanings its own id', () => {
    const linker = new EntityLinker();
    linker.addDefinitions(defining(['CSL', 'Color Space Learning'], ['CSL', 'Cross-ID Similarity Learning']));
    expect(linker.idOf('method', mention('CSL', ['Color Space Learning']))).toBe('method:color-space-learning');
    expect(linker.idOf('method', mention('CSL', ['Cross-ID Similarity Learning']))).toBe('method:cross-id-similarity-learning');
    expect(linker.idOf('method', mention('CSL'))).toBe('method:csl');
  });

  it('gives a curated entity the id of its curated name', () => {
    expect(new EntityLinker().idOf('dataset', mention('IN-1k', [], 'ImageNet'))).toBe('dataset:imagenet');
  });
});
