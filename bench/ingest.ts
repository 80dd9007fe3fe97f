/**
 * `npm run bench:ingest`: end-to-end `kg load` throughput (text → graph: read, de-duplicate,
 * extract, link, write, derive) on a generated text corpus, for each store, with extraction in the
 * main thread and on one worker per core, beside a bare compromise parse of the same texts over
 * the same number of threads, and each run's peak RSS. Every run is a process of its own
 * (ingest/run-ingest.ts). Target: the pipeline on all cores ≥ 1.8× its papers/s on one.
 *
 * `--sizes 10000,100000` sets the corpus sizes (default 10000); `--stores neo4j` loads into one
 * store only; `--no-bare` skips the bare parse, `--no-single` the one-thread loads. Uses NEO4J_URI when set, else starts
 * tools/neo4j-local.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { collectPapers } from '../loaders/collect-papers.js';
import { startLocalNeo4j } from '../scripts/start-local-neo4j.js';
import { generateTexts } from './ingest/generate-texts.js';

const { sizes, stores, bare, single } = new Command()
  .option('--sizes <list>', 'corpus sizes, comma-separated', (v) => v.split(',').map(Number), [10_000])
  .option('--stores <list>', 'stores to load into, comma-separated', (v) => v.split(','), ['embedded', 'neo4j'])
  .option('--no-bare', 'skip the bare parse (its figures are the baseline of the ratios)')
  .option('--no-single', 'skip the loads with extraction in the main thread (the baseline of the workers ratio)')
  .parse()
  .opts<{ sizes: number[]; stores: string[]; bare: boolean; single: boolean }>();

const cores = availableParallelism();
const local = process.env['NEO4J_URI'] ? undefined : await startLocalNeo4j();
const uri = process.env['NEO4J_URI'] ?? local!.uri;
const { papers: sample } = await collectPapers(['data/papers']);
const dir = await mkdtemp(join(tmpdir(), 'kg-bench-texts-'));

interface Run {
  papers: number;
  seconds: number;
  maxRssMB: number;
  phases?: { read: number; extract: number; write: number };
  then?: { papers: number; seconds: number };
}

function run(file: string, mode: 'load' | 'bare', workers: number, store = 'embedded', thenFile?: string): Run {
  const args = ['--import', 'tsx', 'bench/ingest/run-ingest.ts', '--file', file, '--mode', mode, '--workers', String(workers), '--store', store];
  if (thenFile) args.push('--then-file', thenFile);
  const out = execFileSync(process.execPath, args, { env: { ...process.env, NEO4J_URI: uri }, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

const rate = (r: Run): number => r.papers / r.seconds;
const row = (label: string, r: Run): string =>
  `  ${label.padEnd(34)} ${String(r.papers).padStart(7)} papers ${r.seconds.toFixed(1).padStart(7)} s ${rate(r).toFixed(0).padStart(6)} papers/s  peak RSS ${r.maxRssMB.toFixed(0)} MB` +
  (r.phases ? `  (read ${r.phases.read.toFixed(1)} s, extract ${r.phases.extract.toFixed(1)} s, link+write ${r.phases.write.toFixed(1)} s)` : '') +
  (r.then ? `\n  ${''.padEnd(34)} then ${r.then.papers} more papers into it: ${r.then.seconds.toFixed(1)} s` : '');
/** Papers loaded after each load, into the full store: what one more load costs it. */
const THEN_PAPERS = 100;

try {
  for (const size of sizes) {
    const file = join(dir, `generated-${size}.jsonl`);
    await writeFile(file, `${[...generateTexts(sample, size, 2026)].join('\n')}\n`);
    const thenFile = join(dir, `then-${size}.jsonl`);
    await writeFile(thenFile, `${[...generateTexts(sample, THEN_PAPERS, 2027 + size)].join('\n')}\n`);
    console.log(`\n${size} generated papers (${cores} cores):`);
    const bareN = bare ? run(file, 'bare', cores) : null;
    if (bare) console.log(row('bare parse, 1 thread', run(file, 'bare', 1)));
    if (bareN) console.log(row(`bare parse, ${cores} threads`, bareN));
    for (const store of stores) {
      const one = single ? run(file, 'load', 1, store) : null;
      const all = run(file, 'load', cores, store, thenFile);
      if (one) console.log(row(`kg load → ${store}, 1 thread`, one));
      console.log(row(`kg load → ${store}, ${cores} workers`, all));
      if (one)
        console.log(
          `    ${cores} workers vs 1: ${(rate(all) / rate(one)).toFixed(2)}× (target ≥ 1.8×)` +
            (bareN ? `; vs a bare parse on as many threads: ${(rate(bareN) / rate(all)).toFixed(2)}× slower` : ''),
        );
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
  await local?.stop();
}
