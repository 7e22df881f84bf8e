/**
 * Times as a trader reads them: wall-clock hh:mm:ss in the browser's zone, and short ages
 * ("12 s ago") for freshness badges. Pure functions; `now` is a parameter so tests are exact.
 */
import { PLACEHOLDER } from './format';

/** Milliseconds since epoch from an RFC3339 string or epoch ms; undefined when unparseable. */
export function toEpochMs(value: string | number | undefined | null): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "14:30:05" in local time (24 h), or "—". */
export function formatTime(value: string | number | undefined | null): string {
  const ms = toEpochMs(value);
  if (ms === undefined) return PLACEHOLDER;
  const d = new Date(ms);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** "2026-11-23 14:30:05" in local time, or "—". */
export function formatDateTime(value: string | number | undefined | null): string {
  const ms = toEpochMs(value);
  if (ms === undefined) return PLACEHOLDER;
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${formatTime(ms)}`;
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

/** RFC3339 (UTC) of the local calendar day's midnight containing `now`: "today" for a trader. */
export function startOfLocalDay(now: number): string {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

/** A clock time when `ms` is today (local), else date and time: "as of" labels that may be old. */
export function formatAsOf(ms: number, now: number = Date.now()): string {
  return new Date(ms).toDateString() === new Date(now).toDateString()
    ? formatTime(ms)
    : formatDateTime(ms);
}
