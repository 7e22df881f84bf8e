import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline';

describe('sparklinePath', () => {
  it('[SPARK-1] spans the box: lowest value at the bottom, highest at the top', () => {
    expect(sparklinePath([0, 10, 5], 100, 20)).toBe('M0.0,20.0 L50.0,0.0 L100.0,10.0');
  });
  it('[SPARK-2] a flat or single-point series stays inside the box; no data draws nothing', () => {
    expect(sparklinePath([3, 3], 10, 10)).toBe('M0.0,10.0 L10.0,10.0');
    expect(sparklinePath([7], 10, 10)).toBe('M5.0,10.0');
    expect(sparklinePath([], 10, 10)).toBe('');
  });
});
