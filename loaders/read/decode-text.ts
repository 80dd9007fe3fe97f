/**
 * Decodes a byte stream as UTF-8 text chunk by chunk. Invalid UTF-8 ends the stream with an
 * error naming how far decoding got, because a structured document cannot be resynchronised.
 */
export async function* decodeText(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
