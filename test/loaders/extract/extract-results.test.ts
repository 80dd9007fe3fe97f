import { describe, expect, it } from 'vitest';
import { extractResults, type Anchor } from '../../../loaders/extract/extract-results.js';

/** An anchor for the first occurrence of `surface` in `text`. */
function at(text: string, surface: string): Anchor {
  const start = text.indexOf(surface);
  if (start < 0) throw new Error(`${surface} is not in the text`);
  return { name: surface, start, end: start + surface.length };
}

/** Results of a one-sentence text, with dataset, metric and method anchors built by hand. */
function results(text: string, datasets: string[], metrics: string[] = [], methods: string[] = [], proposed: string | null = null) {
  return extractResults(
    'abstract',
    text,
    [{ start: 0, end: text.length }],
    datasets.map((d) => at(text, d)),
    metrics.map((m) => at(text, m)),
    methods.map((m) => at(text, m)),
    proposed,
  );
}

const summary = (text: string, datasets: string[], metrics: string[] = []) =>
  results(text, datasets, metrics).map((r) => [r.dataset, r.metric, r.value, r.kind]);
/** Value → method, setting, split: the qualifiers of each result. */
const qualified = (text: string, datasets: string[], metrics: string[] = [], methods: string[] = [], proposed: string | null = null) =>
  results(text, datasets, metrics, methods, proposed).map((r) => [r.value, r.method, r.setting, r.split]);
const valueDataset = (text: string, datasets: string[], metrics: string[] = []) => results(text, datasets, metrics).map((r) => [r.value, r.dataset]);
const valueMetric = (text: string, datasets: string[], metrics: string[] = []) => results(text, datasets, metrics).map((r) => [r.value, r.metric]);

describe('extractResults', () => {
  it('pairs a number with the dataset its own `on` names, past a digit inside the metric', () => {
    const text = 'It reaches 71.0% Top-1 on Alpha-Set and 42.5% Top-1 on Beta-Set.';
    expect(valueDataset(text, ['Alpha-Set', 'Beta-Set'], ['Top-1'])).toEqual([
      [71, 'Alpha-Set'],
      [42.5, 'Beta-Set'],
    ]);
  });

  it('pairs a later list with the datasets in the order the sentence named them, respectively', () => {
    const text = 'It reaches 71.0% on Alpha-Set and 42.5% on Beta-Set, beating the baseline by 3.0% and 9.5%, respectively.';
    expect(valueDataset(text, ['Alpha-Set', 'Beta-Set'])).toEqual([
      [71, 'Alpha-Set'],
      [42.5, 'Beta-Set'],
      [3, 'Alpha-Set'],
      [9.5, 'Beta-Set'],
    ]);
  });

  it('pairs every number of the sentence with a list of as many datasets, respectively, across metrics', () => {
    const text = 'It gains +0.5% accuracy, +1.1 mIoU and +0.7 AP on Alpha-Set, Beta-Set and Gamma-Set respectively.';
    expect(valueDataset(text, ['Alpha-Set', 'Beta-Set', 'Gamma-Set'], ['accuracy', 'mIoU', 'AP'])).toEqual([
      [0.5, 'Alpha-Set'],
      [1.1, 'Beta-Set'],
      [0.7, 'Gamma-Set'],
    ]);
  });

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
    expect(results('It is the first model exceeding 85% accuracy on ImageNet.', ['ImageNet'], ['accuracy'])).toEqual([]);
    expect(results('It stays within 4% of the best model on ImageNet.', ['ImageNet'])).toEqual([]);
    expect(results('It reaches over 40% AP after two epochs on ImageNet.', ['ImageNet'], ['AP'])).toEqual([]);
  });

  it('keeps a gain stated with "by over" or "of over"', () => {
    expect(results('It improves AP by over 3.1 points on ImageNet.', ['ImageNet'], ['AP']).map((r) => r.value)).toEqual([3.1]);
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

  it('gives every result its method, setting and split, null when the text names none', () => {
    const text = 'It reaches 70.3% on ImageNet.';
    expect(results(text, ['ImageNet'])).toEqual([
      {
        dataset: 'ImageNet',
        metric: null,
        value: 70.3,
        kind: 'score',
        raw: '70.3% on ImageNet',
        evidence: { field: 'abstract', start: 11, end: 28 },
        method: null,
        setting: null,
        split: null,
      },
    ]);
  });
});

