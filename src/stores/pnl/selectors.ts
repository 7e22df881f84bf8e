/**
 * Read access to P&L series. React components use `usePnlCandles`; the chart uses
 * `subscribePnl` outside React (zustand "transient updates") and calls `series.update(bar)`
 * for the live candle instead of `setData` on every tick.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { Candle, PnlInterval } from '../../protocol';
import type { PnlSeries } from './apply-pnl';
import { pnlStore } from './store';
import { CandleList, type CandleSeq } from './candle-list';

/** The series' candles, oldest first (stable reference while unchanged). */
export function usePnlCandles(key: string): CandleSeq {
  return useStore(pnlStore, (s) => s.series.get(key)?.candles ?? CandleList.EMPTY);
}

/** Several series at once, in the order of `keys` (stable while none of them changes). */
export function usePnlSeriesOf(
  keys: readonly string[],
): readonly Readonly<{ key: string; interval: PnlInterval | undefined; candles: CandleSeq }>[] {
  const series = useStore(pnlStore, (s) => s.series);
  return useMemo(
    () =>
      keys.map((key) => {
        const s = series.get(key);
        return { key, interval: s?.interval, candles: s?.candles ?? CandleList.EMPTY };
      }),
    [series, keys],
  );
}

/** The series' interval, once a snapshot arrived. */
export function usePnlInterval(key: string): PnlInterval | undefined {
  return useStore(pnlStore, (s) => s.series.get(key)?.interval);
}

/** The start time the series' snapshot was asked for (see PnlSeries.since). */
export function usePnlSince(key: string): string | undefined {
  return useStore(pnlStore, (s) => s.series.get(key)?.since);
}

export type PnlChartEvent =
  /** Draw these from scratch (`series.setData`). Also sent once on subscribe. */
  | { type: 'reset'; candles: CandleSeq; interval: PnlInterval | undefined }
  /** Feed these, in order, to `series.update(bar)`: the live bar and any appended ones. */
  | { type: 'update'; candles: readonly Candle[] };

/** Non-React subscription for the chart; returns the unsubscribe function. */
export function subscribePnl(key: string, cb: (event: PnlChartEvent) => void): () => void {
  let last: PnlSeries | undefined = pnlStore.getState().series.get(key);
  cb({ type: 'reset', candles: last?.candles ?? CandleList.EMPTY, interval: last?.interval });
  return pnlStore.subscribe((state) => {
    const series = state.series.get(key);
    if (series === last) return;
    const change = series?.change;
    if (series && last && change?.kind === 'tail' && change.fromRev === last.rev) {
      cb({ type: 'update', candles: series.candles.slice(change.from) });
    } else {
      cb({
        type: 'reset',
        candles: series?.candles ?? CandleList.EMPTY,
        interval: series?.interval,
      });
    }
    last = series;
  });
}

/** Non-React read of a series. */
export function getPnlSeries(key: string): PnlSeries | undefined {
  return pnlStore.getState().series.get(key);
}
