import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawPaper, Rejection } from '../../../loaders/read/raw-paper.js';
import { readSources, recordedSources, type ReadSourcesOptions } from '../../../loaders/read/read-sources.js';

const FORMATS = 'test/fixtures/formats';
const ABSTRACT = 'We propose a method. It works well on many benchmarks and settings, as our experiments show.';

async function read(paths: string[], options: ReadSourcesOptions = {}) {
  const papers: RawPaper[] = [];
  const rejections: Rejection[] = [];
  const formats: Record<string, string | undefined> = {};
  for await (const event of readSources(paths, options)) {
    if (event.kind === 'paper') papers.push(event.paper);
    else if (event.kind === 'rejection') rejections.push(event.rejection);
    else formats[event.report.file] = event.report.format;
  }
  return { papers, rejections, formats };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('real exports', () => {
  it.each([
    ['arxiv-atom.xml', 'atom', 5, 0],
    ['arxiv-atom-legacy-2019.xml', 'atom', 10, 0],
    ['arxiv-atom-error.xml', 'atom', 0, 1],
    ['hf-daily-papers.json', 'json', 4, 0],
    ['s2-search.json', 'json', 5, 0],
    ['s2-paper-batch.json', 'json', 3, 1],
    ['openalex-works.json', 'json', 4, 0],
    ['arxiv-kaggle.jsonl', 'jsonl', 5, 0],
    ['pwc-links.json', 'json', 0, 1],
  ])('reads %s as %s: %i papers, %i rejected', async (name, format, papers, rejected) => {
    const path = join(FORMATS, name);
    const result = await read([path]);
    expect(result.formats[path]).toBe(format);
    expect(result.papers).toHaveLength(papers);
    expect(result.rejections).toHaveLength(rejected);
    for (const paper of result.papers) {
      expect(paper.abstract.length).toBeGreaterThan(20);
      expect(paper.title).toBeTruthy();
      expect(paper.source.file).toBe(path);
    }
  });

  it('unwraps hard-wrapped Atom titles and summaries and keeps arXiv ids without versions', async () => {
    const { papers } = await read([join(FORMATS, 'arxiv-atom-legacy-2019.xml')]);
    const report = papers.find((p) => p.arxivId === '1503.01162');
    expect(report?.title).toBe(
      "Report on a Boston University Conference December 7-8, 2012 on 'How Can the History and Philosophy of Science Contribute to Contemporary U.S. Science Teaching?'",
    );
    expect(papers.map((p) => p.arxivId)).toContain('quant-ph/0210005');
    expect(report?.source.line).toBe(33);
  });

  it("reports arXiv's error entry with its message", async () => {
    const { rejections } = await read([join(FORMATS, 'arxiv-atom-error.xml')]);
    expect(rejections).toEqual([
      { file: join(FORMATS, 'arxiv-atom-error.xml'), line: 11, reason: 'arXiv API error entry: incorrect id format for 1234.12345' },
    ]);
  });

  it('reports the null slot of a Semantic Scholar batch and keeps the three papers', async () => {
    const { rejections, papers } = await read([join(FORMATS, 's2-paper-batch.json')]);
    expect(rejections.map((r) => r.reason)).toEqual(['record is null, not a paper object']);
    expect(papers.map((p) => p.title?.slice(0, 20))).toEqual(['How Much Should We T', 'The Miracle of Micro', 'Improving Third-Part']);
  });

  it('keeps the GitHub repositories Hugging Face declares', async () => {
    const { papers } = await read([join(FORMATS, 'hf-daily-papers.json')]);
    expect(papers.filter((p) => p.codeUrl).map((p) => p.arxivId)).toEqual(['2606.12730', '2606.13174']);
  });
});

describe('bad input', () => {
  it('rejects an empty file', async () => {
    const path = await file('empty.txt', '');
    expect((await read([path])).rejections).toEqual([{ file: path, line: 0, reason: 'empty file' }]);
  });

  it('rejects a binary file', async () => {
    const path = await file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect((await read([path])).rejections[0]?.reason).toMatch(/^binary file/);
  });

  it('rejects an HTML page with a hint', async () => {
    const path = await file('page.txt', '<!DOCTYPE html>\n<html><body>Trending papers</body></html>');
    expect((await read([path])).rejections[0]?.reason).toMatch(/^an HTML page/);
  });

  it('rejects a JSONL line that is not JSON or lacks an abstract, and loads the rest', async () => {
    const path = await file(
      'mixed.jsonl',
      [
        JSON.stringify({ id: 'a', title: 'Good One', abstract: ABSTRACT }),
        '{"id": "b", "title": ',
        JSON.stringify({ id: 'c', title: 'No Abstract' }),
        '',
        JSON.stringify({ id: 'd', title: 'Good Two', abstract: `${ABSTRACT} More.` }),
      ].join('\n'),
    );
    const { papers, rejections } = await read([path]);
    expect(papers.map((p) => [p.title, p.source.line])).toEqual([
      ['Good One', 1],
      ['Good Two', 5],
    ]);
    expect(rejections).toEqual([
      { file: path, line: 2, reason: expect.stringMatching(/^not valid JSON/) },
      { file: path, line: 3, reason: 'no abstract (title: "No Abstract")' },
    ]);
  });

  it('rejects a line of invalid UTF-8 and loads the lines around it', async () => {
    const path = await file(
      'latin1.jsonl',
      Buffer.concat([
        Buffer.from(`${JSON.stringify({ title: 'First', abstract: ABSTRACT })}\n`),
        Buffer.from('{"title": "Caf\xe9", "abstract": "x"}\n', 'latin1'),
        Buffer.from(JSON.stringify({ title: 'Third', abstract: `${ABSTRACT} Again.` })),
      ]),
    );
    const { papers, rejections } = await read([path]);
    expect(papers.map((p) => p.title)).toEqual(['First', 'Third']);
    expect(rejections).toEqual([{ file: path, line: 2, reason: 'invalid UTF-8' }]);
  });

  it('rejects a single 50 MB line and loads the papers around it', async () => {
    const path = await file('huge.txt', `Pointer Networks\n${ABSTRACT}\n${'x'.repeat(50 * 1024 * 1024)}\nFeasible Learning\n${ABSTRACT} Yes.\n`);
    const { papers, rejections } = await read([path]);
    expect(papers.map((p) => p.title)).toEqual(['Pointer Networks', 'Feasible Learning']);
    expect(rejections).toEqual([{ file: path, line: 3, reason: `line longer than 4194304 bytes (${50 * 1024 * 1024} bytes); skipped` }]);
  });

  it('reports a file that does not exist and reads the other paths', async () => {
    const good = await file('good.jsonl', JSON.stringify({ title: 'Fine', abstract: ABSTRACT }));
    const missing = join(dir, 'gone.txt');
    const { papers, rejections } = await read([missing, good]);
    expect(rejections).toEqual([{ file: missing, line: 0, reason: 'no such file or folder' }]);
    expect(papers).toHaveLength(1);
  });

  it('reports a file that disappeared behind a dangling link', async () => {
    const link = join(dir, 'dangling.txt');
    await symlink(join(dir, 'nowhere.txt'), link);
    const { rejections } = await read([link]);
    expect(rejections).toEqual([{ file: link, line: 0, reason: 'no such file or folder' }]);
  });

  it('keeps what was read before a read fails midway', async () => {
    const stdin = new Readable({ read() {} });
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ title: `Paper ${i}`, abstract: `${ABSTRACT} ${'Padding. '.repeat(30)}${i}` }));
    stdin.push(`${lines.join('\n')}\n{"title": "Af`);
    setTimeout(() => stdin.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })), 20);
    const { papers, rejections } = await read(['-'], { stdin });
    expect(papers).toHaveLength(300);
    expect(rejections).toEqual([{ file: '-', line: 300, reason: 'cannot be read: EIO: i/o error, read; the rest of the file is skipped' }]);
  });

  it('rejects XML that is not well-formed after the entries it could read', async () => {
    const feed = (await import('node:fs/promises')).readFile(join(FORMATS, 'arxiv-atom.xml'), 'utf8');
    const text = await feed;
    const cut = text.indexOf('<entry>', text.indexOf('</entry>'));
    const path = await file('broken.xml', `${text.slice(0, cut)}<entry><title>oops</summary>`);
    const { papers, rejections } = await read([path]);
    expect(papers).toHaveLength(1);
    expect(rejections[0]?.reason).toMatch(/^XML is not well-formed/);
  });

  it('reads stdin given as -', async () => {
    const stdin = Readable.from([Buffer.from(`Pointer Networks\n\n${ABSTRACT}\n`)]);
    const { papers, formats } = await read(['-'], { stdin });
    expect(formats['-']).toBe('text');
    expect(papers).toEqual([{ title: 'Pointer Networks', abstract: ABSTRACT, source: { file: '-', line: 1 } }]);
  });

  it('reads folders recursively in name order, skipping hidden files', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'tree/sub'), { recursive: true });
    await mkdir(join(dir, 'tree/.hidden'), { recursive: true });
    await writeFile(join(dir, 'tree/b.jsonl'), JSON.stringify({ title: 'B', abstract: `${ABSTRACT} B.` }));
    await writeFile(join(dir, 'tree/sub/a.jsonl'), JSON.stringify({ title: 'A', abstract: `${ABSTRACT} A.` }));
    await writeFile(join(dir, 'tree/.hidden/c.jsonl'), JSON.stringify({ title: 'C', abstract: `${ABSTRACT} C.` }));
    const { papers } = await read([join(dir, 'tree')]);
    expect(papers.map((p) => p.title)).toEqual(['B', 'A']);
  });
});

describe('recordedSources', () => {
  it('keeps sources as sorted absolute paths, stdin as -', () => {
    expect(recordedSources(['b.jsonl', '/x/a', '-', 'b.jsonl'], '/work')).toEqual(['-', '/work/b.jsonl', '/x/a']);
  });
});
