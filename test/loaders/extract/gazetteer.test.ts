import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../../loaders/extract/gazetteer.js';
import { tokenizeWords } from '../../../loaders/extract/tokenize-words.js';

interface Entry {
  name: string;
  aliases: string[];
}

const entry = (name: string, ...aliases: string[]): Entry => ({ name, aliases });
const IMAGENET = entry('ImageNet');
const IMAGENET_1K = entry('ImageNet-1k');
const ARC = entry('ARC');
const ADAPTER = entry('Adapter');
const TRANSFORMER = entry('Transformer', 'transformer');
const DIFFUSION = entry('diffusion model');
const LANGUAGE_MODEL = entry('language model', 'LM');
const gazetteer = new Gazetteer([IMAGENET, IMAGENET_1K, ARC, ADAPTER, TRANSFORMER, DIFFUSION, LANGUAGE_MODEL]);

const find = (text: string) => gazetteer.find(text, tokenizeWords(text)).map((hit) => [hit.entry.name, hit.surface]);

describe('Gazetteer', () => {
  it('lets the longest match win', () => {
    expect(find('Results on ImageNet-1k.')).toEqual([['ImageNet-1k', 'ImageNet-1k']]);
  });

  it('still finds the shorter name on its own', () => {
    expect(find('Results on ImageNet-1k and ImageNet.')).toEqual([
      ['ImageNet-1k', 'ImageNet-1k'],
      ['ImageNet', 'ImageNet'],
    ]);
  });

  it('gives hits whose spans slice to their surface', () => {
    const text = 'Pretrained on ImageNet-1k with an Adapter.';
    for (const hit of gazetteer.find(text, tokenizeWords(text))) expect(text.slice(hit.start, hit.end)).toBe(hit.surface);
  });

  it('matches a short capital form only as written', () => {
    expect(find('We test on ARC.')).toEqual([['ARC', 'ARC']]);
    expect(find('An arc of a circle, an Arc too.')).toEqual([]);
  });

  it('matches a short capital form with a plural s', () => {
    expect(find('Two ARCs.')).toEqual([['ARC', 'ARCs']]);
  });

  it('needs a capital in the text for a capitalised single-word form', () => {
    expect(find('An Adapter module.')).toEqual([['Adapter', 'Adapter']]);
    expect(find('A power adapter.')).toEqual([]);
  });

  it('matches a capitalised form in lower case when the entry has a lower-case alias', () => {
    expect(find('A plain transformer.')).toEqual([['Transformer', 'transformer']]);
  });

  it('matches plural and singular alike', () => {
    expect(find('Two diffusion models and one Diffusion Model.')).toEqual([
      ['diffusion model', 'diffusion models'],
      ['diffusion model', 'Diffusion Model'],
    ]);
  });

  it('matches hyphen and space variants alike', () => {
    expect(find('diffusion-model samples')).toEqual([['diffusion model', 'diffusion-model']]);
  });

  it('does not match a name across punctuation', () => {
    expect(find('a language, model and a language. Model')).toEqual([]);
  });

  it('looks a whole name up with the same case rules', () => {
    expect(gazetteer.lookup('imagenet-1K')).toBe(IMAGENET_1K);
    expect(gazetteer.lookup('arc')).toBeUndefined();
    expect(gazetteer.lookup('adapter')).toBeUndefined();
    expect(gazetteer.lookup('language models')).toBe(LANGUAGE_MODEL);
  });
});

describe('Gazetteer case options', () => {
  const datasets = new Gazetteer([entry('Natural Questions'), entry('Cityscapes'), entry('MASSIVE'), entry('ReID', 're-identification')], {
    titleCaseNames: true,
  });
  const findIn = (text: string, anyCase = false) => datasets.find(text, tokenizeWords(text), anyCase).map((hit) => hit.surface);

  it('with titleCaseNames, needs the capital of a title-case name of several words', () => {
    expect(findIn('a natural question to ask')).toEqual([]);
    expect(findIn('results on Natural Questions')).toEqual(['Natural Questions']);
  });

  it('with anyCase, ignores case rules except for names in capitals only', () => {
    expect(findIn('on cityscapes and natural questions and massive data', true)).toEqual(['cityscapes', 'natural questions']);
  });

  it('knows a name in any spelling the normaliser folds, hyphens dropped', () => {
    expect(datasets.knows('re-ID')?.name).toBe('ReID');
    expect(datasets.knows('reid')?.name).toBe('ReID');
    expect(datasets.knows('cityscape')?.name).toBe('Cityscapes');
  });
});
