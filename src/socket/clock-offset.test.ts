import { describe, expect, it } from 'vitest';
import { ClockOffset } from './clock-offset';

describe('ClockOffset', () => {
  it('[CLOCK-1] reads 0 before any sample', () => {
    const clock = new ClockOffset();
    expect(clock.offsetMs).toBe(0);
    expect(clock.toLocal(1_000)).toBe(1_000);
  });

  it('[CLOCK-2] takes the midpoint of the round trip: a server 5 s ahead reads 5 s ahead', () => {
    const clock = new ClockOffset();
    // Sent at 1,000 local, answered with the server's 6,050, received at 1,100 local.
    clock.sample(1_000, 6_050, 1_100);
    expect(clock.offsetMs).toBe(5_000);
    expect(clock.toLocal(6_050)).toBe(1_050);
  });

  it('[CLOCK-3] keeps the sample with the shortest round trip, the tightest bound', () => {
    const clock = new ClockOffset();
    clock.sample(0, 2_000, 40); // rtt 40: offset 1,980
    clock.sample(100, 3_000, 900); // rtt 800: offset 2,500, looser
    expect(clock.offsetMs).toBe(1_980);
    clock.sample(1_000, 3_010, 1_020); // rtt 20: offset 2,000
    expect(clock.offsetMs).toBe(2_000);
  });

  it('[CLOCK-4] replaces an old best sample, since clocks drift', () => {
    const clock = new ClockOffset(60_000);
    clock.sample(0, 1_000, 10);
    clock.sample(70_000, 70_000 + 3_000 + 200, 70_400); // rtt 400 but the best is 70 s old
    expect(clock.offsetMs).toBe(3_000);
  });

  it('[CLOCK-5] ignores nonsense: no server time, or an answer before its request', () => {
    const clock = new ClockOffset();
    clock.sample(0, Number.NaN, 10);
    clock.sample(100, 5_000, 50);
    expect(clock.offsetMs).toBe(0);
  });
});
