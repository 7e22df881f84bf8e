import { describe, expect, it } from 'vitest';
import { ClockOffset } from './clock-offset';

describe('ClockOffset', () => {
  it('[CLOCK-1] reads 0 before any frame', () => {
    const clock = new ClockOffset();
    expect(clock.offsetMs).toBe(0);
    expect(clock.toLocal(1_000)).toBe(1_000);
  });

  it('[CLOCK-2] a server clock 5 s ahead reads 5 s ahead, from its fastest delivery', () => {
    const clock = new ClockOffset();
    clock.observe(6_000, 1_030); // 30 ms on the wire
    clock.observe(7_000, 2_010); // 10 ms: the tightest bound
    clock.observe(8_000, 3_900); // stuck behind a backlog: ignored
    expect(clock.offsetMs).toBe(4_990);
    expect(clock.toLocal(9_000)).toBe(4_010);
  });

  it('[CLOCK-3] a server clock behind this one works the same way', () => {
    const clock = new ClockOffset();
    clock.observe(1_000, 4_020);
    expect(clock.offsetMs).toBe(-3_020);
    expect(clock.toLocal(2_000) - 4_020).toBe(1_000);
  });

  it('[CLOCK-4] replaces an old estimate, since clocks drift', () => {
    const clock = new ClockOffset(60_000);
    clock.observe(1_000, 0);
    clock.observe(70_000 + 200, 70_000); // smaller bound, but the best is 70 s old
    expect(clock.offsetMs).toBe(200);
  });

  it('[CLOCK-5] ignores frames without a usable time', () => {
    const clock = new ClockOffset();
    clock.observe(Number.NaN, 10);
    clock.observe(10, Number.POSITIVE_INFINITY);
    expect(clock.offsetMs).toBe(0);
  });
});
