import { describe, expect, it } from 'vitest';
import { buildEntityId, slugify } from '../../src/graph/ids.js';

describe('slugify', () => {
  it('joins the words of a key with hyphens', () => {
    expect(slugify('parameter efficient fine tuning')).toBe('parameter-efficient-fine-tuning');
  });

  it('spells out + and @ so that ids stay distinct', () => {
    expect(slugify('refcoco+')).toBe('refcoco-plus');
    expect(slugify('pass@1')).toBe('pass-at-1');
  });

  it('turns other punctuation into single hyphens and trims them', () => {
    expect(slugify('vit b/16')).toBe('vit-b-16');
    expect(slugify('  x.y ')).toBe('x-y');
  });
});

describe('buildEntityId', () => {
  it('reads kind:slug of the normalised name', () => {
    expect(buildEntityId('method', 'LoRA')).toBe('method:lora');
    expect(buildEntityId('dataset', 'WikiText-103')).toBe('dataset:wikitext103');
  });

  it('gives two spellings of one name the same id', () => {
    expect(buildEntityId('concept', 'Parameter-Efficient Fine-Tuning')).toBe(buildEntityId('concept', 'parameter efficient finetuning'));
  });
});
