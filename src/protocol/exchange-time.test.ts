import { describe, expect, it } from 'vitest';
import {
  exchangeDate,
  exchangeDay,
  exchangeDayStart,
  exchangeOffsetMs,
  exchangeSession,
  isExchangeWeekday,
} from './exchange-time';

const at = (iso: string): number => Date.parse(iso);

describe('exchange time', () => {
  it('[XTIME-1] follows New York daylight saving: UTC−5 in winter, UTC−4 in summer', () => {
    expect(exchangeOffsetMs(at('2026-12-07T15:00:00Z'))).toBe(-5 * 3_600_000);
    expect(exchangeOffsetMs(at('2026-07-07T15:00:00Z'))).toBe(-4 * 3_600_000);
  });

  it('[XTIME-2] a day starts at New York midnight, including across a clock change', () => {
    expect(new Date(exchangeDayStart(at('2026-12-07T15:00:00Z'))).toISOString()).toBe(
      '2026-12-07T05:00:00.000Z',
    );
    // 02:30 UTC on 7 Dec is still 6 Dec in New York.
    expect(exchangeDate(at('2026-12-07T02:30:00Z'))).toBe('2026-12-06');
    expect(new Date(exchangeDayStart(at('2026-12-07T02:30:00Z'))).toISOString()).toBe(
      '2026-12-06T05:00:00.000Z',
    );
    // 8 March 2026: clocks spring forward at 02:00, so midnight is still UTC−5.
    expect(new Date(exchangeDayStart(at('2026-03-08T20:00:00Z'))).toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    // 1 November 2026: clocks fall back at 02:00, so midnight is still UTC−4.
    expect(new Date(exchangeDayStart(at('2026-11-01T20:00:00Z'))).toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
  });

  it('[XTIME-3] names the session at each boundary, and weekends are closed', () => {
    expect(exchangeSession(at('2026-12-07T08:59:59Z'))).toBe('closed'); // 03:59:59
    expect(exchangeSession(at('2026-12-07T09:00:00Z'))).toBe('pre'); // 04:00
    expect(exchangeSession(at('2026-12-07T14:30:00Z'))).toBe('regular'); // 09:30
    expect(exchangeSession(at('2026-12-07T21:00:00Z'))).toBe('after'); // 16:00
    expect(exchangeSession(at('2026-12-08T01:00:00Z'))).toBe('closed'); // 20:00
    expect(isExchangeWeekday(at('2026-12-05T15:00:00Z'))).toBe(false); // Saturday
    expect(exchangeSession(at('2026-12-05T15:00:00Z'))).toBe('closed');
  });
});

describe('exchange day', () => {
  it('[XTIME-DAY-1] session instants agree with exchangeSession around each boundary, clock-change days included', () => {
    for (const iso of [
      '2026-12-07T15:00:00Z',
      '2026-03-08T15:00:00Z',
      '2026-03-09T15:00:00Z',
      '2026-11-01T15:00:00Z',
      '2026-11-02T15:00:00Z',
      '2026-07-07T15:00:00Z',
    ]) {
      const day = exchangeDay(at(iso));
      expect(exchangeDayStart(day.end - 1)).toBe(day.start);
      expect(exchangeDayStart(day.end)).toBe(day.end);
      if (!day.weekday) continue;
      const cases: [number, string][] = [
        [day.pre - 1, 'closed'],
        [day.pre, 'pre'],
        [day.regular - 1, 'pre'],
        [day.regular, 'regular'],
        [day.after - 1, 'regular'],
        [day.after, 'after'],
        [day.close - 1, 'after'],
        [day.close, 'closed'],
      ];
      for (const [ms, session] of cases)
        expect([iso, ms, exchangeSession(ms)]).toEqual([iso, ms, session]);
    }
  });

  it('[XTIME-DAY-2] a clock-change day is 23 or 25 hours long; a Saturday is closed', () => {
    const spring = exchangeDay(at('2026-03-08T15:00:00Z'));
    expect(spring.end - spring.start).toBe(23 * 3_600_000);
    const fall = exchangeDay(at('2026-11-01T15:00:00Z'));
    expect(fall.end - fall.start).toBe(25 * 3_600_000);
    expect(exchangeDay(at('2026-12-05T15:00:00Z')).weekday).toBe(false);
  });
});
