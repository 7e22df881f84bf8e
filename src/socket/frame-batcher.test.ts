import { describe, expect, it } from 'vitest';
import { BEHIND_MS, createFrameBatcher, FRAME_MS, MAX_SKIPPED_FRAMES } from './frame-batcher';

/** A frame scheduler and clock the test drives by hand. */
function harness(budgetMs = 8) {
  let now = 0;
  let behind = 0;
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
    inboundDelay: () => behind,
  });
  return {
    b,
    flushed,
    /** How far behind the inbound queue is from now on. */
    setBehind(ms: number) {
      behind = ms;
    },
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

  it('[FB-4] while the stream queues up in front of the page, renders are held, at most MAX_SKIPPED_FRAMES in a row', () => {
    const h = harness();
    h.setBehind(BEHIND_MS + 1);
    h.b.request();
    for (let i = 0; i < MAX_SKIPPED_FRAMES; i++) h.frame();
    expect(h.flushed).toEqual([]);
    h.frame(); // held long enough: a render however far behind
    expect(h.flushed).toEqual([(MAX_SKIPPED_FRAMES + 1) * FRAME_MS]);
    expect(h.b.stats().behindFrames).toBe(MAX_SKIPPED_FRAMES);
    h.setBehind(BEHIND_MS - 1); // caught up: back to one render per frame
    h.b.request();
    h.frame();
    h.b.request();
    h.frame();
    expect(h.flushed).toHaveLength(3);
  });
});
