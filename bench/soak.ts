/**
 * `npm run bench:soak`: the server under sustained overload. For each store (embedded on the
 * sample corpus, then Neo4j), `npm start`'s own entry point runs as a child process, so that the
 * RSS and event-loop delay measured are the server's alone; `--connections` well-behaved clients
 * (bench/soak/closed-loop.ts) keep it busy for `--duration` seconds, each sending the mixed reads
 * of bench/soak/mix.ts in turn and waiting out `Retry-After` when refused, while a probe in its
 * own thread GETs `/healthz` every 100 ms (a fresh connection each time, as an orchestrator's
 * probe does) — on the health port (KG_HEALTH_PORT, a thread of the server's own), or with
 * `--probe main` on the main port; the output says which.
 *
 * Prints per store: answered requests/s, latency p50/p99/max of the answered ones (as the clients
 * saw it, overall and per query, and as the server measured it from arrival to response end),
 * shed (503 OVERLOADED refusals, counted apart from errors, with their share and the Retry-After
 * given), errors (anything but an answer with data and no errors), `/healthz` p50/p99/max, the
 * server's and the clients' event-loop delay, and the server's RSS before the run (after a
 * warm-up), at its peak and after `--idle` seconds of rest. Targets: 0 errors, p99 <= 1 s,
 * `/healthz` <= 100 ms throughout, RSS back within 20% of where it started. Server limits come
 * from the environment as for `npm start` (KG_MAX_CONCURRENT, KG_MAX_QUEUE, KG_MAX_QUEUE_WAIT_MS,
 * KG_QUEUE_OVERLOAD_MS, KG_QUEUE_OVERLOAD_WAIT_MS, KG_HEALTH_STALE_MS), so settings can be
 * compared; KG_QUEUE_OVERLOAD_MS=600000 gives the plain first-come-first-served queue of before.
 *
 * Neo4j: NEO4J_URI when set (served as it is; loaded with the sample corpus when empty), else a
 * throw-away tools/neo4j-local. The embedded store keeps its folder in the temp dir between runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Command, InvalidArgumentError } from 'commander';
import { startLocalNeo4j, type LocalNeo4j } from '../scripts/start-local-neo4j.js';
import { type LoadFigures, runClosedLoop } from './soak/closed-loop.js';
import { MIX } from './soak/mix.js';
import type { ServerSample } from './soak/server-probe.js';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number');
  return n;
};
const options = new Command('bench:soak')
  .description('Sustained mixed load on the server, both stores: throughput, latency, errors, /healthz latency, RSS.')
  .option('--duration <seconds>', 'measured seconds per store', positive, 60)
  .option('--connections <n>', 'concurrent connections', positive, 200)
  .option('--warmup <seconds>', 'seconds of light load (10 connections) before RSS is first read', positive, 5)
  .option('--idle <seconds>', 'seconds of rest after the load before RSS is read again', positive, 15)
  .option('--stores <list>', 'comma-separated: embedded, neo4j', 'embedded,neo4j')
  .option('--probe <port>', 'where the /healthz probe goes: health (KG_HEALTH_PORT, its own thread) or main (PORT)', 'health')
  .parse()
  .opts<{ duration: number; connections: number; warmup: number; idle: number; stores: string; probe: string }>();
if (options.probe !== 'health' && options.probe !== 'main') throw new Error(`--probe takes health or main; got ${options.probe}`);
const stores = options.stores.split(',').map((s) => s.trim());
for (const s of stores) if (s !== 'embedded' && s !== 'neo4j') throw new Error(`--stores takes embedded and/or neo4j; got ${s}`);

const DATA_DIR = join(tmpdir(), 'paper-kg-soak');
/** The first seconds of the load, while the connections open. */
const RAMP_MS = 5_000;
const TARGETS = { p99Ms: 1_000, healthMs: 100, rssGrowth: 0.2 };

interface HealthFigures {
  count: number;
  failed: number;
  p50: number;
  p99: number;
  max: number;
}

function healthFigures(times: number[]): HealthFigures {
  const ok = times.filter((t) => t >= 0).sort((a, b) => a - b);
  return { count: times.length, failed: times.length - ok.length, p50: percentile(ok, 50), p99: percentile(ok, 99), max: ok.at(-1) ?? NaN };
}

