/**
 * Preloaded into the server under test by bench/soak.ts (`node --import tsx --import
 * ./bench/soak/server-probe.ts src/main.ts`): answers `{type: 'sample'}` over IPC with the
 * process's memory and its event-loop delay since the last sample, measured in-process
 * (perf_hooks.monitorEventLoopDelay), so the figures are the server's own and not the load
 * generator's. Changes nothing in the server.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ServerSample {
  type: 'sample';
  rss: number;
  heapTotal: number;
  heapUsed: number;
  /** Event-loop delay since the previous sample, milliseconds. */
  loop: { p50: number; p99: number; max: number };
}

if (process.send) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
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
    } satisfies ServerSample);
    delay.reset();
  });
  // The IPC channel must not keep a server alive that its own shutdown would end.
  process.channel?.unref();
}
