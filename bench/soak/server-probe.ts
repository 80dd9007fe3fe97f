/**
 * Preloaded into the server under test by bench/soak.ts (`node --import tsx --import
 * ./bench/soak/server-probe.ts src/main.ts`): answers `{type: 'sample'}` over IPC with the
 * process's memory and its event-loop delay since the last sample, measured in-process
 * (perf_hooks.monitorEventLoopDelay), and the time from each request's arrival (its headers
 * parsed) to its response's end, from Node's http diagnostics channels — so the figures are the
 * server's own and not the load generator's. Changes nothing in the server.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ServerSample {
  type: 'sample';
  rss: number;
  heapTotal: number;
  heapUsed: number;
  /** Event-loop delay since the previous sample, milliseconds. */
  loop: { p50: number; p99: number; max: number };
  /** Milliseconds from arrival to the end of the response, since the previous sample: 200 answers, and 503 refusals. */
  answered: number[];
  refused: number[];
}

if (process.send) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const arrived = new WeakMap<IncomingMessage, number>();
  let answered: number[] = [];
  let refused: number[] = [];
  subscribe('http.server.request.start', (message) => {
    const { request } = message as { request: IncomingMessage };
    // Read now: Express rewrites `url` under a mounted route.
    if (request.url?.startsWith('/graphql')) arrived.set(request, performance.now());
  });
  subscribe('http.server.response.finish', (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const since = arrived.get(request);
    if (since === undefined) return;
    if (response.statusCode === 200) answered.push(performance.now() - since);
    else if (response.statusCode === 503) refused.push(performance.now() - since);
  });
  process.on('message', (message: { type?: string }) => {
    if (message.type !== 'sample') return;
    const ms = (ns: number) => ns / 1e6;
    const { rss, heapTotal, heapUsed } = process.memoryUsage();
    process.send!({
      type: 'sample',
      rss,
      heapTotal,
      heapUsed,
      loop: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      answered,
      refused,
    } satisfies ServerSample);
    delay.reset();
    answered = [];
    refused = [];
  });
  // The IPC channel must not keep a server alive that its own shutdown would end.
  process.channel?.unref();
}
