import { describe, expect, it } from 'vitest';
import {
  exchangeDate,
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
