import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

/** Bytes of lines gathered before one write. */
const WRITE_CHUNK = 1 << 20;

/**
 * The embedded store's file as JSON lines: a header line, then one line per node, edge and
 * extraction record, then the search index when its JSON fits in one string. One JSON text for
 * the whole graph cannot hold a large corpus (V8 caps a string at about 512 MiB: 100,000 papers
 * failed to save); lines are written and read one at a time, so none comes near the cap.
 */
export interface GraphFileLines {
  /** The header: format version and small state (derived edges pending, load records). */
  header: Record<string, unknown>;
  /** Every other line's value, in order: `[kind, ...fields]` tuples the store defines, or a line already serialised. */
  records: Iterable<unknown>;
}

/** A line already serialised as JSON, written as it is. */
export class RawLine {
  constructor(readonly text: string) {}
}

/** Writes the lines to `path` (the caller renames it into place). */
export function writeGraphFile(path: string, { header, records }: GraphFileLines): void {
  const fd = openSync(path, 'w');
  try {
    let pending: string[] = [JSON.stringify(header)];
    let bytes = 0;
    for (const record of records) {
      const line = record instanceof RawLine ? record.text : JSON.stringify(record);
      pending.push(line);
      bytes += line.length;
      if (bytes >= WRITE_CHUNK) {
        writeSync(fd, `${pending.join('\n')}\n`);
        pending = [];
        bytes = 0;
      }
    }
    if (pending.length > 0) writeSync(fd, `${pending.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}

/** The header line's value, then each following line's, parsed one line at a time. */
export function readGraphFile(path: string): { header: Record<string, unknown>; records: Generator<unknown> } {
  const buffer = readFileSync(path);
  const firstEnd = lineEnd(buffer, 0);
  const header = JSON.parse(buffer.toString('utf8', 0, firstEnd)) as Record<string, unknown>;
  function* records(): Generator<unknown> {
    for (let start = firstEnd + 1; start < buffer.length; ) {
      const end = lineEnd(buffer, start);
      if (end > start) yield JSON.parse(buffer.toString('utf8', start, end));
      start = end + 1;
    }
  }
  return { header, records: records() };
}

function lineEnd(buffer: Buffer, from: number): number {
  const end = buffer.indexOf(0x0a, from);
  return end === -1 ? buffer.length : end;
}
