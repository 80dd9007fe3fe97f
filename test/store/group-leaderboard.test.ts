import { describe, expect, it } from 'vitest';
import type { EntityNode, PaperNode, ResultNode, ResultSetting } from '../../src/graph/model.js';
import { groupLeaderboard } from '../../src/store/graph-rules.js';
import type { LeaderboardEntry } from '../../src/store/store.js';

const paper = (id: string): PaperNode => ({
  id,
  title: id,
  titleDerived: false,
  abstract: '',
  arxivId: null,
  url: null,
  published: null,
  authors: [],
  sources: [],
  mentionedArxivIds: [],
  codeUrls: [],
});
const metric = (id: string, higherIsBetter: boolean | null): EntityNode => ({ id, label: 'Metric', name: id, aliases: [], higherIsBetter });
const method = (id: string): EntityNode => ({ id, label: 'Method', name: id, aliases: [] });

let serial = 0;
/** A result of `paperId` on one dataset, with its metric, method and setting. */
function entry(
  paperId: string,
  value: number,
  m: EntityNode | null,
  options: { method?: EntityNode; setting?: ResultSetting; kind?: 'score' | 'delta' } = {},
): LeaderboardEntry {
  const result: ResultNode = {
    id: `result:${String(++serial).padStart(3, '0')}`,
    value,
    kind: options.kind ?? 'score',
    raw: String(value),
    datasetId: 'dataset:d',
    metricId: m?.id ?? null,
    methodId: options.method?.id ?? null,
    setting: options.setting ?? null,
    split: null,
    evidence: [],
  };
  return { paper: paper(paperId), result, metric: m, method: options.method ?? null };
}

/** Each group as `metric|setting: paper method value, …`. */
const shape = (entries: LeaderboardEntry[]) =>
  groupLeaderboard(entries).map(
    (g) =>
      `${g.metric?.id ?? '-'}|${g.setting ?? '-'}|${g.higherIsBetter}: ${g.rows.map((r) => `${r.paper.id} ${r.method?.id ?? '-'} ${r.result.value}`).join(', ')}`,
  );

describe('groupLeaderboard', () => {
  const accuracy = metric('accuracy', true);
  const error = metric('error', false);
  const cost = metric('cost', null);
  const x = method('x');
  const y = method('y');

  it('ranks each metric by its direction, highest first when the direction is unknown', () => {
    expect(
      shape([entry('p1', 80, accuracy), entry('p2', 90, accuracy), entry('p1', 5, error), entry('p2', 3, error), entry('p1', 1, cost), entry('p2', 2, cost)]),
    ).toEqual(['accuracy|-|true: p2 - 90, p1 - 80', 'cost|-|null: p2 - 2, p1 - 1', 'error|-|false: p2 - 3, p1 - 5']);
  });

  it('keeps each setting apart and leaves deltas out', () => {
    expect(
      shape([
        entry('p1', 86, accuracy, { setting: 'zero-shot' }),
        entry('p1', 91, accuracy, { setting: 'fine-tuned' }),
        entry('p2', 2, accuracy, { kind: 'delta' }),
      ]),
    ).toEqual(['accuracy|zero-shot|true: p1 - 86', 'accuracy|fine-tuned|true: p1 - 91']);
  });

  it("gives one row per paper and method, that pair's best", () => {
    expect(
      shape([
        entry('p1', 80, accuracy, { method: x }),
        entry('p1', 85, accuracy, { method: x }),
        entry('p1', 70, accuracy, { method: y }),
        entry('p2', 75, accuracy),
      ]),
    ).toEqual(['accuracy|-|true: p1 x 85, p2 - 75, p1 y 70']);
    expect(shape([entry('p1', 5, error, { method: x }), entry('p1', 4, error, { method: x })])).toEqual(['error|-|false: p1 x 4']);
  });

  it('puts the groups with most rows first, then by metric (none last) and setting (none first)', () => {
    expect(
      shape([entry('p1', 1, null), entry('p2', 2, null), entry('p1', 3, error, { setting: 'few-shot' }), entry('p1', 4, error), entry('p1', 5, accuracy)]).map(
        (g) => g.split(':')[0],
      ),
    ).toEqual(['-|-|null', 'accuracy|-|true', 'error|-|false', 'error|few-shot|false']);
  });
});
