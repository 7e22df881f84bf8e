import { describe, expect, it } from 'vitest';
import { samplePosition } from '../../testing/store-samples';
import { pnlBySymbol } from './pnl-by-symbol';
import { rangeFirstDay, rangeFromParams, subscriptionStart } from './performance-range';

const iso = (s: number) => new Date(s * 1000).toISOString().slice(0, 10);

describe('performance page', () => {
  const now = Date.UTC(2026, 11, 9, 15, 30) / 1000; // Wednesday 2026-12-09 15:30 UTC

  it('[PERF-RANGE-1] each range starts on its UTC day; the stream starts the day before the calendar', () => {
    expect(iso(rangeFirstDay('1W', now))).toBe('2026-12-03');
    expect(iso(rangeFirstDay('1M', now))).toBe('2026-11-10');
    expect(iso(rangeFirstDay('3M', now))).toBe('2026-09-10');
    expect(iso(rangeFirstDay('YTD', now))).toBe('2026-01-01');
    expect(iso(rangeFirstDay('1Y', now))).toBe('2025-12-08');
    expect(subscriptionStart(now)).toBe('2025-12-07T00:00:00.000Z');
    expect(rangeFromParams(new URLSearchParams('range=3M'))).toBe('3M');
    expect(rangeFromParams(new URLSearchParams('range=2Y'))).toBe('1Y');
  });

  it('[PERF-SYM-1] today per symbol is realized today plus unrealized; options count under their underlying', () => {
    const { rows, total } = pnlBySymbol([
      samplePosition({ symbol: 'TSLA', todayRealizedPnL: '10.10', unrealizedPnL: '-0.20' }),
      samplePosition({ symbol: 'AAPL', todayRealizedPnL: '0', unrealizedPnL: '5.05' }),
      samplePosition({
        symbol: 'AAPL  261218C00200000',
        underlying: 'AAPL',
        todayRealizedPnL: '-1.00',
        unrealizedPnL: '0.30',
      }),
    ]);
    expect(rows).toEqual([
      { symbol: 'AAPL', positions: 2, realized: '-1', unrealized: '5.35', total: '4.35' },
      { symbol: 'TSLA', positions: 1, realized: '10.1', unrealized: '-0.2', total: '9.9' },
    ]);
    expect(total).toMatchObject({
      positions: 3,
      realized: '9.1',
      unrealized: '5.15',
      total: '14.25',
    });
  });
});