interface StoreResult {
  store: string;
  /** Answered requests per second. */
  rps: number;
  requests: number;
  /** Of the answered requests. */
  latency: { p50: number; p99: number; max: number };
  /** The same measured in the server, from a request's arrival to its response's end; and of its refusals. */
  serverLatency: { p50: number; p99: number; max: number };
  serverRefusal: { p50: number; p99: number; max: number };
  clientLoop: { p99: number; max: number };
  /** Answered requests sent on a new connection: how many, and their latency. */
  fresh: { count: number; p50: number; p99: number; max: number };
  /** The same for the requests sent after RAMP_MS, once the connections are open. */
  steadyLatency: { p50: number; p99: number; max: number };
  byQuery: Array<{ name: string; count: number; p50: number; p99: number }>;
  ok: number;
  shed: number;
  /** How long a refusal took, p99 (ms), and the Retry-After values given. */
  shedP99: number;
  retryAfter: string;
  errors: number;
  errorSamples: string[];
  /** Where /healthz was probed. */
  probed: string;
  health: HealthFigures;
  /** The same from RAMP_MS on, once every connection is open. */
  steadyHealth: HealthFigures;
  /** /healthz and the event-loop delay with the server idle, just before the load: the machine's own floor. */
  idle: { health: HealthFigures; loop: { p99: number; max: number } };
  loop: { p99: number; max: number };
  rss: { before: number; peak: number; after: number };
  heap: { before: number; after: number };
  /** The machine's 1-minute load average at the end of the run: other processes on the cores show here. */
  load: number;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

interface ServerUnderTest {
  url: string;
  /** The health port's origin, when the server has one. */
  healthUrl?: string;
  child: ChildProcess;
  sample(): Promise<ServerSample>;
  stop(): Promise<void>;
}

/** `src/main.ts` in a child process with the probe preloaded; resolves once it serves. */
async function startServerProcess(env: Record<string, string>): Promise<ServerUnderTest> {
  const port = await freePort();
  const healthPort = options.probe === 'health' ? await freePort() : undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './bench/soak/server-probe.ts', 'src/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      KG_HEALTH_PORT: healthPort === undefined ? '' : String(healthPort),
      KG_DATA_DIR: DATA_DIR,
      KG_CORPUS: 'data/papers',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  // The GraphQL line comes first, then the liveness line when there is a health port.
  const [url, healthUrl] = await new Promise<[string, string | undefined]>((resolve, reject) => {
    let url = '';
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const graphql = /GraphQL at (http:\/\/\S+)\/graphql/.exec(line);
      if (graphql) {
        url = graphql[1]!;
        if (healthPort === undefined) resolve([url, undefined]);
      }
      const health = /liveness at (http:\/\/\S+)\/healthz/.exec(line);
      if (health) resolve([url, health[1]!]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before serving`)));
  });
  const sample = () =>
    new Promise<ServerSample>((resolve) => {
      const onMessage = (message: ServerSample) => {
        if (message.type !== 'sample') return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.send({ type: 'sample' });
    });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return { url, ...(healthUrl ? { healthUrl } : {}), child, sample, stop };
}

/** Every query of the mix answers with data and no errors; the reasons of those that do not. */
async function checkAnswers(url: string): Promise<string[]> {
  const problems: string[] = [];
  for (const q of MIX) {
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q.body) });
    const text = await response.text();
    const json = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (response.status !== 200 || json.errors || !json.data || Object.values(json.data).some((v) => v === null)) {
      problems.push(`${q.name}: HTTP ${response.status} ${text.slice(0, 300)}`);
    }
  }
  return problems;
}

/** A thread that GETs /healthz every 100 ms until told to stop, then posts [when, latency] pairs (ms; latency -1 for a failure). */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const times = [];
let stopping = false;
const t0 = performance.now();
parentPort.on('message', () => { stopping = true; });
const once = () => new Promise((resolve) => {
  const started = performance.now();
  const request = http.get(workerData.url + '/healthz', { agent: false, timeout: 5000 }, (response) => {
    response.resume();
    response.on('end', () => resolve(response.statusCode === 200 ? performance.now() - started : -1));
  });
  request.on('timeout', () => request.destroy(new Error('timeout')));
  request.on('error', () => resolve(-1));
});
(async () => {
  while (!stopping) {
    const started = performance.now();
    times.push([started - t0, await once()]);
    const rest = 100 - (performance.now() - started);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
  parentPort.postMessage(times);
})();
`;

function startHealthProbe(url: string): { stop(): Promise<Array<[number, number]>> } {
  const worker = new Worker(PROBE, { eval: true, workerData: { url } });
  const done = new Promise<Array<[number, number]>>((resolve) => worker.once('message', resolve));
  return {
    stop: async () => {
      worker.postMessage('stop');
      const times = await done;
      await worker.terminate();
      return times;
    },
  };
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

async function soak(store: string, env: Record<string, string>): Promise<StoreResult> {
  const started = performance.now();
  const server = await startServerProcess(env);
  try {
    console.log(`\n[${store}] serving at ${server.url} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const problems = await checkAnswers(server.url);
    if (problems.length > 0) throw new Error(`some queries of the mix do not answer:\n  ${problems.join('\n  ')}`);
    await runClosedLoop(server.url, MIX, 10, options.warmup);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await server.sample();
    const probeUrl = server.healthUrl ?? server.url;
    const probed = server.healthUrl ? `${probeUrl}/healthz (health port, a thread of its own)` : `${probeUrl}/healthz (main port)`;
    console.log(`[${store}] probing ${probed}`);
    const idleProbe = startHealthProbe(probeUrl);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const idleHealth = healthFigures((await idleProbe.stop()).map(([, t]) => t));
    const before = await server.sample();
    console.log(`[${store}] warmed up; RSS ${mib(before.rss)}; ${options.connections} connections for ${options.duration} s`);

    let peak = before.rss;
    let loop = { p99: 0, max: 0 };
    const inServer = { answered: [] as number[], refused: [] as number[] };
    const sampler = setInterval(() => {
      void server.sample().then((s) => {
        inServer.answered.push(...s.answered);
        inServer.refused.push(...s.refused);
        peak = Math.max(peak, s.rss);
        loop = { p99: Math.max(loop.p99, s.loop.p99), max: Math.max(loop.max, s.loop.max) };
      });
    }, 1_000);
    const probe = startHealthProbe(probeUrl);
    const figures = await runClosedLoop(server.url, MIX, options.connections, options.duration);
    const healthTimes = await probe.stop();
    clearInterval(sampler);

    console.log(`[${store}] resting ${options.idle} s`);
    await new Promise((resolve) => setTimeout(resolve, options.idle * 1_000));
    const after = await server.sample();
    const served = [...figures.served].sort((a, b) => a - b);
    return {
      store,
      rps: figures.served.length / figures.seconds,
      requests: figures.served.length + figures.shed.length + figures.errors,
      latency: { p50: percentile(served, 50), p99: percentile(served, 99), max: served.at(-1) ?? NaN },
      serverLatency: latencyFigures(inServer.answered),
      serverRefusal: latencyFigures(inServer.refused),
      clientLoop: figures.clientLoop,
      fresh: { count: figures.servedFresh.length, ...latencyFigures(figures.servedFresh) },
      steadyLatency: latencyFigures(figures.served.filter((_, i) => figures.servedAt[i]! >= RAMP_MS)),
      byQuery: byQuery(figures),
      ok: figures.served.length,
      shed: figures.shed.length,
      shedP99: percentile(
        [...figures.shed].sort((a, b) => a - b),
        99,
      ),
      retryAfter: [...figures.retryAfter].map(([seconds, n]) => `${seconds} s × ${n}`).join(', ') || '-',
      // Connection errors and client timeouts are errors too.
      errors: figures.errors,
      errorSamples: figures.errorSamples,
      probed,
      health: healthFigures(healthTimes.map(([, t]) => t)),
      // While the connections open, the server accepts one per turn of its event loop (libuv), and a
      // probe's new connection waits behind the ones not yet accepted.
      steadyHealth: healthFigures(healthTimes.filter(([at]) => at >= RAMP_MS).map(([, t]) => t)),
      idle: { health: idleHealth, loop: { p99: before.loop.p99, max: before.loop.max } },
      loop,
      rss: { before: before.rss, peak, after: after.rss },
      heap: { before: before.heapUsed, after: after.heapUsed },
      load: loadavg()[0]!,
    };
  } finally {
    await server.stop();
  }
}

function latencyFigures(times: number[]): StoreResult['latency'] {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

function byQuery(figures: LoadFigures): StoreResult['byQuery'] {
  return [...figures.byQuery].map(([name, times]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { name, count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  });
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : '-');
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

function report(r: StoreResult): void {
  const growth = r.rss.after / r.rss.before - 1;
  console.log(
    `\n[${r.store}] ${options.connections} connections × ${options.duration} s, ${MIX.length} queries in turn; load average ${r.load.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const shedShare = r.requests > 0 ? (100 * r.shed) / r.requests : 0;
  console.log(
    `  answered/s        ${r.rps.toFixed(0)} (${r.requests} requests: ${r.ok} answered, ${r.shed} shed with 503 OVERLOADED = ${shedShare.toFixed(1)}%)`,
  );
  console.log(
    `  latency, answered p50 ${ms(r.latency.p50)}, p99 ${ms(r.latency.p99)}, max ${ms(r.latency.max)}   (p99 target <= 1 s: ${verdict(r.latency.p99 <= TARGETS.p99Ms)})`,
  );
  console.log(
    `  after ${RAMP_MS / 1000} s          p50 ${ms(r.steadyLatency.p50)}, p99 ${ms(r.steadyLatency.p99)}, max ${ms(r.steadyLatency.max)}   (requests sent once the connections are open)`,
  );
  console.log(
    `  in the server     answered p50 ${ms(r.serverLatency.p50)}, p99 ${ms(r.serverLatency.p99)}, max ${ms(r.serverLatency.max)}; refused p99 ${ms(r.serverRefusal.p99)}, max ${ms(r.serverRefusal.max)}   (arrival to response end)`,
  );
  console.log(
    `  on a new connection ${r.fresh.count} answered: p50 ${ms(r.fresh.p50)}, p99 ${ms(r.fresh.p99)}, max ${ms(r.fresh.max)}   (the others reused a kept-alive one)`,
  );
  console.log(`  shed              refused within ${ms(r.shedP99)} (p99); Retry-After given: ${r.retryAfter}; the clients waited it out`);
  console.log(`  per query         ${r.byQuery.map((q) => `${q.name} ${ms(q.p50)}/${ms(q.p99)}`).join(', ')}   (p50/p99, answered)`);
  console.log(
    `  errors            ${r.errors}   (target 0: ${verdict(r.errors === 0)})${r.errorSamples.length ? `\n    e.g. ${r.errorSamples.join('\n    e.g. ')}` : ''}`,
  );
  console.log(`  /healthz probed   ${r.probed}`);
  console.log(
    `  /healthz          ${r.health.count} probes, ${r.health.failed} failed; p50 ${ms(r.health.p50)}, p99 ${ms(r.health.p99)}, max ${ms(r.health.max)}   (target <= 100 ms throughout: ${verdict(r.health.failed === 0 && r.health.max <= TARGETS.healthMs)})`,
  );
  console.log(
    `  /healthz after ${RAMP_MS / 1000} s ${r.steadyHealth.count} probes, ${r.steadyHealth.failed} failed; p50 ${ms(r.steadyHealth.p50)}, p99 ${ms(r.steadyHealth.p99)}, max ${ms(r.steadyHealth.max)}   (once the connections are open)`,
  );
  console.log(
    `  event-loop delay  p99 ${ms(r.loop.p99)}, max ${ms(r.loop.max)} (worst 1-s window, in the server); the clients' own: p99 ${ms(r.clientLoop.p99)}, max ${ms(r.clientLoop.max)}`,
  );
  console.log(
    `  idle, before load /healthz p50 ${ms(r.idle.health.p50)}, max ${ms(r.idle.health.max)}; event-loop delay p99 ${ms(r.idle.loop.p99)}, max ${ms(r.idle.loop.max)} (the machine's floor)`,
  );
  console.log(
    `  RSS               before ${mib(r.rss.before)}, peak ${mib(r.rss.peak)}, after ${options.idle} s idle ${mib(r.rss.after)}; V8 heap used ${mib(r.heap.before)} → ${mib(r.heap.after)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)}%; target within 20%: ${verdict(Math.abs(growth) <= TARGETS.rssGrowth || growth < 0)})`,
  );
}

let local: LocalNeo4j | undefined;
let failed = false;
process.once('SIGINT', () => void (local?.stop() ?? Promise.resolve()).finally(() => process.exit(130)));
try {
  await mkdir(DATA_DIR, { recursive: true });
  const limits = ['KG_MAX_CONCURRENT', 'KG_MAX_QUEUE', 'KG_MAX_QUEUE_WAIT_MS', 'KG_QUEUE_OVERLOAD_MS', 'KG_QUEUE_OVERLOAD_WAIT_MS', 'KG_HEALTH_STALE_MS']
    .map((name) => `${name}=${process.env[name] ?? '(default)'}`)
    .join(' ');
  console.log(`bench:soak: ${options.connections} connections × ${options.duration} s per store; ${limits}`);
  const results: StoreResult[] = [];
  for (const store of stores) {
    if (store === 'embedded') {
      results.push(await soak('embedded', { NEO4J_URI: '' }));
    } else {
      let uri = process.env['NEO4J_URI'];
      if (!uri) {
        local = await startLocalNeo4j({ args: ['--exit-with-parent'] });
        uri = local.uri;
      }
      console.log(`\nNeo4j at ${uri}${local ? ' (tools/neo4j-local, throw-away)' : ' (NEO4J_URI)'}`);
      results.push(await soak('neo4j', { NEO4J_URI: uri }));
    }
    report(results.at(-1)!);
  }
} catch (error) {
  failed = true;
  console.error((error as Error).stack ?? error);
} finally {
  await local?.stop();
}
process.exit(failed ? 1 : 0);
