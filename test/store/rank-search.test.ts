import { describe, expect, it } from 'vitest';
import { HITS_BY_SCORE } from '../../src/store/graph-rules.js';
import { sliceOrdered } from '../../src/store/keyset.js';
import { scoreHit, scoreKeys, searchKeys, searchTerms } from '../../src/store/rank-search.js';

describe('search terms', () => {
  it('split at anything that is not a letter or digit, lower-cased', () => {
    expect(searchTerms('GPT-3.5 on relabel_imagenet, Re-ID')).toEqual(['gpt', '3', '5', 'on', 'relabel', 'imagenet', 're', 'id']);
    expect(searchTerms('Zürich  naïve')).toEqual(['zürich', 'naïve']);
    expect(searchTerms(' -- ')).toEqual([]);
  });

  it('give each node padded search keys: the name in order, the other text once per term', () => {
    expect(searchKeys('Low-Rank Adaptation', 'LoRA lora LoRA-FA')).toEqual({ searchName: ' low rank adaptation ', searchText: ' lora fa ' });
    expect(searchKeys('', '')).toEqual({ searchName: '  ', searchText: '  ' });
  });

  it('give the query padded terms (repeats kept) and the exact-name key', () => {
    expect(scoreKeys('Vision vision Transformer')).toEqual({
      paddedTerms: [' vision ', ' vision ', ' transformer '],
      exactName: ' vision vision transformer ',
    });
  });
});

describe('search ranking', () => {
  it('weighs terms in the name 3, in the other text 1, and an exact name 2', () => {
    expect(scoreHit('person re-identification', 'Person Re-Identification', '')).toBe(5);
    expect(scoreHit('person re-identification', 'Person Re-Identification', 'person re-identification (re-ID)')).toBe(6);
    expect(scoreHit('person re-identification', 'person search', 'and re-identification')).toBe(1.667);
    expect(scoreHit('lora', 'A paper', 'we use LoRA')).toBe(1);
    expect(scoreHit('a b c', 'a', 'b')).toBe(1.333);
  });

  it('the keys answer what scoreHit asks: a whole term, not a part of one', () => {
    const { searchName } = searchKeys('ResNet-50 backbone', '');
    const { paddedTerms } = scoreKeys('resnet 5');
    expect(paddedTerms.map((t) => searchName.includes(t))).toEqual([true, false]);
  });

  it('orders by score, then id, and keeps the first ones', () => {
    const hits = [
      { id: 'b', score: 1 },
      { id: 'a', score: 1 },
      { id: 'c', score: 3 },
    ];
    expect(sliceOrdered(hits, HITS_BY_SCORE, { first: 2 }).items.map((h) => h.id)).toEqual(['c', 'a']);
  });
});
