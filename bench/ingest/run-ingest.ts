/**
 * One measured run of `npm run bench:ingest`, in a process of its own so that its peak RSS is its
 * own: `--mode load` runs the real pipeline (`loadPapers`: read, de-duplicate, extract on
 * `--workers` threads, link, write, derive) into `--store`; `--mode bare` reads the same file and
 * parses each abstract with compromise on as many threads; `--then-file` then loads a few other
 * papers into the full store, timed apart (what one more load costs a large store). Prints one
 * JSON line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import nlp from 'compromise';
import { Piscina } from 'piscina';
import { collectPapers } from '../../loaders/collect-papers.js';
import { loadPapers } from '../../loaders/load.js';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import type { GraphStore } from '../../src/store/store.js';

const options = new Command()
  .requiredOption('--file <path>')
  .requiredOption('--mode <mode>')
  .option('--store <store>', 'embedded or neo4j', 'embedded')
  .option('--workers <n>', 'threads', Number, 1)
  .option('--then-file <path>', 'after the load, load this file of other papers into the full store, timed apart')
  .parse()
  .opts<{ file: string; mode: 'load' | 'bare'; store: 'embedded' | 'neo4j'; workers: number; thenFile?: string }>();

const TASK = 25;
const started = performance.now();
let papers: number;
let phases: Record<string, number> | undefined;
let then: { papers: number; seconds: number } | undefined;
if (options.mode === 'bare') {
  const read = await collectPapers([options.file]);
  papers = read.papers.length;
  const abstracts = read.papers.map((p) => p.abstract);
  if (options.workers <= 1) {
    for (const text of abstracts) nlp(text);
  } else {
    const pool = new Piscina({ filename: new URL('./bare-parse-worker.mjs', import.meta.url).href, minThreads: options.workers, maxThreads: options.workers });
    const tasks: Array<Promise<unknown>> = [];
    for (let i = 0; i < abstracts.length; i += TASK) tasks.push(pool.run(abstracts.slice(i, i + TASK)));
    await Promise.all(tasks);
    await pool.destroy();
  }
} else {
  const dir = await mkdtemp(join(tmpdir(), 'kg-bench-ingest-'));
  let store: GraphStore;
  if (options.store === 'neo4j') {
    const neo4j = await Neo4jStore.connect({ uri: process.env['NEO4J_URI']!, user: 'neo4j', password: process.env['NEO4J_PASSWORD'] ?? '', database: 'neo4j' });
    await neo4j.clear();
    store = neo4j;
  } else {
    store = EmbeddedStore.open(dir);
  }
  const report = await loadPapers([options.file], store, { workers: options.workers });
  papers = report.papersWritten;
  phases = report.seconds;
  if (options.thenFile) {
    const t = performance.now();
    const more = await loadPapers([options.thenFile], store, { workers: options.workers });
    then = { papers: more.papersWritten, seconds: (performance.now() - t) / 1000 };
  }
  await store.close();
  await rm(dir, { recursive: true, force: true });
}
const seconds = (performance.now() - started) / 1000 - (then?.seconds ?? 0);
process.stdout.write(`${JSON.stringify({ papers, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, phases, then })}\n`);
