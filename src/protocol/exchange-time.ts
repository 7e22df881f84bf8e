/**
 * The exchange's clock (America/New_York), shared by the simulator and the client so both
 * cut trading days and sessions at the same instants, daylight saving included.
 */
export const EXCHANGE_TIME_ZONE = 'America/New_York';

export type ExchangeSession = 'pre' | 'regular' | 'after' | 'closed';

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: EXCHANGE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
});

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: string;
}

/** The exchange's wall-clock reading at an instant. */
export function exchangeWallTime(ms: number): WallTime {
  const parts: Record<string, string> = {};
  for (const p of wallClock.formatToParts(ms)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: parts.weekday ?? '',
  };
}

/** Milliseconds the exchange's clock is ahead of UTC at an instant (negative: behind). */
export function exchangeOffsetMs(ms: number): number {
  const w = exchangeWallTime(ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant of the exchange's midnight that starts the day containing `ms`. */
export function exchangeDayStart(ms: number): number {
  const w = exchangeWallTime(ms);
  const midnightAsUtc = Date.UTC(w.year, w.month - 1, w.day);
  // The offset at midnight can differ from the offset at `ms` on a daylight-saving day.
  const guess = midnightAsUtc - exchangeOffsetMs(ms);
  return midnightAsUtc - exchangeOffsetMs(guess);
}

/** "2026-12-07": the exchange's calendar date of an instant. */
export function exchangeDate(ms: number): string {
  const w = exchangeWallTime(ms);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Weekends are closed; holidays are not modelled. */
export function isExchangeWeekday(ms: number): boolean {
  const { weekday } = exchangeWallTime(ms);
  return weekday !== 'Sat' && weekday !== 'Sun';
}

/** Pre-market 04:00–09:30, regular 09:30–16:00, after-hours 16:00–20:00, else closed. */
export function exchangeSession(ms: number): ExchangeSession {
  if (!isExchangeWeekday(ms)) return 'closed';
  const { hour, minute } = exchangeWallTime(ms);
  const m = hour * 60 + minute;
  if (m >= 4 * 60 && m < 9 * 60 + 30) return 'pre';
  if (m >= 9 * 60 + 30 && m < 16 * 60) return 'regular';
  if (m >= 16 * 60 && m < 20 * 60) return 'after';
  return 'closed';
}

/** The instant the exchange's clock reads `minutes` past midnight on the day starting `dayStart`. */
export function exchangeWallInstant(dayStartMs: number, minutes: number): number {
  const guess = dayStartMs + minutes * 60_000;
  // On a clock-change day the wall clock gained or lost an hour between midnight and `guess`.
  return guess + exchangeOffsetMs(dayStartMs) - exchangeOffsetMs(guess);
}

/** One trading day's session boundaries as instants; `weekday` false: closed all day. */
export interface ExchangeDay {
  start: number;
  /** The next day's start: 23, 24 or 25 hours later. */
  end: number;
  weekday: boolean;
  pre: number;
  regular: number;
  after: number;
  close: number;
}

/** The day containing `ms`, with the instants that `exchangeSession` switches at. */
export function exchangeDay(ms: number): ExchangeDay {
  const start = exchangeDayStart(ms);
  return {
    start,
    // 30 hours on is always inside the next day, whatever the clock change.
    end: exchangeDayStart(start + 30 * 3_600_000),
    weekday: isExchangeWeekday(start),
    pre: exchangeWallInstant(start, 4 * 60),
    regular: exchangeWallInstant(start, 9 * 60 + 30),
    after: exchangeWallInstant(start, 16 * 60),
    close: exchangeWallInstant(start, 20 * 60),
  };
}
