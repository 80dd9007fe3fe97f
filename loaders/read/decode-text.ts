import { stripControls } from './field-limits.js';

/**
 * Decodes a byte stream as UTF-8 text chunk by chunk. Invalid UTF-8 ends the stream with an
 * error naming how far decoding got, because a structured document cannot be resynchronised.
 * Control characters (not tab, LF, CR) are dropped: raw in JSON or XML they would make the whole
 * rest of the document unreadable, and they never carry meaning in a paper.
 */
export async function* decodeText(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield stripControls(text);
  }
  const rest = decoder.decode();
  if (rest) yield stripControls(rest);
}
