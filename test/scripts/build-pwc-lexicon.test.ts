import { describe, expect, it } from 'vitest';
import { cleanBenchmarkName, findVersionBase } from '../../scripts/pwc/benchmark-name.js';
import { buildBenchmarkLexicon } from '../../scripts/pwc/build-benchmark-lexicon.js';
import { buildMetricLexicon } from '../../scripts/pwc/build-metric-lexicon.js';
import { buildTaskLexicon } from '../../scripts/pwc/build-task-lexicon.js';
import { formatLexicon } from '../../scripts/pwc/format-lexicon.js';
import { buildMetricKey, cleanMetricName, inferHigherIsBetter } from '../../scripts/pwc/metric-name.js';
import { isAbbreviationOf, isOrdinaryEnglish, parseWordList } from '../../scripts/pwc/names.js';
import { parseTsv, type TsvRow } from '../../scripts/pwc/parse-tsv.js';
import { cleanTaskName } from '../../scripts/pwc/task-name.js';

// A few lines of a real word list: lower-case entries are ordinary English, capitalised ones proper nouns.
const words = parseWordList(
  [
    'natural',
    'questions',
    'question',
    'record',
    'flowers',
    'places',
    'return',
    'reward',
    'classification',
    'video',
    'segmentation',
    'translation',
    'transliteration',
    'test',
    'dataset',
    'story',
    'answering',
    'object',
    'detection',
    'ape',
    'Beatles',
    'Klondike',
    'pile',
    'fake',
  ].join('\n'),
);

function rows(header: string, ...lines: string[]): TsvRow[] {
  return parseTsv([header, ...lines].join('\n'), header.split('\t'), 'test.tsv');
}

const taskRows = (...lines: string[]): TsvRow[] => rows('task\tparents\tareas\tsynonyms', ...lines);

describe('the word list', () => {
  it('takes only lower-case entries as ordinary English', () => {
    expect(isOrdinaryEnglish('ReCoRD', words)).toBe(true);
    expect(isOrdinaryEnglish('Natural Questions', words)).toBe(true);
    expect(isOrdinaryEnglish('Beatles', words)).toBe(false);
    expect(isOrdinaryEnglish('CIFAR-10', words)).toBe(false);
    expect(isOrdinaryEnglish('Places365', words)).toBe(false);
  });

  it('tells an abbreviation from a setting', () => {
    expect(isAbbreviationOf('ABSA', 'Aspect-Based Sentiment Analysis')).toBe(true);
    expect(isAbbreviationOf('CoIR', 'Composed Image Retrieval')).toBe(true);
    expect(isAbbreviationOf('CN', 'Zero-Shot Transfer Image Classification')).toBe(false);
    expect(isAbbreviationOf('zero-shot', 'Action Classification')).toBe(false);
  });
});

