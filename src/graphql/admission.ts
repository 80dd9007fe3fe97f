import type { RequestHandler } from 'express';
import { ApiErrorCode, errorBody } from './api-error.js';

/** How many GraphQL operations run at once, and how many wait, for how long (`KG_MAX_CONCURRENT`…). */
export interface AdmissionLimits {
  /** Operations executing at once; the next ones wait in the queue. */
  maxConcurrent: number;
  /** Operations waiting for a slot; past it a request is refused at once. */
  maxQueue: number;
  /** Longest an operation waits in the queue while the queue keeps up (it has been empty lately). */
  maxWaitMs: number;
  /** The queue is overloaded once it has not been empty for this long (`KG_QUEUE_OVERLOAD_MS`). */
  overloadAfterMs: number;
  /** Longest an operation waits while the queue is overloaded (`KG_QUEUE_OVERLOAD_WAIT_MS`). */
  overloadWaitMs: number;
}

/**
 * Sized with `npm run bench:soak` on 2 cores (README, Benchmarks): past a few operations at once
 * neither store answers more per second — the embedded store's work is all on this thread, and a
 * Neo4j on the same cores is bounded by them — while each one more that runs per turn of the event
 * loop delays new connections by its time. A Neo4j on its own machine may want more
 * (KG_MAX_CONCURRENT). A burst waits up to 5 s for its turn; a queue that stays backed up for
 * 200 ms is overload, not a burst, and then nobody waits more than 100 ms (see `Admission`).
 */
export const DEFAULT_ADMISSION: AdmissionLimits = { maxConcurrent: 8, maxQueue: 256, maxWaitMs: 5_000, overloadAfterMs: 200, overloadWaitMs: 100 };

/**
 * Why a request was refused: the queue was full when it came, it waited `maxWaitMs`, or it waited
 * `overloadWaitMs` while the queue was overloaded.
 */
export type Refusal = 'queue-full' | 'waited-too-long' | 'overloaded';

interface Waiter {
  /** Takes the slot: from now on `leave` frees it. */
  reserve: () => void;
  start: () => void;
  refuse: (why: Refusal) => void;
  timer: NodeJS.Timeout;
  /** performance.now() when it was queued. */
  since: number;
}

/**
 * A counting semaphore with a bounded, adaptive queue: the admission of operations to the server.
 * Own code rather than p-limit/p-queue: neither bounds its queue or refuses work, and refusing is
 * the point here.
 *
 * The queue follows Facebook's "Fail at Scale" (CoDel with adaptive LIFO). While it keeps up — it
 * has been empty within the last `overloadAfterMs` — it absorbs a burst: first come, first served,
 * each waiting up to `maxWaitMs`. Once it has stayed non-empty for longer, arrivals outpace the
 * slots and waiting only makes every answer later (with a closed loop of clients, latency grows to
 * clients ÷ throughput): then an arrival may wait `overloadWaitMs` only, the ones already waiting
 * longer than that are refused, and the newest waiter is served first (LIFO), since its client is
 * the one most likely still there, and the oldest are the ones to refuse. Refusals say when to come
 * back (Retry-After), so well-behaved clients step away and the ones served are served quickly.
 */
export class Admission {
  #running = 0;
  #started = 0;
  readonly #queue: Waiter[] = [];
  /** performance.now() when the queue was last seen empty. */
  #lastEmpty = performance.now();

  constructor(readonly limits: AdmissionLimits) {}

  /** Operations holding a slot. */
  get running(): number {
    return this.#running;
  }

  /** Operations admitted since the start (a count that moves while the server is busy). */
  get started(): number {
    return this.#started;
  }

  /** Operations waiting for one. */
  get waiting(): number {
    return this.#queue.length;
  }

  /** The queue has not been empty for longer than `overloadAfterMs`. */
  get overloaded(): boolean {
    return this.#queue.length > 0 && performance.now() - this.#lastEmpty > this.limits.overloadAfterMs;
  }

