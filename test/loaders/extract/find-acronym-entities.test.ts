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
