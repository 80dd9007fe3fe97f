import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { detectFormat, type SourceFormat } from './detect-format.js';
import { checkPaper } from './field-limits.js';
import { rejectionEvent, type ReadEvent } from './raw-paper.js';
import { peekChunks, readChunks } from './read-chunks.js';
import { readAtom } from './read-atom.js';
import { readJson } from './read-json.js';
import { readJsonl } from './read-jsonl.js';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from './read-options.js';
import { readText } from './read-text.js';

const SNIFF_BYTES = 64 * 1024;

type Reader = (file: string, chunks: AsyncIterable<Buffer>, options: ReadOptions) => AsyncGenerator<ReadEvent>;
const READERS: Record<SourceFormat, Reader> = { text: readText, jsonl: readJsonl, json: readJson, atom: readAtom };

/** A source file as it was read: its name, format (when detected) and what it yielded. */
export interface FileReport {
  file: string;
  format?: SourceFormat;
}

export type SourceEvent = ReadEvent | { kind: 'file'; report: FileReport };

export interface ReadSourcesOptions extends Partial<ReadOptions> {
  stdin?: Readable;
}

/**
 * Reads papers from files, folders (recursively, in name order so runs are reproducible) and `-`
 * (stdin). Every file is detected and read on its own: one unreadable file or record is reported
 * and the rest still load. Hidden files and folders are skipped.
 */
export async function* readSources(paths: readonly string[], options: ReadSourcesOptions = {}): AsyncGenerator<SourceEvent> {
  const readOptions: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...options };
  for (const path of paths) {
    if (path === '-') {
      yield* readSource('-', readOptions, options.stdin);
      continue;
    }
    for await (const file of expandPath(path)) {
      if (typeof file === 'string') yield* readSource(file, readOptions, options.stdin);
      else yield file;
    }
  }
}

async function* expandPath(path: string): AsyncGenerator<string | ReadEvent> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    yield rejectionEvent(path, 0, describeFsError(error));
    return;
  }
  if (info.isFile()) {
    yield path;
    return;
  }
  if (!info.isDirectory()) {
    yield rejectionEvent(path, 0, 'not a regular file or folder');
    return;
  }
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (error) {
    yield rejectionEvent(path, 0, describeFsError(error));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    yield* expandPath(join(path, entry.name));
  }
}

async function* readSource(file: string, options: ReadOptions, stdin: Readable | undefined): AsyncGenerator<SourceEvent> {
  let lastLine = 0;
  try {
    const { head, chunks } = await peekChunks(readChunks(file, stdin), SNIFF_BYTES);
    const detection = detectFormat(file, head);
    if ('reason' in detection) {
      yield { kind: 'file', report: { file } };
      yield rejectionEvent(file, 0, detection.reason);
      return;
    }
    yield { kind: 'file', report: { file, format: detection.format } };
    for await (const event of READERS[detection.format](file, chunks, options)) {
      lastLine = event.kind === 'paper' ? event.paper.source.line : event.rejection.line;
      if (event.kind !== 'paper') {
        yield event;
        continue;
      }
      // One place for every reader: control characters out, field limits in, record by record.
      const checked = checkPaper(event.paper);
      yield 'reason' in checked ? rejectionEvent(file, lastLine, checked.reason) : { kind: 'paper', paper: checked.paper };
    }
  } catch (error) {
    // The file vanished, became unreadable or failed mid-read: what was read stays loaded.
    yield rejectionEvent(file, lastLine, `${describeFsError(error)}${lastLine > 0 ? '; the rest of the file is skipped' : ''}`);
  }
}

/** Words for a file-system error that a user can act on. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return `cannot be read: ${(error as Error | undefined)?.message ?? String(error)}`;
  }
}

/** The sources of a load as its record keeps them: absolute paths, so a later load from another folder still matches. */
export function recordedSources(paths: readonly string[], cwd: string = process.cwd()): string[] {
  return [...new Set(paths.map((p) => (p === '-' ? '-' : resolve(cwd, p))))].sort();
}
