import { describe, expect, it } from 'vitest';
import { buildPaperId, deriveTitle, PaperCollector } from '../../loaders/papers.js';
import type { RawPaper } from '../../loaders/read/raw-paper.js';

const A1 = 'We introduce a new neural architecture. It learns the conditional probability of an output sequence.';
const A2 = 'Feasibility is a learning paradigm. Each sample must satisfy a constraint on its loss.';

function raw(file: string, line: number, abstract: string, extra: Partial<RawPaper> = {}): RawPaper {
  return { abstract, source: { file, line }, ...extra };
}

function collect(raws: RawPaper[]) {
  const collector = new PaperCollector();
  for (const r of raws) collector.add(r);
  return collector.papers();
}

describe('PaperCollector', () => {
  it('merges the same abstract across files and keeps every source', () => {
    const papers = collect([raw('a.txt', 1, A1), raw('b.txt', 9, `  ${A1.toUpperCase()} `)]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.sources).toEqual([
      { file: 'a.txt', line: 1 },
      { file: 'b.txt', line: 9 },
    ]);
  });

  it('lets a real title win over none, wherever it occurs', () => {
    const [paper] = collect([raw('a.txt', 1, A1), raw('b.txt', 3, A1, { title: 'Pointer Networks' })]);
    expect(paper).toMatchObject({ title: 'Pointer Networks', titleDerived: false });
  });

  it('merges by title when the abstracts differ (a revised abstract), keeping the longer one', () => {
    const papers = collect([
      raw('a.txt', 1, A1, { title: 'Pointer Networks' }),
      raw('b.txt', 1, `${A1} We also release code.`, { title: 'Pointer  networks' }),
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.abstract).toBe(`${A1} We also release code.`);
  });

  it('merges transitively: title links one pair, abstract the next', () => {
    const papers = collect([raw('a', 1, A1, { title: 'Pointer Networks' }), raw('b', 1, A2), raw('c', 1, A2, { title: 'Pointer Networks' })]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.sources.map((s) => s.file)).toEqual(['a', 'b', 'c']);
  });

  it('never merges papers with different arXiv ids, and gives them different ids', () => {
    const papers = collect([
      raw('feed.xml', 10, A1, { title: 'Comment: A Lecture', arxivId: '0808.0631' }),
      raw('feed.xml', 30, A1, { title: 'Comment: A Lecture', arxivId: '0808.0638' }),
    ]);
    expect(papers).toHaveLength(2);
    expect(papers[0]?.id).not.toBe(papers[1]?.id);
  });

  it('does not merge on a very short generic title', () => {
    expect(collect([raw('a', 1, A1, { title: 'Review' }), raw('b', 1, A2, { title: 'Review' })])).toHaveLength(2);
  });

  it('gives the same id whatever the order of arrival and however many duplicates are found', () => {
    const alone = collect([raw('a', 1, A1)])[0]?.id;
    const merged = collect([raw('z', 5, A1, { title: 'Pointer Networks', url: 'u' }), raw('a', 1, A1)])[0]?.id;
    expect(alone).toBe(merged);
    expect(alone).toBe(buildPaperId([A1]));
    expect(alone).toMatch(/^paper:[0-9a-f]{16}$/);
  });

  it('keeps the first non-empty optional field of the occurrences', () => {
    const [paper] = collect([raw('a', 1, A1), raw('b', 1, A1, { arxivId: '1506.03134', authors: ['O. Vinyals'], codeUrl: 'https://github.com/o/r' })]);
    expect(paper).toMatchObject({ arxivId: '1506.03134', authors: ['O. Vinyals'], codeUrls: ['https://github.com/o/r'] });
  });
});

describe('deriveTitle', () => {
  it('takes the first sentence without its period', () => {
    expect(deriveTitle(A1)).toBe('We introduce a new neural architecture');
  });

  it('does not stop at e.g. inside the first sentence', () => {
    expect(deriveTitle('Methods for RS (e.g. MMoE) share parameters. Then more.')).toBe('Methods for RS (e.g. MMoE) share parameters');
  });

  it('cuts a long first sentence at a word boundary with an ellipsis', () => {
    const title = deriveTitle(`${'word '.repeat(60)}end.`);
    expect(title.length).toBeLessThanOrEqual(121);
    expect(title.endsWith('word…')).toBe(true);
  });
});
