import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candle } from '../../protocol';
import { calendarStart, calendarWeeks, CALENDAR_WEEKS, heatLevel } from './calendar';
import { dailyCsv } from './daily-csv';
import { createDailyPnl, dailyPnl, type DayPnl } from './daily-pnl';
import { createDayStats, dayStats } from './day-stats';
import { createDrawdown, drawdownOf } from './drawdown';

const NOV_2 = Date.UTC(2026, 10, 2) / 1000;
const H = 3600;
const D = 86_400;
/** New York's midnight starting 2 November (EST). */
const NY_2 = NOV_2 + 5 * 3600;

const candle = (t: number, open: string, close: string, interval: Candle['interval'] = '1h') => ({
  accountId: 'A-10001',
  interval,
  t,
  open,
  high: close,
  low: open,
  close,
});

const day = (n: number, pnl: string, close = '0'): DayPnl => ({
  day: `2026-11-0${n}`,
  t: NOV_2 + (n - 2) * D,
  close,
  pnl,
});

describe('daily P&L from candles', () => {
  it('[PERF-DAY-1] a day is its last close less the previous day’s; the first counts from its open', () => {
    const candles = [
      candle(NY_2, '0.00', '10.00'),
      candle(NY_2 + H, '10.00', '25.50'),
      candle(NY_2 + D, '25.50', '-4.25'),
      candle(NY_2 + D + H, '-4.25', '5.00'),
      candle(NY_2 + 2 * D, '5.00', '5.00'),
    ];
    // 21:00 in New York on the 2nd is already the 3rd in UTC, and still the 2nd's trading day.
    expect(dailyPnl([candle(NY_2, '0', '1'), candle(NY_2 + 21 * H, '1', '3')])).toEqual([
      { day: '2026-11-02', t: NOV_2, close: '3', pnl: '3' },
    ]);
    expect(dailyPnl(candles)).toEqual([
      { day: '2026-11-02', t: NOV_2, close: '25.50', pnl: '25.5' },
      { day: '2026-11-03', t: NOV_2 + D, close: '5.00', pnl: '-20.5' },
      { day: '2026-11-04', t: NOV_2 + 2 * D, close: '5.00', pnl: '0' },
    ]);
    // Daily candles: one a day; the first day's base is its own open.
    expect(dailyPnl([candle(NY_2, '3.00', '1.00', '1d')])).toEqual([
      { day: '2026-11-02', t: NOV_2, close: '1.00', pnl: '-2' },
    ]);
    expect(dailyPnl([])).toEqual([]);
  });

  it('[PERF-DAY-2] live ticks fold incrementally: the completed days keep their identity', () => {
    const fold = createDailyPnl();
    const a = [candle(NY_2, '0', '1'), candle(NY_2 + D, '1', '2')];
    const first = fold(a);
    const ticked = fold([a[0]!, candle(NY_2 + D, '1', '7')]);
    expect(ticked[0]).toBe(first[0]);
    expect(ticked[1]).toEqual({ day: '2026-11-03', t: NOV_2 + D, close: '7', pnl: '6' });
    const appended = fold([a[0]!, candle(NY_2 + D, '1', '7'), candle(NY_2 + 2 * D, '7', '4')]);
    expect(appended.map((d) => d.pnl)).toEqual(['1', '6', '-3']);
  });

  it('[PERF-DAY-3] incremental equals a fresh fold under any run of ticks and appends', () => {
    const cents = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => (c / 100).toFixed(2));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 30 }), cents), {
          minLength: 1,
          maxLength: 60,
        }),
        (ops) => {
          const fold = createDailyPnl();
          const list: Candle[] = [];
          let t = NOV_2;
          for (const [append, gapHours, close] of ops) {
            if (append || list.length === 0) {
              t += gapHours * H;
              list.push(candle(t, list.at(-1)?.close ?? '0.00', close));
            } else list[list.length - 1] = candle(t, list.at(-1)!.open, close);
            expect(fold(list.slice())).toEqual(dailyPnl(list));
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('day statistics', () => {
  const week = [
    day(1, '100.00'),
    day(2, '50.50'),
    day(3, '-30.25'),
    day(4, '0'),
    day(5, '-10.00'),
    day(6, '-20.00'),
    day(7, '75.10'),
  ];

  it('[PERF-STATS-1] a hand-computed week: totals, extremes, counts, streaks, average, median', () => {
    expect(dayStats(week)).toEqual({
      days: 7,
      total: '165.35',
      best: week[0],
      worst: week[2],
      winning: 3,
      losing: 3,
      flat: 1,
      longestWinning: { length: 2, from: '2026-11-01', to: '2026-11-02' },
      longestLosing: { length: 2, from: '2026-11-05', to: '2026-11-06' },
      current: { sign: 1, length: 1 },
      average: '23.62', // 165.35 / 7 = 23.621428…
      median: '0', // −30.25 −20 −10 [0] 50.50 75.10 100
    });
  });

  it('[PERF-STATS-2] an even count takes the mean of the two middle days; a losing run is current', () => {
    const s = dayStats(week.slice(0, 6))!;
    expect(s.median).toBe('-5'); // (−10 + 0) / 2
    expect(s.average).toBe('15.04'); // 90.25 / 6 = 15.041666…
    expect(s.current).toEqual({ sign: -1, length: 2 });
    expect(dayStats([day(1, '0.01'), day(2, '0.02')])!.median).toBe('0.015');
    expect(dayStats([])).toBeUndefined();
  });

  it('[PERF-STATS-3] incremental equals a fresh computation under any run of ticks and new days', () => {
    const cents = fc.integer({ min: -50_000, max: 50_000 }).map((c) => (c / 100).toFixed(2));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), cents), { minLength: 1, maxLength: 50 }),
        (ops) => {
          const stats = createDayStats();
          const days: DayPnl[] = [];
          for (const [append, pnl] of ops) {
            const d = { day: `d${days.length}`, t: days.length, close: '0', pnl };
            if (append || days.length === 0) days.push(d);
            else days[days.length - 1] = { ...d, day: `d${days.length - 1}` };
            expect(stats(days.slice())).toEqual(dayStats(days));
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('maximum drawdown', () => {
  const path = [0, 10, 4, 12, 3, 8, 13, 13].map((v, t) => ({ t, value: String(v) }));

  it('[PERF-DD-1] the largest fall from a running peak, its dates and its recovery', () => {
    expect(drawdownOf(path)).toEqual({
      amount: '9',
      peak: { t: 3, value: '12' },
      trough: { t: 4, value: '3' },
      recovered: 6,
      current: '0',
      high: { t: 6, value: '13' },
    });
    const open = drawdownOf(path.slice(0, 6))!;
    expect(open.recovered).toBeUndefined();
    expect(open.current).toBe('4'); // 12 − 8
    expect(drawdownOf(path.slice(0, 3))).toMatchObject({ amount: '6', recovered: undefined });
  });

  it('[PERF-DD-2] a path that never falls has none; cents stay exact', () => {
    expect(drawdownOf([0, 1, 2].map((v, t) => ({ t, value: String(v) })))).toMatchObject({
      amount: '0',
      peak: undefined,
      trough: undefined,
    });
    // 0.3 − 0.1 in binary floats is 0.19999999999999998.
    expect(
      drawdownOf([
        { t: 0, value: '0.3' },
        { t: 1, value: '0.1' },
      ])!.amount,
    ).toBe('0.2');
  });

  it('[PERF-DD-3] over candles it starts at the first open, and ticks fold incrementally', () => {
    const dd = createDrawdown<Candle>(
      (c) => ({ t: c.t, value: c.open }),
      (c) => ({ t: c.t, value: c.close }),
    );
    expect(dd([candle(0, '5.00', '1.00')])).toMatchObject({
      amount: '4',
      peak: { t: 0, value: '5.00' },
    });
    const cents = fc.integer({ min: -9_999, max: 9_999 }).map((c) => (c / 100).toFixed(2));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), cents), { minLength: 1, maxLength: 50 }),
        (ops) => {
          const fold = createDrawdown<Candle>(
            (c) => ({ t: c.t, value: c.open }),
            (c) => ({ t: c.t, value: c.close }),
          );
          const list: Candle[] = [];
          for (const [append, close] of ops) {
            if (append || list.length === 0) list.push(candle(list.length, '0.00', close));
            else list[list.length - 1] = candle(list.length - 1, '0.00', close);
            const fresh = drawdownOf([
              { t: 0, value: '0.00' },
              ...list.map((c) => ({ t: c.t, value: c.close })),
            ]);
            expect(fold(list.slice())).toEqual(fresh);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('maximum drawdown against the definition', () => {
  /** Every (peak, later point) pair, in exact cents: the largest fall, earliest on ties. */
  function bruteForce(values: number[]) {
    let best = { amount: 0, peak: -1, trough: -1 };
    let high = 0;
    for (let j = 1; j < values.length; j++) {
      if (values[j]! > values[high]!) high = j;
      const fall = values[high]! - values[j]!;
      if (fall > best.amount) best = { amount: fall, peak: high, trough: j };
    }
    return best;
  }

  it('[PERF-DD-4] the largest fall, its peak and trough, as every pair of points would give', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 1, maxLength: 80 }),
        (cents) => {
          const dd = drawdownOf(cents.map((c, t) => ({ t, value: (c / 100).toFixed(2) })))!;
          const want = bruteForce(cents);
          expect(dd.amount).toBe(want.amount === 0 ? '0' : String(want.amount / 100));
          expect(dd.peak?.t).toBe(want.peak < 0 ? undefined : want.peak);
          expect(dd.trough?.t).toBe(want.trough < 0 ? undefined : want.trough);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('calendar and export', () => {
  it('[PERF-CAL-1] 53 Monday-first weeks ending with today’s; later days are absent', () => {
    const today = Date.UTC(2026, 11, 9, 15) / 1000; // Wednesday 2026-12-09
    expect(new Date(calendarStart(today) * 1000).toISOString()).toBe('2025-12-08T00:00:00.000Z');
    const weeks = calendarWeeks(today);
    expect(weeks).toHaveLength(CALENDAR_WEEKS);
    expect(
      weeks.at(-1)!.map((t) => (t === undefined ? '' : new Date(t * 1000).getUTCDate())),
    ).toEqual([7, 8, 9, '', '', '', '']);
  });

  it('[PERF-CAL-2] heat levels are quarters of the largest day, signed', () => {
    expect(heatLevel('10', '100')).toBe(1);
    expect(heatLevel('25', '-100')).toBe(1);
    expect(heatLevel('26', '100')).toBe(2);
    expect(heatLevel('-50', '100')).toBe(-2);
    expect(heatLevel('75', '100')).toBe(3);
    expect(heatLevel('75.01', '100')).toBe(4);
    expect(heatLevel('-100', '-100')).toBe(-4);
    expect(heatLevel('0', '5')).toBe(0);
    expect(heatLevel('3', '0')).toBe(0);
  });

  it('[PERF-CSV-1] one row a day, the decimals as they are', () => {
    expect(dailyCsv([day(2, '-20.5', '5.00')])).toBe(
      'date_utc,close_pnl,day_pnl\r\n2026-11-02,5.00,-20.5\r\n',
    );
  });
});