describe('extractResults: which numbers are results', () => {
  it('drops a number followed by what it counts', () => {
    expect(summary('Our 24 layers model reaches an accuracy of 71.3% on ImageNet.', ['ImageNet'], ['accuracy'])).toEqual([
      ['ImageNet', 'accuracy', 71.3, 'score'],
    ]);
    expect(summary('It gets 27 BLEU on WMT14 with 16 GPUs.', ['WMT14'], ['BLEU'])).toEqual([['WMT14', 'BLEU', 27, 'score']]);
  });

  it('keeps a number whose metric starts with a count word', () => {
    expect(summary('It reaches 2.1% word-error-rate on SetA.', ['SetA'], ['word-error-rate'])).toEqual([['SetA', 'word-error-rate', 2.1, 'score']]);
  });

  it('drops a percentage of training data', () => {
    expect(valueDataset('It reaches 90.2% on CIFAR-10 while using only 5% training samples.', ['CIFAR-10'])).toEqual([[90.2, 'CIFAR-10']]);
    expect(valueDataset('It reaches 90.2% on CIFAR-10 with 5% of the training samples.', ['CIFAR-10'])).toEqual([[90.2, 'CIFAR-10']]);
  });

  it('drops a share of compute', () => {
    expect(valueDataset('It matches 76.4% on ImageNet with 10% of the FLOPs.', ['ImageNet'])).toEqual([[76.4, 'ImageNet']]);
  });

  it('drops a whole list by the words after its last number', () => {
    expect(results('It cuts cost on ImageNet by 30% and 45% GPU hours.', ['ImageNet'])).toEqual([]);
  });

  it('drops list markers but keeps a value in parentheses', () => {
    expect(results('We show that 1) accuracy on SVHN rises and (2) accuracy on SVHN holds.', ['SVHN'], ['accuracy'])).toEqual([]);
    expect(summary('The model is strong on WMT14 (BLEU 27).', ['WMT14'], ['BLEU'])).toEqual([['WMT14', 'BLEU', 27, 'score']]);
  });

  it('drops the shot count of an N-shot setting', () => {
    expect(valueDataset('Its 5-shot accuracy on MiniSet is 61.2%.', ['MiniSet'], ['accuracy'])).toEqual([[61.2, 'MiniSet']]);
  });

  it('reads numbers joined by slashes as a list', () => {
    expect(valueDataset('It gets 80.1/75.2 on SetA.', ['SetA'])).toEqual([
      [80.1, 'SetA'],
      [75.2, 'SetA'],
    ]);
  });
});

