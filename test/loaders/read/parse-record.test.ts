import { describe, expect, it } from 'vitest';
import { parseRecord, rebuildInvertedAbstract } from '../../../loaders/read/parse-record.js';

describe('parseRecord', () => {
  it('reads a plain {id, title, abstract} record', () => {
    expect(parseRecord({ id: 'p1', title: ' A  Title ', abstract: 'Some\n  text.' })).toEqual({
      paper: { title: 'A Title', abstract: 'Some text.' },
    });
  });

  it('reads the arXiv snapshot shape: arXiv id, TeX-accented authors, first version date', () => {
    const result = parseRecord({
      id: '0704.0001',
      title: 'Calculation of prompt diphoton\n  production',
      abstract: '  A fully differential calculation.\n',
      authors: "C. Bal\\'azs, E. L. Berger and C.-P. Yuan",
      versions: [{ version: 'v1', created: 'Mon, 2 Apr 2007 19:18:42 GMT' }],
      license: null,
    });
    expect(result).toEqual({
      paper: {
        title: 'Calculation of prompt diphoton production',
        abstract: 'A fully differential calculation.',
        arxivId: '0704.0001',
        url: 'https://arxiv.org/abs/0704.0001',
        published: '2007-04-02',
        authors: ['C. Balázs', 'E. L. Berger', 'C.-P. Yuan'],
      },
    });
  });

  it('reads a Semantic Scholar record: externalIds.ArXiv, author objects, null date falls back to year', () => {
    const result = parseRecord({
      paperId: 'c8b2',
      externalIds: { ArXiv: '2103.14030', DOI: '10.1/x' },
      url: 'https://www.semanticscholar.org/paper/c8b2',
      title: 'Swin Transformer',
      abstract: 'This paper presents a new vision Transformer.',
      year: 2021,
      publicationDate: null,
      authors: [{ authorId: '1', name: 'Ze Liu' }],
    });
    expect(result).toEqual({
      paper: {
        title: 'Swin Transformer',
        abstract: 'This paper presents a new vision Transformer.',
        arxivId: '2103.14030',
        url: 'https://www.semanticscholar.org/paper/c8b2',
        published: '2021',
        authors: ['Ze Liu'],
      },
    });
  });

  it('reads a Hugging Face daily-papers item: the nested paper, its summary and githubRepo', () => {
    const result = parseRecord({
      paper: {
        id: '2606.12730',
        title: 'Inner',
        summary: 'Inner summary.',
        authors: [{ _id: 'x', name: 'A B' }],
        publishedAt: '2026-06-10T00:00:00.000Z',
        githubRepo: 'https://github.com/o/r',
      },
      title: 'Outer',
      summary: 'Outer summary.',
    });
    expect(result).toEqual({
      paper: {
        title: 'Inner',
        abstract: 'Inner summary.',
        arxivId: '2606.12730',
        url: 'https://arxiv.org/abs/2606.12730',
        published: '2026-06-10',
        authors: ['A B'],
        codeUrl: 'https://github.com/o/r',
      },
    });
  });

  it('rebuilds an OpenAlex inverted-index abstract in word order', () => {
    expect(rebuildInvertedAbstract({ Humans: [0], can: [1, 4], see: [2], and: [3] })).toBe('Humans can see and can');
    const result = parseRecord({
      id: 'https://openalex.org/W1',
      title: 'Attention',
      publication_date: '2022-03-15',
      authorships: [{ author: { display_name: 'M. Guo' } }],
      abstract_inverted_index: { Attention: [0], helps: [1] },
    });
    expect(result).toEqual({
      paper: { title: 'Attention', abstract: 'Attention helps', url: 'https://openalex.org/W1', published: '2022-03-15', authors: ['M. Guo'] },
    });
  });

  it('rejects a Papers with Code link record: a title and a repository but no abstract', () => {
    expect(parseRecord({ paper_title: 'AttnGAN', paper_arxiv_id: '1711.10485', repo_url: 'https://github.com/a/b' })).toEqual({
      reason: 'no abstract (title: "AttnGAN")',
    });
  });

  it.each([
    [null, 'record is null, not a paper object'],
    [[1], 'record is an array, not a paper object'],
    ['text', 'record is a string, not a paper object'],
    [{ title: 'x', abstract: '   ' }, 'no abstract (title: "x")'],
    [{ foo: 1 }, 'no abstract and no title'],
  ])('rejects %j', (value, reason) => {
    expect(parseRecord(value)).toEqual({ reason });
  });
});
