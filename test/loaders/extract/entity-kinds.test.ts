import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../loaders/extract-corpus.js';
import type { EntityMention } from '../../../loaders/extract/entity-set.js';
import type { PaperEntities } from '../../../loaders/extract/extract-paper.js';
import type { Paper } from '../../../loaders/papers.js';

// Texts written for these tests: each checks that a name is typed as the kind it is, not as a method.
function paper(abstract: string, title?: string): Paper {
  return { id: 'paper:test', title: title ?? abstract.slice(0, 40), titleDerived: title === undefined, abstract, sources: [] };
}
const extract = (abstract: string, title?: string): PaperEntities => extractEntities(paper(abstract, title));
const names = (list: readonly EntityMention[]) => list.map((e) => e.name);

describe('names that are not methods', () => {
  it('reads a measure’s short form that qualifies pre-training (`MAE pre-training`) as no metric', () => {
    const e = extract('In a small MAE pre-training run on street photos, the new schedule beats cosine decay.');
    expect(names(e.metrics)).not.toContain('MAE');
  });

  it('reads a listed plain word ending a title-case phrase of the title as no method', () => {
    const e = extract('We train small modules per language and test them on three retrieval sets.', 'Sparse Mirrored Adapters Improve Cross-Lingual Retrieval');
    expect(names(e.methods)).not.toContain('Adapters');
  });

  it('keeps a listed plain word after an evaluative one in the title', () => {
    const e = extract('We train small modules per language and test them on three retrieval sets.', 'Efficient Transformers for Cross-Lingual Retrieval');
    expect(names(e.methods)).toContain('Transformers');
  });

  it('reads the short names of equation kinds (PDE, ODE) as no method', () => {
    const e = extract('Our solver generalises to unseen PDE coefficients and to stiff ODE systems without retraining.');
    expect(names(e.methods)).toEqual([]);
  });

  it('reads a task abbreviation in another spelling (`re-ID`, `reID`) as no method', () => {
    const e = extract('We train a re-ID backbone and a reID head for surveillance footage.');
    expect(names(e.methods)).not.toContain('re-ID');
    expect(names(e.methods)).not.toContain('reID');
  });

  it('reads navigation benchmarks named in a title as tasks', () => {
    const e = extract('We train agents in simulated homes.', 'A strong baseline for PointNav and ObjectNav');
    expect(names(e.methods)).toEqual([]);
    expect(names(e.tasks)).toEqual(expect.arrayContaining(['object-goal navigation', 'point-goal navigation']));
  });

  it('types lexical and medical resources as datasets, not methods', () => {
    const e = extract('Each label is mapped to WordNet synsets and linked to the UMLS thesaurus.');
    expect(names(e.methods)).toEqual([]);
    expect(names(e.datasets)).toEqual(expect.arrayContaining(['WordNet', 'UMLS']));
  });

  it('drops programming languages, sensors, file formats and modalities', () => {
    const e = extract('We parse JavaScript and TypeScript programs, LiDAR scans, DICOM files and fMRI recordings with GraphParse.');
    expect(names(e.methods)).toEqual(['GraphParse']);
  });

  it('types a listed method name followed by `dataset` as a dataset', () => {
    const e = extract('We report results on the Dreamer dataset of EEG recordings.');
    expect(names(e.methods)).toEqual([]);
    expect(names(e.datasets)).toContain('Dreamer');
  });

  it('types a version of a listed dataset (`ImageNet-E`, `Kinetics-400/600`) as a dataset', () => {
    const e = extract('Our detector is robust on ImageNet-E and transfers to Kinetics-400/600 clips.');
    expect(names(e.methods)).toEqual([]);
    expect(names(e.datasets)).toEqual(expect.arrayContaining(['ImageNet-E', 'Kinetics-400/600']));
  });

  it('reads a name before a task word (`the Path-Z task`, `SOAP classification`) as no method', () => {
    const e = extract('Scores on the Path-Z task improve, and so does SOAP classification of clinical notes.');
    expect(names(e.methods)).toEqual([]);
  });

  it('reads capitalised hyphenated English words as no method unless compared with or followed by a method noun', () => {
    const e = extract(
      'We study Test-Time behaviour and Multi-View inputs. Our approach outperforms Swin-Gen and Cross-Former. We also use the Frank-Wolfe algorithm.',
    );
    expect(names(e.methods)).not.toContain('Test-Time');
    expect(names(e.methods)).not.toContain('Multi-View');
    expect(names(e.methods)).toEqual(expect.arrayContaining(['Swin-Gen', 'Cross-Former', 'Frank-Wolfe']));
  });

  it('keeps model variants written with capitals after a hyphen (`Swin-L`, `Bi-LSTM`)', () => {
    const e = extract('We use a Swin-L backbone and a Bi-LSTM decoder.');
    expect(names(e.methods)).toEqual(expect.arrayContaining(['Swin-L', 'Bi-LSTM']));
  });

  it('drops a sentence-initial function word from a capitalised architecture name', () => {
    const e = extract('In Gated Recurrent Networks, memory decays. The Attention module is costly.');
    expect(names(e.methods)).toContain('Gated Recurrent Networks');
    expect(names(e.methods).some((n) => /^(?:In|The)\s/.test(n))).toBe(false);
  });
});

