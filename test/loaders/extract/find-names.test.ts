import { describe, expect, it } from 'vitest';
import { findNames, isNameLike } from '../../../loaders/extract/find-names.js';
import { tokenizeWords } from '../../../loaders/extract/tokenize-words.js';

const names = (text: string) => findNames(tokenizeWords(text), text).map((n) => n.text);

describe('isNameLike', () => {
  it.each(['RetNet', 'aTLAS', 'DTRN', 'MoE', 'Llama-2', 'GPT-4o', 'ViT-B/16', 'T5', 'word2vec'])('takes %s for a name', (word) => {
    expect(isNameLike(word)).toBe(true);
  });

  it.each(['3D', '4.5G', '300B'])('takes the quantity %s for no name', (word) => {
    expect(isNameLike(word)).toBe(false);
  });

  it.each(['UNified', 'SHopping', 'cArtesian', 'shopPlanner'])('takes %s, capitals that spell an acronym inside a word, for no name', (word) => {
    expect(isNameLike(word)).toBe(false);
  });

  it.each(['A/B', 'P/R/F1', 'youtu.be/Xy12Ab'])('takes the shorthand or link %s for no name', (word) => {
    expect(isNameLike(word)).toBe(false);
  });

  it.each(['mPLUG', 'xLSTM', 'pFedMe', 'nnFormer', 'XLNet', 'ELMo', 'SQuAD'])('still takes %s for a name', (word) => {
    expect(isNameLike(word)).toBe(true);
  });

  it.each(['MLP-free', 'CAM-based'])('takes the adjective %s for no name', (word) => {
    expect(isNameLike(word)).toBe(false);
  });

  it.each(['The', 'Deep', 'network', 'a'])('takes the plain word %s for no name', (word) => {
    expect(isNameLike(word)).toBe(false);
  });

  it('takes a LaTeX escape glued into a word for no name', () => {
    expect(isNameLike('scratchx2013even')).toBe(false);
  });
});

describe('findNames', () => {
  it('finds the name-like words of a text with their spans', () => {
    const text = 'We compare RetNet with GPT-4o.';
    const found = findNames(tokenizeWords(text), text);
    expect(found.map((n) => n.text)).toEqual(['RetNet', 'GPT-4o']);
    for (const n of found) expect(text.slice(n.start, n.end)).toBe(n.text);
  });

  it('extends a name by the model size after it', () => {
    expect(names('We fine-tune Llama-2 7B on math.')).toEqual(['Llama-2 7B']);
  });

  it('extends a name by version and variant words', () => {
    expect(names('Then RetNet v2 XL wins.')).toEqual(['RetNet v2 XL']);
  });

  it('does not extend a name across punctuation', () => {
    expect(names('We use Llama-2, 13B and more.')).toEqual(['Llama-2']);
  });

  it('strips a possessive', () => {
    expect(names("We use OpenAI's models.")).toEqual(['OpenAI']);
  });

  it('gives the word range of an extended name', () => {
    const text = 'We fine-tune Llama-2 7B now.';
    const [name] = findNames(tokenizeWords(text), text);
    expect(name).toMatchObject({ from: 2, to: 4 });
  });
});
