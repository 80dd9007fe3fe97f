import { describe, expect, it } from 'vitest';
import { tokenizeWords } from '../../../loaders/extract/tokenize-words.js';

describe('tokenizeWords', () => {
  it('gives each word its span in the text', () => {
    const text = 'We use LoRA, twice.';
    for (const word of tokenizeWords(text)) expect(text.slice(word.start, word.end)).toBe(word.text);
    expect(tokenizeWords(text).map((w) => w.text)).toEqual(['We', 'use', 'LoRA', 'twice']);
  });

  it('keeps inner hyphens, slashes, dots and @ inside one word', () => {
    expect(tokenizeWords('ViT-B/16 v1.5 pass@1').map((w) => w.text)).toEqual(['ViT-B/16', 'v1.5', 'pass@1']);
  });

  it('keeps a final plus', () => {
    expect(tokenizeWords('on RefCOCO+ too').map((w) => w.text)).toEqual(['on', 'RefCOCO+', 'too']);
  });

  it('does not keep a hyphen or dot that ends a word', () => {
    expect(tokenizeWords('pre- and post. x--y').map((w) => w.text)).toEqual(['pre', 'and', 'post', 'x', 'y']);
  });

  it('folds each word as it sits inside a name', () => {
    const [word] = tokenizeWords('Llama-2');
    expect(word?.key).toBe('llama2');
  });

  it('folds each word as the last word of a name, singular', () => {
    const [word] = tokenizeWords('Models');
    expect(word).toMatchObject({ key: 'models', lastKey: 'model' });
  });

  it('finds no words in punctuation alone', () => {
    expect(tokenizeWords(' ,.;() ')).toEqual([]);
  });
});
