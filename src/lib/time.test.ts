import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatAsOf,
  formatDuration,
  formatTime,
  startOfLocalDay,
  toEpochMs,
} from './time';

describe('time', () => {
  it('[TIME-1] formatTime is local hh:mm:ss, zero padded', () => {
    const d = new Date(2026, 10, 23, 9, 5, 7); // local time
    expect(formatTime(d.toISOString())).toBe('09:05:07');
    expect(formatTime(d.getTime())).toBe('09:05:07');
    expect(formatTime('not a time')).toBe('—');
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

describe('startOfLocalDay', () => {
  it('[TIME-DAY-1] is local midnight of the same calendar day, as UTC RFC3339', () => {
    const now = new Date(2026, 10, 24, 15, 42, 7).getTime();
    const start = new Date(startOfLocalDay(now));
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([
      2026, 10, 24, 0,
    ]);
    expect(startOfLocalDay(now)).toMatch(/Z$/);
  });
});

describe('formatAsOf', () => {
  it('[CACHE-ASOF] a clock time today, the date too when the last known state is older', () => {
    const now = new Date(2026, 10, 25, 9, 30, 0).getTime();
    expect(formatAsOf(new Date(2026, 10, 25, 8, 5, 7).getTime(), now)).toBe('08:05:07');
    expect(formatAsOf(new Date(2026, 10, 24, 16, 0, 1).getTime(), now)).toBe('2026-11-24 16:00:01');
  });
});
