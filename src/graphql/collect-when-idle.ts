import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** When the idle collector runs its garbage collections (bench:soak measured the figures). */
export interface IdleCollection {
  /** Quiet this long (no operation started) before the first collection. */
  idleMs: number;
  /** Operations since the last round that make a burst worth collecting after. */
  minOperations: number;
  /** Full collections per round, one per `idleMs`: V8 gives pages back a part at a time. */
  rounds: number;
}

export const DEFAULT_IDLE_COLLECTION: IdleCollection = { idleMs: 2_000, minOperations: 200, rounds: 4 };

/** V8's full collection, exposed at run time (`--expose-gc` for new contexts), or undefined where V8 refuses. */
function exposeGc(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Gives the memory of a burst back once the server is quiet. After a burst the heap holds mostly
 * garbage — bench:soak found the live heap 4 MiB over its size before 200 connections' load, the
 * RSS 50–140 MiB over — and V8 collects only when it allocates, which an idle server does not, so
 * the RSS stayed up for good. Here, once `operations()` has not moved for `idleMs` after at least
 * `minOperations`, a few full collections run, `idleMs` apart (each some tens of milliseconds, at
 * a time nothing is running). Returns `stop`.
 */
export function collectWhenIdle(
  operations: () => number,
  busy: () => boolean,
  options: IdleCollection = DEFAULT_IDLE_COLLECTION,
  /** The collection to run: V8's own unless a test gives another. */
  gc: (() => void) | undefined = exposeGc(),
): () => void {
  if (!gc) return () => {};
  let seen = operations();
  let sinceRound = 0;
  let quietSince = performance.now();
  let collections = options.rounds;
  const timer = setInterval(() => {
    const now = performance.now();
    const count = operations();
    if (count !== seen || busy()) {
      sinceRound += count - seen;
      seen = count;
      quietSince = now;
      if (sinceRound >= options.minOperations) collections = 0;
      return;
    }
    if (collections >= options.rounds || now - quietSince < options.idleMs * (collections + 1)) return;
    gc();
    collections++;
    sinceRound = 0;
  }, options.idleMs / 2);
  timer.unref();
  return () => clearInterval(timer);
}
