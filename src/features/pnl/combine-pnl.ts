/**
 * Today's P&L of several accounts as one line. Only closes add up exactly: the high of a sum is
 * not the sum of the highs, so the combined series is closes only, summed on decimal strings,
 * and only at candle times every included account has, in the one interval they all stream.
 */
import { sum } from '../../lib/decimal';
import type { Decimal } from '../../lib/decimal';
import type { Candle, PnlInterval } from '../../protocol';

export type AccountPnlSeries = Readonly<{
  accountId: string;
  /** Undefined until the series' snapshot arrived. */
  interval: PnlInterval | undefined;
  candles: readonly Candle[];
}>;

export type CombinedPnl = Readonly<{
  /** Accounts summed: those whose series is in `interval`. */
  included: readonly string[];
  /** Accounts left out: no series yet, or another interval. */
  excluded: readonly string[];
  /** Candle start (Unix seconds) and the summed close, oldest first. */
  points: readonly Readonly<{ t: number; close: Decimal }>[];
}>;

export function combinePnl(
  series: readonly AccountPnlSeries[],
  interval: PnlInterval,
): CombinedPnl {
  const included = series.filter((s) => s.interval === interval);
  const excluded = series.filter((s) => s.interval !== interval).map((s) => s.accountId);
  if (included.length === 0) return { included: [], excluded, points: [] };
  const closes = included.map((s) => new Map(s.candles.map((c) => [c.t, c.close])));
  const first = closes[0] as Map<number, Decimal>;
  const points = [...first.keys()]
    .filter((t) => closes.every((m) => m.has(t)))
    .sort((a, b) => a - b)
    .map((t) => ({ t, close: sum(closes.map((m) => m.get(t) as Decimal)) }));
  return { included: included.map((s) => s.accountId), excluded, points };
}
