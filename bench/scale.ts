/**
 * `npm run bench:scale`: our API on Neo4j as the graph grows: every read of the soak mix
 * (bench/soak/mix.ts: bench:api's six plus look-ups, browse lists, related papers) measured at each
 * size, and each read's Cypher checked with PROFILE. Target: each read's p50 at the largest size
 * within 2× its p50 at the smallest, and no plan that scans a whole label or sorts a whole match.
 *
 * The graph: the sample corpus (data/papers, through the real pipeline, so the mix's ids exist)
 * plus generated papers (bench/generate-corpus.ts, in chunks of 1,000 with their own seeds) up to
 * each size, written through the store's own batches. The generated papers draw their entities
 * from the sample corpus with its frequency skew, so a popular dataset's papers grow with the
 * corpus: a read whose answer grows too is reported with its answer size.
 *
 *   --sizes a,b      generated papers at each measured size (default 50000,500000)
 *   --duration S     measured seconds per read and size (default 5)
 *   --warmup S       warm-up seconds per read and size (default 3)
 *   --connections N  concurrent connections (default 4)
 *   --data DIR       a durable tools/neo4j-local folder, topped up rather than reloaded on the next run
 *   --pagecache SIZE Neo4j's page cache (default 2g: the 500k graph's store fits in it)
 *
 * Uses NEO4J_URI when set (its database is topped up with generated papers; emptied first when it
 * holds other papers), else starts tools/neo4j-local.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { buildGraphs } from '../loaders/build-graph.js';
import { collectPapers } from '../loaders/collect-papers.js';
import { extractCorpus } from '../loaders/corpus-identity.js';
import { ExtractionCache } from '../loaders/extraction-cache.js';
import { loadPapers, WRITE_BATCH } from '../loaders/load.js';
import { startLocalNeo4j, type LocalNeo4j } from '../scripts/start-local-neo4j.js';
import { Neo4jStore } from '../src/store/neo4j/neo4j-store.js';
import { cannon, type Measurement } from './api/cannon.js';
import { generateGraphs } from './generate-corpus.js';
import { stopChild } from './stop-child.js';
import type { PlanOperator, ScaleServerMessage, StatementProfile } from './scale/server.js';
import { MIX, type SoakQuery } from './soak/mix.js';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number');
  return n;
};
const options = new Command('bench:scale')
  .description('Our API on Neo4j at growing sizes: p50 per read at each size, and every read statement PROFILEd.')
  .option('--sizes <list>', 'generated papers at each measured size, comma-separated', '50000,500000')
  .option('--duration <seconds>', 'measured seconds per read and size', positive, 5)
  .option('--warmup <seconds>', 'warm-up seconds per read and size', positive, 3)
  .option('--connections <n>', 'concurrent connections', positive, 4)
  .option('--data <dir>', 'a durable tools/neo4j-local data folder, reused by the next run')
  .option('--pagecache <size>', "Neo4j's page cache", '2g')
  .parse()
  .opts<{ sizes: string; duration: number; warmup: number; connections: number; data?: string; pagecache: string }>();
const sizes = options.sizes.split(',').map((s) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n % 1000 !== 0) throw new Error(`--sizes takes multiples of 1,000; got ${s}`);
  return n;
});
sizes.sort((a, b) => a - b);

/** Plan operators that read every node of a label (or every node, or every relationship of a type). */
const SCANS = /^(AllNodesScan|NodeByLabelScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|\w*RelationshipTypeScan|\w*AllRelationshipsScan)$/;
/** Sorting operators, and the input size above which a sort is of a whole match rather than of a page or a node's neighbours. */
const SORTS = /^(Sort|Top|PartialSort|PartialTop)$/;
const WHOLE_MATCH = 10_000;
/** A statement with more database hits than this is shown with the read that ran it. */
const HEAVY = 20_000;

const CHUNK = 1_000;

const log = (message: string): void => console.log(message);
const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);

let local: LocalNeo4j | undefined;
let child: ChildProcess | undefined;
const cacheDir = await mkdtemp(join(tmpdir(), 'kg-bench-scale-cache-'));
async function shutdown(): Promise<void> {
  await stopChild(child);
  child = undefined;
  await local?.stop();
  await rm(cacheDir, { recursive: true, force: true });
}
process.once('SIGINT', () => void shutdown().finally(() => process.exit(130)));

