import { afterEach, describe, expect, it, vi } from 'vitest';
import { Admission, DEFAULT_ADMISSION, keepAliveMs, type Refusal, retryAfterSeconds } from '../../src/graphql/admission.js';

/** One request through `admission`, recording what happened to it. */
function request(admission: Admission) {
  const seen: { started: boolean; refused?: Refusal } = { started: false };
  const leave = admission.enter(
    () => void (seen.started = true),
    (why) => void (seen.refused = why),
  );
  return { seen, leave };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A queue that is never judged overloaded within a test: plain first come, first served. */
const PLAIN = { overloadAfterMs: 600_000, overloadWaitMs: 100 };

describe('Admission', () => {
  afterEach(() => void vi.useRealTimers());

  it('runs up to maxConcurrent at once, queues the next ones and refuses past the queue at once', async () => {
    const admission = new Admission({ ...PLAIN, maxConcurrent: 2, maxQueue: 1, maxWaitMs: 1_000 });
    const [a, b, c, d] = [request(admission), request(admission), request(admission), request(admission)];
    // Even with a slot free, an operation starts in a later phase of the event loop, not inside `enter`.
    expect(a.seen.started).toBe(false);
    await nextTurn();
    expect([a, b, c, d].map((r) => r.seen.started)).toEqual([true, true, false, false]);
    expect(c.seen.refused).toBeUndefined();
    expect(d.seen.refused).toBe('queue-full');
    expect([admission.running, admission.waiting]).toEqual([2, 1]);
  });

  it('starts the queued operations in the order they came as slots free up, each in a later turn of the event loop', async () => {
    const admission = new Admission({ ...PLAIN, maxConcurrent: 1, maxQueue: 3, maxWaitMs: 1_000 });
    const first = request(admission);
    const queued = [request(admission), request(admission), request(admission)];
    first.leave();
    // The slot is taken at once (a newcomer cannot have it), the start comes from setImmediate.
    expect([admission.running, admission.waiting, queued[0]!.seen.started]).toEqual([1, 2, false]);
    const newcomer = request(admission);
    expect([newcomer.seen.started, admission.waiting]).toEqual([false, 3]);
    newcomer.leave();
    await nextTurn();
    expect(queued.map((r) => r.seen.started)).toEqual([true, false, false]);
    queued[0]!.leave();
    await nextTurn();
    expect(queued.map((r) => r.seen.started)).toEqual([true, true, false]);
    queued[1]!.leave();
    queued[2]!.leave();
    expect([admission.running, admission.waiting]).toEqual([0, 0]);
  });

  it('refuses an operation that waited maxWaitMs, and it never starts later', () => {
    vi.useFakeTimers();
    const admission = new Admission({ ...PLAIN, maxConcurrent: 1, maxQueue: 5, maxWaitMs: 500 });
    const running = request(admission);
    const waiting = request(admission);
    vi.advanceTimersByTime(499);
    expect(waiting.seen.refused).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(waiting.seen.refused).toBe('waited-too-long');
    expect(admission.waiting).toBe(0);
    running.leave();
    expect(waiting.seen.started).toBe(false);
    expect(admission.running).toBe(0);
  });

  it('lets a client that goes away free its queue place, and counts a leave once however often it is called', () => {
    vi.useFakeTimers();
    const admission = new Admission({ ...PLAIN, maxConcurrent: 1, maxQueue: 1, maxWaitMs: 500 });
    const running = request(admission);
    const gone = request(admission);
    gone.leave();
    expect(admission.waiting).toBe(0);
    const next = request(admission);
    expect(next.seen.refused).toBeUndefined();
    running.leave();
    running.leave();
    expect(admission.running).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(next.seen.started).toBe(true);
    expect(next.seen.refused).toBeUndefined();
    expect(gone.seen.refused).toBeUndefined();
  });

  it('does not start a queued operation whose client went away between its turn and its start', async () => {
    const admission = new Admission({ ...PLAIN, maxConcurrent: 1, maxQueue: 1, maxWaitMs: 1_000 });
    const running = request(admission);
    const queued = request(admission);
    running.leave();
    queued.leave();
    await nextTurn();
    expect(queued.seen.started).toBe(false);
    expect(admission.running).toBe(0);
  });

  it('refuses everything past the running ones with no queue at all', () => {
    const admission = new Admission({ ...PLAIN, maxConcurrent: 1, maxQueue: 0, maxWaitMs: 500 });
    request(admission);
    expect(request(admission).seen.refused).toBe('queue-full');
  });

  describe('once the queue stays backed up (CoDel, adaptive LIFO)', () => {
    const limits = { maxConcurrent: 1, maxQueue: 10, maxWaitMs: 5_000, overloadAfterMs: 200, overloadWaitMs: 100 };

    it('is not overloaded while the queue keeps emptying: an arrival waits the long wait', () => {
      vi.useFakeTimers();
      const admission = new Admission(limits);
      const running = request(admission);
      for (let i = 0; i < 5; i++) {
        const waiting = request(admission);
        vi.advanceTimersByTime(150);
        // Gone before the queue has been non-empty for 200 ms: the queue was empty again.
        waiting.leave();
      }
      expect(admission.overloaded).toBe(false);
      const late = request(admission);
      vi.advanceTimersByTime(4_999);
      expect(late.seen.refused).toBeUndefined();
      vi.advanceTimersByTime(1);
      expect(late.seen.refused).toBe('waited-too-long');
      running.leave();
    });

    it('gives an arrival overloadWaitMs once the queue has not been empty for overloadAfterMs, and refuses it as overloaded', () => {
      vi.useFakeTimers();
      const admission = new Admission(limits);
      request(admission);
      const first = request(admission);
      vi.advanceTimersByTime(199);
      expect(admission.overloaded).toBe(false);
      vi.advanceTimersByTime(2);
      expect(admission.overloaded).toBe(true);
      const late = request(admission);
      vi.advanceTimersByTime(100);
      expect(late.seen.refused).toBe('overloaded');
      // The one queued before had waited past overloadWaitMs when `late` came: refused then.
      expect(first.seen.refused).toBe('overloaded');
    });

    it('refuses, when a request comes, the waiters queued longer than overloadWaitMs', () => {
      vi.useFakeTimers();
      const admission = new Admission(limits);
      request(admission);
      const old = [request(admission), request(admission)];
      vi.advanceTimersByTime(150);
      const recent = request(admission);
      vi.advanceTimersByTime(60);
      const newcomer = request(admission);
      expect(old.map((r) => r.seen.refused)).toEqual(['overloaded', 'overloaded']);
      expect(recent.seen.refused).toBeUndefined();
      expect(newcomer.seen.refused).toBeUndefined();
      expect(admission.waiting).toBe(2);
    });

    it('serves the newest waiter first while overloaded, the oldest first otherwise', () => {
      vi.useFakeTimers();
      const admission = new Admission({ ...limits, overloadWaitMs: 1_000 });
      const running = request(admission);
      const [a, b] = [request(admission), request(admission)];
      vi.advanceTimersByTime(300);
      const c = request(admission);
      running.leave();
      vi.advanceTimersByTime(0);
      expect([a, b, c].map((r) => r.seen.started)).toEqual([false, false, true]);
      c.leave();
      vi.advanceTimersByTime(0);
      expect([a, b].map((r) => r.seen.started)).toEqual([false, true]);
      b.leave();
      vi.advanceTimersByTime(0);
      expect(a.seen.started).toBe(true);
      a.leave();
      // Empty again: the next queue is first come, first served.
      const next = request(admission);
      const [d, e] = [request(admission), request(admission)];
      next.leave();
      vi.advanceTimersByTime(0);
      expect([d, e].map((r) => r.seen.started)).toEqual([true, false]);
    });

    it('makes room in a full queue by refusing its stale waiters first', () => {
      vi.useFakeTimers();
      const admission = new Admission({ ...limits, maxQueue: 2 });
      request(admission);
      const stale = [request(admission), request(admission)];
      vi.advanceTimersByTime(250);
      const newcomer = request(admission);
      expect(stale.map((r) => r.seen.refused)).toEqual(['overloaded', 'overloaded']);
      expect(newcomer.seen.refused).toBeUndefined();
      expect(admission.waiting).toBe(1);
    });
  });

  it('keeps idle connections open past the Retry-After it gives, so a client that waits it out keeps its connection', () => {
    expect(retryAfterSeconds(DEFAULT_ADMISSION)).toBe(5);
    expect(keepAliveMs(DEFAULT_ADMISSION)).toBe(10_000);
    expect(retryAfterSeconds({ ...DEFAULT_ADMISSION, maxWaitMs: 300 })).toBe(1);
    // Never below Node's own default.
    expect(keepAliveMs({ ...DEFAULT_ADMISSION, maxWaitMs: 300 })).toBe(6_000);
    expect(keepAliveMs({ ...DEFAULT_ADMISSION, maxWaitMs: 30_000 })).toBe(35_000);
  });
});
