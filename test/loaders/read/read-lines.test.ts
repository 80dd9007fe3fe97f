import { describe, expect, it } from 'vitest';
import { readLines, type Line } from '../../../loaders/read/read-lines.js';

async function collect(chunks: Buffer[], maxLineBytes = 1024): Promise<Line[]> {
  async function* source() {
    yield* chunks;
  }
  const out: Line[] = [];
  for await (const line of readLines(source(), { maxLineBytes })) out.push(line);
  return out;
}

describe('readLines', () => {
  it('keeps a last line that has no newline', async () => {
    expect(await collect([Buffer.from('one\ntwo')])).toEqual([
      { line: 1, text: 'one' },
      { line: 2, text: 'two' },
    ]);
  });

  it('joins a line split across chunks, even inside a multi-byte character', async () => {
    const bytes = Buffer.from('héllo\nwörld\n');
    expect(await collect([bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)])).toEqual([
      { line: 1, text: 'héllo' },
      { line: 2, text: 'wörld' },
    ]);
  });

  it('drops CRLF carriage returns and a leading BOM', async () => {
    expect(await collect([Buffer.from('\uFEFFa\r\nb\r\n')])).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
    ]);
  });

  it('rejects an over-long line without holding it and keeps its neighbours', async () => {
    const long = Buffer.alloc(5000, 0x61);
    const lines = await collect([Buffer.from('before\n'), long, long, Buffer.from('\nafter\n')], 1024);
    expect(lines).toEqual([
      { line: 1, text: 'before' },
      { line: 2, error: 'line longer than 1024 bytes (10000 bytes); skipped' },
      { line: 3, text: 'after' },
    ]);
  });

  it('rejects a line of invalid UTF-8 and keeps the next one', async () => {
    const bad = Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0a]);
    expect(await collect([bad, Buffer.from('fine')])).toEqual([
      { line: 1, error: 'invalid UTF-8' },
      { line: 2, text: 'fine' },
    ]);
  });
});
