import { describe, expect, it } from 'vitest';
import { JsonRecordSplitter, type JsonRecord } from '../../../loaders/read/split-json-records.js';

function split(pieces: string[], maxRecordBytes = 10_000): JsonRecord[] {
  const splitter = new JsonRecordSplitter({ maxRecordBytes });
  return [...pieces.flatMap((piece) => splitter.push(piece)), ...splitter.end()];
}

/** Every way of cutting a text in two, to prove chunk boundaries never matter. */
function everySplit(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);
}

describe('JsonRecordSplitter', () => {
  const doc = '[\n  {"title": "a, [b]", "n": {"x": [1, 2]}},\n  null,\n  {"title": "q\\"uote}"}\n]\n';

  it('yields each element of a top-level array with the line it starts on, whatever the chunking', () => {
    for (const pieces of everySplit(doc)) {
      expect(split(pieces)).toEqual([
        { line: 2, value: { title: 'a, [b]', n: { x: [1, 2] } } },
        { line: 3, value: null },
        { line: 4, value: { title: 'q"uote}' } },
      ]);
    }
  });

  it('finds the records under the data or results key of an API response', () => {
    expect(split(['{"total": 2, "meta": {"data": 1}, "data": [{"a": 1}, {"a": 2}], "next": 5}'])).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 1, value: { a: 2 } },
    ]);
    expect(split(['{"meta": {"count": 1},\n"results": [\n{"b": 1}]}'])).toEqual([{ line: 3, value: { b: 1 } }]);
  });

  it('takes a lone object as one record', () => {
    expect(split(['{"title": "x",', ' "abstract": "y"}'])).toEqual([{ line: 1, value: { title: 'x', abstract: 'y' } }]);
  });

  it('reports a broken element and keeps the elements around it', () => {
    const records = split(['[{"a": 1},\n{"a": tru},\n{"a": 3}]']);
    expect(records[0]).toEqual({ line: 1, value: { a: 1 } });
    expect(records[1]).toMatchObject({ line: 2, error: expect.stringContaining('not valid JSON') });
    expect(records[2]).toEqual({ line: 3, value: { a: 3 } });
  });

  it('reports a truncated document after the complete records', () => {
    const records = split(['[{"a": 1},\n{"a": ']);
    expect(records).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, error: 'record cut off by the end of the file (truncated JSON)' },
    ]);
  });

  it('skips a record larger than the limit', () => {
    const records = split([`[{"a": "${'x'.repeat(200)}"}, {"a": 2}]`], 100);
    expect(records[0]).toMatchObject({ line: 1, error: expect.stringContaining('record longer than 100') });
    expect(records[1]).toEqual({ line: 1, value: { a: 2 } });
  });

  it('rejects a document that is neither an array nor an object', () => {
    expect(split(['"just a string"'])).toEqual([{ line: 1, error: 'a JSON document must start with [ or {' }]);
  });
});
