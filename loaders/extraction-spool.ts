import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { PaperExtraction } from './extract-corpus.js';

/** Papers kept in memory before the spool spills to a file. */
const IN_MEMORY = 2000;
/** Bytes of lines gathered before one write to the file. */
const WRITE_CHUNK = 1 << 20;

/**
 * The papers a load brings, each with its own extraction, between extraction and the linked
 * write: the first few thousand in memory, the rest appended to a temporary JSON-lines file, so a
 * load of any size holds a bounded number of papers. Walked once per identity pass (several
 * times), in the order appended; `ids` says which stored papers these replace.
 */
export class ExtractionSpool {
  private readonly held: PaperExtraction[] = [];
  private readonly known = new Set<string>();
  private dir: string | null = null;
  private fd: number | null = null;
  private pending: string[] = [];
  private pendingBytes = 0;

  private readonly inMemory: number;

  constructor(papers: Iterable<PaperExtraction> = [], options: { inMemory?: number } = {}) {
    this.inMemory = options.inMemory ?? IN_MEMORY;
    for (const paper of papers) this.append(paper);
  }

  /** Ids of the papers spooled. */
  get ids(): ReadonlySet<string> {
    return this.known;
  }

  get size(): number {
    return this.known.size;
  }

  /** Adds a paper: each paper once (a load de-duplicates its papers before). */
  append(paper: PaperExtraction): void {
    if (this.known.has(paper.paper.id)) throw new Error(`paper ${paper.paper.id} spooled twice`);
    this.known.add(paper.paper.id);
    if (this.fd === null && this.held.length < this.inMemory) {
      this.held.push(paper);
      return;
    }
    if (this.fd === null) {
      this.dir = mkdtempSync(join(tmpdir(), 'kg-spool-'));
      this.fd = openSync(join(this.dir, 'papers.jsonl'), 'a');
    }
    const line = `${JSON.stringify(paper)}\n`;
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes >= WRITE_CHUNK) this.flush();
  }

  /** Visits every spooled paper, in the order appended. */
  async walk(visit: (paper: PaperExtraction) => void | Promise<void>): Promise<void> {
    for (const paper of this.held) await visit(paper);
    if (this.fd === null || this.dir === null) return;
    this.flush();
    const lines = createInterface({ input: createReadStream(join(this.dir, 'papers.jsonl'), 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) if (line !== '') await visit(JSON.parse(line) as PaperExtraction);
  }

  /** Deletes the spool's file. */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    this.fd = null;
    this.dir = null;
  }

  private flush(): void {
    if (this.fd === null || this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }
}
