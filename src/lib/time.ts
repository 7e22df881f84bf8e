/**
 * Times as a trader reads them: wall-clock hh:mm:ss in the chosen zone (the browser's or the
 * exchange's), and short ages ("12 s ago") for freshness badges. Pure functions; the zone and
 * `now` are parameters so tests are exact.
 */
import {
  exchangeDayStart,
  exchangeOffsetMs,
  exchangeWallTime,
  type WallTime,
} from '../protocol/exchange-time';
import { PLACEHOLDER } from './format';

/** Which clock timestamps are shown in: the browser's, or the exchange's (New York). */
export type DisplayZone = 'local' | 'exchange';
export const DISPLAY_ZONES: readonly DisplayZone[] = ['local', 'exchange'];

/** Milliseconds since epoch from an RFC3339 string or epoch ms; undefined when unparseable. */
export function toEpochMs(value: string | number | undefined | null): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

type Wall = Omit<WallTime, 'weekday'>;

function wallTime(ms: number, zone: DisplayZone): Wall {
  if (zone === 'exchange') return exchangeWallTime(ms);
  const d = new Date(ms);
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
  };
}

const clock = (w: Wall): string => `${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}`;
const date = (w: Wall): string => `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;

// Built once: constructing a formatter costs far more than using one.
const localZoneName = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' });

/** "ET" for the exchange; the browser's short zone name ("CET", "GMT+1", "UTC") for local. */
export function zoneLabel(zone: DisplayZone, at: number = Date.now()): string {
  if (zone === 'exchange') return 'ET';
  const name = localZoneName.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return name ?? 'local';
}

/** "14:30:05" (24 h) in the zone, or "—". Compact: the zone is named around it (a column, a title). */
export function formatTime(value: string | number | undefined | null, zone: DisplayZone): string {
  const ms = toEpochMs(value);
  return ms === undefined ? PLACEHOLDER : clock(wallTime(ms, zone));
}

/** "14:30:05 ET": a clock time that names its zone, for lines with no column header to say it. */
export function formatClock(value: string | number | undefined | null, zone: DisplayZone): string {
  const ms = toEpochMs(value);
  return ms === undefined ? PLACEHOLDER : `${formatTime(ms, zone)} ${zoneLabel(zone, ms)}`;
}

/** "2026-11-23 14:30:05 ET": date, time and the zone's name, or "—". */
export function formatDateTime(
  value: string | number | undefined | null,
  zone: DisplayZone,
): string {
  const ms = toEpochMs(value);
  if (ms === undefined) return PLACEHOLDER;
  const w = wallTime(ms, zone);
  return `${date(w)} ${clock(w)} ${zoneLabel(zone, ms)}`;
}

/** "2026-11-23": the calendar date of an instant in the zone. */
export function formatDate(ms: number, zone: DisplayZone): string {
  return date(wallTime(ms, zone));
}

/** "2026-11-23T14:30": the wall-clock minute in the zone, as a datetime-local input reads it. */
export function formatWallMinute(ms: number, zone: DisplayZone): string {
  const w = wallTime(ms, zone);
  return `${date(w)}T${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** True when both instants fall on the same calendar day in the zone. */
export function sameDay(a: number, b: number, zone: DisplayZone): boolean {
  return formatDate(a, zone) === formatDate(b, zone);
}

/** A duration as a short age: "0 s", "12 s", "3 min", "2 h", "4 d". Negative clamps to 0. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h`;
  return `${Math.floor(h / 24)} d`;
}

/** "12 s ago" for a time in the past relative to `now` (epoch ms); "—" when unknown. */
export function formatAge(value: string | number | undefined | null, now: number): string {
  const ms = toEpochMs(value);
  if (ms === undefined) return PLACEHOLDER;
  return `${formatDuration(now - ms)} ago`;
}

/**
 * RFC3339 (UTC) of the exchange's midnight that starts the trading day containing `now`: "today"
 * for a trader wherever they sit, so the chart's day and the simulator's day agree.
 */
export function startOfTradingDay(now: number): string {
  return new Date(exchangeDayStart(now)).toISOString();
}

/**
 * The instant of an exchange wall-clock minute ("2026-11-01T09:30"), undefined when malformed.
 * The offset is read twice because the minute may sit on the other side of a clock change.
 */
export function exchangeWallMinuteToMs(wall: string): number | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/.exec(wall);
  if (!m) return undefined;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  if (Number.isNaN(asUtc)) return undefined;
  const guess = asUtc - exchangeOffsetMs(asUtc);
  return asUtc - exchangeOffsetMs(guess);
}

/** A clock time when `ms` is today (in the zone), else date and time: "as of" labels that may be old. */
export function formatAsOf(ms: number, zone: DisplayZone, now: number = Date.now()): string {
  return sameDay(ms, now, zone) ? formatClock(ms, zone) : formatDateTime(ms, zone);
}
