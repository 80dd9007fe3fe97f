/**
 * `npm run bench:api`: latency and throughput of six representative reads through our GraphQL
 * API, on each store, beside two references measured in the same run on the same Neo4j data:
 *
 * - bare Cypher: the hand-written Cypher of each read run through neo4j-driver behind a minimal
 *   node:http server (bench/api/bare.ts), so that the same HTTP path is measured;
 * - @neo4j/graphql 7: the Neo4j GraphQL Library with an SDL of our graph model, on Apollo Server
 *   and Express like ours (bench/api/neo4j-graphql.ts).
 *
 * The reads and where their meaning differs between the three: bench/api/queries.ts.
 * Targets: our API's p50 at most 1.5x bare Cypher, and below @neo4j/graphql's, on every query.
 *
 * Each query: every target warmed up first, then measured in R rounds, the targets in a rotated
 * order each round (Neo4j's JIT keeps warming up for minutes: whichever target came first would
 * pay for it); a round is one autocannon run of N connections. p50/p99 per round from the time of
 * every response (sub-millisecond); reported: the median round's p50 and p99, the mean req/s,
 * and the spread of the rounds' p50s. The servers
 * run in one child process (bench/api/targets.ts), so the load generator has its own event loop,
 * and all four run as in production: NODE_ENV=production, under which graphql-js (used by ours
 * and by @neo4j/graphql) skips its development-only checks.
 *
 * Uses NEO4J_URI when set (its database is EMPTIED, and needs APOC), else starts
 * tools/neo4j-local with APOC from tools/neo4j-local/plugins.sh.
 *
 *   --duration S     measured seconds per round, query and target (default 3)
 *   --rounds R       measured rounds per query and target (default 3)
 *   --warmup S       warm-up seconds per query and target (default 3)
 *   --connections N  concurrent connections (default 10)
 *   --only a,b       only these queries (paper, papersOfDataset, leaderboard, search, sharedBenchmarks, connection)
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startLocalNeo4j, type LocalNeo4j } from '../scripts/start-local-neo4j.js';
import { cannon, type Measurement } from './api/cannon.js';
import { QUERIES, type BenchQuery } from './api/queries.js';
import { stopChild } from './stop-child.js';
import type { ReadyMessage, TargetName } from './api/targets.js';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number; got ${process.argv[i + 1]}`);
  return value;
}
const DURATION = option('duration', 3);
const ROUNDS = Math.floor(option('rounds', 3));
const WARMUP = option('warmup', 3);
const CONNECTIONS = Math.floor(option('connections', 10));
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? new Set(process.argv[onlyIndex + 1]!.split(',')) : undefined;
const queries = QUERIES.filter((q) => !only || only.has(q.name));
if (queries.length === 0) throw new Error(`--only matches no query; the queries are ${QUERIES.map((q) => q.name).join(', ')}`);

const TARGETS: Array<{ name: TargetName; label: string }> = [
  { name: 'ours-embedded', label: 'ours (embedded)' },
  { name: 'ours-neo4j', label: 'ours (neo4j)' },
  { name: 'bare-cypher', label: 'bare Cypher' },
  { name: 'neo4j-graphql', label: '@neo4j/graphql' },
];

/** The HTTP request each target gets for a query. */
function requestOf(query: BenchQuery, target: TargetName, base: string): { url: string; body: string } {
  switch (target) {
    case 'bare-cypher':
      return { url: `${base}/${query.name}`, body: JSON.stringify(query.bare.params) };
    case 'neo4j-graphql':
      return { url: `${base}/graphql`, body: JSON.stringify(query.neo4jGraphql) };
    default:
      return { url: `${base}/graphql`, body: JSON.stringify(query.ours) };
  }
}

const summaryOf = (query: BenchQuery, target: TargetName) =>
  target === 'bare-cypher' ? query.summarize.bare : target === 'neo4j-graphql' ? query.summarize.neo4jGraphql : query.summarize.ours;

/** One request: the answer when it is a 200 with data and no errors, else why not. */
async function check(url: string, body: string): Promise<{ ok: true; text: string; data: any } | { ok: false; reason: string }> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, reason: `HTTP ${response.status}, not JSON: ${text.slice(0, 200)}` };
    }
    if (response.status !== 200 || json.errors || !json.data || Object.values(json.data).some((v) => v === null || (Array.isArray(v) && v.length === 0))) {
      return { ok: false, reason: `HTTP ${response.status}: ${text.slice(0, 400)}` };
    }
    return { ok: true, text, data: json.data };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