describe('extractResults: pairing numbers with datasets', () => {
  it('pairs each number with the dataset in its own parentheses', () => {
    expect(valueDataset('It reaches 85.1% (SetA) and 51.6% (SetB) top-1 accuracy.', ['SetA', 'SetB'])).toEqual([
      [85.1, 'SetA'],
      [51.6, 'SetB'],
    ]);
  });

  it("leaves a number whose parentheses name no known dataset without one, not with its neighbour's", () => {
    expect(valueDataset('It reaches 85.1% (NewSet) and 51.6% (SetB) top-1 accuracy.', ['SetB'])).toEqual([[51.6, 'SetB']]);
  });

  it('pairs a number with the dataset whose parenthesis or colon holds it', () => {
    expect(valueDataset('It is strong on SetA (85.1%) and SetB (51.6%).', ['SetA', 'SetB'])).toEqual([
      [85.1, 'SetA'],
      [51.6, 'SetB'],
    ]);
    expect(valueDataset('Scores are SetA: 85.1%, SetB: 51.6%.', ['SetA', 'SetB'])).toEqual([
      [85.1, 'SetA'],
      [51.6, 'SetB'],
    ]);
  });

  it('pairs a list of numbers with a list of datasets named before it', () => {
    expect(valueDataset('On SetA and SetB, the model reaches 85.1% and 51.6% accuracy, respectively.', ['SetA', 'SetB'])).toEqual([
      [85.1, 'SetA'],
      [51.6, 'SetB'],
    ]);
  });

  it('pairs a list of numbers with the datasets it is said to be for', () => {
    expect(valueDataset('The accuracies are 85.1% and 51.6% for the SetA and SetB benchmarks, respectively.', ['SetA', 'SetB'])).toEqual([
      [85.1, 'SetA'],
      [51.6, 'SetB'],
    ]);
  });

  it('gives no dataset to the numbers of a respectively-list whose names are not known datasets', () => {
    expect(valueDataset('It reaches 70.5%, 61.2% and 55.0% on SetA, NewSet-2 and OtherSet, respectively.', ['SetA'])).toEqual([[70.5, 'SetA']]);
  });

  it('does not reach past a later number for a dataset when the number names its own target', () => {
    expect(valueDataset('Accuracies are 81.5% on Alpha data and 75.4% on SetB.', ['SetB'])).toEqual([[75.4, 'SetB']]);
  });

  it('reaches past a later number of the same statement', () => {
    expect(summary('It reaches 80.1% top-1 accuracy and 95.2% top-5 accuracy on ImageNet.', ['ImageNet'], ['top-1 accuracy', 'top-5 accuracy'])).toEqual([
      ['ImageNet', 'top-1 accuracy', 80.1, 'score'],
      ['ImageNet', 'top-5 accuracy', 95.2, 'score'],
    ]);
  });
});

describe('extractResults: metrics', () => {
  it('pairs a list of metrics with a list of as many numbers after it', () => {
    expect(valueMetric('It gets precision, recall and F1 of 80.1, 75.2 and 77.6 on SetA.', ['SetA'], ['precision', 'recall', 'F1'])).toEqual([
      [80.1, 'precision'],
      [75.2, 'recall'],
      [77.6, 'F1'],
    ]);
  });

  it('pairs a list of numbers with a list of metrics after it', () => {
    expect(valueMetric('It reports 80.1, 75.2 and 77.6 for precision, recall and F1 on SetA.', ['SetA'], ['precision', 'recall', 'F1'])).toEqual([
      [80.1, 'precision'],
      [75.2, 'recall'],
      [77.6, 'F1'],
    ]);
  });

  it('reads P/R/F1 as precision, recall and F1 score, in order', () => {
    expect(valueMetric('Its P/R/F1 of 80.1/75.2/77.6 on SetA are the best.', ['SetA'])).toEqual([
      [80.1, 'precision'],
      [75.2, 'recall'],
      [77.6, 'F1 score'],
    ]);
    expect(valueMetric('It reaches 80.1, 75.2 and 77.6 P/R/F1 on SetA.', ['SetA'])).toEqual([
      [80.1, 'precision'],
      [75.2, 'recall'],
      [77.6, 'F1 score'],
    ]);
  });

  it('takes a lone letter for no metric', () => {
    expect(valueMetric('Model R reaches 80.1% on SetA.', ['SetA'])).toEqual([[80.1, null]]);
  });
});

describe('extractResults: deltas', () => {
  it('makes every number of a list a delta when the list is said to be an improvement', () => {
    expect(summary('It is 3.1%, 1.4% and 0.6% better than the baseline on SetA.', ['SetA']).map((r) => r[3])).toEqual(['delta', 'delta', 'delta']);
  });

  it('makes a number coordinated with a delta a delta too', () => {
    expect(summary('It improves the baseline by 0.7% mAP and 5.6% rank-1 accuracy on SetA.', ['SetA'], ['mAP', 'rank-1 accuracy'])).toEqual([
      ['SetA', 'mAP', 0.7, 'delta'],
      ['SetA', 'rank-1 accuracy', 5.6, 'delta'],
    ]);
  });

  it('keeps a number with a verb of its own a score', () => {
    expect(summary('It improves by 2.1% on SetA and achieves 80.5% on SetB.', ['SetA', 'SetB']).map((r) => r[3])).toEqual(['delta', 'score']);
  });
});

