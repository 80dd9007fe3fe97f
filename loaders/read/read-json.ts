import { parseRecord } from './parse-record.js';
import { paperEvent, rejectionEvent, type ReadEvent } from './raw-paper.js';
import type { ReadOptions } from './read-options.js';
import { decodeText } from './decode-text.js';
import { JsonRecordSplitter, type JsonRecord } from './split-json-records.js';

/** Reads a JSON document of paper records (an array, or an API response wrapping one). */
export async function* readJson(file: string, chunks: AsyncIterable<Buffer>, options: ReadOptions): AsyncGenerator<ReadEvent> {
  const splitter = new JsonRecordSplitter({ maxRecordBytes: options.maxRecordBytes });
  const toEvent = (record: JsonRecord): ReadEvent => {
    if ('error' in record) return rejectionEvent(file, record.line, record.error);
    const result = parseRecord(record.value);
    return 'reason' in result ? rejectionEvent(file, record.line, result.reason) : paperEvent({ ...result.paper, source: { file, line: record.line } });
  };
  let lines = 1;
  try {
    for await (const text of decodeText(chunks)) {
      for (const record of splitter.push(text)) yield toEvent(record);
      lines += countNewlines(text);
    }
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    yield rejectionEvent(file, lines, 'invalid UTF-8; the rest of the file is skipped');
    return;
  }
  for (const record of splitter.end()) yield toEvent(record);
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
