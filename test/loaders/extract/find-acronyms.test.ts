import { describe, expect, it } from 'vitest';
import { findAcronyms } from '../../../loaders/extract/find-acronyms.js';

describe('findAcronyms', () => {
  it('pairs a capitalised long form with its short form', () => {
    const [a] = findAcronyms('We present a Deep Task-specific Bottom Representation Network (DTRN) for ranking.');
    expect(a).toMatchObject({ short: 'DTRN', long: 'Deep Task-specific Bottom Representation Network' });
  });

  it('gives spans that slice to both forms', () => {
    const text = 'We present a Deep Task-specific Bottom Representation Network (DTRN) for ranking.';
    const [a] = findAcronyms(text);
    expect(text.slice(a!.shortStart, a!.shortEnd)).toBe('DTRN');
    expect(text.slice(a!.longStart, a!.longEnd)).toBe('Deep Task-specific Bottom Representation Network');
  });

  it('pairs a lower-case long form', () => {
    const [a] = findAcronyms('We rely on parameter-efficient fine-tuning (PEFT) here.');
    expect(a).toMatchObject({ short: 'PEFT', long: 'parameter-efficient fine-tuning' });
  });

  it('reads a digit as a word: T2I is text-to-image', () => {
    const [a] = findAcronyms('Models for text-to-image (T2I) synthesis.');
    expect(a).toMatchObject({ short: 'T2I', long: 'text-to-image' });
  });

  it('takes a mixed-case short form', () => {
    const [a] = findAcronyms('Sparse mixture of experts (MoE) layers.');
    expect(a).toMatchObject({ short: 'MoE', long: 'mixture of experts' });
  });

  it('drops the plural s of the short form', () => {
    const [a] = findAcronyms('Denoising diffusion probabilistic models (DDPMs) are slow.');
    expect(a?.short).toBe('DDPM');
  });

  it('ignores a citation after a semicolon in the parenthesis', () => {
    const [a] = findAcronyms('The vision transformer (ViT; Dosovitskiy et al.) splits images.');
    expect(a).toMatchObject({ short: 'ViT', long: 'vision transformer' });
  });

  it('takes the shortest long form that matches', () => {
    const [a] = findAcronyms('In this paper the graph neural network (GNN) is studied.');
    expect(a?.long).toBe('graph neural network');
  });

  it('rejects a figure reference', () => {
    expect(findAcronyms('Accuracy drops sharply (see Fig. 3).')).toEqual([]);
  });

  it('rejects a year', () => {
    expect(findAcronyms('As prior work (2023) showed.')).toEqual([]);
  });

  it('rejects a parenthesis whose letters do not match the words before it', () => {
    expect(findAcronyms('We train a large language model (XYZ) on code.')).toEqual([]);
  });

  it('rejects a lower-case parenthesis', () => {
    expect(findAcronyms('We train a small model (fast) on code.')).toEqual([]);
  });

  it('does not reach across a sentence end for the long form', () => {
    expect(findAcronyms('We use a Pointer. Network (PN) here.')).toEqual([]);
  });
});