describe('task names', () => {
  const rules = { words, technical: new Set(['transliteration']) };

  it('turns a trailing abbreviation into an alias and strips a setting', () => {
    expect(cleanTaskName('Named Entity Recognition (NER)', rules)).toEqual({ ok: true, name: 'Named Entity Recognition', acronym: 'NER', qualifiers: [] });
    expect(cleanTaskName('Natural Language Inference (Few-Shot)', rules)).toEqual({ ok: true, name: 'Natural Language Inference', qualifiers: ['Few-Shot'] });
    expect(cleanTaskName('Video Captioning on MSR-VTT', rules)).toMatchObject({ ok: true, name: 'Video Captioning' });
  });

  it('drops archive noise, odd punctuation and long descriptions', () => {
    expect(cleanTaskName('16k', rules)).toMatchObject({ ok: false });
    expect(cleanTaskName('Age/Bias-conflicting', rules)).toEqual({ ok: false, reason: 'odd punctuation' });
    expect(cleanTaskName('Joint Vertebrae Identification And Localization In Spinal Ct Images', rules)).toEqual({ ok: false, reason: 'too long' });
  });

  it('keeps a name headed by an act and drops a topic or a thing', () => {
    expect(cleanTaskName('Style Transfer', rules)).toMatchObject({ ok: true });
    expect(cleanTaskName('Text-to-SQL', rules)).toMatchObject({ ok: true });
    expect(cleanTaskName('Knowledge Graphs', rules)).toEqual({ ok: false, reason: 'no task head' });
    expect(cleanTaskName('High School Statistics', rules)).toEqual({ ok: false, reason: 'no task head' });
    expect(cleanTaskName('Computer Vision', rules)).toEqual({ ok: false, reason: 'no task head' });
  });

  it('drops a one-word task that is an ordinary word and keeps a technical one', () => {
    expect(cleanTaskName('Classification', rules)).toEqual({ ok: false, reason: 'ordinary word' });
    expect(cleanTaskName('Segmentation', rules)).toEqual({ ok: false, reason: 'ordinary word' });
    expect(cleanTaskName('Video', rules)).toMatchObject({ ok: false });
    expect(cleanTaskName('3D', rules)).toMatchObject({ ok: false });
    expect(cleanTaskName('Denoising', rules)).toMatchObject({ ok: true, name: 'Denoising' });
    expect(cleanTaskName('Dehazing', rules)).toMatchObject({ ok: true });
    expect(cleanTaskName('Super-Resolution', rules)).toMatchObject({ ok: true });
    expect(cleanTaskName('Transliteration', rules)).toMatchObject({ ok: true });
  });

  it('builds entries with merged spellings, aliases and plausible parents only', () => {
    const lexicon = buildTaskLexicon(
      taskRows(
        '1 Image, 2*2 Stitchi\t\tcv\t',
        '1 Image, 2*2 Stitching\t\tcv\t',
        'Language Modelling\t\tnlp\t',
        'Language modeling\t\tnlp\t',
        'Named Entity Recognition (NER)\t\tnlp\t',
        'NER\t\tnlp\t',
        'Object Detection\t\tcv\t',
        'Few-Shot Object Detection\tObject Detection | Classification\tcv\t',
        'Natural Language Inference (Zero-Shot)\t\tnlp\t',
        'Natural Language Inference\tReasoning\tnlp | other\t',
        'Voice Conversion\t1 Image, 2*2 Stitchi | 2D Object Detection\tcv | nlp\t',
        '2D Object Detection\t\tcv\t',
        'Hand Detection\t2D Object Detection\tcv\t',
        'Face Recogntion\t\tcv\t',
        'Face Recognition\t\tcv\t',
        'Speaker Recognition\t\tcv\t',
        'Action Recognition\t\tcv\t',
        'Emotion Recognition\t\tcv\t',
        'Iris Recognition\t\tcv\t',
      ),
      words,
    );
    const byName = new Map(lexicon.entries.map((entry) => [entry.name, entry]));
    expect(byName.get('Few-Shot Object Detection')).toEqual({ name: 'Few-Shot Object Detection', aliases: [], parents: ['Object Detection'], areas: ['cv'] });
    expect(byName.get('Named Entity Recognition')?.aliases).toEqual(['NER']);
    expect(byName.has('NER')).toBe(false);
    expect(byName.get('Natural Language Inference')).toEqual({ name: 'Natural Language Inference', aliases: [], parents: [], areas: ['nlp', 'other'] });
    expect([...byName.keys()].filter((name) => /^language model/i.test(name))).toHaveLength(1);
    // A digit-initial parent sharing nothing but its head with the child is the archive's filler.
    expect(byName.get('Voice Conversion')?.parents).toEqual([]);
    expect(byName.get('Hand Detection')?.parents).toEqual([]);
    expect(byName.has('Face Recogntion')).toBe(false);
    expect(lexicon.drops.map((drop) => [drop.name, drop.reason])).toEqual(
      expect.arrayContaining([
        ['1 Image, 2*2 Stitchi', 'truncated'],
        ['Face Recogntion', 'misspelt'],
      ]),
    );
    expect(lexicon.resolve('Named Entity Recognition (NER)')).toBe('Named Entity Recognition');
    expect(lexicon.resolve('NER')).toBe('Named Entity Recognition');
  });
});

