/**
 * The P&L view's URL state (`?interval=5m&range=1W`, or `range=custom&from=2026-11-01T09:30`)
 * and the subscription start time it asks for.
 */
import { INTERVAL_SECONDS, PNL_INTERVALS } from '../../protocol';
import type { PnlInterval } from '../../protocol';
import { oneOf } from '../../lib/url-params';
import { exchangeWallMinuteToMs, startOfTradingDay } from '../../lib/time';
import { exchangeDayStart } from '../../protocol/exchange-time';

export const PNL_RANGES = ['today', '1W', '1M', '1Y', 'custom'] as const;
export type PnlRange = (typeof PNL_RANGES)[number];

export const RANGE_LABELS: Readonly<Record<PnlRange, string>> = {
  today: 'Today',
  '1W': '1W',
  '1M': '1M',
  '1Y': '1Y',
  custom: 'Custom',
};

/** An interval that gives a readable number of candles for each range (a few hundred). */
export const RANGE_DEFAULT_INTERVAL: Readonly<Record<PnlRange, PnlInterval>> = {
  today: '1m',
  '1W': '15m',
  '1M': '1h',
  '1Y': '1d',
  custom: '1h',
};

const DAY_MS = 86_400_000;
const LOCAL_MINUTE = /^\d{4}-\d\d-\d\dT\d\d:\d\d$/;

export type PnlView = { range: PnlRange; interval: PnlInterval; from?: string };

export function pnlViewFromParams(params: URLSearchParams): PnlView {
  const range = oneOf(PNL_RANGES, params.get('range')) ?? 'today';
  const interval = oneOf(PNL_INTERVALS, params.get('interval')) ?? RANGE_DEFAULT_INTERVAL[range];
  const from = params.get('from') ?? '';
  return range === 'custom' && LOCAL_MINUTE.test(from)
    ? { range, interval, from }
    : { range: range === 'custom' ? 'today' : range, interval };
}

/**
 * RFC3339 start for the view, relative to `now` (epoch ms): the exchange's midnight that starts
 * today's trading day, or 7/30/365 days back; a custom `from` is an exchange (New York)
 * wall-clock minute ("2026-11-01T09:30"), so a link means the same instant everywhere; never
 * in the future.
 */
export function rangeStart(view: PnlView, now: number): string {
  switch (view.range) {
    case 'today':
      return startOfTradingDay(now);
    case '1W':
      return new Date(now - 7 * DAY_MS).toISOString();
    case '1M':
      return new Date(now - 30 * DAY_MS).toISOString();
    case '1Y':
      return new Date(now - 365 * DAY_MS).toISOString();
    case 'custom': {
      const ms = view.from ? exchangeWallMinuteToMs(view.from) : undefined;
      return ms === undefined ? startOfTradingDay(now) : new Date(Math.min(ms, now)).toISOString();
    }
  }
}

/**
 * Candles in a quick first snapshot when the range holds many more: more than a wide chart
 * shows at its tightest spacing, so the first screen is complete while the rest loads.
 */
export const FIRST_SCREEN_CANDLES = 3_000;

/**
 * Where a quick first snapshot starts when the whole range (from `startTime`, RFC3339, to
 * `now`) is much longer than one screen of `interval` candles; undefined when it is not. A
 * year of 1-minute candles is 65 MB of JSON and seconds of work: the trader gets the recent
 * part at once, and the rest replaces it when it has arrived.
 */
export function firstScreenStart(
  interval: PnlInterval,
  startTime: string,
  now: number,
): string | undefined {
  const screen = FIRST_SCREEN_CANDLES * INTERVAL_SECONDS[interval] * 1000;
  // Worth a second request only when the whole range is several screens long.
  return now - Date.parse(startTime) > 4 * screen
    ? new Date(now - screen).toISOString()
    : undefined;
}

const DAY = /^\d{4}-\d\d-\d\d$/;

/** `?day=2026-11-23`: an exchange day the chart opens on (Unix seconds of its midnight). */
export function dayFromParams(params: URLSearchParams): number | undefined {
  const day = params.get('day') ?? '';
  // Noon UTC falls on the same date in New York.
  const ms = DAY.test(day) ? Date.parse(`${day}T12:00:00Z`) : NaN;
  return Number.isNaN(ms) ? undefined : exchangeDayStart(ms) / 1000;
}
