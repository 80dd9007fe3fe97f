import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectPapers } from '../../loaders/collect-papers.js';
import type { Paper } from '../../loaders/papers.js';
import { isChrome } from '../../loaders/read/parse-listing.js';

/** The sample corpus, read through the real pipeline: the figures below were counted by hand. */
const CORPUS = 'data/papers';
let papers: Paper[];
let report: Awaited<ReturnType<typeof collectPapers>>['report'];

beforeAll(async () => {
  ({ papers, report } = await collectPapers([CORPUS]));
});

const where = (paper: Paper) => paper.sources.map((s) => `${basename(s.file).slice(0, 3)}:${s.line}`);

describe('the sample corpus', () => {
  it('holds 452 paper occurrences in five files and 441 distinct papers', () => {
    expect(report.files.map((f) => [basename(f.file), f.format])).toEqual([
      ['000_754111c3f60c3e24.txt', 'text'],
      ['001_812cabaa33693939.txt', 'text'],
      ['002_5f781be605d9922b.txt', 'text'],
      ['003_d61e613f4257c4bc.txt', 'text'],
      ['004_a0d296c439b9a23d.txt', 'text'],
    ]);
    expect(report.records).toBe(452);
    expect(papers).toHaveLength(441);
    expect(report.duplicatesMerged).toBe(11);
    expect(report.rejections).toEqual([]);
  });

  it('counts the occurrences of each file', () => {
    const perFile = new Map<string, number>();
    for (const paper of papers) for (const s of paper.sources) perFile.set(basename(s.file).slice(0, 3), (perFile.get(basename(s.file).slice(0, 3)) ?? 0) + 1);
    expect(Object.fromEntries(perFile)).toEqual({ '000': 11, '001': 77, '002': 69, '003': 284, '004': 11 });
  });

  it('merges exactly these duplicate groups', () => {
    const groups = papers.filter((p) => p.sources.length > 1).map(where);
    expect(groups).toEqual([
      ['000:1', '001:219', '002:155'],
      ['000:7', '000:8'],
      ['001:15', '003:569'],
      ['001:63', '002:135'],
      ['001:67', '002:267'],
      ['001:107', '002:147'],
      ['001:159', '002:187'],
      ['001:179', '003:505'],
      ['001:239', '002:219'],
      ['001:247', '002:207'],
    ]);
  });

  it('gives the untitled first abstract of 000 its title from the listing', () => {
    const paper = papers.find((p) => where(p).includes('000:1'));
    expect(paper).toMatchObject({ title: 'Retrieval Head Mechanistically Explains Long-Context Factuality', titleDerived: false });
  });

  it('takes the title glued to "Subscribe"', () => {
    const paper = papers.find((p) => where(p)[0] === '003:3');
    expect(paper?.title).toBe('Need is All You Need: Homeostatic Neural Networks Adapt to Concept Shift');
    expect(paper?.abstract.startsWith('In living organisms, homeostasis')).toBe(true);
  });

  it('reads very short titles as titles', () => {
    const titles = new Set(papers.map((p) => p.title));
    for (const title of ['Pointer Networks', 'Feasible Learning', 'Re-evaluating Evaluation', 'Attention as an RNN']) expect(titles).toContain(title);
  });

  it('derives titles only for the papers of the two title-less files', () => {
    const derived = papers.filter((p) => p.titleDerived);
    expect(derived).toHaveLength(20);
    for (const paper of derived) expect(where(paper).every((w) => w.startsWith('000') || w.startsWith('004'))).toBe(true);
  });

  it('never takes a chrome line as a title or an abstract', async () => {
    const chrome = new Set<string>();
    for (const name of ['001_812cabaa33693939.txt', '002_5f781be605d9922b.txt', '003_d61e613f4257c4bc.txt']) {
      for (const line of (await readFile(`${CORPUS}/${name}`, 'utf8')).split('\n')) if (line.trim() && isChrome(line)) chrome.add(line.trim());
    }
    expect([...chrome].sort()).toEqual(
      [
        'Get trending papers in your email inbox once a day!',
        'Get trending papers in your email inbox!',
        'Mar 12',
        'Mar 14',
        'Subscribe',
        'byAK and the research community',
        'new',
      ].sort(),
    );
    for (const paper of papers) {
      expect(chrome.has(paper.title)).toBe(false);
      expect(chrome.has(paper.abstract)).toBe(false);
      expect(paper.title).not.toMatch(/^(Subscribe|Get trending|byAK)/);
      expect(paper.abstract.length).toBeGreaterThan(200);
      expect(paper.title.length).toBeLessThan(200);
    }
  });

  it('gives every paper a distinct id, the same on every run and in any file order', async () => {
    expect(new Set(papers.map((p) => p.id)).size).toBe(441);
    const files = report.files.map((f) => f.file).reverse();
    const again = await collectPapers(files);
    expect(new Map(again.papers.map((p) => [p.title, p.id]))).toEqual(new Map(papers.map((p) => [p.title, p.id])));
    expect(papers.find((p) => p.title.startsWith('Retrieval Head'))?.id).toBe('paper:b58251a784272a6a');
  });
});
