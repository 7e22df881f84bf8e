/**
 * Candles as the chart library wants them. Plotting needs numbers, so OHLC strings become
 * floats here and only here; every figure a trader reads (legend, table) uses the strings.
 */
import type { CandlestickData, UTCTimestamp } from 'lightweight-charts';
import type { Candle } from '../../protocol';
import { compare, sub } from '../../lib/decimal';

export const toBar = (c: Candle): CandlestickData<UTCTimestamp> => ({
  time: c.t as UTCTimestamp,
  open: Number(c.open),
  high: Number(c.high),
  low: Number(c.low),
  close: Number(c.close),
});

/** Index of the candle starting at `t` (candles sorted by t), or -1. */
export function indexAt(candles: readonly Candle[], t: number): number {
  let lo = 0;
  let hi = candles.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = candles[mid]!.t;
    if (at === t) return mid;
    if (at < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export type RangeSummary = {
  first: string;
  last: string;
  change: string;
  high: string;
  low: string;
};

/** The range at a glance, exact: change from the first open to the last close, extremes. */
export function summarize(candles: readonly Candle[]): RangeSummary | undefined {
  const first = candles[0];
  const last = candles.at(-1);
  if (!first || !last) return undefined;
  let high = first.high;
  let low = first.low;
  for (const c of candles) {
    if (compare(c.high, high) > 0) high = c.high;
    if (compare(c.low, low) < 0) low = c.low;
  }
  return { first: first.open, last: last.close, change: sub(last.close, first.open), high, low };
}
