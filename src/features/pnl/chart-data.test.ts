import { describe, expect, it } from 'vitest';
import type { Candle } from '../../protocol';
import { indexAt } from '../../stores';
import { createSummarizer, summarize, toBar } from './chart-data';

const candle = (t: number, close = '1.00'): Candle => ({
  accountId: 'A-1',
  interval: '1m',
  t,
  open: '1.00',
  high: '2.50',
  low: '-0.25',
  close,
});

describe('chart data', () => {
  it('[CHART-1] converts a candle to a bar at its start second', () => {
    expect(toBar(candle(1_700_000_040, '1.75'))).toEqual({
      time: 1_700_000_040,
      open: 1,
      high: 2.5,
      low: -0.25,
      close: 1.75,
    });
  });

  it('[CHART-2] finds a candle by start time', () => {
    const list = [60, 120, 180, 240].map((t) => candle(t));
    expect(indexAt(list, 60)).toBe(0);
    expect(indexAt(list, 240)).toBe(3);
    expect(indexAt(list, 150)).toBe(-1);
    expect(indexAt([], 60)).toBe(-1);
  });
});

describe('range summary', () => {
  it('[CHART-3] change, high and low in exact decimals', () => {
    const list: Candle[] = [
      { ...candle(60), open: '0.10', high: '0.30', low: '0.05', close: '0.20' },
      { ...candle(120), open: '0.20', high: '0.25', low: '-1.10', close: '0.30' },
    ];
    expect(summarize(list)).toEqual({
      first: '0.10',
      last: '0.30',
      change: '0.2', // 0.3 - 0.1 in floats is 0.19999999999999998
      high: '0.30',
      low: '-1.10',
    });
    expect(summarize([])).toBeUndefined();
  });
});

describe('incremental range summary', () => {
  it('[CHART-4] live updates and appends fold in without a rescan, and agree with a full scan', () => {
    const summarizer = createSummarizer();
    const c = (t: number, high: string, low: string): Candle => ({ ...candle(t), high, low });
    let list: Candle[] = [c(60, '5.00', '1.00'), c(120, '9.00', '2.00'), c(180, '3.00', '0.50')];
    expect(summarizer(list)).toEqual(summarize(list));
    // The live candle changes: a new array, same prefix objects.
    list = [...list.slice(0, 2), c(180, '12.00', '0.50')];
    expect(summarizer(list)).toMatchObject({ high: '12.00', low: '0.50' });
    // A candle is appended: the old live one joins the prefix.
    list = [...list, c(240, '4.00', '3.00')];
    expect(summarizer(list)).toEqual(summarize(list));
    expect(summarizer(list)).toMatchObject({ high: '12.00', low: '0.50' });
    // A reset (different first candle) rescans.
    list = [c(300, '1.00', '-1.00')];
    expect(summarizer(list)).toMatchObject({ high: '1.00', low: '-1.00' });
  });
});