// ---- start Neo4j (with APOC) and the four servers ------------------------------------------------

const started = performance.now();
let local: LocalNeo4j | undefined;
let child: ChildProcess | undefined;
async function shutdown(): Promise<void> {
  await stopChild(child);
  await local?.stop();
}
process.once('SIGINT', () => void shutdown().finally(() => process.exit(130)));

let failed = false;
try {
  let uri = process.env['NEO4J_URI'];
  if (uri) {
    console.log(`Neo4j: ${uri} (NEO4J_URI; its database is emptied and reloaded, and it needs APOC)`);
  } else {
    const plugins = spawnSync('bash', ['tools/neo4j-local/plugins.sh'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    if (plugins.status !== 0) throw new Error('tools/neo4j-local/plugins.sh failed: APOC is needed by @neo4j/graphql');
    // run.sh resolves a relative --plugins folder against tools/neo4j-local: give it absolute.
    const pluginsDir = plugins.stdout.trim();
    local = await startLocalNeo4j({ args: ['--plugins', pluginsDir, '--exit-with-parent'] });
    uri = local.uri;
    console.log(`Neo4j: tools/neo4j-local at ${uri} with APOC from ${pluginsDir}`);
  }

  child = fork(fileURLToPath(new URL('./api/targets.ts', import.meta.url)), [], {
    env: { ...process.env, BENCH_NEO4J_URI: uri, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<ReadyMessage>((resolve) => {
    child!.once('message', (m) => resolve(m as ReadyMessage));
    child!.once('exit', (code) => resolve({ type: 'failed', error: `the target servers exited with code ${code}` }));
  });
  if (ready.type === 'failed') throw new Error(`the target servers did not start:\n${ready.error}`);
  console.log(`data: embedded store ${ready.counts.embedded}; Neo4j ${ready.counts.neo4j}; search reads ${ready.searchIndexes.join(', ')}`);
  console.log(
    `ready in ${((performance.now() - started) / 1000).toFixed(0)} s; each query and target: ${WARMUP} s warm-up, then ${ROUNDS} rounds of ${DURATION} s in rotated order, ${CONNECTIONS} connections\n`,
  );

  /** Our Neo4j store's round-trip counter, read in the servers' process. */
  const storeRoundTrips = () =>
    new Promise<number>((resolve) => {
      const onMessage = (m: { type?: string; value?: number }) => {
        if (m.type !== 'roundTrips') return;
        child!.off('message', onMessage);
        resolve(m.value ?? NaN);
      };
      child!.on('message', onMessage);
      child!.send({ type: 'roundTrips' });
    });

  // ---- every target answers every query, without errors, with the same data -------------------

  const usable = new Map<string, boolean>();
  console.log('answers (first 200 characters, once per query and target):');
  for (const query of queries) {
    console.log(`${query.title}`);
    const summaries = new Map<TargetName, string>();
    for (const target of TARGETS) {
      const { url, body } = requestOf(query, target.name, ready.urls[target.name]);
      const tripsBefore = target.name === 'ours-neo4j' ? await storeRoundTrips() : 0;
      const answer = await check(url, body);
      const trips = target.name === 'ours-neo4j' ? `, ${(await storeRoundTrips()) - tripsBefore} Neo4j round trips` : '';
      usable.set(`${query.name}|${target.name}`, answer.ok);
      if (!answer.ok) {
        failed = true;
        console.log(`  ${target.label.padEnd(16)} ERROR ${answer.reason}`);
        continue;
      }
      console.log(`  ${target.label.padEnd(16)} ${String(answer.text.length).padStart(6)} B${trips}  ${answer.text.slice(0, 200)}`);
      try {
        summaries.set(target.name, JSON.stringify(summaryOf(query, target.name)(answer.data)));
      } catch (error) {
        summaries.set(target.name, `unexpected shape: ${(error as Error).message}`);
      }
    }
    const distinct = new Set(summaries.values());
    if (distinct.size <= 1) console.log(`  same data from every target: ${[...distinct][0] ?? '-'}`.slice(0, 300));
    else for (const [target, summary] of summaries) console.log(`  DIFFERENT DATA  ${target.padEnd(14)} ${summary.slice(0, 300)}`);
    console.log(`  differences in meaning: ${query.differences}`);
  }

  // ---- measure -------------------------------------------------------------------------------------

  const results = new Map<string, Measurement>();
  const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '-');
  const summary: string[] = [];
  for (const query of queries) {
    console.log(`\n${query.title}`);
    console.log(
      `  ${'target'.padEnd(16)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s'.padStart(8)} ${'requests'.padStart(9)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)} ${'bad body'.padStart(9)}  p50 of each round`,
    );
    const measured = TARGETS.filter((target) => {
      if (!usable.get(`${query.name}|${target.name}`)) console.log(`  ${target.label.padEnd(16)} not measured: its answer was an error`);
      return usable.get(`${query.name}|${target.name}`);
    });
    for (const target of measured) {
      const { url, body } = requestOf(query, target.name, ready.urls[target.name]);
      await cannon(url, body, WARMUP, CONNECTIONS);
    }
    const rounds = new Map<TargetName, Measurement[]>(measured.map((t) => [t.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < measured.length; i++) {
        const target = measured[(i + round) % measured.length]!;
        const { url, body } = requestOf(query, target.name, ready.urls[target.name]);
        rounds.get(target.name)!.push(await cannon(url, body, DURATION, CONNECTIONS));
      }
    }
    for (const target of measured) {
      const list = rounds.get(target.name)!;
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
      const sum = (key: 'requests' | 'non2xx' | 'errors' | 'timeouts' | 'mismatches') => list.reduce((n, m) => n + m[key], 0);
      const m: Measurement = {
        p50: median(list.map((r) => r.p50)),
        p99: median(list.map((r) => r.p99)),
        rps: list.reduce((n, r) => n + r.rps, 0) / list.length,
        requests: sum('requests'),
        non2xx: sum('non2xx'),
        errors: sum('errors'),
        timeouts: sum('timeouts'),
        mismatches: sum('mismatches'),
      };
      results.set(`${query.name}|${target.name}`, m);
      if (m.non2xx > 0 || m.errors > 0 || m.mismatches > 0) failed = true;
      console.log(
        `  ${target.label.padEnd(16)} ${fmt(m.p50).padStart(8)} ${fmt(m.p99).padStart(8)} ${fmt(m.rps, 0).padStart(8)} ${String(m.requests).padStart(9)} ${String(m.non2xx).padStart(8)} ${String(m.errors).padStart(7)} ${String(m.mismatches).padStart(9)}  ${list.map((r) => fmt(r.p50)).join(' ')}${m.timeouts ? `  (${m.timeouts} timeouts)` : ''}`,
      );
    }
    const p50 = (t: TargetName) => results.get(`${query.name}|${t}`)?.p50 ?? NaN;
    const ratio = (a: TargetName, b: TargetName) => p50(a) / p50(b);
    const neoBare = ratio('ours-neo4j', 'bare-cypher');
    const neoLib = ratio('ours-neo4j', 'neo4j-graphql');
    const embBare = ratio('ours-embedded', 'bare-cypher');
    const embLib = ratio('ours-embedded', 'neo4j-graphql');
    const verdict = (x: number, limit: number, strict: boolean) => (!Number.isFinite(x) ? 'n/a' : (strict ? x < limit : x <= limit) ? 'ok' : 'MISSED');
    console.log(`  ours/bare p50:           neo4j ${fmt(neoBare)}x (target <= 1.5x: ${verdict(neoBare, 1.5, false)}), embedded ${fmt(embBare)}x`);
    console.log(`  ours/@neo4j/graphql p50: neo4j ${fmt(neoLib)}x (target < 1x: ${verdict(neoLib, 1, true)}), embedded ${fmt(embLib)}x`);
    summary.push(
      `  ${query.name.padEnd(17)} ${`${fmt(neoBare)}x ${verdict(neoBare, 1.5, false)}`.padEnd(12)} ${`${fmt(neoLib)}x ${verdict(neoLib, 1, true)}`.padEnd(12)} ${`${fmt(embBare)}x`.padEnd(9)} ${fmt(embLib)}x`,
    );
  }
  console.log(`\nsummary, p50 ratios (targets: ours/bare <= 1.5x, ours/@neo4j/graphql < 1x)`);
  console.log(`  ${'query'.padEnd(17)} ${'neo4j/bare'.padEnd(12)} ${'neo4j/lib'.padEnd(12)} ${'emb/bare'.padEnd(9)} emb/lib`);
  for (const line of summary) console.log(line);
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s${failed ? '; SOME ANSWERS WERE ERRORS (see above)' : ''}`);
} catch (error) {
  failed = true;
  console.error((error as Error).stack ?? error);
} finally {
  await shutdown();
}
process.exit(failed ? 1 : 0);
