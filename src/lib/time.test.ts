import { describe, expect, it } from 'vitest';
import {
  exchangeWallMinuteToMs,
  formatAge,
  formatAsOf,
  formatClock,
  formatDate,
  formatDateTime,
  formatDuration,
  formatTime,
  formatWallMinute,
  sameDay,
  startOfTradingDay,
  toEpochMs,
  zoneLabel,
} from './time';

const at = (iso: string): number => Date.parse(iso);

describe('time', () => {
  it('[TIME-1] formatTime is hh:mm:ss in the local zone, zero padded', () => {
    const d = new Date(2026, 10, 23, 9, 5, 7); // local time
    expect(formatTime(d.toISOString(), 'local')).toBe('09:05:07');
    expect(formatTime(d.getTime(), 'local')).toBe('09:05:07');
    expect(formatTime('not a time', 'local')).toBe('—');
    expect(formatTime('not a time', 'exchange')).toBe('—');
  });

  it('[TIME-2] ages read "12 s ago", "3 min ago", "2 h ago", "4 d ago"', () => {
    const now = Date.parse('2026-11-23T14:30:00.000Z');
    expect(formatAge('2026-11-23T14:29:48.000Z', now)).toBe('12 s ago');
    expect(formatAge(now - 3 * 60_000, now)).toBe('3 min ago');
    expect(formatAge(now - 2 * 3_600_000, now)).toBe('2 h ago');
    expect(formatAge(now - 4 * 86_400_000, now)).toBe('4 d ago');
    expect(formatDuration(-500)).toBe('0 s');
    expect(formatAge(undefined, now)).toBe('—');
  });

  it('[TIME-3] toEpochMs parses RFC3339 with offsets', () => {
    expect(toEpochMs('2026-11-23T15:30:00+01:00')).toBe(Date.parse('2026-11-23T14:30:00Z'));
    expect(toEpochMs('')).toBeUndefined();
  });
});

describe('exchange time display', () => {
  it('[TZ-1] the exchange zone reads New York wall time, EST in winter and EDT in summer', () => {
    expect(formatTime(at('2026-12-07T14:30:05Z'), 'exchange')).toBe('09:30:05');
    expect(formatTime(at('2026-07-07T13:30:05Z'), 'exchange')).toBe('09:30:05');
    expect(formatDateTime('2026-12-07T14:30:05Z', 'exchange')).toBe('2026-12-07 09:30:05 ET');
    expect(formatClock('2026-07-07T20:00:00Z', 'exchange')).toBe('16:00:00 ET');
    // 03:00 UTC on 8 Dec is still the 7th in New York.
    expect(formatDate(at('2026-12-08T03:00:00Z'), 'exchange')).toBe('2026-12-07');
  });

  it('[TZ-2] across the clock changes: spring forward and fall back', () => {
    // 8 March 2026, 02:00 EST → 03:00 EDT: one UTC minute apart straddles the gap.
    expect(formatTime(at('2026-03-08T06:59:00Z'), 'exchange')).toBe('01:59:00');
    expect(formatTime(at('2026-03-08T07:00:00Z'), 'exchange')).toBe('03:00:00');
    // 1 Nov 2026, 02:00 EDT → 01:00 EST: the same wall hour happens twice.
    expect(formatTime(at('2026-11-01T05:30:00Z'), 'exchange')).toBe('01:30:00');
    expect(formatTime(at('2026-11-01T06:30:00Z'), 'exchange')).toBe('01:30:00');
  });

  it('[TZ-3] the local zone follows the browser and names itself', () => {
    const ms = new Date(2026, 6, 1, 18, 4, 9).getTime();
    expect(formatDateTime(ms, 'local')).toBe(`2026-07-01 18:04:09 ${zoneLabel('local', ms)}`);
    expect(zoneLabel('local', ms)).not.toBe('');
    expect(zoneLabel('exchange')).toBe('ET');
    expect(formatWallMinute(ms, 'local')).toBe('2026-07-01T18:04');
  });

  it('[TZ-4] an exchange wall minute maps back to its instant on either side of a change', () => {
    expect(exchangeWallMinuteToMs('2026-12-07T09:30')).toBe(at('2026-12-07T14:30:00Z'));
    expect(exchangeWallMinuteToMs('2026-07-07T09:30')).toBe(at('2026-07-07T13:30:00Z'));
    expect(exchangeWallMinuteToMs('2026-03-08T09:30')).toBe(at('2026-03-08T13:30:00Z'));
    expect(exchangeWallMinuteToMs('2026-03-07T09:30')).toBe(at('2026-03-07T14:30:00Z'));
    expect(exchangeWallMinuteToMs('2026-11-01T09:30')).toBe(at('2026-11-01T14:30:00Z'));
    expect(exchangeWallMinuteToMs('<script>')).toBeUndefined();
    // Round trip through the display form.
    const ms = at('2026-11-24T20:15:00Z');
    expect(exchangeWallMinuteToMs(formatWallMinute(ms, 'exchange'))).toBe(ms);
  });

  it('[TZ-5] sameDay cuts days at the zone midnight', () => {
    expect(sameDay(at('2026-12-08T03:00:00Z'), at('2026-12-07T15:00:00Z'), 'exchange')).toBe(true);
    expect(sameDay(at('2026-12-08T05:00:00Z'), at('2026-12-07T15:00:00Z'), 'exchange')).toBe(false);
  });
});

describe('startOfTradingDay', () => {
  it('[TIME-DAY-1] is the exchange midnight of the New York day, as UTC RFC3339', () => {
    expect(startOfTradingDay(at('2026-11-24T15:42:07Z'))).toBe('2026-11-24T05:00:00.000Z');
    expect(startOfTradingDay(at('2026-07-24T15:42:07Z'))).toBe('2026-07-24T04:00:00.000Z');
    // Late evening in New York is already tomorrow in UTC: still the New York day.
    expect(startOfTradingDay(at('2026-11-25T02:00:00Z'))).toBe('2026-11-24T05:00:00.000Z');
  });
});

describe('formatAsOf', () => {
  it('[CACHE-ASOF] a clock time today, the date too when the last known state is older', () => {
    const now = new Date(2026, 10, 25, 9, 30, 0).getTime();
    const today = new Date(2026, 10, 25, 8, 5, 7).getTime();
    const yesterday = new Date(2026, 10, 24, 16, 0, 1).getTime();
    expect(formatAsOf(today, 'local', now)).toBe(`08:05:07 ${zoneLabel('local', today)}`);
    expect(formatAsOf(yesterday, 'local', now)).toBe(
      `2026-11-24 16:00:01 ${zoneLabel('local', yesterday)}`,
    );
    const xNow = at('2026-11-25T14:30:00Z');
    expect(formatAsOf(at('2026-11-25T13:05:07Z'), 'exchange', xNow)).toBe('08:05:07 ET');
    expect(formatAsOf(at('2026-11-25T04:59:00Z'), 'exchange', xNow)).toBe('2026-11-24 23:59:00 ET');
  });
});
