import { beforeAll, describe, expect, it } from 'vitest';
import { collectPapers } from '../../loaders/collect-papers.js';
import { extractCorpus } from '../../loaders/corpus-identity.js';
import type { ExtractedPaper, PaperEntity } from '../../loaders/extract-corpus.js';
import { looseKey } from '../../loaders/reconcile-identity.js';

/** Identity over the sample corpus through the real reader and extraction. */
let extracted: ExtractedPaper[];

beforeAll(async () => {
  const { papers } = await collectPapers(['data/papers']);
  extracted = extractCorpus(papers);
});

const KINDS = ['methods', 'datasets', 'tasks', 'metrics', 'concepts'] as const;

function allIds(): Set<string> {
  return new Set(extracted.flatMap((p) => KINDS.flatMap((k) => (p[k] as PaperEntity[]).map((e) => e.id))));
}

describe('entity identity on the sample corpus', () => {
  it('has no two ids that differ only by case, a separator or a plural', () => {
    const byLoose = new Map<string, string[]>();
    for (const id of allIds()) byLoose.set(looseKey(id), [...(byLoose.get(looseKey(id)) ?? []), id]);
    expect([...byLoose.values()].filter((ids) => ids.length > 1)).toEqual([]);
  });

  it('gives no name two kinds', () => {
    const kinds = new Map<string, Set<string>>();
    for (const id of allIds()) {
      const [kind, slug] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
      kinds.set(slug, (kinds.get(slug) ?? new Set()).add(kind));
    }
    expect([...kinds].filter(([, k]) => k.size > 1).map(([slug]) => slug)).toEqual([]);
  });

  it('keeps versions apart: VoxCeleb1 is not VoxCeleb2, GPT-3.5 is not GPT', () => {
    const withGpt35 = extracted.filter((p) => /\bGPT-3\.5\b/.test(p.abstract));
    expect(withGpt35.length).toBeGreaterThan(0);
    for (const p of withGpt35) expect(p.methods.map((m) => m.id)).toContain('method:gpt3-5');
    const vox = extracted.filter((p) => /VoxCeleb1/.test(p.abstract) && /VoxCeleb2/.test(p.abstract));
    for (const p of vox) expect(p.datasets.filter((d) => d.id.startsWith('dataset:voxceleb')).length).toBeGreaterThanOrEqual(2);
  });

  it('folds the written forms of one name: hmdb-51 and hmdb51 are one id', () => {
    const ids = [...allIds()];
    expect(ids.filter((id) => /^dataset:hmdb-?51$/.test(id)).length).toBeLessThanOrEqual(1);
    expect(ids.filter((id) => /^dataset:market-?1501$/.test(id)).length).toBeLessThanOrEqual(1);
  });
});
