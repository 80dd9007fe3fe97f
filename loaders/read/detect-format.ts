import { extname } from 'node:path';

/** The input formats the readers take. */
export type SourceFormat = 'text' | 'jsonl' | 'json' | 'atom';

export type Detection = { format: SourceFormat } | { reason: string };

const CONTROL = /[\x00-\x08\x0e-\x1f]/g;

/** Share of control characters (NUL included) above which a file is binary, not text with a few stray bytes. */
const BINARY_SHARE = 0.05;

/** Signatures of binary formats people drop into a papers folder by mistake, named in the rejection. */
const MAGIC: ReadonlyArray<{ bytes: readonly number[]; name: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'GIF image' },
  { bytes: [0x1f, 0x8b], name: 'gzip archive' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'zip archive' },
  { bytes: [0x42, 0x5a, 0x68], name: 'bzip2 archive' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'xz archive' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], name: 'zstd archive' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'PDF' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'ELF executable' },
];

/**
 * Decides a file's format from its extension and its first bytes, or why it is not a paper
 * source at all (empty, binary, an HTML page, XML that is no Atom feed). Content wins over the
 * extension: a `.txt` that holds JSON lines is read as JSON lines.
 */
export function detectFormat(path: string, head: Buffer): Detection {
  if (head.length === 0) return { reason: 'empty file' };
  const magic = MAGIC.find((m) => m.bytes.every((byte, i) => head[i] === byte));
  if (magic) return { reason: `binary file (${magic.name}), not a text paper source` };
  // A few NULs or other control bytes in text are stripped record by record (a valid paper beside
  // them still loads); only a file that is mostly control bytes is binary.
  const sample = head.toString('utf8');
  const controls = sample.match(CONTROL)?.length ?? 0;
  if (controls > sample.length * BINARY_SHARE) return { reason: 'binary file (control characters), not a text paper source' };
  const start = sample.replace(/^\uFEFF/, '').trimStart();
  if (start.length === 0) return { reason: 'empty file (only whitespace)' };

  const ext = extname(path === '-' ? '' : path).toLowerCase();
  const lower = start.slice(0, 1024).toLowerCase();
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html') || /^<(head|body|div|p)[\s>]/.test(lower)) {
    return { reason: 'an HTML page, not a paper source (save the listing as text, or export JSON/Atom)' };
  }
  if (start.startsWith('<')) {
    return /<feed[\s>]/.test(start.slice(0, 64 * 1024)) ? { format: 'atom' } : { reason: 'XML that is not an Atom feed (expected an arXiv API <feed>)' };
  }
  if (start.startsWith('[')) return { format: 'json' };
  if (start.startsWith('{')) {
    if (ext === '.jsonl' || ext === '.ndjson') return { format: 'jsonl' };
    // A complete object on the first line and another line starting with `{` is JSONL; a single
    // object alone is a JSON document (an API response such as OpenAlex's `{meta, results}`).
    const [first, second] = start.split('\n', 3).map((line) => line.trim());
    if (first && second?.startsWith('{') && isJsonObject(first)) {
      return { format: 'jsonl' };
    }
    return { format: 'json' };
  }
  if (ext === '.json' || ext === '.jsonl' || ext === '.ndjson' || ext === '.xml' || ext === '.atom') {
    return { reason: `content does not match its ${ext} extension (it starts with ${JSON.stringify(start.slice(0, 20))})` };
  }
  return { format: 'text' };
}

function isJsonObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}
