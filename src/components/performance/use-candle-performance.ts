/**
 * The performance figures of a P&L series, kept live: each fold remembers everything but the
 * live candle (or day), so a tick costs a step, not a rescan of the range.
 */
import { useMemo, useState } from 'react';
import type { Candle } from '../../protocol';
import { createDailyPnl, type DayPnl } from '../../lib/performance/daily-pnl';
import { createDayStats, type DayStats } from '../../lib/performance/day-stats';
import { createDrawdown, type Drawdown } from '../../lib/performance/drawdown';
import type { Seq } from '../../lib/performance/prefix-fold';

export type Performance = {
  days: readonly DayPnl[];
  stats: DayStats | undefined;
  drawdown: Drawdown | undefined;
};

const candleDrawdown = () =>
  createDrawdown<Candle>(
    (c) => ({ t: c.t, value: c.open }),
    (c) => ({ t: c.t, value: c.close }),
  );

/**
 * From candles of any interval: the drawdown runs over their closes; the days (and their
 * statistics) only when the interval is a day or shorter (`daily`).
 */
export function useCandlePerformance(candles: Seq<Candle>, daily: boolean): Performance {
  const [folds] = useState(() => ({
    days: createDailyPnl(),
    stats: createDayStats(),
    drawdown: candleDrawdown(),
  }));
  const days = useMemo(() => (daily ? folds.days(candles) : []), [folds, candles, daily]);
  const stats = useMemo(() => folds.stats(days), [folds, days]);
  const drawdown = useMemo(() => folds.drawdown(candles), [folds, candles]);
  return { days, stats, drawdown };
}
