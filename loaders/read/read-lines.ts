import { stripControls } from './field-limits.js';

/** One line of a text file, 1-based, without its line break; or why it could not be decoded. */
export type Line = { line: number; text: string } | { line: number; error: string };

export interface ReadLinesOptions {
  /** Lines longer than this are rejected without being held in memory. */
  maxLineBytes: number;
}

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into UTF-8 lines. Memory stays bounded by `maxLineBytes` whatever the
 * input: an over-long line is skipped to its end and reported, and a line with invalid UTF-8 is
 * reported without affecting its neighbours. A final line without a newline is still a line.
 * Control characters (not tab) are dropped from the text, so a stray NUL costs only itself.
 */
export async function* readLines(chunks: AsyncIterable<Buffer>, { maxLineBytes }: ReadLinesOptions): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let parts: Buffer[] = [];
  let partBytes = 0;
  let overLong = false;
  let lineNumber = 1;

  const finish = (): Line => {
    const line = lineNumber++;
    if (overLong) {
      const reason = `line longer than ${maxLineBytes} bytes (${partBytes} bytes); skipped`;
      return { line, error: reason };
    }
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, partBytes);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
    try {
      // A fresh decode per line: the BOM is only stripped from line 1 because only it can hold one.
      const text = stripControls(decoder.decode(bytes));
      return { line, text: line === 1 ? text.replace(/^\uFEFF/, '') : text };
    } catch {
      return { line, error: 'invalid UTF-8' };
    }
  };

  for await (const chunk of chunks) {
    let start = 0;
    while (start < chunk.length) {
      const end = chunk.indexOf(NEWLINE, start);
      const piece = chunk.subarray(start, end === -1 ? chunk.length : end);
      if (!overLong) {
        if (partBytes + piece.length > maxLineBytes) {
          overLong = true;
          parts = [];
        } else {
          parts.push(piece);
        }
      }
      partBytes += piece.length;
      if (end === -1) break;
      yield finish();
      parts = [];
      partBytes = 0;
      overLong = false;
      start = end + 1;
    }
  }
  if (partBytes > 0 || overLong) yield finish();
}