describe('acronym definitions that name tasks', () => {
  it('reads `Long Form (LF) detection` as a task', () => {
    const e = extract('Hand-Object Contact (HOC) detection is hard in cluttered scenes.');
    expect(names(e.methods)).toEqual([]);
    expect(names(e.tasks)).toContain('hand-object contact detection');
  });

  it('reads a capitalised task phrase defined with an acronym, and not proposed, as a task', () => {
    const e = extract('Keyword Spotting (KWS) on microcontrollers remains costly.');
    expect(names(e.methods)).toEqual([]);
    expect(names(e.tasks)).toContain('keyword spotting');
  });

  it('reads `the field of X Learning (XL)` as a task but a proposed `X Learning (XL)` as a method', () => {
    const field = extract('The field of Federated Transfer Learning (FTL) has grown quickly.');
    expect(names(field.methods)).toEqual([]);
    expect(names(field.tasks)).toContain('federated transfer learning');
    const proposed = extract('We propose Sparse Contrastive Learning (SCL) for tabular data.');
    expect(names(proposed.methods)).toContain('SCL');
  });

  it('keeps a coined component in a proposal sentence a method even when it ends in a task word', () => {
    const e = extract('We propose GateNet, integrated with Adaptive Memory Retrieval (AMR), to update models.');
    expect(names(e.methods)).toContain('AMR');
  });
});

describe('tasks named only as motivation', () => {
  it('drops tasks listed as background examples in a sentence about neither the paper nor its evaluation', () => {
    const e = extract(
      'Sequence models are vital for tasks such as speech recognition and protein folding prediction. We propose WaveMix for audio captioning.',
    );
    expect(names(e.tasks)).not.toContain('speech recognition');
    expect(names(e.tasks)).toContain('audio captioning');
  });

  it('keeps listed examples in a sentence about the paper or its evaluation', () => {
    const e = extract('We evaluate on tasks such as speech recognition and audio captioning.');
    expect(names(e.tasks)).toContain('audio captioning');
    expect(names(e.tasks).some((t) => t.endsWith('speech recognition'))).toBe(true);
  });

  it('keeps examples of a stated gap, but not those of a concessive clause', () => {
    const e = extract('Despite progress in tasks like image classification, models still struggle with tasks such as chart question answering.');
    expect(names(e.tasks)).not.toContain('image classification');
    expect(names(e.tasks)).toContain('chart question answering');
  });

  it('keeps a background example that the title names', () => {
    const e = extract('Embeddings matter for tasks such as passage retrieval and clustering.', 'Better Embeddings for Passage Retrieval');
    expect(names(e.tasks)).toContain('passage retrieval');
  });

  it('drops a leading `based` left by a split compound (`deep-learning based feature extraction`)', () => {
    const e = extract('Deep-learning based real-time feature extraction is costly on small robots.');
    expect(names(e.tasks).some((t) => t.startsWith('based '))).toBe(false);
  });
});

