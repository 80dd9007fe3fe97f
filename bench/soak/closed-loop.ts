/**
 * The clients of `npm run bench:soak`: a closed loop of `connections` well-behaved clients, each on
 * a keep-alive connection of its own, sending the queries of the mix in turn, the next as soon as
 * the last is answered — unless it was refused with 503 and `Retry-After`: then the client waits
 * that many seconds (plus up to 20% jitter, so refused clients do not come back in step) before
 * its next request, as a well-behaved client does. Own code rather than autocannon, which cannot
 * pause one connection.
 */
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { SoakQuery } from './mix.js';

export interface LoadFigures {
  seconds: number;
  /** Latency of every answered request (data, no errors), ms. */
  served: number[];
  /** When each of them was sent, ms from the start of the run (same order). */
  servedAt: number[];
  /** The same per query of the mix. */
  byQuery: Map<string, number[]>;
  /** Latency of the answered requests sent on a connection opened for them, ms. */
  servedFresh: number[];
  /** Requests refused with 503 OVERLOADED, and the time their refusal took, ms. */
  shed: number[];
  /** Seconds the clients were told to wait (Retry-After), by value. */
  retryAfter: Map<string, number>;
  errors: number;
  errorSamples: string[];
  /** The clients' own event-loop delay, p99 and max (ms): when high, their latencies are partly their own. */
  clientLoop: { p99: number; max: number };
}

interface Answer {
  /** Sent on a connection opened for it (not one kept alive from an earlier request). */
  fresh: boolean;
  status: number;
  retryAfter: string | undefined;
  body: string;
}

function post(agent: Agent, url: URL, body: string, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: timeoutMs },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const retryAfter = res.headers['retry-after'];
          resolve({ fresh: !req.reusedSocket, status: res.statusCode ?? 0, retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined, body: text });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the closed loop against `url`/graphql for `seconds`; resolves with what every request got. */
export async function runClosedLoop(url: string, mix: readonly SoakQuery[], connections: number, seconds: number): Promise<LoadFigures> {
  const target = new URL('/graphql', url);
  const bodies = mix.map((q) => JSON.stringify(q.body));
  const figures: LoadFigures = {
    seconds,
    served: [],
    servedAt: [],
    servedFresh: [],
    byQuery: new Map(mix.map((q) => [q.name, []])),
    shed: [],
    retryAfter: new Map(),
    errors: 0,
    errorSamples: [],
    clientLoop: { p99: 0, max: 0 },
  };
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const error = (what: string) => {
    figures.errors++;
    if (figures.errorSamples.length < 5) figures.errorSamples.push(what.slice(0, 200));
  };
  const t0 = performance.now();
  const end = t0 + seconds * 1_000;
  const client = async (index: number): Promise<void> => {
    // Idle connections close a second before the server's `Keep-Alive: timeout=…` (Node's agent
    // takes that hint below its own timeout): a client waiting out Retry-After keeps its connection
    // when the server keeps it that long, and never sends on one the server is closing (ECONNRESET).
    const agent = new Agent({ keepAlive: true, maxSockets: 1, timeout: 60_000 });
    try {
      // Each client starts at its own place in the mix, so every query is in flight all along.
      for (let turn = index; performance.now() < end; turn++) {
        const at = turn % mix.length;
        const started = performance.now();
        let answer: Answer;
        try {
          answer = await post(agent, target, bodies[at]!, 30_000);
        } catch (failure) {
          error((failure as Error).message);
          await sleep(100);
          continue;
        }
        const ms = performance.now() - started;
        if (answer.status === 200 && answer.body.startsWith('{"data":') && !answer.body.includes('"errors":[')) {
          figures.served.push(ms);
          figures.servedAt.push(started - t0);
          if (answer.fresh) figures.servedFresh.push(ms);
          figures.byQuery.get(mix[at]!.name)!.push(ms);
        } else if (answer.status === 503 && answer.body.includes('"code":"OVERLOADED"')) {
          figures.shed.push(ms);
          const wait = Number(answer.retryAfter ?? '1');
          figures.retryAfter.set(String(wait), (figures.retryAfter.get(String(wait)) ?? 0) + 1);
          await sleep(Math.min(end - performance.now(), wait * 1_000 * (1 + Math.random() * 0.2)));
        } else {
          error(`HTTP ${answer.status} ${answer.body}`);
        }
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, i) => client(i)));
  delay.disable();
  figures.clientLoop = { p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 };
  return figures;
}
