import { describe, expect, it } from 'vitest';
import {
  dayFromParams,
  FIRST_SCREEN_CANDLES,
  firstScreenStart,
  pnlViewFromParams,
  rangeStart,
} from './pnl-range';

const NOW = Date.parse('2026-11-24T15:00:00Z');

describe('P&L view params', () => {
  it('[PNL-VIEW-1] defaults to today in 1-minute candles; a range brings its own interval', () => {
    expect(pnlViewFromParams(new URLSearchParams(''))).toEqual({ range: 'today', interval: '1m' });
    expect(pnlViewFromParams(new URLSearchParams('range=1Y'))).toEqual({
      range: '1Y',
      interval: '1d',
    });
    expect(pnlViewFromParams(new URLSearchParams('range=1Y&interval=15s'))).toEqual({
      range: '1Y',
      interval: '15s',
    });
  });

  it('[PNL-VIEW-2] hostile or incomplete values fall back', () => {
    expect(pnlViewFromParams(new URLSearchParams('range=10Y&interval=2m'))).toEqual({
      range: 'today',
      interval: '1m',
    });
    expect(pnlViewFromParams(new URLSearchParams('range=custom&from=<script>'))).toEqual({
      range: 'today',
      interval: '1h',
    });
    expect(pnlViewFromParams(new URLSearchParams('range=custom&from=2026-11-01T09:30'))).toEqual({
      range: 'custom',
      interval: '1h',
      from: '2026-11-01T09:30',
    });
  });

  it('[PNL-VIEW-3] start times', () => {
    // Today is the exchange's day: New York midnight (UTC−5 in November), wherever the browser is.
    expect(rangeStart({ range: 'today', interval: '1m' }, NOW)).toBe('2026-11-24T05:00:00.000Z');
    // 01:00 UTC on the 25th is still the 24th in New York.
    expect(rangeStart({ range: 'today', interval: '1m' }, Date.parse('2026-11-25T01:00:00Z'))).toBe(
      '2026-11-24T05:00:00.000Z',
    );
    expect(rangeStart({ range: '1W', interval: '1m' }, NOW)).toBe('2026-11-17T15:00:00.000Z');
    expect(rangeStart({ range: '1Y', interval: '1d' }, NOW)).toBe('2025-11-24T15:00:00.000Z');
    const custom = rangeStart({ range: 'custom', interval: '1h', from: '2026-11-01T09:30' }, NOW);
    // A custom start is a New York wall-clock minute; clocks fell back at 02:00 on 1 Nov 2026.
    expect(custom).toBe('2026-11-01T14:30:00.000Z');
    expect(rangeStart({ range: 'custom', interval: '1h', from: '2026-10-31T09:30' }, NOW)).toBe(
      '2026-10-31T13:30:00.000Z',
    );
    // Never in the future: a start after now is clamped to now.
    expect(rangeStart({ range: 'custom', interval: '1h', from: '2030-01-01T00:00' }, NOW)).toBe(
      new Date(NOW).toISOString(),
    );
  });

  it('[PNL-VIEW-4] a range many screens long starts with one screen of candles', () => {
    const year = rangeStart({ range: '1Y', interval: '1m' }, NOW);
    const quick = firstScreenStart('1m', year, NOW);
    expect(quick).toBe(new Date(NOW - FIRST_SCREEN_CANDLES * 60_000).toISOString());
    // A year of daily candles, a week of 15-minute ones: one request is enough.
    expect(firstScreenStart('1d', year, NOW)).toBeUndefined();
    expect(firstScreenStart('15m', rangeStart({ range: '1W', interval: '15m' }, NOW), NOW)).toBe(
      undefined,
    );
  });

  it('[PNL-DAY-1] ?day= is an exchange date the chart opens on at its midnight; anything else is ignored', () => {
    const day = (q: string) => dayFromParams(new URLSearchParams(q));
    expect(day('day=2026-11-23')).toBe(Date.parse('2026-11-23T05:00:00Z') / 1000);
    expect(day('day=2026-07-01')).toBe(Date.parse('2026-07-01T04:00:00Z') / 1000);
    expect(day('day=2026-11-23T10:00')).toBeUndefined();
    expect(day('day=2026-13-45')).toBeUndefined();
    expect(day('')).toBeUndefined();
  });
});
