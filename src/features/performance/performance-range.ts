/**
 * The performance page's ranges (`?range=3M`) over one subscription of daily candles that
 * covers the calendar's year and the day before it (whose close is the first day's base).
 */
import { oneOf } from '../../lib/url-params';
import { calendarStart } from '../../lib/performance/calendar';
import { DAY_SECONDS, dayStart } from '../../lib/performance/daily-pnl';

export const PERFORMANCE_RANGES = ['1W', '1M', '3M', 'YTD', '1Y'] as const;
export type PerformanceRange = (typeof PERFORMANCE_RANGES)[number];

export const rangeFromParams = (params: URLSearchParams): PerformanceRange =>
  oneOf(PERFORMANCE_RANGES, params.get('range')) ?? '1Y';

/** The first UTC day (Unix seconds) of `range` when today is the day of `nowS`. */
export function rangeFirstDay(range: PerformanceRange, nowS: number): number {
  const today = dayStart(nowS);
  switch (range) {
    case '1W':
      return today - 6 * DAY_SECONDS;
    case '1M':
      return today - 29 * DAY_SECONDS;
    case '3M':
      return today - 90 * DAY_SECONDS;
    case 'YTD':
      return Date.UTC(new Date(today * 1000).getUTCFullYear(), 0, 1) / 1000;
    case '1Y':
      return calendarStart(nowS);
  }
}

/** RFC3339 start of the page's subscription: the day before the calendar's first day. */
export const subscriptionStart = (nowS: number): string =>
  new Date((calendarStart(nowS) - DAY_SECONDS) * 1000).toISOString();
