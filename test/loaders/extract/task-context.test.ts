import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../loaders/extract-corpus.js';
import { buildMatchers } from '../../../loaders/extract/matchers.js';
import { qualifiesArtifactAfter } from '../../../loaders/extract/task-modifier.js';
import { readLexicon } from '../../../loaders/lexicon/read-lexicon.js';
import type { Paper } from '../../../loaders/papers.js';

function paper(abstract: string, title = 'Notes on Shared Encoders'): Paper {
  return { id: 'paper:test', title, titleDerived: false, abstract, sources: [] };
}
const tasks = (abstract: string, title?: string): string[] => extractEntities(paper(abstract, title)).tasks.map((t) => t.name);
const cues = buildMatchers(readLexicon()).cues;

describe('a task name that qualifies an artifact', () => {
  it.each([
    ['text-to-image (T2I) models', 'text-to-image'],
    ['metric learning loss', 'metric learning'],
    ['the denoising process', 'the denoising'],
    ['sentence embedding techniques', 'sentence embedding'],
  ])('reads %s as a model or a component', (text, name) => {
    expect(qualifiesArtifactAfter(text, name.length, cues)).toBe(true);
  });

  it.each([
    ['object detection is hard', 'object detection'],
    ['image captioning tasks', 'image captioning'],
    ['object detection and segmentation models', 'object detection'],
    ['speech recognition on noisy audio', 'speech recognition'],
  ])('reads %s as the task itself', (text, name) => {
    expect(qualifiesArtifactAfter(text, name.length, cues)).toBe(false);
  });

  it('takes no listed task from a phrase naming a model', () => {
    expect(tasks('We distil large pre-trained text-to-image models into a small one that runs on phones.')).not.toContain('text-to-image');
  });

  it('still takes the listed task where the text names it as the problem', () => {
    expect(tasks('We study semantic segmentation of street scenes with a shared encoder.')).toContain('semantic segmentation');
  });

  it('keeps a listed task whose definition qualifies a model out of the methods', () => {
    const e = extractEntities(paper('We write new replay-based Continual Learning (CL) algorithms for robots.'));
    expect(e.methods.map((m) => m.name)).not.toContain('CL');
  });
});

describe('a task phrase with an indefinite article', () => {
  it('is an act or an output, not a task name', () => {
    expect(tasks('Current encoders only reach a shallow scene understanding from a single frame.')).not.toContain('shallow scene understanding');
  });
});

describe('tasks a task noun closes', () => {
  it('takes every item of a list the noun closes', () => {
    expect(tasks('We report results on image captioning, shelf counting and crate detection tasks.')).toEqual(
      expect.arrayContaining(['image captioning', 'shelf counting', 'crate detection']),
    );
  });

  it('drops a count or a vague adjective before the phrase', () => {
    const found = tasks('The encoder helps on six text classification tasks and on difficult speech classification problems.');
    expect(found).toEqual(expect.arrayContaining(['text classification', 'speech classification']));
    expect(found).not.toContain('six text classification');
    expect(found).not.toContain('difficult speech classification');
  });

  it('takes the phrase before "challenges" and "benchmarks"', () => {
    expect(tasks('The encoder tops three lane detection benchmarks.')).toContain('lane detection');
    expect(tasks('We enter the shape retrieval challenges of the workshop.')).toContain('shape retrieval');
  });

  it('skips the kind of problem a task is said to be', () => {
    expect(tasks('Shelf counting is a dense prediction task with tiny objects.')).not.toContain('dense prediction');
    expect(tasks('We cast shelf counting as a density estimation problem.')).not.toContain('density estimation');
  });

  it('stops at a capitalised word in mid-sentence', () => {
    expect(tasks('We evaluate on the Crate counting tasks of the suite.')).not.toContain('crate counting');
  });

  it('takes the longest task phrase after "the task of"', () => {
    expect(tasks('We study the task of image captioning in the wild.')).toContain('image captioning');
  });
});

describe('task heads the taxonomy attests', () => {
  const matchers = buildMatchers(readLexicon());

  it('takes a head that ends many listed task names, as a head the text must call a task', () => {
    expect(matchers.cues.taskHeads.has('removal')).toBe(true);
    expect(matchers.cues.techniqueHeads.has('removal')).toBe(true);
  });

  it('leaves out words the cue lists call generic, and plurals', () => {
    expect(matchers.cues.taskHeads.has('analysis')).toBe(false);
    expect(matchers.cues.taskHeads.has('images')).toBe(false);
  });

  it('takes a phrase with such a head where the text calls it a task, not from any noun phrase', () => {
    expect(tasks('We test the encoder on two glare removal tasks.')).toContain('glare removal');
    expect(tasks('The encoder runs glare removal before the detector.')).not.toContain('glare removal');
  });
});

