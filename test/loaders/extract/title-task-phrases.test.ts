import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../loaders/extract-corpus.js';
import { buildMatchers } from '../../../loaders/extract/matchers.js';
import { titleTaskPhrases } from '../../../loaders/extract/title-task-phrases.js';
import { readLexicon } from '../../../loaders/lexicon/read-lexicon.js';

const cues = buildMatchers(readLexicon()).cues;
const phrases = (title: string): string[] => titleTaskPhrases(title, cues).map((p) => p.phrase);
const tasks = (title: string): string[] =>
  extractEntities({
    id: 'paper:test',
    title,
    titleDerived: false,
    abstract: 'We describe a small system and test it on our own files.',
    sources: [],
  }).tasks.map((t) => t.name);

describe('task phrases named anywhere in a title', () => {
  it('takes the task a verb opens and a preposition closes', () => {
    expect(phrases('Sharpening Crop Disease Classification with Leaf Masks')).toContain('Crop Disease Classification');
  });

  it('takes a task that qualifies the paper’s own approach', () => {
    expect(phrases('A Simple Receipt Parsing Approach Built on Layout Cues')).toContain('Receipt Parsing');
  });

  it('drops evaluative words before the task', () => {
    expect(phrases('Mixtures of Heads for Efficient Bird Song Detection')).toContain('Bird Song Detection');
  });

  it('starts after a participle that turns the words before it into a modifier', () => {
    expect(phrases('A Graph Based Invoice Field Extraction Toolkit')).toContain('Invoice Field Extraction');
  });

  it('skips a task phrase the title names as its means', () => {
    expect(phrases('Better Road Maps via Aerial Scene Segmentation')).not.toContain('Aerial Scene Segmentation');
    expect(phrases('Cleaner Audio with Low Cost Noise Separation')).toEqual([]);
  });

  it('takes a technique-headed phrase only where it ends the title or a part of it', () => {
    expect(phrases('Shallow Probes for Robot Skill Learning')).toContain('Robot Skill Learning');
    expect(phrases('Robot Skill Learning on Cheap Arms')).toEqual([]);
    expect(phrases('Shallow Probes via Robot Skill Learning')).toEqual([]);
  });

  it('takes no phrase a noun goes on to qualify', () => {
    expect(phrases('Crop Disease Classification Models Overfit')).toEqual([]);
  });

  it('gives the paper the task, in lower case', () => {
    expect(tasks('Sharpening Crop Disease Classification with Leaf Masks')).toContain('crop disease classification');
  });
});