  /**
   * Calls `start` when the operation may run — in a later phase of the event loop (setImmediate)
   * when a slot is free, later from the queue — or `refuse` (once, instead) when the queue is full
   * or the wait too long. Returns `leave`, to call when the operation is over or its client gone:
   * it frees the slot or the queue place, and is idempotent.
   *
   * Why never at once: on the embedded store an operation runs start to end without yielding. The
   * event loop reads every socket that has a request in one phase; started there, each request
   * would run and free its slot before the next is read, the cap would never be reached, and one
   * turn of the loop would run every request that came in — 100+ under load, hundreds of
   * milliseconds in which neither `/healthz` is read nor a new connection accepted (Node accepts
   * one per turn). Deferred, requests are only parsed and queued in that phase, and at most
   * `maxConcurrent` run per turn.
   */
  enter(start: () => void, refuse: (why: Refusal) => void): () => void {
    let state: 'running' | 'waiting' | 'done' = 'done';
    const leave = (): void => {
      if (state === 'running') {
        state = 'done';
        this.#running--;
        this.#startNext();
      } else if (state === 'waiting') {
        state = 'done';
        clearTimeout(waiter.timer);
        this.#remove(waiter);
      }
    };
    const waiter: Waiter = {
      reserve: () => {
        state = 'running';
        this.#started++;
      },
      // Started from the queue: unless its client went away while the start was on its way.
      start: () => {
        if (state === 'running') start();
      },
      refuse: (why) => {
        state = 'done';
        refuse(why);
      },
      timer: undefined as unknown as NodeJS.Timeout,
      since: 0,
    };
    if (this.#running < this.limits.maxConcurrent && this.#queue.length === 0) {
      this.#running++;
      waiter.reserve();
      setImmediate(waiter.start);
      return leave;
    }
    const overloaded = this.overloaded;
    if (overloaded) this.#dropStale();
    if (this.#queue.length >= this.limits.maxQueue) {
      waiter.refuse('queue-full');
      return leave;
    }
    state = 'waiting';
    if (this.#queue.length === 0) this.#lastEmpty = performance.now();
    waiter.since = performance.now();
    const [wait, why]: [number, Refusal] = overloaded ? [this.limits.overloadWaitMs, 'overloaded'] : [this.limits.maxWaitMs, 'waited-too-long'];
    waiter.timer = setTimeout(() => {
      this.#remove(waiter);
      waiter.refuse(why);
    }, wait);
    this.#queue.push(waiter);
    return leave;
  }

  #remove(waiter: Waiter): void {
    const at = this.#queue.indexOf(waiter);
    if (at < 0) return;
    this.#queue.splice(at, 1);
    if (this.#queue.length === 0) this.#lastEmpty = performance.now();
  }

  /** Refuses the waiters queued longer than `overloadWaitMs`: the oldest, at the head of the queue. */
  #dropStale(): void {
    const now = performance.now();
    while (this.#queue.length > 0 && now - this.#queue[0]!.since > this.limits.overloadWaitMs) {
      const stale = this.#queue.shift()!;
      clearTimeout(stale.timer);
      stale.refuse('overloaded');
    }
    if (this.#queue.length === 0) this.#lastEmpty = now;
  }

  /** Hands free slots to waiters — the oldest while the queue keeps up, the newest once overloaded; each starts from setImmediate (see `enter`). */
  #startNext(): void {
    while (this.#running < this.limits.maxConcurrent && this.#queue.length > 0) {
      const next = this.overloaded ? this.#queue.pop()! : this.#queue.shift()!;
      if (this.#queue.length === 0) this.#lastEmpty = performance.now();
      clearTimeout(next.timer);
      this.#running++;
      next.reserve();
      setImmediate(next.start);
    }
  }
}

/** The `Retry-After` of every refusal: `maxWaitMs` in whole seconds, at least 1. */
export function retryAfterSeconds(limits: AdmissionLimits): number {
  return Math.max(1, Math.ceil(limits.maxWaitMs / 1000));
}

/**
 * How long the server keeps an idle connection open: past the `Retry-After` it gives, by 5 s, so
 * that a client which waits out a refusal finds its connection still open. Node's default (5 s,
 * the same as the default Retry-After) closed it just before the client came back, and every
 * refused client then opened a new one, just when the server was overloaded; under 200 clients on
 * Neo4j that put the served p99 at 2.6 s against 1.0 s with the connections kept (bench:soak).
 * Clients learn it from the `Keep-Alive: timeout=…` header (Node's agent and undici close idle
 * connections a second before it).
 */
export function keepAliveMs(limits: AdmissionLimits): number {
  return Math.max(5_000, (retryAfterSeconds(limits) + 5) * 1000);
}

/**
 * Express middleware admitting requests through `admission`: a request runs when admitted, and
 * past the queue (or its longest wait) is answered 503 OVERLOADED with `Retry-After`: the longest
 * a burst may wait (`maxWaitMs`, in whole seconds), whatever the reason, so that clients which
 * honour it stay away long enough for the ones served to be served quickly. The slot is
 * held until the response is sent or the client goes; after a TIMEOUT answer the operation may
 * still be finishing, so up to `maxConcurrent` more can briefly run — the timeout is the bound there.
 */
export function admit(admission: Admission): RequestHandler {
  const retryAfter = String(retryAfterSeconds(admission.limits));
  return (_req, res, next) => {
    const leave = admission.enter(
      () => next(),
      (why) => {
        if (res.headersSent) return;
        const { maxConcurrent, maxQueue, maxWaitMs, overloadWaitMs } = admission.limits;
        const message =
          why === 'queue-full'
            ? `The server is at capacity (${maxConcurrent} operations running, ${maxQueue} waiting); retry after ${retryAfter} s.`
            : why === 'overloaded'
              ? `The server is overloaded: its queue has been backed up for a while, and the request waited ${overloadWaitMs} ms for a turn; retry after ${retryAfter} s.`
              : `The server is at capacity: the request waited ${maxWaitMs / 1000} s for a turn; retry after ${retryAfter} s.`;
        res.status(503).set('Retry-After', retryAfter).json(errorBody(ApiErrorCode.OVERLOADED, message));
      },
    );
    // A client gone before this point has had its 'close' already: nothing else would free the slot.
    if (res.closed) leave();
    else res.once('close', leave);
  };
}
