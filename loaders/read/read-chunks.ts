import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

/** Bytes from a file path, or from stdin for `-`, streamed in chunks of at most 64 KiB. */
export function readChunks(path: string, stdin: Readable = process.stdin): AsyncIterable<Buffer> {
  const stream = path === '-' ? stdin : createReadStream(path, { highWaterMark: 64 * 1024 });
  return stream as AsyncIterable<Buffer>;
}

/**
 * Splits a chunk stream into its first `size` bytes (for format sniffing) and the whole stream
 * again, without reading anything twice: stdin cannot be reopened.
 */
export async function peekChunks(chunks: AsyncIterable<Buffer>, size: number): Promise<{ head: Buffer; chunks: AsyncIterable<Buffer> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    length += next.value.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: Buffer.concat(seen).subarray(0, size), chunks: replay() };
}