describe('extractResults: the method that scored', () => {
  it('takes the subject of a scoring verb', () => {
    expect(qualified('AlphaNet achieves 85.1% on SetA.', ['SetA'], [], ['AlphaNet'], 'GammaNet')).toEqual([[85.1, 'AlphaNet', null, null]]);
    expect(qualified('Experiments show that the proposed AlphaNet reaches 85.1% on SetA.', ['SetA'], [], ['AlphaNet'])).toEqual([
      [85.1, 'AlphaNet', null, null],
    ]);
  });

  it('does not take a method the scorer is compared with', () => {
    expect(qualified('AlphaNet outperforms BetaNet by 2.1% on SetA.', ['SetA'], [], ['AlphaNet', 'BetaNet'])).toEqual([[2.1, 'AlphaNet', null, null]]);
    expect(qualified('Compared with BetaNet, AlphaNet improves accuracy by 2.1% on SetA.', ['SetA'], [], ['BetaNet', 'AlphaNet'])).toEqual([
      [2.1, 'AlphaNet', null, null],
    ]);
    expect(
      qualified(
        'AlphaNet surpasses BetaNet and GammaNet by 2.8% and 2.4% on SetA and SetB, respectively.',
        ['SetA', 'SetB'],
        [],
        ['AlphaNet', 'BetaNet', 'GammaNet'],
      ),
    ).toEqual([
      [2.8, 'AlphaNet', null, null],
      [2.4, 'AlphaNet', null, null],
    ]);
  });

  it('does not take a part the scorer is built with', () => {
    expect(qualified('Our method with a BetaNet backbone reaches 85.1% on SetA.', ['SetA'], [], ['BetaNet'], 'AlphaNet')).toEqual([
      [85.1, 'AlphaNet', null, null],
    ]);
  });

  it('takes the method whose parenthesis holds the number, baseline or not', () => {
    expect(qualified('AlphaNet (85.1%) outperforms BetaNet (80.2%) on SetA.', ['SetA'], [], ['AlphaNet', 'BetaNet'])).toEqual([
      [85.1, 'AlphaNet', null, null],
      [80.2, 'BetaNet', null, null],
    ]);
  });

  it('tells two methods of one sentence apart', () => {
    expect(qualified('The accuracy of BetaNet is 80.2% on SetA, while AlphaNet reaches 85.1%.', ['SetA'], [], ['BetaNet', 'AlphaNet'])).toEqual([
      [80.2, 'BetaNet', null, null],
      [85.1, 'AlphaNet', null, null],
    ]);
  });

  it('takes the method a sentence starts with, or that the number is achieved by', () => {
    expect(qualified('With AlphaNet, we reach 85.1% on SetA.', ['SetA'], [], ['AlphaNet'])).toEqual([[85.1, 'AlphaNet', null, null]]);
    expect(qualified('The best score on SetA, 85.1%, is achieved by AlphaNet.', ['SetA'], [], ['AlphaNet'])).toEqual([[85.1, 'AlphaNet', null, null]]);
  });

  it("falls back to the paper's proposed method, then to none", () => {
    expect(qualified('We reach 85.1% on SetA.', ['SetA'], [], [], 'AlphaNet')).toEqual([[85.1, 'AlphaNet', null, null]]);
    expect(qualified('We reach 85.1% on SetA.', ['SetA'])).toEqual([[85.1, null, null, null]]);
  });
});

