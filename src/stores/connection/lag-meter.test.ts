import { describe, expect, it } from 'vitest';
import { BEHIND_AFTER_MS, LagMeter } from './lag-meter';

describe('LagMeter', () => {
  it('[LAG-1] is not behind with no updates, or with updates painted promptly', () => {
    const meter = new LagMeter();
    expect(meter.behindMs(10_000)).toBeUndefined();
    for (let t = 9_000; t < 10_000; t += 5) meter.record(t, 40);
    expect(meter.p95(10_000)).toBe(50);
    expect(meter.behindMs(10_000)).toBeUndefined();
  });

  it('[LAG-2] reads the p95 of the last second: 3.2 s behind shows as 3.2 s', () => {
    const meter = new LagMeter();
    for (let t = 9_000; t < 10_000; t += 1) meter.record(t, 3_180);
    expect(meter.behindMs(10_000)).toBe(3_200);
  });

  it('[LAG-3] a few slow updates among many prompt ones do not make it behind', () => {
    const meter = new LagMeter();
    for (let i = 0; i < 1_000; i++) meter.record(9_000 + i, i % 50 === 0 ? 5_000 : 30);
    expect(meter.behindMs(10_000)).toBeUndefined();
  });

  it('[LAG-4] clears once the slow second has passed and updates are prompt again', () => {
    const meter = new LagMeter();
    for (let t = 9_000; t < 10_000; t += 2) meter.record(t, 2_500);
    expect(meter.behindMs(10_000)).toBeGreaterThan(BEHIND_AFTER_MS);
    for (let t = 10_000; t < 11_000; t += 2) meter.record(t, 20);
    expect(meter.behindMs(11_000)).toBeUndefined();
    // And with no traffic at all after the slow second, nothing is behind either.
    const quiet = new LagMeter();
    for (let t = 0; t < 1_000; t += 2) quiet.record(t, 2_500);
    expect(quiet.behindMs(2_500)).toBeUndefined();
  });

  it('[LAG-5] caps absurd lags in the last bucket and negative ones in the first', () => {
    const meter = new LagMeter();
    meter.record(0, 10 * 60_000);
    expect(meter.p95(0)).toBe(60_000);
    const early = new LagMeter();
    early.record(0, -300);
    expect(early.p95(0)).toBe(50);
  });
});
