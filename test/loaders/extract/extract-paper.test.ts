import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../loaders/extract-corpus.js';
import type { EntityMention } from '../../../loaders/extract/entity-set.js';
import type { PaperEntities } from '../../../loaders/extract/extract-paper.js';
import { normalizeName } from '../../../src/graph/names.js';
import type { Paper } from '../../../loaders/papers.js';

/** A paper with an abstract and, when given, a real title. */
function paper(abstract: string, title?: string): Paper {
  return { id: 'paper:test', title: title ?? abstract.slice(0, 40), titleDerived: title === undefined, abstract, sources: [] };
}

const extract = (abstract: string, title?: string): PaperEntities => extractEntities(paper(abstract, title));
const names = (list: readonly EntityMention[]) => list.map((e) => e.name);
const method = (entities: PaperEntities, name: string) => entities.methods.find((m) => m.name === name);

describe('extractPaper (through extractEntities)', () => {
  describe('proposed methods', () => {
    it('makes a method PROPOSED after "we propose"', () => {
      expect(method(extract('We propose FlowMixer, a module for sequence modeling.'), 'FlowMixer')?.role).toBe('PROPOSED');
    });

    it('makes a method PROPOSED after "we introduce"', () => {
      expect(method(extract('We introduce GraphRover to explore knowledge graphs.'), 'GraphRover')?.role).toBe('PROPOSED');
    });

    it('makes a method PROPOSED after "dubbed"', () => {
      expect(method(extract('This paper presents a sampler dubbed QuickStep that halves inference time.'), 'QuickStep')?.role).toBe('PROPOSED');
    });

    it('makes a method PROPOSED after "called"', () => {
      expect(method(extract('We describe a training scheme called TokenDrop for pre-training.'), 'TokenDrop')?.role).toBe('PROPOSED');
    });

    it('makes a method PROPOSED after "our"', () => {
      expect(method(extract('Our ProtoFuse improves segmentation of rare classes.'), 'ProtoFuse')?.role).toBe('PROPOSED');
    });

    it('makes a method PROPOSED by an apposition in parentheses: "X (a novel …)"', () => {
      expect(method(extract('ProtoFuse (a novel prototype fusion network) improves segmentation.'), 'ProtoFuse')?.role).toBe('PROPOSED');
    });

    // Bug: proposalRole strips the name's first word with /^\S+/, which also eats the comma, so
    // APPOSITION_NEW (which needs `,` `:` or `(` first) never matches `X, a novel …`.
    it('makes a method PROPOSED by an apposition: "X, a novel …"', () => {
      expect(method(extract('ProtoFuse, a novel prototype fusion network, improves segmentation.'), 'ProtoFuse')?.role).toBe('PROPOSED');
    });

    it("makes the title's `Name:` prefix a PROPOSED method", () => {
      const entities = extract('We study how planners generalize across environments.', 'RoboPlan: Planning with Language Feedback');
      expect(method(entities, 'RoboPlan')).toMatchObject({ role: 'PROPOSED', evidence: [{ field: 'title', start: 0, end: 8 }] });
    });

    it('merges an acronym definition into one PROPOSED method named by its short form', () => {
      const entities = extract('We present a Deep Task-specific Bottom Representation Network (DTRN) for ranking. DTRN learns bottom representations.');
      expect(entities.methods).toHaveLength(1);
      expect(entities.methods[0]).toMatchObject({ name: 'DTRN', aliases: ['Deep Task-specific Bottom Representation Network'], role: 'PROPOSED' });
    });
  });

  describe('used methods', () => {
    it('finds curated methods as USED', () => {
      const entities = extract('We fine-tune CLIP with LoRA and compare against an LSTM baseline.');
      expect(entities.methods.map((m) => [m.name, m.role])).toEqual([
        ['CLIP', 'USED'],
        ['LoRA', 'USED'],
        ['LSTM', 'USED'],
      ]);
    });

    it('finds a model-like name with its size as USED', () => {
      expect(method(extract('We evaluate Llama-2 7B on grade-school math.'), 'Llama-2 7B')?.role).toBe('USED');
    });

    it('takes families for concepts, never for methods', () => {
      const entities = extract('Unlike a CNN or an LLM, diffusion models generate images.');
      expect(entities.methods).toEqual([]);
      expect(names(entities.concepts)).toEqual(expect.arrayContaining(['convolutional neural network', 'large language model', 'diffusion model']));
    });
  });

  describe('datasets', () => {
    it('finds curated datasets', () => {
      const entities = extract('Experiments on MNIST, Fashion-MNIST, ImageNet-64 and PG-19 confirm the gains.');
      expect(names(entities.datasets)).toEqual(['MNIST', 'Fashion-MNIST', 'ImageNet-64', 'PG-19']);
    });

    it('finds names before "dataset" and "benchmark"', () => {
      const entities = extract('We collect the Harbor Traffic dataset and the CityScan benchmark of street scenes.');
      expect(names(entities.datasets)).toEqual(['Harbor Traffic', 'CityScan']);
    });

    it('finds every name of an `X, Y and Z datasets` list', () => {
      const entities = extract('Results on the VizWorld, TrackLab and CamSeq datasets show consistent gains.');
      expect(names(entities.datasets)).toEqual(['VizWorld', 'TrackLab', 'CamSeq']);
      expect(entities.methods).toEqual([]);
    });

    it('takes a name built like a benchmark for a dataset', () => {
      const entities = extract('We evaluate on KernelBench, a suite of GPU kernels.');
      expect(names(entities.datasets)).toEqual(['KernelBench']);
    });
  });

  describe('metrics', () => {
    it('says whether higher is better', () => {
      const entities = extract('Our model lowers perplexity and raises BLEU and top-1 accuracy.');
      expect(entities.metrics.map((m) => [m.name, m.higherIsBetter])).toEqual([
        ['perplexity', false],
        ['BLEU', true],
        ['top-1 accuracy', true],
      ]);
    });

    it('counts a cost metric next to a number', () => {
      expect(names(extract('The number of parameters drops to 3.1M on all tasks.').metrics)).toContain('number of parameters');
    });

    it('ignores a cost metric with no number by it', () => {
      expect(extract('We cut the number of parameters without loss.').metrics).toEqual([]);
    });

    it('shows a metric by its curated name', () => {
      expect(names(extract('On WikiText-103, PPL drops by 2.1 points.').metrics)).toEqual(['perplexity']);
    });
  });

  describe('results', () => {
    it('ties a score to the dataset and metric of its sentence', () => {
      const entities = extract('Our model reaches strong results on WikiText-103 (15.8 vs 18.3 perplexity).');
      expect(entities.results.map((r) => [r.dataset, r.metric, r.value, r.kind])).toEqual([['WikiText-103', 'perplexity', 15.8, 'score']]);
    });
  });

  describe('tasks', () => {
    it('takes a task from the title as a lower-case phrase', () => {
      const entities = extract('We learn identity features that resist occlusion.', 'Occlusion-Aware Learning for Person Re-Identification');
      expect(names(entities.tasks)).toContain('person re-identification');
    });

    it('names every task in lower case', () => {
      const entities = extract('We tackle the task of Visual Question Answering and image classification.', 'Sparse Routing for Long Document Summarization');
      expect(entities.tasks.length).toBeGreaterThan(0);
      for (const task of entities.tasks) expect(task.name).toBe(task.name.toLowerCase());
    });

    it('takes a phrase before "tasks" as a task', () => {
      expect(names(extract('This is a study of image classification and object detection tasks.').tasks)).toEqual(['image classification', 'object detection']);
    });

    // Bug: TITLE_LEAD_TASK is greedy and `for` is not in NOT_TASK_WORD, so a title shaped like
    // `X Learning for Person Re-Identification` becomes one task, the whole title.
    it('does not take a whole title for a task', () => {
      const entities = extract('We learn identity features that resist occlusion.', 'Occlusion-Aware Learning for Person Re-Identification');
      expect(names(entities.tasks)).not.toContain('occlusion-aware learning for person re-identification');
    });

    // Bug: prepositions are not in NOT_TASK_WORD, so `… on reasoning tasks` gives the task `on reasoning`.
    it('does not start a task with a preposition', () => {
      expect(names(extract('We evaluate Llama-2 7B on reasoning tasks.').tasks)).not.toContain('on reasoning');
    });
  });

  describe('concepts', () => {
    it('normalises a concept from a family to its curated name', () => {
      expect(names(extract('Large language models struggle with long inputs.').concepts)).toContain('large language model');
    });

    it('keeps multi-word noun phrases as concepts', () => {
      expect(names(extract('We show that sparse attention helps long-context retrieval.').concepts)).toContain('sparse attention');
    });

    it('refuses generic phrases', () => {
      const concepts = names(extract('Extensive experiments on this paper benchmark confirm that knowledge graphs help.').concepts).map(normalizeName);
      expect(concepts).not.toContain('extensive experiment');
      expect(concepts).not.toContain('this paper');
      expect(concepts).not.toContain('paper');
    });

    it('resolves an acronym the paper only uses in its short form through the curated list', () => {
      expect(names(extract('PEFT reduces memory cost.').concepts)).toContain('parameter-efficient fine-tuning');
    });
  });

  describe('evidence', () => {
    const TITLE = 'FlowMixer: Token Mixing for Sequence Modeling';
    const ABSTRACT =
      'We propose FlowMixer, which mixes tokens with LoRA adapters on top of Llama-2 7B. ' +
      'Experiments on WikiText-103 and the CityScan benchmark show 15.8 perplexity and 27.1 BLEU on WMT14. ' +
      'Unlike large language models, it keeps sparse attention patterns. Code: https://github.com/acme/flowmixer.';
    const entities = extract(ABSTRACT, TITLE);
    const text = (field: 'title' | 'abstract') => (field === 'title' ? TITLE : ABSTRACT);

    it.each(['methods', 'datasets'] as const)('gives %s spans that slice to one of their surface forms', (kind) => {
      expect(entities[kind].length).toBeGreaterThan(0);
      for (const entity of entities[kind]) {
        for (const e of entity.evidence) expect([entity.name, ...entity.aliases]).toContain(text(e.field).slice(e.start, e.end));
      }
    });

    it.each(['tasks', 'metrics', 'concepts'] as const)('gives %s spans that slice to a spelling of their name', (kind) => {
      expect(entities[kind].length).toBeGreaterThan(0);
      for (const entity of entities[kind]) {
        const forms = [entity.name, ...entity.aliases].map(normalizeName);
        for (const e of entity.evidence) expect(forms).toContain(normalizeName(text(e.field).slice(e.start, e.end)));
      }
    });

    it('gives repository spans that slice to the link', () => {
      const [repo] = entities.repositories;
      const e = repo!.evidence[0]!;
      expect(ABSTRACT.slice(e.start, e.end)).toBe('https://github.com/acme/flowmixer');
    });

    // Bug: curated families, tasks and metrics are recorded under their curated name, and the
    // surface actually written (`PPL`, `CNN`) is kept in no alias, although EntityMention promises
    // "every surface form seen".
    it('keeps the surface form of a curated metric written as an alias', () => {
      const abstract = 'On WikiText-103, PPL drops by 2.1 points.';
      const [metric] = extractEntities(paper(abstract)).metrics;
      const e = metric!.evidence[0]!;
      expect([metric!.name, ...metric!.aliases]).toContain(abstract.slice(e.start, e.end));
    });

    it('keeps the surface form of a curated family written as an acronym', () => {
      const abstract = 'A CNN is our baseline.';
      const concept = extractEntities(paper(abstract)).concepts.find((c) => c.name === 'convolutional neural network');
      const e = concept!.evidence[0]!;
      expect([concept!.name, ...concept!.aliases]).toContain(abstract.slice(e.start, e.end));
    });
  });

  describe("types from the paper's own words", () => {
    it('makes a plain capitalised name after "we present" a PROPOSED method', () => {
      expect(method(extract('In this work we present Sculptor, a model that edits meshes from sketches.'), 'Sculptor')?.role).toBe('PROPOSED');
    });

    it('makes a two-word name after "we introduce" a PROPOSED method', () => {
      expect(method(extract('We introduce Garden Mix: a recipe for merging adapters.'), 'Garden Mix')?.role).toBe('PROPOSED');
    });

    it('makes a curated name PROPOSED when the paper introduces it by name', () => {
      expect(method(extract('We propose Mamba, a selective state space model.'), 'Mamba')?.role).toBe('PROPOSED');
    });

    it('keeps a curated name USED when the proposal only builds on it', () => {
      expect(method(extract('We propose a simple adapter built on top of Mamba for audio.'), 'Mamba')?.role).toBe('USED');
    });

    it('types every name of a list closed by "datasets" as a dataset, multi-word names included', () => {
      const entities = extract('We test retrieval on both QBANK and Open Trivia Questions datasets.');
      expect(names(entities.datasets)).toEqual(expect.arrayContaining(['QBANK']));
      expect(names(entities.methods)).not.toContain('QBANK');
    });

    it('types the names a dataset noun opens a list with as datasets', () => {
      const entities = extract('Results on three benchmarks (ZPQ-12, XKCDQA and HRVLD) favour our model.');
      expect(names(entities.datasets)).toEqual(expect.arrayContaining(['ZPQ-12', 'XKCDQA', 'HRVLD']));
    });

    it("lets the paper's definition beat a list entry: MAE defined as a masked autoencoder is no metric", () => {
      const entities = extract('We pre-train a masked autoencoder (MAE) on satellite images and fine-tune the MAE for crops.');
      expect(names(entities.metrics)).not.toContain('MAE');
      expect(names(entities.metrics)).not.toContain('mean absolute error');
    });

    it('makes a lower-case definition the paper proposes a PROPOSED method', () => {
      const entities = extract('We propose gated token mixing (GTM), which replaces attention in small models.');
      expect(method(entities, 'GTM')?.role).toBe('PROPOSED');
    });

    it('makes a lower-case definition that names a task a task, not a concept', () => {
      const entities = extract('Prior work on keyword spotting (KWS) relies on large labelled sets.');
      expect(names(entities.tasks)).toContain('keyword spotting');
      expect(names(entities.concepts)).not.toContain('keyword spotting');
    });
  });

  describe('concepts worth a node', () => {
    it('keeps a technical idea a reader would browse', () => {
      expect(names(extract('Sequential fine-tuning suffers from catastrophic forgetting of earlier skills.').concepts)).toContain('catastrophic forgetting');
    });

    it('drops boilerplate and evaluative phrases', () => {
      const concepts = names(extract('The paper aim is simple. Our method achieves remarkable capabilities and impressive performance gains.').concepts);
      expect(concepts).toEqual([]);
    });

    it('drops field names that would link every paper', () => {
      expect(names(extract('Deep learning and machine learning have changed computer vision.').concepts)).toEqual([]);
    });

    it('never makes a task phrase a concept too', () => {
      const entities = extract('We study semantic segmentation of aerial scenes with a lightweight decoder.');
      expect(names(entities.tasks)).toContain('semantic segmentation');
      expect(names(entities.concepts)).not.toContain('semantic segmentation');
    });
  });

  describe('one stretch of text, one reading', () => {
    it('takes no task or concept from half of a hyphenated word', () => {
      const entities = extract('We study in-context generation under non-convex optimization.');
      expect(names(entities.tasks)).not.toContain('context generation');
      expect(names(entities.concepts)).not.toContain('convex optimization');
    });

    it('takes no task from a technique the sentence uses', () => {
      expect(names(extract('We combine self-training with meta-learning to label scans.').tasks)).not.toContain('meta-learning');
    });

    it('takes no task from capitalised words that name a benchmark mid-sentence', () => {
      expect(names(extract('Results on Wiki Link Prediction improve over baselines.').tasks)).toEqual([]);
    });

    it('matches a listed name written with inner capitals only with those capitals', () => {
      const entities = extract('We keep records of every run and evaluate on ReCoRD and MS-MARCO.');
      expect(names(entities.datasets)).toEqual(expect.arrayContaining(['ReCoRD', 'MS-MARCO']));
      expect(entities.datasets.filter((d) => d.evidence.some((e) => e.start === 8))).toEqual([]);
    });

    it('makes a version written after a listed name its own entity', () => {
      const entities = extract('We evaluate passage ranking on MS MARCO V2.1 and report MRR@10.');
      expect(names(entities.datasets)).toContain('MS MARCO V2.1');
    });

    it('drops a task that a longer task of the paper contains', () => {
      const entities = extract('We improve automatic speech recognition; speech recognition errors drop.');
      expect(names(entities.tasks)).toContain('automatic speech recognition');
      expect(names(entities.tasks)).not.toContain('speech recognition');
    });

    it('names a listed task as the paper spells it', () => {
      expect(names(extract('We study continual pre-training of language models.').tasks)).toContain('continual pre-training');
    });
  });

  describe('more proposals, names and measures', () => {
    it('makes a name a passive sentence proposes PROPOSED', () => {
      expect(method(extract('To fuse the two views, a gating block, GVF, is proposed.'), 'GVF')?.role).toBe('PROPOSED');
    });

    it('takes a capitalised Track or Challenge with its year as one dataset, not the listed names inside it', () => {
      const entities = extract('Our system ranked first in the TREC 2023 Deep Retrieval Track.');
      expect(names(entities.datasets)).toEqual(['TREC 2023 Deep Retrieval Track']);
    });

    it('takes no task from a plural of a task word', () => {
      expect(names(extract('Calibrated models make safer generations and good predictions.').tasks)).toEqual([]);
    });

    it('counts a speedup next to its figure as a metric', () => {
      expect(names(extract('Our kernel gives a 2.7 times speedup over the baseline.').metrics)).toContain('speedup');
    });
  });

  describe('names built like datasets, techniques used as tools', () => {
    it('takes a name ending in a count of items for a dataset, a model size for a method', () => {
      const entities = extract('We pre-train on Shapes-250k and Frames4M with Orca-13B.');
      expect(names(entities.datasets)).toEqual(expect.arrayContaining(['Shapes-250k', 'Frames4M']));
      expect(names(entities.datasets)).not.toContain('Orca-13B');
    });

    it('takes no task from a technique the sentence applies', () => {
      expect(names(extract('We segment tumours by using transfer learning from natural images.').tasks)).not.toContain('transfer learning');
    });
  });

  describe('results and comparisons', () => {
    it('reads `gains over X` as a comparison with a method, not a dataset', () => {
      const entities = extract('Our probe shows +9.1% gains over VidNet-3 on SSV2.');
      expect(names(entities.datasets)).not.toContain('VidNet-3');
    });

    it('records no cost figure as a result', () => {
      expect(extract('On MS MARCO our ranker gives 300% lower latency at the same quality.').results).toEqual([]);
    });
  });
});
