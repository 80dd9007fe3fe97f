import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PaperEntities } from './extract/extract-paper.js';
import { digest } from '../src/graph/ids.js';
import type { Paper } from './papers.js';

/** Bumped whenever extraction code changes what it finds; the lexicon's content is hashed in too. */
export const EXTRACTOR_VERSION = 7;

/** The version key of the extraction rules: code version plus a digest of the curated lists. */
export function extractorVersion(): string {
  const lexiconDir = new URL('./lexicon/', import.meta.url);
  const hash = createHash('sha256').update(String(EXTRACTOR_VERSION));
  for (const dir of [lexiconDir, new URL('./pwc/', lexiconDir)]) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort())
      hash.update(readFileSync(new URL(file, dir)));
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * Extraction results on disk, keyed by a digest of the paper's title and abstract, in one JSON
 * lines file per extractor version: re-extracting an unchanged paper is a map look-up, and a
 * rule or lexicon change starts a fresh file.
 */
export class ExtractionCache {
  private readonly entries = new Map<string, PaperEntities>();
  private readonly file: string;
  hits = 0;
  misses = 0;

  constructor(dir: string, version = extractorVersion()) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, `extract-${version}.jsonl`);
    if (existsSync(this.file)) {
      const content = readFileSync(this.file, 'utf8');
      // A line cut by a crash gets its newline back, so the next entry starts on a line of its own.
      if (content.length > 0 && !content.endsWith('\n')) appendFileSync(this.file, '\n');
      for (const line of content.split('\n')) {
        if (!line) continue;
        try {
          const { key, entities } = JSON.parse(line) as { key: string; entities: PaperEntities };
          this.entries.set(key, entities);
        } catch {
          // A line cut by a crash is simply re-extracted.
        }
      }
    }
  }

  get(paper: Paper, extract: () => PaperEntities): PaperEntities {
    const cached = this.peek(paper);
    if (cached) return cached;
    const entities = extract();
    this.put(paper, entities);
    return entities;
  }

  /** The cached extraction of a paper, counted as a hit, or undefined, counted as a miss. */
  peek(paper: Paper): PaperEntities | undefined {
    const cached = this.entries.get(keyOf(paper));
    if (cached) this.hits++;
    else this.misses++;
    return cached;
  }

  /** Adds a paper's extraction, made elsewhere (a worker thread). */
  put(paper: Paper, entities: PaperEntities): void {
    const key = keyOf(paper);
    this.entries.set(key, entities);
    appendFileSync(this.file, `${JSON.stringify({ key, entities })}\n`);
  }
}

function keyOf(paper: Paper): string {
  return digest(`${paper.titleDerived ? '' : paper.title}\n${paper.abstract}`, 32);
}
