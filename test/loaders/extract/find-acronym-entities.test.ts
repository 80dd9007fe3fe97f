import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../loaders/extract-corpus.js';

const extract = (abstract: string) => extractEntities({ id: 'paper:test', title: 'Notes on Shared Encoders', titleDerived: false, abstract, sources: [] });

describe('a definition that names a measure', () => {
  it('takes a long form ending in a measure word next to `to measure` as a metric, named by its short form', () => {
    const e = extract('We add Shelf Recall Rate (SRR) to measure how many stored items a planner recovers.');
    expect(e.metrics.map((m) => m.name)).toContain('SRR');
    expect(e.methods.map((m) => m.name)).not.toContain('SRR');
  });

  it('takes a definition a measure noun follows as a metric', () => {
    const e = extract('We score outputs with a proposed tonal drift (TD) metric over long songs.');
    expect(e.metrics.map((m) => m.name)).toContain('TD');
  });

  it('leaves a setting whose name ends in a measure word alone', () => {
    const e = extract('We show that a warm decay rate (WDR) schedule, together with replay, is enough for our experiments to be evaluated fairly.');
    expect(e.metrics.map((m) => m.name)).not.toContain('WDR');
  });
});

describe('a lower-case definition that names a method', () => {
  it('is a method when a method noun follows it', () => {
    const e = extract('Parts are placed with a greedy swap search (GSS) method before the final pass.');
    expect(e.methods.map((m) => m.name)).toContain('GSS');
  });

  it('is a method when its long form ends in a word for an algorithm or a model', () => {
    const e = extract('Frames are encoded by a gated delay network (GDN) and pooled per clip.');
    expect(e.methods.map((m) => m.name)).toContain('GDN');
  });

  it('stays a family when its short form is a listed family, whatever the long form’s spelling', () => {
    const e = extract('Convolution neural networks (CNNs) remain strong on small images in our tests.');
    expect(e.methods.map((m) => m.name)).not.toContain('CNN');
  });
});

describe('a capitalised definition the text calls a task', () => {
  it('is a task, even in a sentence about the paper’s own work', () => {
    const e = extract('We study the circuit used for the Nested Bracket Matching (NBM) task in small models.');
    expect(e.tasks.map((t) => t.name)).toContain('nested bracket matching');
    expect(e.methods.map((m) => m.name)).not.toContain('NBM');
  });
});

describe('a capitalised definition of a phenomenon', () => {
  it('is no method', () => {
    const e = extract('Earlier trackers ignore the Shelf Glare Ambiguity (SGA) that arises under strong lights, and we fix it.');
    expect(e.methods.map((m) => m.name)).not.toContain('SGA');
  });
});
