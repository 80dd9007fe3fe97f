import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPaper, FIELD_LIMITS, stripControls } from '../../../loaders/read/field-limits.js';
import type { RawPaper, Rejection } from '../../../loaders/read/raw-paper.js';
import { readSources } from '../../../loaders/read/read-sources.js';

/**
 * Control characters and over-long fields, in every reader: the bad record goes (or loses only the
 * bad characters), the valid paper beside it always stays; a really binary file is still refused.
 */

const ABSTRACT = 'We propose a method. It works well on many benchmarks and settings, as our experiments show.';
const MB = 1024 * 1024;

async function read(paths: string[]) {
  const papers: RawPaper[] = [];
  const rejections: Rejection[] = [];
  for await (const event of readSources(paths)) {
    if (event.kind === 'paper') papers.push(event.paper);
    else if (event.kind === 'rejection') rejections.push(event.rejection);
  }
  return { papers, rejections };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-bad-content-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const jsonl = (records: object[]): string => records.map((r) => JSON.stringify(r)).join('\n');

describe('control characters', () => {
  it('strips a NUL inside one paper of a text file and keeps the valid paper beside it', async () => {
    const path = await file('nul.txt', `Pointer Net\0works\n${ABSTRACT.replace('method', 'meth\0od')}\nFeasible Learning\n${ABSTRACT} Yes.\n`);
    const { papers, rejections } = await read([path]);
    expect(rejections).toEqual([]);
    expect(papers.map((p) => [p.title, p.abstract, p.source.line])).toEqual([
      ['Pointer Networks', ABSTRACT, 1],
      ['Feasible Learning', `${ABSTRACT} Yes.`, 3],
    ]);
  });

  it('strips raw control bytes in a JSONL line (invalid JSON otherwise) and \\u0000 escapes in values', async () => {
    const raw = JSON.stringify({ title: 'Raw\u0001Bytes', abstract: ABSTRACT }).replace('\\u0001', '\u0001\u0000');
    const path = await file(
      'ctl.jsonl',
      [raw, JSON.stringify({ title: 'Esc\u0000aped', abstract: `${ABSTRACT}\u0007 Two.`, authors: ['A\u0000da'] })].join('\n'),
    );
    const { papers, rejections } = await read([path]);
    expect(rejections).toEqual([]);
    expect(papers.map((p) => [p.title, p.abstract, p.authors])).toEqual([
      ['RawBytes', ABSTRACT, undefined],
      ['Escaped', `${ABSTRACT} Two.`, ['Ada']],
    ]);
  });

  it('strips a NUL in a JSON array record and keeps both records', async () => {
    const path = await file(
      'ctl.json',
      `[${JSON.stringify({ title: 'First', abstract: ABSTRACT }).replace('First', 'Fi\0rst')},\n${JSON.stringify({ title: 'Second', abstract: `${ABSTRACT} 2.` })}]`,
    );
    const { papers, rejections } = await read([path]);
    expect(rejections).toEqual([]);
    expect(papers.map((p) => p.title)).toEqual(['First', 'Second']);
  });

  it('strips a NUL inside an Atom entry (not well-formed XML otherwise) and keeps every entry', async () => {
    const feed = await readFile('test/fixtures/formats/arxiv-atom.xml', 'utf8');
    const path = await file('ctl.xml', feed.replace('<title>Mana:', '<title>Ma\0na:'));
    const { papers, rejections } = await read([path]);
    expect(rejections).toEqual([]);
    expect(papers).toHaveLength(5);
    expect(papers[0]?.title).toBe('Mana: Dexterous Manipulation of Articulated Tools');
  });

  it('rejects alone a record that is nothing but control characters once stripped', async () => {
    const path = await file(
      'only-ctl.jsonl',
      jsonl([
        { title: 'Empty', abstract: '\u0000\u0001\u0002' },
        { title: 'Fine', abstract: ABSTRACT },
      ]),
    );
    const { papers, rejections } = await read([path]);
    expect(papers.map((p) => p.title)).toEqual(['Fine']);
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ file: path, line: 1 });
  });

  it('keeps tabs, line feeds and carriage returns as layout; form feeds become spaces', () => {
    expect(stripControls('a\tb\r\nc\0d\x7fe\x1bf\fg\x85h')).toBe('a\tb\r\ncdef gh');
  });
});

