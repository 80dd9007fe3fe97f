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