describe('benchmark names', () => {
  it('strips splits, settings, resolutions and qualifiers into a base', () => {
    const base = (raw: string): string | undefined => {
      const cleaned = cleanBenchmarkName(raw);
      return cleaned.ok ? cleaned.base : undefined;
    };
    expect(base('ImageNet - 10% labeled data')).toBe('ImageNet');
    expect(base('ImageNet 256x256')).toBe('ImageNet');
    expect(base('ImageNet 64 x 64')).toBe('ImageNet');
    expect(base('COCO test-dev')).toBe('COCO');
    expect(base('COCO minival')).toBe('COCO');
    expect(base('CBSD68 sigm75')).toBe('CBSD68');
    expect(base('Flowers (zero-shot)')).toBe('Flowers');
    expect(base('Natural Questions val')).toBe('Natural Questions');
    expect(base('EuroSAT, 20 Labels')).toBe('EuroSAT');
    expect(base('LibriSpeech test-clean')).toBe('LibriSpeech');
    expect(base('WMT2014 English-German')).toBe('WMT2014');
    expect(base('CIFAR-100 (alpha=0.5, 10 clients per round)')).toBe('CIFAR-100');
  });

  it('keeps version and size suffixes, which name other datasets', () => {
    expect(cleanBenchmarkName('ImageNet-21K')).toMatchObject({ ok: true, base: 'ImageNet-21K' });
    expect(cleanBenchmarkName('WikiText-103 test')).toMatchObject({ ok: true, base: 'WikiText-103' });
    expect(findVersionBase('VoxCeleb2')).toEqual({ family: 'VoxCeleb', explicit: false });
    expect(findVersionBase('GPT-3.5')).toEqual({ family: 'GPT', explicit: true });
    expect(findVersionBase('COCO 2017')).toEqual({ family: 'COCO', explicit: true });
  });

  it('turns an abbreviation or an expansion in parentheses into an alias', () => {
    expect(cleanBenchmarkName('BBBP (Blood-Brain Barrier Penetration)')).toMatchObject({
      ok: true,
      base: 'BBBP',
      aliases: ['Blood-Brain Barrier Penetration'],
    });
    expect(cleanBenchmarkName('Retinal Fundus MultiDisease Image Dataset (RFMiD)')).toMatchObject({ ok: true, aliases: ['RFMiD'] });
  });

  it('drops spam, generic words, single letters and numbers', () => {
    expect(cleanBenchmarkName('How do I speak to someone at Expedia?')).toEqual({ ok: false, reason: 'spam or question' });
    expect(cleanBenchmarkName('Test')).toMatchObject({ ok: false, reason: 'generic word' });
    expect(cleanBenchmarkName('Dataset')).toMatchObject({ ok: false, reason: 'generic word' });
    expect(cleanBenchmarkName('Average')).toMatchObject({ ok: false, reason: 'generic word' });
    expect(cleanBenchmarkName('A')).toMatchObject({ ok: false, reason: 'generic word' });
    expect(cleanBenchmarkName('13.8')).toEqual({ ok: false, reason: 'noise' });
  });

  it('merges rows with one base, keeps variants distinct and marks ordinary English', () => {
    const tasks = new Map([
      ['image classification', 'Image Classification'],
      ['question answering', 'Question Answering'],
    ]);
    const lexicon = buildBenchmarkLexicon(
      rows(
        'benchmark\ttasks',
        'ImageNet\tImage Classification',
        'ImageNet - 10% labeled data\tImage Classification | 16k',
        'ImageNet 256x256\t',
        'ImageNet-1K\tImage Classification',
        'CIFAR-10\t',
        'CIFAR10\t',
        'CIFAR-100\t',
        'VoxCeleb1\t',
        'VoxCeleb2\t',
        'Natural Questions (short)\tQuestion Answering',
        'ReCoRD\t',
        'Flowers\t',
        'Beatles\t',
        'fake\t',
        'Test\t',
      ),
      words,
      (raw) => tasks.get(raw.toLowerCase()),
    );
    const byName = new Map(lexicon.entries.map((entry) => [entry.name, entry]));
    expect(byName.get('ImageNet')).toEqual({
      name: 'ImageNet',
      aliases: [],
      tasks: ['Image Classification'],
      variants: ['ImageNet - 10% labeled data', 'ImageNet 256x256'],
    });
    expect(byName.get('ImageNet-1K')).toMatchObject({ variantOf: 'ImageNet' });
    expect(byName.get('CIFAR-10')).toEqual({ name: 'CIFAR-10', aliases: [], tasks: [] });
    expect(byName.has('CIFAR-100')).toBe(true);
    expect(byName.get('VoxCeleb2')?.variantOf).toBeUndefined();
    expect(byName.get('Natural Questions')).toMatchObject({ caseSensitive: true, tasks: ['Question Answering'] });
    expect(byName.get('ReCoRD')?.caseSensitive).toBe(true);
    expect(byName.get('Flowers')?.caseSensitive).toBe(true);
    expect(byName.get('Beatles')?.caseSensitive).toBeUndefined();
    expect(byName.has('fake')).toBe(false);
    expect(byName.has('Test')).toBe(false);
    expect(lexicon.merged).toBe(3);
  });
});