describe('extractResults: settings', () => {
  it('gives each number the setting written right by it', () => {
    expect(qualified('It reaches 86.3% zero-shot accuracy and 91.0% fine-tuned accuracy on ImageNet.', ['ImageNet'])).toEqual([
      [86.3, null, 'zero-shot', null],
      [91, null, 'fine-tuned', null],
    ]);
    expect(qualified('Its zero-shot accuracy of 80.1% and fine-tuned accuracy of 85.0% on SetA lead.', ['SetA'])).toEqual([
      [80.1, null, 'zero-shot', null],
      [85, null, 'fine-tuned', null],
    ]);
  });

  it('gives every number the setting the whole sentence is in', () => {
    expect(qualified('In the few-shot setting, it reaches 61.2% on SetA and 55.3% on SetB.', ['SetA', 'SetB'])).toEqual([
      [61.2, null, 'few-shot', null],
      [55.3, null, 'few-shot', null],
    ]);
  });

  it("gives no setting to a number between two others' settings", () => {
    expect(qualified('It reaches 70.1% zero-shot accuracy, 75.3% with a frozen encoder and 80.2% after fine-tuning on SetA.', ['SetA'])).toEqual([
      [70.1, null, 'zero-shot', null],
      [75.3, null, null, null],
      [80.2, null, 'fine-tuned', null],
    ]);
  });

  it('reads N-shot as few-shot, linear probing as linear-probe and "without fine-tuning" as zero-shot', () => {
    expect(qualified('It reaches 61.2% 5-shot accuracy on SetA.', ['SetA'])).toEqual([[61.2, null, 'few-shot', null]]);
    expect(qualified('Linear probing on SetA gives 78.5% accuracy.', ['SetA'])).toEqual([[78.5, null, 'linear-probe', null]]);
    expect(qualified('Without any fine-tuning, it reaches 70.2% on SetA.', ['SetA'])).toEqual([[70.2, null, 'zero-shot', null]]);
  });

  it('takes no extra training data for no setting', () => {
    expect(qualified('Without extra training data, it reaches 86.3% on SetA.', ['SetA'])).toEqual([[86.3, null, null, null]]);
  });
});

describe('extractResults: splits', () => {
  it('reads the split named right after the dataset', () => {
    expect(qualified('It reaches 55.1 AP on COCO test-dev.', ['COCO'], ['AP'])).toEqual([[55.1, null, null, 'test-dev']]);
    expect(qualified('It reaches 81.0% on the SetA validation set.', ['SetA'])).toEqual([[81, null, null, 'val']]);
    expect(qualified('It reaches 81.0% on SetA (dev).', ['SetA'])).toEqual([[81, null, null, 'dev']]);
  });

  it('reads the split named before the dataset, or by the number', () => {
    expect(qualified('It reaches 81.0% on the test set of SetA.', ['SetA'])).toEqual([[81, null, null, 'test']]);
    expect(qualified('On SetA, it reaches 85.1% on the validation set.', ['SetA'])).toEqual([[85.1, null, null, 'val']]);
  });

  it('reads a labelled subset, and its share is no result', () => {
    expect(qualified('With only 10% labels, it reaches 70.3% on ImageNet.', ['ImageNet'])).toEqual([[70.3, null, null, '10% labeled']]);
    expect(qualified('Trained on 1% of ImageNet labels, it reaches 60.1% top-1 accuracy.', ['ImageNet'])).toEqual([[60.1, null, null, '1% labeled']]);
  });

  it('takes "test" as a verb for no split', () => {
    expect(qualified('We train on SetA and test on SetB, reaching 70.1% on SetB.', ['SetA', 'SetB'])).toEqual([[70.1, null, null, null]]);
  });
});

describe('a plain integer that counts something', () => {
  it('is no score, even past two words before the count noun', () => {
    expect(results('It gains accuracy on 4 standard geo-tagging datasets, led by PlaceSet.', ['PlaceSet'], ['accuracy'])).toEqual([]);
  });

  it('still gives a decimal before such words', () => {
    expect(summary('It reaches 71.5 accuracy on PlaceSet photos.', ['PlaceSet'], ['accuracy'])).toEqual([['PlaceSet', 'accuracy', 71.5, 'score']]);
  });
});

describe('a figure of saved cost', () => {
  it('is no result', () => {
    expect(results('On TinyText, it matches the baseline with a 30% reduction in training compute.', ['TinyText'])).toEqual([]);
  });
});

describe('a share of the annotation a method needs', () => {
  it('is no result', () => {
    expect(results('On ShelfSet, transfer cuts the annotation down to 10% and 5% of the full set.', ['ShelfSet'])).toEqual([]);
  });
});
