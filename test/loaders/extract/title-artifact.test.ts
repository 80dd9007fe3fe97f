import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../loaders/extract-corpus.js';
import { buildMatchers } from '../../../loaders/extract/matchers.js';
import { titleArtifactName } from '../../../loaders/extract/title-artifact.js';
import { readLexicon } from '../../../loaders/lexicon/read-lexicon.js';

const matchers = buildMatchers(readLexicon());
const artifact = (title: string): string | undefined => titleArtifactName(title, matchers)?.text;

describe('the artifact a title opens with', () => {
  it.each([
    ['Folded Lattice Networks', 'Folded Lattice Networks'],
    ['Sparse Ribbon Bottleneck for Streaming Audio Tagging', 'Sparse Ribbon Bottleneck'],
    ['Towards Hollow Grid Encoders', 'Hollow Grid Encoders'],
    ['Braided Memory Mixer: Cheap Mixing for Long Inputs', 'Braided Memory Mixer'],
    ['Short-range Gated Convolutional Networks with Shared Kernels', 'Short-range Gated Convolutional Networks'],
  ])('names %s', (title, name) => {
    expect(artifact(title)).toBe(name);
  });

  it.each([
    ['Efficient Transformers for Long Inputs'],
    ['Large Language Models for Table Parsing'],
    ['Scaling Quilted Networks to Many Devices'],
    ['Quilted Networks are Cheap Learners'],
    ['Folded Lattice Networks in the Wild'],
    ['Pooling Choices for Folded Lattice Networks'],
  ])('finds no artifact in %s', (title) => {
    expect(artifact(title)).toBeUndefined();
  });

  it('is the paper’s proposed method, and a listed name inside it gives way', () => {
    const e = extractEntities({
      id: 'paper:test',
      title: 'Tidal Memory Transformers',
      titleDerived: false,
      abstract: 'We describe a model that keeps a small store of past states and test it on long documents.',
      sources: [],
    });
    expect(e.methods.map((m) => [m.name, m.role])).toEqual([['Tidal Memory Transformers', 'PROPOSED']]);
  });
});