describe('metric names', () => {
  const base = (raw: string): string | undefined => {
    const cleaned = cleanMetricName(raw);
    return cleaned.ok ? cleaned.base : undefined;
  };

  it('strips units, scales and settings and keeps what identifies the metric', () => {
    expect(base('MRR (x 100)')).toBe('MRR');
    expect(base('nDCG@10 (100 Neg. Samples)')).toBe('nDCG@10');
    expect(base('Test F1 score (private)')).toBe('F1 score');
    expect(base('val mIoU')).toBe('mIoU');
    expect(base('Top-1 Accuracy (%)')).toBe('Top-1 Accuracy');
    expect(base('BLEU-4')).toBe('BLEU-4');
    expect(base('Accuracy - Corrupted Images')).toBe('Accuracy');
    expect(base('AP_novel')).toBe('AP');
    expect(base('IMDB (Acc)')).toBe('Acc');
  });

  it('infers the direction from documented name patterns', () => {
    expect(inferHigherIsBetter('Word Error Rate')).toBe(false);
    expect(inferHigherIsBetter('Top-1 Error')).toBe(false);
    expect(inferHigherIsBetter('FID')).toBe(false);
    expect(inferHigherIsBetter('Perplexity')).toBe(false);
    expect(inferHigherIsBetter('Inference Time')).toBe(false);
    expect(inferHigherIsBetter('Params')).toBe(false);
    expect(inferHigherIsBetter('BLEU-4')).toBe(true);
    expect(inferHigherIsBetter('mAP@0.5')).toBe(true);
    expect(inferHigherIsBetter('Rank-1')).toBe(true);
    expect(inferHigherIsBetter('PSNR')).toBe(true);
    expect(inferHigherIsBetter('Score')).toBeNull();
    // `Kid` in a longer name is no Kernel Inception Distance.
    expect(inferHigherIsBetter('PCDR-Kid')).toBeNull();
  });

  it('folds spellings, abbreviations and short forms into one entry', () => {
    expect(buildMetricKey('Acc')).toBe(buildMetricKey('Accuracy'));
    expect(buildMetricKey('F1-score')).toBe(buildMetricKey('F1'));
    expect(buildMetricKey('# Parameters')).toBe(buildMetricKey('Params'));
  });

  it('builds entries: generic words dropped, ordinary words case-sensitive, method names ambiguous', () => {
    const lexicon = buildMetricLexicon(
      rows(
        'metric\ttasks',
        'Word Error Rate (WER)\t',
        'WER\t',
        'Test WER\t',
        'WER (%)\t',
        'Return\t',
        'Score\t',
        'MAE\t',
        'Backpack\t',
        'BERT\t',
        'COCO\t',
        'PESQ\t',
      ),
      { words, methodKeys: new Set([buildMetricKey('MAE')]), otherKeys: new Set([buildMetricKey('COCO')]) },
    );
    expect(lexicon.entries).toEqual([
      { name: 'MAE', aliases: [], higherIsBetter: false, ambiguous: true },
      { name: 'PESQ', aliases: [], higherIsBetter: true },
      { name: 'Return', aliases: [], higherIsBetter: true, caseSensitive: true },
      { name: 'WER', aliases: ['Word Error Rate'], higherIsBetter: false },
    ]);
    expect(lexicon.drops.map((drop) => [drop.name, drop.reason])).toEqual([
      ['Score', 'generic word'],
      ['Backpack', 'not a metric name'],
      ['BERT', 'not a metric name'],
      ['COCO', 'names a dataset, task or method'],
    ]);
  });
});

describe('the shipped files', () => {
  it('writes one entry a line', () => {
    expect(
      formatLexicon([
        { name: 'MRR', aliases: ['mean reciprocal rank'], higherIsBetter: true },
        { name: 'WER', aliases: [], higherIsBetter: false },
      ]),
    ).toMatchInlineSnapshot(`
        "[
          {"name":"MRR","aliases":["mean reciprocal rank"],"higherIsBetter":true},
          {"name":"WER","aliases":[],"higherIsBetter":false}
        ]
        "
      `);
  });

  it('does not depend on row order', () => {
    const lines = ['ImageNet\t', 'ImageNet 256x256\t', 'COCO test-dev\t', 'COCO\t', 'ImageNet-1K\t', 'CIFAR10\t', 'CIFAR-10\t'];
    const build = (ordered: string[]): string => formatLexicon(buildBenchmarkLexicon(rows('benchmark\ttasks', ...ordered), words, () => undefined).entries);
    expect(build([...lines].reverse())).toBe(build(lines));
  });
});