describe('dataset names and their case', () => {
  it('finds a listed dataset written in lower case where the sentence makes it a dataset', () => {
    const e = extract('We report mIoU on the cityscapes dataset and on the long range arena benchmark.');
    expect(names(e.datasets)).toEqual(expect.arrayContaining(['cityscapes', 'long range arena']));
  });

  it('keeps lower-case words that spell a listed name in capitals only, or without a dataset context', () => {
    const e = extract('Results on five massive datasets show that cityscapes are hard to segment.');
    expect(names(e.datasets)).toEqual([]);
  });

  it('reads a title-case listed name written in lower case as ordinary words', () => {
    const e = extract('A natural question is how models adapt. We study long range arena tasks later.');
    expect(names(e.datasets)).toEqual([]);
  });

  it('reads the benchmarks of a task abbreviation (`Chinese NER benchmarks`) as no dataset', () => {
    const e = extract('Experiments on four Chinese NER benchmark datasets and Cross-Domain ReID benchmarks show gains.');
    expect(names(e.datasets)).toEqual([]);
  });
});

describe('metric names used as ordinary words', () => {
  it('needs a figure for a leaderboard name written in plain lower case', () => {
    expect(names(extract('Pooling improves downstream task accuracy and helps with task completion.').metrics)).toEqual([]);
    expect(names(extract('Our model reaches 81.2% classification accuracy on CIFAR-10.').metrics)).toHaveLength(1);
  });

  it('needs a figure for a one- or two-capital alias', () => {
    expect(names(extract('We apply semantic search to the HR domain.').metrics)).toEqual([]);
  });

  it('reads a metric name before a task or method noun as no metric', () => {
    expect(names(extract('Gains hold in recall and reasoning tasks and with edit distance algorithms.').metrics)).toEqual([]);
  });

  it('reads a plain metric word in a title as the word', () => {
    expect(names(extract('We study how language models store facts.', 'Mechanisms of Factual Recall').metrics)).toEqual([]);
  });
});

describe('more names that are not methods', () => {
  it('types a listed dataset in an unlisted spelling (`FashionMNIST`) as a dataset', () => {
    const e = extract('We reach state-of-the-art accuracy on MNIST, FashionMNIST and CIFAR10.');
    expect(names(e.methods)).toEqual([]);
    expect(names(e.datasets)).toContain('FashionMNIST');
  });

  it('types a name after `a dataset named` as a dataset, even in a proposal', () => {
    const e = extract('We collect a new large-scale dataset named RoadScan with ten thousand images.');
    expect(names(e.methods)).toEqual([]);
    expect(names(e.datasets)).toContain('RoadScan');
  });

  it('reads `X-generated` as an adjective, not a name', () => {
    expect(names(extract('We compare human-written and GPT4-generated essays.').methods)).toEqual([]);
  });

  it('reads a curated family defined with an acronym (`Deep Neural Networks (DNNs)`) as no method', () => {
    expect(names(extract('Deep Neural Networks (DNNs) trained on large datasets capture knowledge.').methods)).toEqual([]);
  });

  it('keeps a proposed method whose acronym a family shares (`Ideal Continual Learner (ICL)`)', () => {
    expect(names(extract('We propose a framework called Ideal Continual Learner (ICL) that never forgets.').methods)).toContain('ICL');
  });
});

describe('acronyms before a component noun, and task abbreviations among metrics', () => {
  it('reads a lower-case long form before `module` as a method even with a task head', () => {
    const e = extract('We add a new region contrast learning (RCL) module that helps the detector.');
    expect(names(e.methods)).toContain('RCL');
    expect(names(e.tasks)).not.toContain('region contrast learning');
  });

  it('needs a stand-alone figure for a metric alias that is also a task abbreviation', () => {
    expect(names(extract('End-to-end speech recognition (E2E ASR) systems make errors on names.').metrics)).toEqual([]);
    expect(names(extract('Our attack reaches an ASR of 93.5% against the model.').metrics)).toEqual(['attack success rate']);
  });
});

