import type { RequestHandler } from 'express';
import { ApiErrorCode, errorBody } from './api-error.js';

/** How many GraphQL operations run at once, and how many wait, for how long (`KG_MAX_CONCURRENT`…). */
export interface AdmissionLimits {
  /** Operations executing at once; the next ones wait in the queue. */
  maxConcurrent: number;
  /** Operations waiting for a slot, first come first served; past it a request is refused at once. */
  maxQueue: number;
  /** Longest an operation waits in the queue before it is refused. */
  maxWaitMs: number;
}

/**
 * Sized with `npm run bench:soak` on 2 cores (README, Benchmarks): past a few operations at once
 * neither store answers more per second — the embedded store's work is all on this thread, and a
 * Neo4j on the same cores is bounded by them — while each one more that runs per turn of the event
 * loop delays `/healthz` and new connections by its time. A Neo4j on its own machine may want more
 * (KG_MAX_CONCURRENT). The queue holds 200 clients' requests without refusing any; past 5 s of
 * waiting an answer is of little use, and a refusal says when to come back.
 */
export const DEFAULT_ADMISSION: AdmissionLimits = { maxConcurrent: 8, maxQueue: 256, maxWaitMs: 5_000 };

/** Why a request was refused: the queue was full when it came, or it waited `maxWaitMs`. */
export type Refusal = 'queue-full' | 'waited-too-long';

interface Waiter {
  /** Takes the slot: from now on `leave` frees it. */
  reserve: () => void;
  start: () => void;
  refuse: (why: Refusal) => void;
  timer: NodeJS.Timeout;
}

/**
 * A counting semaphore with a bounded FIFO queue and a longest wait: the admission of operations
 * to the server. Own code rather than p-limit/p-queue: neither bounds its queue or refuses work,
 * and refusing is the point here.
 */
export class Admission {
  #running = 0;
  #started = 0;
  readonly #queue: Waiter[] = [];

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
        const at = this.#queue.indexOf(waiter);
        if (at >= 0) this.#queue.splice(at, 1);
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
    };
    if (this.#running < this.limits.maxConcurrent && this.#queue.length === 0) {
      this.#running++;
      waiter.reserve();
      setImmediate(waiter.start);
    } else if (this.#queue.length < this.limits.maxQueue) {
      state = 'waiting';
      waiter.timer = setTimeout(() => {
        const at = this.#queue.indexOf(waiter);
        if (at >= 0) this.#queue.splice(at, 1);
        waiter.refuse('waited-too-long');
      }, this.limits.maxWaitMs);
      this.#queue.push(waiter);
    } else {
      waiter.refuse('queue-full');
    }
    return leave;
  }

  /** Hands free slots to the oldest waiters; each starts from setImmediate (see `enter`). */
  #startNext(): void {
    while (this.#running < this.limits.maxConcurrent) {
      const next = this.#queue.shift();
      if (!next) return;
      clearTimeout(next.timer);
      this.#running++;
      next.reserve();
      setImmediate(next.start);
    }
  }
}

/**
 * Express middleware admitting requests through `admission`: a request runs when admitted, and
 * past the queue (or its longest wait) is answered 503 OVERLOADED with `Retry-After`. The slot is
 * held until the response is sent or the client goes; after a TIMEOUT answer the operation may
 * still be finishing, so up to `maxConcurrent` more can briefly run — the timeout is the bound there.
 */
export function admit(admission: Admission): RequestHandler {
  const retryAfter = String(Math.max(1, Math.ceil(admission.limits.maxWaitMs / 1000)));
  return (_req, res, next) => {
    const leave = admission.enter(
      () => next(),
      (why) => {
        if (res.headersSent) return;
        const message =
          why === 'queue-full'
            ? `The server is at capacity (${admission.limits.maxConcurrent} operations running, ${admission.limits.maxQueue} waiting); retry after ${retryAfter} s.`
            : `The server is at capacity: the request waited ${admission.limits.maxWaitMs / 1000} s for a turn; retry after ${retryAfter} s.`;
        res.status(503).set('Retry-After', retryAfter).json(errorBody(ApiErrorCode.OVERLOADED, message));
      },
    );
    // A client gone before this point has had its 'close' already: nothing else would free the slot.
    if (res.closed) leave();
    else res.once('close', leave);
  };
}