describe('the problem a proposal serves', () => {
  it('takes the phrase after "for" in a sentence where the paper proposes something', () => {
    expect(tasks('We propose a light encoder for shelf counting in crowded stores.')).toContain('shelf counting');
  });

  it('takes no infinitive after "to" as a task', () => {
    expect(tasks('We propose a light encoder to improve shelf counting.')).not.toContain('improve shelf counting');
  });
});

describe('techniques written with task words', () => {
  it('reads a task name after "masked" as a training objective', () => {
    expect(tasks('We pre-train the encoder with masked image modeling on shelf photos.')).not.toContain('image modeling');
  });

  it('reads the items listed after "pre-training tasks:" as objectives', () => {
    expect(tasks('We design two pre-training tasks: image captioning and region classification.')).not.toContain('image captioning');
  });

  it('keeps tasks listed after a pretext task is merely mentioned', () => {
    expect(tasks('Via this pretext task, we set records on downstream tasks such as object detection and semantic segmentation.')).toContain(
      'semantic segmentation',
    );
  });

  it('skips the kind of problem a task is cast as, modifiers and all', () => {
    expect(tasks('We cast shelf counting as a progressive multi-level density estimation problem.')).not.toContain('density estimation');
  });

  it('reads a task name before a model family acronym as a qualifier', () => {
    expect(tasks('We show that existing text-to-image DiTs can edit shelves.')).not.toContain('text-to-image');
  });

  it('takes no technique that leads a title serving another task', () => {
    const found = tasks('We learn part features for the re-identification of people.', 'Part-Aware Feature Learning for Occluded Person Re-Identification');
    expect(found).toContain('occluded person re-identification');
    expect(found).not.toContain('part-aware feature learning');
  });
});

describe('techniques the sentence uses', () => {
  it('reads a technique after "utilize" or "exploit" as a tool', () => {
    expect(tasks('To this end, we utilize active learning and cut the labelling cost of shelves.')).not.toContain('active learning');
  });

  it('keeps the problem a tool is used in', () => {
    expect(tasks('We exploit uncertainty in shelf pose estimation by flagging hard frames.')).toContain('shelf pose estimation');
  });

  it('takes no phrase joined by a slash', () => {
    expect(tasks('The ranker opens new ways to query/collection understanding.')).toEqual([]);
  });
});

describe('what the paper proposes or does', () => {
  it('takes no task from the phrase the paper proposes', () => {
    expect(tasks('To address this, we present shelf-aware transfer learning for stock counting.')).not.toContain('shelf-aware transfer learning');
  });

  it('reads a technique the sentence says was used as a tool', () => {
    expect(tasks('To cut costs, active learning was used to label the shelf photos.')).not.toContain('active learning');
  });

  it('reads "this" before a technique as the paper\'s own step', () => {
    expect(tasks('We drop weak passages early. This pruning lets the ranker skip long documents.')).not.toContain('network pruning');
  });
});

describe('a task written as a short form in capitals', () => {
  it('lets the paper define it as something else', () => {
    const e = extractEntities(paper('We introduce Feasible Learning (FL), a paradigm that bounds each loss. FL trains well.'));
    expect(e.tasks.map((t) => t.name)).not.toContain('federated learning');
  });

  it('needs a supporting cue in the abstract', () => {
    expect(tasks('Our reward model gives a 59% gain in IR on the photo data.')).not.toContain('information retrieval');
  });

  it('counts with a task noun after it', () => {
    expect(tasks('We report gains on QA and NLI tasks.')).toContain('question answering');
  });
});

describe('a noun phrase with a task head and no cue word', () => {
  it("is a task in a sentence about the paper's own work", () => {
    expect(tasks('Shelves are hard to read. Our encoder handles shelf detection in dim aisles.')).toContain('shelf detection');
  });

  it('is no task in a background aside', () => {
    expect(tasks('Shelves are hard to read. Such logs are also useful for failure diagnosis in stores.')).not.toContain('failure diagnosis');
  });

  it('is a task when the title names it, wherever the abstract does', () => {
    expect(tasks('Shelves are hard to read. Shelf detection matters to stores.', 'Shelf Detection in Dim Aisles')).toContain('shelf detection');
  });

  it('takes a quoted task after "the task of"', () => {
    expect(tasks('Stores pose the task of "crate detection" in dim aisles.')).toContain('crate detection');
  });
});

describe('a passive sentence about the paper’s own work', () => {
  it('ties its task phrase to the paper like `we` does', () => {
    expect(tasks('A compact model for shelf gap detection is presented. It runs on a phone.')).toContain('shelf gap detection');
  });

  it('leaves a task phrase in background sentences alone', () => {
    expect(tasks('Shelf gap detection matters to grocers. A compact model runs on a phone.')).not.toContain('shelf gap detection');
  });
});

