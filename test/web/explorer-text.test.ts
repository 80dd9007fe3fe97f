import { describe, expect, it } from 'vitest';
import { markTree, paperMentions, sentencesOf, treeMarks, treeText, type Span, type TreeNode } from '../../src/web/assets/explorer-text.js';

/** The explorer's span layout (src/web/assets/explorer-text.js) on small hand-written texts. */

interface Named extends Span {
  name: string;
}

const span = (name: string, start: number, end: number, extra: Partial<Named> = {}): Named => ({ name, start, end, ...extra });

/** A tree as brackets: `[A:In-Context [B:LoRA]]`; a cut mention's pieces are `A#0`, `A#1`. */
function show(nodes: ReadonlyArray<TreeNode<Named>>): string {
  return nodes
    .map((n) => {
      if (n.children === undefined) return n.text;
      const piece = n.piece > 0 || n.continued ? `#${n.piece}` : '';
      return `[${n.span.name}${piece}:${show(n.children)}]`;
    })
    .join('');
}

/** Each mention's pieces, joined: must be exactly its text. */
function mentionTexts(nodes: ReadonlyArray<TreeNode<Named>>): Map<Named, string> {
  const texts = new Map<Named, string>();
  for (const mark of treeMarks(nodes)) texts.set(mark.span, (texts.get(mark.span) ?? '') + treeText(mark.children));
  return texts;
}

describe('markTree', () => {
  it('leaves a text without spans as one run', () => {
    expect(markTree('plain text', [])).toEqual([{ text: 'plain text' }]);
    expect(markTree('', [span('A', 0, 3)])).toEqual([]);
  });

  it('marks disjoint spans in text order, whatever order they come in', () => {
    const text = 'LoRA on GLUE and SQuAD';
    const tree = markTree(text, [span('C', 17, 22), span('A', 0, 4), span('B', 8, 12)]);
    expect(show(tree)).toBe('[A:LoRA] on [B:GLUE] and [C:SQuAD]');
    expect(treeText(tree)).toBe(text);
  });

  it('nests a span inside the one that contains it', () => {
    const text = 'We name our models In-Context LoRA (IC-LoRA).';
    const tree = markTree(text, [span('LoRA', 30, 34), span('IC', 19, 34), span('IC2', 36, 43)]);
    expect(show(tree)).toBe('We name our models [IC:In-Context [LoRA:LoRA]] ([IC2:IC-LoRA]).');
    expect(treeText(tree)).toBe(text);
  });

  it('nests spans that share a start or an end, the longer outside', () => {
    const text = 'network pruning retrieval';
    expect(show(markTree(text, [span('short', 0, 15), span('long', 0, 25)]))).toBe('[long:[short:network pruning] retrieval]');
    expect(show(markTree(text, [span('tail', 8, 25), span('all', 0, 25)]))).toBe('[all:network [tail:pruning retrieval]]');
  });

  it('nests spans of equal extent by rank, then by order', () => {
    const text = 'speaker verification';
    expect(show(markTree(text, [span('task', 0, 20, { rank: 1 }), span('result', 0, 20, { rank: 0 })]))).toBe('[result:[task:speaker verification]]');
    expect(show(markTree(text, [span('first', 0, 20), span('second', 0, 20)]))).toBe('[first:[second:speaker verification]]');
  });

  it('cuts a span that crosses the end of another, losing and repeating nothing', () => {
    const text = 'ABCDEFGHIJ';
    const a = span('A', 0, 6);
    const b = span('B', 3, 9);
    const tree = markTree(text, [b, a]);
    expect(show(tree)).toBe('[A:ABC[B#0:DEF]][B#1:GHI]J');
    expect(treeText(tree)).toBe(text);
    expect(mentionTexts(tree).get(b)).toBe('DEF' + 'GHI');
    const [first, second] = treeMarks(tree).filter((m) => m.span === b);
    expect([first?.continued, second?.continued, second?.piece]).toEqual([true, false, 1]);
  });

  it('cuts a span again at each mark it crosses out of', () => {
    // A holds C; B starts inside C and runs past A.
    const text = '0123456789abcdef';
    const a = span('A', 0, 10);
    const b = span('B', 4, 12);
    const c = span('C', 2, 5);
    const tree = markTree(text, [a, b, c]);
    expect(show(tree)).toBe('[A:01[C:23[B#0:4]][B#1:56789]][B#2:ab]cdef');
    expect(mentionTexts(tree).get(b)).toBe(text.slice(4, 12));
    expect(treeText(tree)).toBe(text);
  });

  it('two results that cross, with entities inside both (as in the sample corpus)', () => {
    const text = 'WER on LibriSpeech test-other is 3.1%';
    const r1 = span('r1', 0, 18, { rank: 0 }); // 'WER on LibriSpeech'
    const r2 = span('r2', 7, 37, { rank: 0 }); // 'LibriSpeech test-other is 3.1%'
    const wer = span('WER', 0, 3, { rank: 1 });
    const ls = span('LS', 7, 18, { rank: 1 });
    const tree = markTree(text, [ls, wer, r2, r1]);
    expect(show(tree)).toBe('[r1:[WER:WER] on [r2#0:[LS:LibriSpeech]]][r2#1: test-other is 3.1%]');
    const texts = mentionTexts(tree);
    expect(texts.get(r2)).toBe('LibriSpeech test-other is 3.1%');
    expect(texts.get(ls)).toBe('LibriSpeech');
    expect(treeText(tree)).toBe(text);
  });

  it('clips spans to the text, drops empty ones, and draws a keyed mention once per extent', () => {
    const text = 'short';
    expect(show(markTree(text, [span('A', -3, 2), span('B', 4, 99), span('E', 3, 3), span('F', 7, 9)]))).toBe('[A:sh]or[B:t]');
    const twice = markTree('DiT and DiT', [
      span('a', 0, 3, { key: 'method:dit' }),
      span('b', 0, 3, { key: 'method:dit' }),
      span('c', 8, 11, { key: 'method:dit' }),
    ]);
    expect(show(twice)).toBe('[a:DiT] and [c:DiT]');
  });

  it('keeps every character exactly once for random overlapping spans', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round += 1) {
      const length = 1 + random(40);
      const text = Array.from({ length }, (_, i) => String.fromCharCode(97 + ((i + round) % 26))).join('');
      const spans: Named[] = [];
      for (let i = random(8); i > 0; i -= 1) {
        const start = random(length);
        spans.push(span(`s${i}`, start, start + 1 + random(length - start), { rank: random(2) }));
      }
      const tree = markTree(text, spans);
      expect(treeText(tree)).toBe(text);
      const texts = mentionTexts(tree);
      for (const s of spans) expect(texts.get(s), JSON.stringify({ text, spans })).toBe(text.slice(s.start, s.end));
      // Pieces of one mention follow each other with no gap.
      for (const s of spans) {
        const pieces = treeMarks(tree).filter((m) => m.span === s);
        pieces.forEach((p, i) => {
          expect(p.piece).toBe(i);
          expect(p.continued).toBe(i < pieces.length - 1);
          if (i > 0) expect(p.start).toBe(pieces[i - 1]?.end);
        });
      }
    }
  });
});

