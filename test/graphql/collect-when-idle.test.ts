import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectWhenIdle } from '../../src/graphql/collect-when-idle.js';

describe('collectWhenIdle', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const options = { idleMs: 1_000, minOperations: 100, rounds: 3 };

  function server() {
    const state = { operations: 0, busy: false, collections: 0 };
    const stop = collectWhenIdle(
      () => state.operations,
      () => state.busy,
      options,
      () => void state.collections++,
    );
    return { state, stop };
  }

  it('collects a few times, idleMs apart, once a burst is over, and then no more', () => {
    const { state, stop } = server();
    state.operations = 500;
    vi.advanceTimersByTime(500);
    expect(state.collections).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(state.collections).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(state.collections).toBe(2);
    vi.advanceTimersByTime(10_000);
    expect(state.collections).toBe(3);
    stop();
  });

  it('never collects while operations run, nor after a trickle of a few', () => {
    const { state, stop } = server();
    state.operations = 500;
    state.busy = true;
    vi.advanceTimersByTime(10_000);
    expect(state.collections).toBe(0);
    state.busy = false;
    vi.advanceTimersByTime(10_000);
    expect(state.collections).toBe(3);
    state.operations += 10;
    vi.advanceTimersByTime(10_000);
    expect(state.collections).toBe(3);
    stop();
  });

  it('stops collecting when stopped', () => {
    const { state, stop } = server();
    stop();
    state.operations = 500;
    vi.advanceTimersByTime(10_000);
    expect(state.collections).toBe(0);
  });
});