describe('binary files', () => {
  it.each([
    [
      'a PNG image',
      'image.txt',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(ABSTRACT)]),
      /^binary file \(PNG image\)/,
    ],
    ['a gzip archive', 'papers.jsonl', gzipSync(jsonl([{ title: 'Zipped', abstract: ABSTRACT }])), /^binary file \(gzip archive\)/],
    ['mostly control bytes', 'blob.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 7)), /^binary file \(control characters\)/],
  ])('still rejects %s as binary', async (_what, name, content, reason) => {
    const path = await file(name, content);
    const { papers, rejections } = await read([path]);
    expect(papers).toEqual([]);
    expect(rejections).toEqual([{ file: path, line: 0, reason: expect.stringMatching(reason) }]);
  });
});

describe('field limits', () => {
  it('rejects a JSONL record with a 1 MB title, naming field and limit, and keeps the valid record beside it', async () => {
    const path = await file(
      'long-title.jsonl',
      jsonl([
        { title: 'T'.repeat(MB), abstract: ABSTRACT },
        { title: 'Fine', abstract: ABSTRACT },
      ]),
    );
    const { papers, rejections } = await read([path]);
    expect(papers.map((p) => [p.title, p.source.line])).toEqual([['Fine', 2]]);
    expect(rejections).toEqual([{ file: path, line: 1, reason: `title too long: ${MB} characters, the limit is ${FIELD_LIMITS.title}` }]);
  });

  it('rejects a text paper with a 1 MB abstract line, naming it, and keeps the next paper', async () => {
    const path = await file('long-abstract.txt', `Pointer Networks\n${'word '.repeat(200_000)}\nFeasible Learning\n${ABSTRACT} Yes.\n`);
    const { papers, rejections } = await read([path]);
    expect(papers.map((p) => [p.title, p.source.line])).toEqual([['Feasible Learning', 3]]);
    expect(rejections).toEqual([
      { file: path, line: 1, reason: `abstract too long: 999999 characters, the limit is ${FIELD_LIMITS.abstract} (title: "Pointer Networks")` },
    ]);
  });

  it('rejects an over-long abstract, author name or author list in a JSON array, naming the paper', async () => {
    const path = await file(
      'limits.json',
      JSON.stringify(
        [
          { title: 'Long Abstract', abstract: 'word '.repeat(5000) },
          { title: 'Long Author', abstract: ABSTRACT, authors: ['Ada Lovelace', 'N'.repeat(FIELD_LIMITS.authorName + 1)] },
          { title: 'Many Authors', abstract: ABSTRACT, authors: Array.from({ length: FIELD_LIMITS.authors + 1 }, (_, i) => `Author ${i}`) },
          { title: 'Fine', abstract: ABSTRACT, authors: Array.from({ length: FIELD_LIMITS.authors }, (_, i) => `Author ${i}`) },
        ],
        null,
        1,
      ),
    );
    const { papers, rejections } = await read([path]);
    expect(papers.map((p) => p.title)).toEqual(['Fine']);
    expect(rejections.map((r) => r.reason)).toEqual([
      `abstract too long: 24999 characters, the limit is ${FIELD_LIMITS.abstract} (title: "Long Abstract")`,
      `author 2 too long: ${FIELD_LIMITS.authorName + 1} characters, the limit is ${FIELD_LIMITS.authorName} (title: "Long Author")`,
      `too many authors: ${FIELD_LIMITS.authors + 1}, the limit is ${FIELD_LIMITS.authors} (title: "Many Authors")`,
    ]);
    expect(rejections.every((r) => r.file === path && r.line > 1)).toBe(true);
  });

  it('rejects an Atom entry with an over-long title and keeps the other entries', async () => {
    const feed = await readFile('test/fixtures/formats/arxiv-atom.xml', 'utf8');
    const path = await file('long.xml', feed.replace('<title>Mana:', `<title>${'Mana '.repeat(300)}:`));
    const { papers, rejections } = await read([path]);
    expect(papers).toHaveLength(4);
    expect(rejections).toEqual([{ file: path, line: 10, reason: expect.stringMatching(/^title too long: \d+ characters, the limit is 1000$/) }]);
  });

  it('accepts fields at their limits exactly', () => {
    const paper: RawPaper = {
      title: 't'.repeat(FIELD_LIMITS.title),
      abstract: 'a'.repeat(FIELD_LIMITS.abstract),
      authors: ['n'.repeat(FIELD_LIMITS.authorName)],
      source: { file: 'x', line: 1 },
    };
    expect(checkPaper(paper)).toEqual({ paper });
  });
});