describe('datasets that read like names of models', () => {
  it('types a name closed by a year (a dated corpus) as a dataset', () => {
    const e = extract('We tag shop reviews with a small tagger and report F1 on ShopNER-2019 and on our logs.');
    expect(names(e.datasets)).toContain('ShopNER-2019');
    expect(names(e.methods)).not.toContain('ShopNER-2019');
  });

  it('types a name in apposition to a dataset noun with commas between its adjectives as a dataset', () => {
    const e = extract('We introduce Trolleys-7, a newly collected, densely annotated dataset of shop carts.');
    expect(names(e.datasets)).toContain('Trolleys-7');
    expect(names(e.methods)).not.toContain('Trolleys-7');
  });

  it('does not read adjectives listed in a title before a dataset noun as a dataset', () => {
    const e = extract(
      'We collect cart photos from many shops.',
      'CartSet: A Challenging, Crowd-Sourced, Large-Scale, Long-Tailed Dataset for Cart Recognition',
    );
    expect(names(e.datasets)).not.toContain('Crowd-Sourced');
  });

  it('does not read a split written after a dataset (`val2017`) as a method', () => {
    const e = extract('Our detector reaches 51.2 AP on COCO val2017 with fewer epochs.');
    expect(names(e.methods)).not.toContain('val2017');
  });
});

describe('model checkpoints', () => {
  it('keeps the size written after a listed model as its checkpoint (`Pythia 410M`)', () => {
    const e = extract('We continue pre-training Pythia 410M on shop reviews and compare warm-up schedules.');
    expect(names(e.methods)).toContain('Pythia 410M');
  });

  it('does not take a parameter count for a checkpoint', () => {
    const e = extract('We distil BERT 110M parameters into a small tagger for shop reviews.');
    expect(names(e.methods)).toContain('BERT');
    expect(names(e.methods)).not.toContain('BERT 110M');
  });
});

describe('names that qualify tasks or name classes', () => {
  it('does not read names in a list closed by "tasks" as methods', () => {
    const e = extract('We build a cart benchmark including the CDT and CST tasks, and validate our CartNet on it.');
    expect(names(e.methods)).not.toContain('CDT');
    expect(names(e.methods)).not.toContain('CST');
  });

  it('does not read a capitalised class of models (Pre-Trained Model, PTM) as a method', () => {
    const e = extract('Picking which Pre-Trained Model (PTM) fits a shop is hard. We propose CartRank, which ranks PTMs by their fit.');
    expect(names(e.methods)).not.toContain('PTM');
    expect(names(e.methods)).not.toContain('PTMs');
  });
});

describe('concepts are not cut out of proper names', () => {
  it('does not take a family inside a capitalised name (Conditional Variational Autoencoder) as a concept', () => {
    const e = extract('We train a cart generator, Conditional Variational Autoencoder (CVAE), on shop logs.');
    expect(names(e.concepts)).not.toContain('variational autoencoder');
  });

  it('still takes the family written in running text as a concept', () => {
    const e = extract('We train a variational autoencoder on shop logs and compare it with a cart ranker.');
    expect(names(e.concepts)).toContain('variational autoencoder');
  });
});

describe('names the paper gives its own artifact', () => {
  it.each([
    ['In this paper, we propose a new framework, called Lantern, for ranking carts.', 'Lantern'],
    ['We present a simple ranker named Combiner that orders carts.', 'Combiner'],
    ['We call our approach Beacon. Beacon ranks carts better than a linear baseline.', 'Beacon'],
  ])('reads the plain capitalised word a naming verb introduces as a proposed method: %s', (abstract, name) => {
    const e = extract(abstract);
    expect(e.methods.find((m) => m.name === name)?.role).toBe('PROPOSED');
  });

  it('does not take a name from a naming phrase about others’ work', () => {
    expect(names(extract('Prior work, called Lantern, ranks carts by price.').methods)).not.toContain('Lantern');
  });
});

describe('one dataset written as family and release', () => {
  it('reads a family name and its release side by side as one dataset', () => {
    const e = extract('Our ranker reaches 71.2% accuracy on the ImageNet ILSVRC-2012 dataset and on CIFAR-10.');
    expect(names(e.datasets)).toEqual(expect.arrayContaining(['ImageNet ILSVRC-2012', 'CIFAR-10']));
    expect(names(e.datasets)).not.toContain('ImageNet');
  });
});

describe('concepts without evaluative words', () => {
  it('does not take a degree adjective into a concept (severe domain shifts)', () => {
    const e = extract('Our cart ranker stays accurate across moderate to severe domain shifts between shops.');
    expect(names(e.concepts)).not.toContain('severe domain shifts');
  });
});
