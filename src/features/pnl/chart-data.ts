/**
 * Candles as the chart library wants them. Plotting needs numbers, so OHLC strings become
 * floats here and only here; every figure a trader reads (legend, table) uses the strings.
 */
import type { CandlestickData, UTCTimestamp } from 'lightweight-charts';
import type { Candle } from '../../protocol';
import type { CandleSeq } from '../../stores';
import { compare, sub } from '../../lib/decimal';

export const toBar = (c: Candle): CandlestickData<UTCTimestamp> => ({
  time: c.t as UTCTimestamp,
  open: Number(c.open),
  high: Number(c.high),
  low: Number(c.low),
  close: Number(c.close),
});

export type RangeSummary = {
  first: string;
  last: string;
  change: string;
  high: string;
  low: string;
};

type Extremes = { high: string; low: string };
const widen = (e: Extremes | undefined, c: Candle): Extremes =>
  !e
    ? { high: c.high, low: c.low }
    : {
        high: compare(c.high, e.high) > 0 ? c.high : e.high,
        low: compare(c.low, e.low) < 0 ? c.low : e.low,
      };

/** Extremes of candles[0 .. n), in locals: one object for the whole scan, not one per candle. */
function extremesOf(candles: CandleSeq, n: number): Extremes | undefined {
  if (n <= 0) return undefined;
  let { high, low } = candles.at(0)!;
  for (let i = 1; i < n; i++) {
    const c = candles.at(i)!;
    if (compare(c.high, high) > 0) high = c.high;
    if (compare(c.low, low) < 0) low = c.low;
  }
  return { high, low };
}

/**
 * The range at a glance, exact: change from the first open to the last close, extremes.
 *
 * A year of 1-minute candles is 525,600 of them and the live candle changes many times a
 * second, so the summarizer remembers the extremes of every candle but the last and, when only
 * the last changed or one was appended, folds in O(1) instead of rescanning.
 */
export function createSummarizer(): (candles: CandleSeq) => RangeSummary | undefined {
  // Extremes over candles[0 .. n) where candles[n - 1] === end.
  let prefix: {
    first: Candle | undefined;
    end: Candle | undefined;
    n: number;
    ext: Extremes | undefined;
  } = { first: undefined, end: undefined, n: -1, ext: undefined };
  return (candles) => {
    const first = candles.at(0);
    const last = candles.at(-1);
    if (!first || !last) return undefined;
    const n = candles.length - 1; // the prefix excludes the live (last) candle
    const samePrefix = (m: number) =>
      prefix.first === first && prefix.n === m && (m === 0 || candles.at(m - 1) === prefix.end);
    let ext: Extremes | undefined;
    if (samePrefix(n)) ext = prefix.ext;
    else if (n > 0 && samePrefix(n - 1)) ext = widen(prefix.ext, candles.at(n - 1)!);
    else ext = extremesOf(candles, n);
    prefix = { first, end: n > 0 ? candles.at(n - 1) : undefined, n, ext };
    const all = widen(ext, last);
    return { first: first.open, last: last.close, change: sub(last.close, first.open), ...all };
  };
}

/** One-off summary (see createSummarizer for the incremental one). */
export const summarize = (candles: CandleSeq) => createSummarizer()(candles);
