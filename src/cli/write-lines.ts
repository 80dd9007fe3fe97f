import type { Writable } from 'node:stream';

/**
 * Writes one JSON object per line, waiting when the consumer is slow so memory stays flat, and
 * stopping quietly when the consumer has gone away (`kg papers … | head`).
 */
export async function writeJsonLines(out: Writable, values: Iterable<unknown>): Promise<void> {
  let closed = false;
  const onError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE') closed = true;
    else throw error;
  };
  out.on('error', onError);
  try {
    for (const value of values) {
      if (closed) return;
      if (!out.write(`${JSON.stringify(value)}\n`)) {
        await new Promise<void>((resolve) => {
          out.once('drain', resolve);
          out.once('close', resolve);
        });
      }
    }
  } finally {
    out.off('error', onError);
  }
}
