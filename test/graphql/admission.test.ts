import { afterEach, describe, expect, it, vi } from 'vitest';
import { Admission, type Refusal } from '../../src/graphql/admission.js';

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

describe('Admission', () => {
  afterEach(() => void vi.useRealTimers());

  it('runs up to maxConcurrent at once, queues the next ones and refuses past the queue at once', async () => {
    const admission = new Admission({ maxConcurrent: 2, maxQueue: 1, maxWaitMs: 1_000 });
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
    const admission = new Admission({ maxConcurrent: 1, maxQueue: 3, maxWaitMs: 1_000 });
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
    const admission = new Admission({ maxConcurrent: 1, maxQueue: 5, maxWaitMs: 500 });
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
    const admission = new Admission({ maxConcurrent: 1, maxQueue: 1, maxWaitMs: 500 });
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
    const admission = new Admission({ maxConcurrent: 1, maxQueue: 1, maxWaitMs: 1_000 });
    const running = request(admission);
    const queued = request(admission);
    running.leave();
    queued.leave();
    await nextTurn();
    expect(queued.seen.started).toBe(false);
    expect(admission.running).toBe(0);
  });

  it('refuses everything past the running ones with no queue at all', () => {
    const admission = new Admission({ maxConcurrent: 1, maxQueue: 0, maxWaitMs: 500 });
    request(admission);
    expect(request(admission).seen.refused).toBe('queue-full');
  });
});
