import { detectTextLayout, ListingParser, type ListingItem } from './parse-listing.js';
import { paperEvent, rejectionEvent, type ReadEvent } from './raw-paper.js';
import { readLines } from './read-lines.js';
import type { ReadOptions } from './read-options.js';

const LAYOUT_SAMPLE_LINES = 64;

/** Reads a plain-text source: a copied listing page or one abstract per line. */
export async function* readText(file: string, chunks: AsyncIterable<Buffer>, options: ReadOptions): AsyncGenerator<ReadEvent> {
  const lines = readLines(chunks, { maxLineBytes: options.maxLineBytes });
  // The layout is decided on the first lines, which are then replayed through the parser.
  // (Not `for await … break`: that would close the generator.)
  const sample: Array<{ line: number; text?: string; error?: string }> = [];
  while (sample.length < LAYOUT_SAMPLE_LINES) {
    const next = await lines.next();
    if (next.done) break;
    sample.push(next.value);
  }
  const layout = detectTextLayout(sample.flatMap((l) => (l.text === undefined ? [] : [l.text])));
  const parser = new ListingParser(layout);
  const toEvents = (items: ListingItem[]): ReadEvent[] =>
    items.map((item) =>
      item.kind === 'paper'
        ? paperEvent({ ...(item.title ? { title: item.title } : {}), abstract: item.abstract, source: { file, line: item.line } })
        : rejectionEvent(file, item.line, `title without an abstract: "${item.title.slice(0, 80)}"`),
    );
  async function* all(): AsyncGenerator<{ line: number; text?: string; error?: string }> {
    yield* sample;
    for (let next = await lines.next(); !next.done; next = await lines.next()) yield next.value;
  }
  for await (const line of all()) {
    if (line.error !== undefined) yield rejectionEvent(file, line.line, line.error);
    else yield* toEvents(parser.push(line.text ?? '', line.line));
  }
  yield* toEvents(parser.end());
}