interface ReadFigures {
  measurement: Measurement;
  answerBytes: number;
  profiles: StatementProfile[];
}

/** Starts the server child on the database as it is, and waits for it to serve. */
async function startServer(uri: string): Promise<string> {
  child = fork(fileURLToPath(new URL('./scale/server.ts', import.meta.url)), [], {
    env: { ...process.env, BENCH_NEO4J_URI: uri, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await next(child);
  if (ready.type !== 'ready') throw new Error(`the server did not start:\n${ready.type === 'failed' ? ready.error : ready.type}`);
  return ready.url;
}

function next(process: ChildProcess): Promise<ScaleServerMessage> {
  return new Promise((resolve) => {
    const onExit = (code: number | null) => resolve({ type: 'failed', error: `the server exited with code ${code}` });
    process.once('exit', onExit);
    process.once('message', (m) => {
      process.off('exit', onExit);
      resolve(m as ScaleServerMessage);
    });
  });
}

async function stopServer(): Promise<void> {
  await stopChild(child);
  child = undefined;
}

async function measure(url: string, query: SoakQuery): Promise<ReadFigures> {
  const body = JSON.stringify(query.body);
  // The previous read's last requests may still be answered: let them end before catching statements.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  child!.send({ type: 'profile', body: query.body });
  const profiled = await next(child!);
  if (profiled.type !== 'profiled') throw new Error(`profiling ${query.name} failed`);
  if (!profiled.answer.startsWith('{"data":') || profiled.answer.includes('"errors":['))
    throw new Error(`${query.name} answered with errors: ${profiled.answer.slice(0, 400)}`);
  await cannon(`${url}/graphql`, body, options.warmup, options.connections);
  const measurement = await cannon(`${url}/graphql`, body, options.duration, options.connections);
  return { measurement, answerBytes: profiled.answer.length, profiles: profiled.profiles };
}

const flagsOf = (operators: readonly PlanOperator[]): string[] => [
  ...operators.filter((o) => SCANS.test(o.operator)).map((o) => `${o.operator} (${o.rows} rows)`),
  ...operators.filter((o) => SORTS.test(o.operator) && o.input > WHOLE_MATCH).map((o) => `${o.operator} of ${o.input} rows`),
];

const ms = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');

let failed = false;
try {
  let uri = process.env['NEO4J_URI'];
  const started = performance.now();
  if (!uri) {
    local = await startLocalNeo4j({
      args: ['--pagecache', options.pagecache, '--exit-with-parent'],
      ...(options.data ? { dataDir: options.data } : {}),
    });
    uri = local.uri;
  }
  log(
    `Neo4j: ${process.env['NEO4J_URI'] ? `${uri} (NEO4J_URI)` : `tools/neo4j-local at ${uri}, page cache ${options.pagecache}${options.data ? `, data in ${options.data}` : ''}`}`,
  );
  const store = await Neo4jStore.connect({
    uri,
    user: process.env['NEO4J_USER'] ?? 'neo4j',
    password: process.env['NEO4J_PASSWORD'] ?? '',
    database: process.env['NEO4J_DATABASE'] ?? 'neo4j',
  });

  // The sample corpus through the real pipeline; its graphs seed the generator.
  const cache = new ExtractionCache(cacheDir);
  const { papers } = await collectPapers(['data/papers']);
  const sample = buildGraphs(extractCorpus(papers, cache));
  const sampleIds = new Set(sample.map((g) => g.paper.id));
  const stored = (await store.counts()).labels.Paper;
  const firstSample = await store.node(sample[0]!.paper.id);
  if (stored > 0 && !firstSample) {
    log(`the database holds ${stored} papers that are not the sample corpus's: emptied`);
    await store.clear();
  }
  if (!firstSample || stored === 0) {
    const t = performance.now();
    await loadPapers(['data/papers'], store, { cache });
    log(`sample corpus: ${sampleIds.size} papers loaded in ${seconds(t)} s`);
  }

  const results = new Map<number, Map<string, ReadFigures>>();
  for (const size of sizes) {
    const have = (await store.counts()).labels.Paper - sampleIds.size;
    if (have > size) throw new Error(`the database holds ${have} generated papers, more than ${size}: run with a fresh --data folder or in ascending sizes`);
    const t = performance.now();
    for (let chunk = Math.floor(have / CHUNK); chunk < size / CHUNK; chunk++) {
      // Each chunk has its own seed, so its papers' ids are its own (paper:gen-<seed>-<i>).
      const graphs = generateGraphs(sample, CHUNK, 1_000_000 + chunk);
      for (let i = 0; i < graphs.length; i += WRITE_BATCH) await store.writePapers(graphs.slice(i, i + WRITE_BATCH));
      if ((chunk + 1) % 50 === 0) log(`  ${(chunk + 1) * CHUNK} generated papers written (${seconds(t)} s)`);
    }
    await store.refreshDerived();
    const counts = await store.counts();
    const nodes = Object.values(counts.labels).reduce((a, b) => a + b, 0);
    const edges = Object.values(counts.relationships).reduce((a, b) => a + b, 0);
    log(
      `\n== ${size.toLocaleString('en')} generated papers + the sample corpus: ${counts.labels.Paper} papers, ${nodes} nodes, ${edges} relationships (topped up in ${seconds(t)} s)`,
    );

    const url = await startServer(uri);
    const figures = new Map<string, ReadFigures>();
    for (const query of MIX) {
      const f = await measure(url, query);
      figures.set(query.name, f);
      const m = f.measurement;
      const flags = f.profiles.flatMap((p) => flagsOf(p.operators));
      const dbHits = f.profiles.reduce((n, p) => n + p.dbHits, 0);
      log(
        `  ${query.name.padEnd(16)} p50 ${ms(m.p50).padStart(9)}  p99 ${ms(m.p99).padStart(9)}  ${m.rps.toFixed(0).padStart(5)} req/s  ` +
          `${f.profiles.length} statement(s), ${dbHits} db hits, answer ${f.answerBytes} B` +
          (m.non2xx + m.errors + m.timeouts + m.mismatches > 0
            ? `  FAILED ${m.non2xx} non-2xx, ${m.errors} errors, ${m.timeouts} timeouts, ${m.mismatches} bad bodies`
            : '') +
          (flags.length > 0 ? `\n      plan: ${flags.join('; ')}` : '') +
          f.profiles
            .filter((p) => p.dbHits > HEAVY)
            .map((p) => `\n      ${p.dbHits} db hits: ${p.statement.replace(/\s+/g, ' ').slice(0, 160)}`)
            .join(''),
      );
      if (m.non2xx + m.errors + m.timeouts + m.mismatches > 0) failed = true;
    }
    await stopServer();
    results.set(size, figures);
  }

  // Every statement's plan at the largest size, in full when it was flagged.
  const largest = results.get(sizes.at(-1)!)!;
  log(`\n== plans at ${sizes.at(-1)!.toLocaleString('en')} (operators, rows; flagged: label scans, sorts of more than ${WHOLE_MATCH} rows)`);
  for (const [name, f] of largest) {
    for (const p of f.profiles) {
      const flags = flagsOf(p.operators);
      log(`  ${name}: ${flags.length === 0 ? 'ok' : `FLAGGED ${flags.join('; ')}`} — ${p.operators.map((o) => `${o.operator}(${o.rows})`).join(' < ')}`);
      if (flags.length > 0) {
        log(`      ${p.statement.replace(/\s+/g, ' ').slice(0, 300)}`);
        failed = true;
      }
    }
  }

  if (sizes.length > 1) {
    const [small, large] = [results.get(sizes[0]!)!, largest];
    log(`\n== p50 at ${sizes.at(-1)!.toLocaleString('en')} vs ${sizes[0]!.toLocaleString('en')} generated papers (target <= 2x)`);
    for (const query of MIX) {
      const a = small.get(query.name)!;
      const b = large.get(query.name)!;
      const ratio = b.measurement.p50 / a.measurement.p50;
      if (!(ratio <= 2)) failed = true;
      log(
        `  ${query.name.padEnd(16)} ${ms(a.measurement.p50).padStart(9)} -> ${ms(b.measurement.p50).padStart(9)}  ${ratio.toFixed(2)}x ${ratio <= 2 ? 'ok' : 'OVER'}` +
          `   answer ${a.answerBytes} -> ${b.answerBytes} B`,
      );
    }
  }
  log(`\ndone in ${seconds(started)} s; targets ${failed ? 'NOT all met' : 'met'}`);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await shutdown();
}
process.exit(failed ? 1 : 0);