describe('paperMentions', () => {
  const ev = (field: 'TITLE' | 'ABSTRACT' | 'SOURCE', text: string, start: number, sentence = '') => ({
    field,
    start,
    end: start + text.length,
    text,
    sentence,
  });
  const paper = {
    id: 'paper:1',
    title: 'LoRA for GLUE',
    abstract: 'We use LoRA. It scores 90.1 accuracy on GLUE.',
    methods: [{ role: 'USED', method: { id: 'method:lora', name: 'LoRA' }, evidence: [ev('TITLE', 'LoRA', 0), ev('ABSTRACT', 'LoRA', 7, 'We use LoRA.')] }],
    datasets: [
      { dataset: { id: 'dataset:glue', name: 'GLUE' }, evidence: [ev('TITLE', 'GLUE', 9), ev('ABSTRACT', 'GLUE', 40, 'It scores 90.1 accuracy on GLUE.')] },
    ],
    tasks: [],
    metrics: [{ metric: { id: 'metric:accuracy', name: 'accuracy' }, evidence: [ev('ABSTRACT', 'accuracy', 28)] }],
    concepts: [{ concept: { id: 'concept:x', name: 'x' }, evidence: [ev('ABSTRACT', 'not there', 3)] }],
    repositories: [{ repository: { id: 'repository:a-b', name: 'a/b', url: 'https://github.com/a/b' }, evidence: [ev('SOURCE', 'https://github.com/a/b', 0)] }],
    results: [
      {
        id: 'result:1',
        value: 90.1,
        kind: 'SCORE',
        raw: '90.1 accuracy on GLUE',
        setting: 'ZERO_SHOT',
        split: 'test',
        dataset: { id: 'dataset:glue', name: 'GLUE' },
        metric: { id: 'metric:accuracy', name: 'accuracy' },
        method: { id: 'method:lora', name: 'LoRA' },
        evidence: [ev('ABSTRACT', '90.1 accuracy on GLUE', 23)],
      },
    ],
  };

  it('places each mention in its field, lists declared and misplaced ones apart, and nests entities in results', () => {
    const m = paperMentions(paper);
    expect(m.title.map((x) => [x.kind, x.text])).toEqual([
      ['Method', 'LoRA'],
      ['Dataset', 'GLUE'],
    ]);
    expect(m.abstract.map((x) => [x.kind, x.text])).toEqual([
      ['Method', 'LoRA'],
      ['Result', '90.1 accuracy on GLUE'],
      ['Metric', 'accuracy'],
      ['Dataset', 'GLUE'],
    ]);
    expect(m.declared.map((x) => [x.kind, x.entityId, x.text])).toEqual([['Repository', 'repository:a-b', 'https://github.com/a/b']]);
    expect(m.unplaced.map((x) => x.entityId)).toEqual(['concept:x']);
    const result = m.abstract.find((x) => x.kind === 'Result');
    expect(result?.entityId).toBe('dataset:glue');
    expect(result?.name).toBe('90.1 accuracy on GLUE (test, zero-shot) with LoRA');
    const tree = markTree(paper.abstract, m.abstract);
    expect(treeText(tree)).toBe(paper.abstract);
    expect(treeMarks(tree).map((x) => `${x.span.kind}:${treeText(x.children)}`)).toEqual([
      'Method:LoRA',
      'Result:90.1 accuracy on GLUE',
      'Metric:accuracy',
      'Dataset:GLUE',
    ]);
  });

  it('finds the sentence of each mention, also when the same sentence occurs twice', () => {
    const text = 'We use X. Then Y helps. We use X.';
    const mention = (start: number) => ({
      field: 'ABSTRACT' as const,
      start,
      end: start + 1,
      text: 'X',
      sentence: 'We use X.',
      kind: 'Method',
      entityId: 'method:x',
      name: 'X',
      role: null,
      key: 'Method:method:x',
      rank: 1,
    });
    const sentences = sentencesOf({ ABSTRACT: text }, [mention(31), mention(7)]);
    expect(sentences.map((s) => [s.start, s.sentence, s.spans.map((x) => [x.start, x.end, x.fieldStart])])).toEqual([
      [0, 'We use X.', [[7, 8, 7]]],
      [24, 'We use X.', [[7, 8, 31]]],
    ]);
  });
});
