import { describe, expect, it } from 'vitest';
import { firstAtOrAfter } from '../../stores';
import { CHART_WINDOW, GROW_MARGIN, grownWindowStart, initialWindowStart } from './chart-window';

describe('chart window', () => {
  it('[CHART-WIN-1] the chart starts with the newest CHART_WINDOW candles, or all of a short series', () => {
    expect(initialWindowStart(525_601)).toBe(525_601 - CHART_WINDOW);
    expect(initialWindowStart(3_001)).toBe(0);
  });

  it('[CHART-WIN-2] scrolling back at least doubles the window, and reaches a candle asked for', () => {
    const n = 525_601;
    const start = initialWindowStart(n);
    const once = grownWindowStart(start, n);
    expect(n - once).toBe(2 * CHART_WINDOW);
    expect(n - grownWindowStart(once, n)).toBe(4 * CHART_WINDOW);
    // Home: the very first candle.
    expect(grownWindowStart(start, n, 0)).toBe(0);
    // A candle just left of the window is shown with some room to its left.
    expect(grownWindowStart(start, n, start - 1)).toBeLessThanOrEqual(start - 1 - GROW_MARGIN);
    // Scrolling back through a whole year is a handful of steps.
    let s = start;
    let steps = 0;
    while (s > 0) {
      s = grownWindowStart(s, n);
      steps++;
    }
    expect(steps).toBeLessThanOrEqual(6);
  });

  it('[CHART-WIN-3] firstAtOrAfter finds the first candle at or after a time', () => {
    const candles = [{ t: 60 }, { t: 120 }, { t: 180 }];
    expect(firstAtOrAfter(candles, 0)).toBe(0);
    expect(firstAtOrAfter(candles, 120)).toBe(1);
    expect(firstAtOrAfter(candles, 121)).toBe(2);
    expect(firstAtOrAfter(candles, 999)).toBe(3);
  });
});
