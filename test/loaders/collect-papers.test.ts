import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPapers, streamPapers } from '../../loaders/collect-papers.js';
import type { Paper } from '../../loaders/papers.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-stream-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function streamed(paths: string[]): Promise<{ papers: Paper[]; count: number }> {
  const read = await streamPapers(paths);
  const papers: Paper[] = [];
  for await (const paper of read.papers()) papers.push(paper);
  return { papers, count: read.count };
}

const byId = (papers: Paper[]) => [...papers].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('streamPapers', () => {
  it('yields exactly the papers collectPapers makes, from the sample corpus and every source format', async () => {
    const paths = ['data/papers', 'test/fixtures/formats'];
    const held = await collectPapers(paths);
    const { papers, count } = await streamed(paths);
    expect(count).toBe(held.papers.length);
    expect(byId(papers)).toEqual(byId(held.papers));
  }, 60_000);

  it('merges duplicates far apart into one paper, and tells apart papers with one abstract by their arXiv ids', async () => {
    const record = (extra: object) => JSON.stringify({ abstract: 'We study sparse routing for very large language models with a new gate.', ...extra });
    const other = (n: number) =>
      JSON.stringify({ title: `Unrelated paper number ${n}`, abstract: `An abstract about topic ${n}, long enough to be a paper of its own.` });
    const file = join(dir, 'dups.jsonl');
    const lines = [
      record({ title: 'Sparse routing at scale' }),
      ...Array.from({ length: 50 }, (_, n) => other(n)),
      record({ title: 'Sparse routing at scale', url: 'https://example.org/p' }),
    ];
    // Two comments on one lecture: one abstract, two arXiv ids, two papers.
    lines.push(record({ title: 'Lecture notes', id: '2401.00001' }), record({ title: 'Lecture notes, again', id: '2401.00002' }));
    await writeFile(file, `${lines.join('\n')}\n`);
    const held = await collectPapers([file]);
    const { papers } = await streamed([file]);
    expect(byId(papers)).toEqual(byId(held.papers));
    expect(papers.filter((p) => p.title === 'Sparse routing at scale')).toHaveLength(1);
    expect(papers.find((p) => p.title === 'Sparse routing at scale')?.url).toBe('https://example.org/p');
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
  });

  it('fails clearly when a source grows between its two reads', async () => {
    const file = join(dir, 'growing.jsonl');
    await writeFile(file, `${JSON.stringify({ title: 'A paper on routing', abstract: 'An abstract about routing in mixture models.' })}\n`);
    const read = await streamPapers([file]);
    await appendFile(file, `${JSON.stringify({ title: 'A later paper', abstract: 'Another abstract, added after the first read.' })}\n`);
    const drain = async () => {
      for await (const _ of read.papers());
    };
    await expect(drain()).rejects.toThrow(/more records than when they were first read/);
  });
});
