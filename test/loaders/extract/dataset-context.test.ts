import { describe, expect, it } from 'vitest';
import { isDatasetContext } from '../../../loaders/extract/dataset-context.js';

const contextOf = (text: string, name: string): boolean => isDatasetContext(text, text.indexOf(name), text.indexOf(name) + name.length);

describe('a name in apposition to a new dataset noun', () => {
  it('is a dataset', () => {
    const text = 'We also release a new shelf-scanning benchmark recorded in twelve stores, ShelfScan-12, with dense labels.';
    expect(contextOf(text, 'ShelfScan-12')).toBe(true);
  });

  it('is not a dataset when the noun names data the paper merely uses', () => {
    const text = 'Trained on the usual benchmark splits, GridNet-B beats both baselines.';
    expect(contextOf(text, 'GridNet-B')).toBe(false);
  });
});
