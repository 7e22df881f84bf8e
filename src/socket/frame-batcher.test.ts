import { describe, expect, it } from 'vitest';
import { createFrameBatcher, FRAME_MS } from './frame-batcher';

/** A frame scheduler and clock the test drives by hand. */
function harness(budgetMs = 8) {
  let now = 0;
  let pending: (() => void)[] = [];
  const flushed: number[] = [];
  const b = createFrameBatcher({
    flush: () => flushed.push(now),
    schedule: (cb) => {
      pending.push(cb);
      return () => (pending = pending.filter((x) => x !== cb));
    },
    clock: () => now,
    budgetMs,
  });
  return {
    b,
    flushed,
    /** Advance the clock by `ms` and run the frame callbacks scheduled so far. */
    frame(ms = FRAME_MS) {
      now += ms;
      const due = pending;
      pending = [];
      for (const cb of due) cb();
    },
  };
}

describe('frame batcher', () => {
  it('[FB-1] flushes once per frame however often work is requested', () => {
    const h = harness();
    h.b.request();
    h.b.request();
    h.frame();
    h.b.request();
    h.frame();
    expect(h.flushed).toEqual([16, 32]);
    expect(h.b.stats().lateFrames).toBe(0);
  });

  it('[FB-2] a frame that comes late (main thread behind) holds the next ones so renders collapse', () => {
    const h = harness();
    h.b.request();
    h.frame(60); // requested at 0, ran at 60: rendering is behind
    expect(h.flushed).toEqual([60]);
    h.b.request();
    h.frame(); // held
    h.frame(); // held
    expect(h.flushed).toEqual([60]);
    h.frame();
    expect(h.flushed).toEqual([60, 108]);
    expect(h.b.stats()).toMatchObject({ lateFrames: 1, skippedFrames: 2 });
  });
});
