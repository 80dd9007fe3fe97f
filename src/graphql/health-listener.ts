import { Worker } from 'node:worker_threads';

/** The liveness listener on a port of its own (`KG_HEALTH_PORT`, `KG_HEALTH_STALE_MS`). */
export interface HealthListenerOptions {
  /** Port to listen on; 0 for any free one (tests). */
  port: number;
  host: string;
  /** A heartbeat older than this answers 503: the main event loop is wedged. */
  staleMs: number;
  /** How often the main thread writes its heartbeat; DEFAULT_HEALTH.heartbeatMs unless given. */
  heartbeatMs?: number;
  /** Told when the thread fails after it started listening (it then no longer answers). */
  onFailure?: (error: Error) => void;
}

export interface HealthListener {
  url: string;
  /** Stops the heartbeat, closes the port and ends the thread; idempotent. */
  close(): Promise<void>;
}

/**
 * A heartbeat every 100 ms costs nothing measurable and resolves staleness well below any useful
 * threshold. 5 s is the default threshold: far above the longest pause a healthy server makes
 * (under 200 connections the loop's worst delay was under 100 ms; a full GC of a big heap takes a
 * few hundred), so a busy server is never reported dead, and half the 10 s request timeout, so a
 * loop wedged for longer than any request may run is.
 */
export const DEFAULT_HEALTH = { heartbeatMs: 100, staleMs: 5_000 };

/**
 * Starts `GET /healthz` on its own port, answered by a worker thread with its own HTTP server: a
 * probe neither waits in the main thread's accept queue nor for its event loop. The main thread
 * writes a heartbeat into shared memory every `heartbeatMs`; the worker answers 200 while the
 * heartbeat is at most `staleMs` old and 503 past that, so liveness stays truthful. Resolves once
 * the port listens; rejects when it cannot (a port in use), with the thread ended.
 */
export async function startHealthListener(options: HealthListenerOptions): Promise<HealthListener> {
  const heartbeat = new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT);
  const beats = new BigInt64Array(heartbeat);
  const beat = (): void => void Atomics.store(beats, 0, process.hrtime.bigint());
  beat();
  const worker = new Worker(new URL('./health-worker.mjs', import.meta.url), {
    workerData: { heartbeat, port: options.port, host: options.host, staleMs: options.staleMs },
    // None of the process's flags: it needs no loader (it is plain JavaScript), and a preload
    // such as `--import tsx` or a profiler would only slow its start or fail in a worker.
    execArgv: [],
    // Its own small heap: it holds one server and a few sockets.
    resourceLimits: { maxOldGenerationSizeMb: 32 },
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      worker.on('message', (message: { type: string; port?: number; message?: string }) => {
        if (message.type === 'listening') resolve(message.port!);
        if (message.type === 'error') reject(new Error(`the health port ${options.port} could not be opened: ${message.message}`));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the health listener's thread ended with code ${code} before listening`)));
    });
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  let closing: Promise<void> | undefined;
  let failure: Error | undefined;
  worker.on('error', (error) => void (failure = error));
  worker.once('exit', (code) => {
    if (!closing) options.onFailure?.(failure ?? new Error(`the health listener's thread ended with code ${code}`));
  });
  // The heartbeat is the main thread's sign of life, so it runs here, on the main event loop;
  // neither it nor the thread keeps a process alive that has nothing else to do.
  const timer = setInterval(beat, options.heartbeatMs ?? DEFAULT_HEALTH.heartbeatMs);
  timer.unref();
  worker.unref();
  return {
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
    close: () =>
      (closing ??= (async () => {
        clearInterval(timer);
        worker.postMessage({ type: 'stop' });
        // A thread that does not stop in time (it never should) is ended.
        const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, 2_000, false))]);
        if (!stopped) await worker.terminate();
      })()),
  };
}
