import { describe, expect, it } from 'vitest';
import { extractResults, type Anchor } from '../../../loaders/extract/extract-results.js';

/** An anchor for the first occurrence of `surface` in `text`. */
function at(text: string, surface: string): Anchor {
  const start = text.indexOf(surface);
  if (start < 0) throw new Error(`${surface} is not in the text`);
  return { name: surface, start, end: start + surface.length };
}

/** Results of a one-sentence text, with dataset and metric anchors built by hand. */
function results(text: string, datasets: string[], metrics: string[] = []) {
  return extractResults(
    'abstract',
    text,
    [{ start: 0, end: text.length }],
    datasets.map((d) => at(text, d)),
    metrics.map((m) => at(text, m)),
  );
}

const summary = (text: string, datasets: string[], metrics: string[] = []) => results(text, datasets, metrics).map((r) => [r.dataset, r.metric, r.value, r.kind]);

describe('extractResults', () => {
  it('takes the first number of `x vs y` as the score and drops the baseline', () => {
    expect(summary('Our model reaches strong results on Wikitext-103 (15.8 vs 18.3 perplexity).', ['Wikitext-103'], ['perplexity'])).toEqual([
      ['Wikitext-103', 'perplexity', 15.8, 'score'],
    ]);
  });

  it('reads a relative improvement as a delta', () => {
    expect(summary('It brings relative pass@1 improvements of 12.9% on APPS.', ['APPS'], ['pass@1'])).toEqual([['APPS', 'pass@1', 12.9, 'delta']]);
  });

  it('reads a number with a plus sign as a delta', () => {
    expect(summary('It reaches +1.5 on ImageNet.', ['ImageNet'])).toEqual([['ImageNet', null, 1.5, 'delta']]);
  });

  it('pairs a list of numbers with a list of datasets in order', () => {
    expect(summary('We obtain 93.3% and 74.3% on Market1501 and MSMT17.', ['Market1501', 'MSMT17'])).toEqual([
      ['Market1501', null, 93.3, 'score'],
      ['MSMT17', null, 74.3, 'score'],
    ]);
  });

  // Bug: a metric between the two lists (`… 74.3% mAP on …`) stops the in-order pairing, and both
  // numbers go to the nearest dataset, Market1501.
  it('pairs the lists in order when a metric sits between them', () => {
    expect(summary('We obtain 93.3% and 74.3% mAP on Market1501 and MSMT17.', ['Market1501', 'MSMT17'], ['mAP'])).toEqual([
      ['Market1501', 'mAP', 93.3, 'score'],
      ['MSMT17', 'mAP', 74.3, 'score'],
    ]);
  });

  it('gives each number the dataset named right after it', () => {
    expect(summary('It reaches 80.1% on ImageNet, 70.2% on CIFAR-100.', ['ImageNet', 'CIFAR-100'])).toEqual([
      ['ImageNet', null, 80.1, 'score'],
      ['CIFAR-100', null, 70.2, 'score'],
    ]);
  });

  it('ignores a range', () => {
    expect(results('Gains of 6%-18% on ImageNet.', ['ImageNet'])).toEqual([]);
  });

  it('ignores a bound', () => {
    expect(results('Error stays less than 20% on ImageNet.', ['ImageNet'])).toEqual([]);
  });

  it('ignores a cost figure', () => {
    expect(results('It needs only 4.5G FLOPs on ImageNet.', ['ImageNet'])).toEqual([]);
    expect(results('It runs 3.5x faster on ImageNet.', ['ImageNet'])).toEqual([]);
  });

  it('keeps the score and drops the cost figure of one sentence', () => {
    expect(summary('It reaches 81.2% top-1 accuracy on ImageNet with 4.5G FLOPs.', ['ImageNet'], ['top-1 accuracy'])).toEqual([
      ['ImageNet', 'top-1 accuracy', 81.2, 'score'],
    ]);
  });

  it('ignores numbers in a sentence without a dataset', () => {
    expect(results('It reaches 81.2% accuracy overall.', [], ['accuracy'])).toEqual([]);
  });

  it('ignores plain integers and years with no metric by them', () => {
    expect(results('We use 50000 images of ImageNet from 2012.', ['ImageNet'])).toEqual([]);
  });

  it('takes a plain integer right by a metric', () => {
    expect(summary('We report 27 BLEU on WMT14.', ['WMT14'], ['BLEU'])).toEqual([['WMT14', 'BLEU', 27, 'score']]);
  });

  it('reads a LaTeX-escaped percent sign', () => {
    expect(summary('It gets 93.3\\% on Market1501.', ['Market1501'])).toEqual([['Market1501', null, 93.3, 'score']]);
  });

  it('keeps numbers to their own sentence', () => {
    const text = 'We test on ImageNet. Another model gets 55.0% elsewhere.';
    const sentences = [
      { start: 0, end: 20 },
      { start: 20, end: text.length },
    ];
    expect(extractResults('abstract', text, sentences, [at(text, 'ImageNet')], [])).toEqual([]);
  });

  it('gives evidence that slices to the raw text of the result', () => {
    const text = 'It brings relative pass@1 improvements of 12.9% on APPS.';
    const [r] = results(text, ['APPS'], ['pass@1']);
    expect(r?.raw).toBe('pass@1 improvements of 12.9% on APPS');
    expect(text.slice(r!.evidence.start, r!.evidence.end)).toBe(r!.raw);
  });

  // Doubtful: `outperforms` before the parenthesis makes 15.8, the model's own perplexity, a delta.
  it('reads the score of `x vs y` as a score after "outperforms"', () => {
    const [r] = results('Our model outperforms Transformer-XL on Wikitext-103 (15.8 vs 18.3 perplexity).', ['Wikitext-103'], ['perplexity']);
    expect(r?.kind).toBe('score');
  });
});