describe('tasks named only as a field’s examples', () => {
  it('are motivation when the sentence praises a field, even with words like datasets', () => {
    expect(
      tasks('Fields such as shelf gap detection and crate counting have popularized large datasets. We study robot grasping of soft fruit.'),
    ).not.toContain('shelf gap detection');
  });

  it('are evaluated tasks when the sentence names the paper’s proposed method', () => {
    const names = tasks(
      'We propose CrateNet, a small encoder. CrateNet achieves the best results on tasks spanning shelf gap detection and price tag recognition.',
    );
    expect(names).toEqual(expect.arrayContaining(['shelf gap detection', 'price tag recognition']));
  });
});

describe('a task noun phrase in a sentence about others’ work', () => {
  it('is not taken because the sentence praises results on datasets', () => {
    expect(tasks('Large models have achieved strong results on many datasets for shelf gap detection. We study robot grasping.')).not.toContain(
      'shelf gap detection',
    );
  });

  it('is taken when the sentence names the paper’s proposed method', () => {
    expect(tasks('We propose CrateNet, a small encoder. CrateNet also handles price tag recognition well.')).toContain('price tag recognition');
  });
});

describe('a representation is not a task', () => {
  it('does not take what a model outputs (sentence embeddings) as a task', () => {
    expect(tasks('We train a shared encoder that yields sentence embeddings for clustering.')).not.toContain('sentence embeddings');
  });

  it('does not take a graph embedding compared against as a task', () => {
    expect(tasks('Our encoder beats strong graph embedding baselines on citation graphs.')).not.toContain('graph embedding');
  });

  it('keeps a representation phrase the text calls a task', () => {
    expect(tasks('Our shared encoder improves results on sentence embedding tasks such as clustering.')).toContain('sentence embedding');
  });

  it('does not cut a list of media (image and video recognition) into a task', () => {
    expect(tasks('We build one shared encoder for major image and video recognition tasks.')).not.toContain('major image');
  });
});

describe('the problem a method serves', () => {
  it('takes X from "methods for X" in an evaluation sentence', () => {
    expect(tasks('Our shared encoder outperforms prior methods for incremental class learning on two benchmarks.')).toContain('incremental class learning');
  });

  it('takes X from "a framework for X"', () => {
    expect(tasks('Shared encoders are common. Our experiments cover a framework for crowd counting in dense scenes.')).toContain('crowd counting');
  });

  it('does not take a phrase with an adverb as a task', () => {
    expect(tasks('We study data-efficiently learning control for robots with shared encoders.')).not.toContain('data-efficiently learning control');
  });
});

describe('a listed task narrowed by a domain or setting word', () => {
  it('keeps the domain adjective the paper writes before a listed task', () => {
    expect(tasks('We study biomedical named entity recognition with a shared encoder.')).toContain('biomedical named entity recognition');
  });

  it('keeps a hyphenated setting before a listed task', () => {
    expect(tasks('Our shared encoder improves zero-shot text summarization on news.')).toContain('zero-shot text summarization');
  });

  it('keeps the bare task when the paper mostly writes it bare', () => {
    const found = tasks('Text summarization is popular. Text summarization has many uses, and clinical text summarization too.');
    expect(found).toContain('text summarization');
    expect(found).not.toContain('clinical text summarization');
  });

  it('does not narrow with an evaluative, numeric or method word', () => {
    const found = tasks('Results on comparable recommendation are mixed. Two-stage re-ranking is slow. Training-free image classification is hard.');
    expect(found).toEqual(expect.arrayContaining(['recommendation', 're-ranking', 'image classification']));
    expect(found).not.toContain('comparable recommendation');
    expect(found).not.toContain('two-stage re-ranking');
    expect(found).not.toContain('training-free image classification');
  });
});

describe('task heads for problems named by what is done to the data or the model', () => {
  it.each([
    ['Shelf Description and Aisle Narration with Shared Encoders', 'shelf description'],
    ['Faster Model Unlearning with Shared Encoders', 'model unlearning'],
    ['Spurious Correlation Mitigation for Shop Logs', 'spurious correlation mitigation'],
  ])('takes a task from the title %s', (title, task) => {
    expect(tasks('We train shared encoders on shop logs and report results.', title)).toContain(task);
  });
});

describe('training regimes a paper studies', () => {
  it('takes a pre-training regime the title names as its task', () => {
    expect(tasks('We train shared encoders on shop logs and report results.', 'Cart Re-identification Pre-training with Shared Encoders')).toContain(
      'cart re-identification pre-training',
    );
  });

  it('does not take a vague word before a task into its name', () => {
    const found = tasks('We introduce CartSampler, a data sampler for both continual pre-training and fine-tuning regimes.');
    expect(found).not.toContain('both continual pre-training');
    expect(found).toContain('continual pre-training');
  });

  it('does not take the verb of a title clause into a task name', () => {
    expect(tasks('We train shared encoders on shop logs.', 'A Perspective for Unveiling Prompt Tuning in Shop Logs')).not.toContain('unveiling prompt tuning');
  });
});
