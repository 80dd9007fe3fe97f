import { parseRecord } from './parse-record.js';
import { paperEvent, rejectionEvent, type ReadEvent } from './raw-paper.js';
import { readLines } from './read-lines.js';
import type { ReadOptions } from './read-options.js';

/** Reads JSON lines: one paper record per line, blank lines ignored. */
export async function* readJsonl(file: string, chunks: AsyncIterable<Buffer>, options: ReadOptions): AsyncGenerator<ReadEvent> {
  for await (const line of readLines(chunks, { maxLineBytes: options.maxLineBytes })) {
    if ('error' in line) {
      yield rejectionEvent(file, line.line, line.error);
      continue;
    }
    if (!line.text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      yield rejectionEvent(file, line.line, `not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const result = parseRecord(value);
    yield 'reason' in result ? rejectionEvent(file, line.line, result.reason) : paperEvent({ ...result.paper, source: { file, line: line.line } });
  }
}
