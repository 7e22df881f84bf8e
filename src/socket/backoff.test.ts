import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('[BACKOFF-1] 1 s doubling, capped at 60 s, jittered within [step/2, step]', () => {
    const steps = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [
      backoffDelay(n, { random: () => 0 }),
      backoffDelay(n, { random: () => 1 }),
    ]);
    expect(steps).toEqual([
      [500, 1000],
      [1000, 2000],
      [2000, 4000],
      [4000, 8000],
      [8000, 16000],
      [16000, 32000],
      [30000, 60000],
      [30000, 60000],
      [30000, 60000],
    ]);
  });

  it('[BACKOFF-2] never exceeds the cap and never goes below half a step', () => {
    for (let attempt = 1; attempt < 40; attempt++) {
      const d = backoffDelay(attempt);
      expect(d).toBeLessThanOrEqual(BACKOFF_MAX_MS);
      expect(d).toBeGreaterThanOrEqual(Math.min(BACKOFF_MAX_MS, 1000 * 2 ** (attempt - 1)) / 2);
    }
  });
});
