import { describe, expect, it } from 'vitest';
import type { PaperNode } from '../../src/graph/model.js';
import { compareKeys } from '../../src/store/keyset.js';
import { paperOrderKey, paperOrdering } from '../../src/store/graph-rules.js';

const paper = (id: string, title: string, published: string | null) => ({ id, title, published }) as PaperNode;

describe('paper order keys: one string per paper that sorts as its (value, id) pair', () => {
  const papers = [
    paper('paper:b', 'Attention', '2023'),
    paper('paper:a', 'Attention', '2023-05'),
    paper('paper:c', 'Attention is all', '2023-05-17'),
    paper('paper:d', 'Attention', null),
    paper('paper:e', 'attention', '2023-05'),
    paper('paper:f', 'Attention-based', '2023'),
  ];

  it('orders titles A to Z, a title before the longer titles it begins, ties by id', () => {
    const sorted = [...papers].sort((x, y) => compareKeys(paperOrdering('title').keyOf(x), paperOrdering('title').keyOf(y), [false]));
    expect(sorted.map((p) => p.id)).toEqual(['paper:a', 'paper:b', 'paper:d', 'paper:c', 'paper:f', 'paper:e']);
  });

  it('orders dates newest first, a year after its months, undated last, ties by id from the highest', () => {
    const ordering = paperOrdering('published');
    const sorted = [...papers].sort((x, y) => compareKeys(ordering.keyOf(x), ordering.keyOf(y), ordering.descending));
    expect(sorted.map((p) => p.id)).toEqual(['paper:c', 'paper:e', 'paper:a', 'paper:f', 'paper:b', 'paper:d']);
  });

  it('is the id itself in id order', () => {
    expect(paperOrderKey('id', papers[0]!)).toBe('paper:b');
  });
});
