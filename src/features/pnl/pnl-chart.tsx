/**
 * The P&L candlestick chart. The library owns the canvas; React owns only the legend. Candles
 * reach the chart outside React: a snapshot is drawn with `setData`, live candles with
 * `series.update` (no full redraw per tick). Colours come from the theme's CSS variables and
 * follow a theme switch; the chart sizes itself to its box (`autoSize`).
 *
 * Keyboard: focus the chart, ←/→ step the crosshair candle by candle, Home/End jump, Esc clears.
 */
import { useEffect, useRef, useState } from 'react';
import {
  CandlestickSeries,
  ColorType,
  createChart,
  type IChartApi,
  type ISeriesApi,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import type { Candle, PnlInterval } from '../../protocol';
import { formatMoney } from '../../lib/format';
import { formatDateTime, formatTime, zoneLabel, type DisplayZone } from '../../lib/time';
import { getDisplayZone, useDisplayZone } from '../../lib/display-zone';
import { utcDate } from '../../lib/performance/daily-pnl';
import { Money } from '../../components/ui/money';
import { firstAtOrAfter, getPnlSeries, indexAt, subscribePnl, usePnlCandles } from '../../stores';
import type { CandleSeq } from '../../stores';
import { toBar } from './chart-data';
import { GROW_MARGIN, grownWindowStart, initialWindowStart } from './chart-window';

function themeColors() {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    layout: {
      background: { type: ColorType.Solid, color: v('--panel') },
      textColor: v('--muted'),
    },
    grid: { vertLines: { color: v('--border') }, horzLines: { color: v('--border') } },
    candles: {
      upColor: v('--gain'),
      downColor: v('--loss'),
      wickUpColor: v('--gain'),
      wickDownColor: v('--loss'),
      borderVisible: false,
    },
  };
}

const timeMs = (time: Time) => (typeof time === 'number' ? time * 1000 : 0);

/**
 * The library shows UTC; the trader reads the chosen clock. Daily and monthly candles are
 * calendar days, named by their date whatever the zone.
 */
function timeFormats(zone: DisplayZone, intraday: boolean) {
  return {
    tickMarkFormatter: (time: Time) =>
      intraday ? formatTime(timeMs(time), zone).slice(0, 5) : utcDate(timeMs(time) / 1000),
    timeFormatter: (time: Time) =>
      intraday ? formatDateTime(timeMs(time), zone) : utcDate(timeMs(time) / 1000),
  };
}

const isIntraday = (interval: PnlInterval | undefined) => interval !== '1d' && interval !== '1mo';

function useChart(
  container: React.RefObject<HTMLDivElement | null>,
  seriesKey: string,
  interval: PnlInterval | undefined,
  focusDay: number | undefined,
) {
  const api = useRef<{
    chart: IChartApi;
    series: ISeriesApi<'Candlestick'>;
    reveal: (i: number) => boolean;
  } | null>(null);
  const [hoverT, setHoverT] = useState<number>();

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const colors = themeColors();
    const intraday = isIntraday(interval);
    const formats = timeFormats(getDisplayZone(), intraday);
    const chart = createChart(el, {
      autoSize: true,
      layout: { ...colors.layout, attributionLogo: false },
      grid: colors.grid,
      rightPriceScale: { borderVisible: false },
      timeScale: {
        borderVisible: false,
        timeVisible: intraday,
        secondsVisible: interval === '15s',
        tickMarkFormatter: formats.tickMarkFormatter,
      },
      localization: {
        priceFormatter: (p: number) => formatMoney(p.toFixed(2)),
        timeFormatter: formats.timeFormatter,
      },
    });
    const series = chart.addSeries(CandlestickSeries, colors.candles);
    const timeScale = chart.timeScale();
    /** Index (in the store's series) of the first candle the chart holds: see chart-window.ts. */
    let start = 0;
    /** Gives the chart candles[from…], the only place that sets its data. */
    const hold = (candles: CandleSeq, from: number) => {
      start = from;
      series.setData(candles.slice(from).map(toBar));
      el.dataset.held = String(candles.length - from);
    };
    /** Hands the chart candles from `next` on, keeping the bars on screen where they are. */
    const holdFrom = (next: number) => {
      const view = timeScale.getVisibleLogicalRange();
      const shift = start - next;
      hold(getPnlSeries(seriesKey)?.candles ?? [], next);
      if (view) timeScale.setVisibleLogicalRange({ from: view.from + shift, to: view.to + shift });
    };
    /**
     * Makes sure candle `i` is held and on screen (keyboard navigation); true when the chart
     * had to move, so a crosshair is placed only after it has redrawn.
     */
    const reveal = (i: number): boolean => {
      const length = getPnlSeries(seriesKey)?.candles.length ?? 0;
      const held = i < start;
      if (held) holdFrom(grownWindowStart(start, length, i));
      const view = timeScale.getVisibleLogicalRange();
      const at = i - start;
      if (!view || (at >= view.from && at <= view.to)) return held;
      // Scroll just far enough, keeping the zoom: the candle lands near the edge it came from.
      const width = view.to - view.from;
      const from = at < view.from ? at - width * 0.1 : at - width * 0.9;
      timeScale.setVisibleLogicalRange({ from, to: from + width });
      return true;
    };
    api.current = { chart, series, reveal };
    timeScale.subscribeVisibleLogicalRangeChange((range) => {
      // Deferred: the library is mid-update when it reports the range.
      if (range && range.from < GROW_MARGIN && start > 0)
        queueMicrotask(() => {
          const length = getPnlSeries(seriesKey)?.candles.length ?? 0;
          if (start > 0) holdFrom(grownWindowStart(start, length));
        });
    });
    let resets = 0;
    let updates = 0;
    let drawn: { first: number; last: number } | undefined;
    // A day to show (the performance calendar's link): applied once candles reach back to it.
    let focusPending = focusDay !== undefined;
    const unsubscribe = subscribePnl(seriesKey, (event) => {
      if (event.type === 'reset') {
        const { candles } = event;
        const first = candles.at(0)?.t;
        const last = candles.at(-1)?.t;
        // Earlier history for the candles on screen (a long range's second step): the trader
        // keeps the view they have; anything else is a new picture, shown whole.
        const moreHistory =
          drawn && first !== undefined && last !== undefined
            ? first < drawn.first && last >= drawn.last
            : false;
        const focus =
          focusPending && focusDay !== undefined && first !== undefined && first <= focusDay
            ? { from: focusDay as UTCTimestamp, to: (focusDay + 86_400 - 1) as UTCTimestamp }
            : null;
        const view = focus ?? (moreHistory ? timeScale.getVisibleRange() : null);
        // Hold at least what is to be on screen, with the usual room to scroll back.
        const need = view ? firstAtOrAfter(candles, Number(view.from)) - GROW_MARGIN : Infinity;
        hold(candles, Math.max(0, Math.min(initialWindowStart(candles.length), need)));
        if (view) timeScale.setVisibleRange(view);
        else timeScale.fitContent();
        if (focus) {
          focusPending = false;
          el.dataset.focusDay = String(focusDay);
        }
        drawn = first !== undefined && last !== undefined ? { first, last } : undefined;
        el.dataset.resets = String(++resets);
      } else {
        for (const c of event.candles) series.update(toBar(c));
        el.dataset.updates = String((updates += event.candles.length));
      }
    });
    chart.subscribeCrosshairMove((param) => {
      setHoverT(typeof param.time === 'number' ? param.time : undefined);
    });
    // Follow the theme toggle (a class on <html>).
    const themeWatch = new MutationObserver(() => {
      const next = themeColors();
      chart.applyOptions({ layout: next.layout, grid: next.grid });
      series.applyOptions(next.candles);
    });
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => {
      themeWatch.disconnect();
      unsubscribe();
      api.current = null;
      chart.remove();
    };
  }, [container, seriesKey, interval, focusDay]);

  // A time-zone switch relabels the axis in place; the candles stay as they are.
  const zone = useDisplayZone();
  useEffect(() => {
    const formats = timeFormats(zone, isIntraday(interval));
    api.current?.chart.applyOptions({
      timeScale: { tickMarkFormatter: formats.tickMarkFormatter },
      localization: { timeFormatter: formats.timeFormatter },
    });
  }, [zone, interval]);

  /** Moves the crosshair to candle `i` (clamped); undefined clears it. */
  const focusCandle = (i: number | undefined) => {
    const current = api.current;
    const candles = getPnlSeries(seriesKey)?.candles ?? [];
    if (!current || candles.length === 0) return;
    if (i === undefined) {
      current.chart.clearCrosshairPosition();
      setHoverT(undefined);
      return;
    }
    const at = Math.max(0, Math.min(candles.length - 1, i));
    const c = candles.at(at)!;
    const place = () => {
      current.chart.setCrosshairPosition(Number(c.close), c.t as UTCTimestamp, current.series);
      setHoverT(c.t);
    };
    if (current.reveal(at)) requestAnimationFrame(place);
    else place();
  };
  return { hoverT, focusCandle };
}

export function PnlChart({
  seriesKey,
  interval,
  label,
  focusDay,
}: {
  seriesKey: string;
  interval: PnlInterval | undefined;
  label: string;
  /** Unix seconds of a UTC day to show instead of the whole range. */
  focusDay?: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const { hoverT, focusCandle } = useChart(container, seriesKey, interval, focusDay);
  const candles = usePnlCandles(seriesKey);
  const hovered = hoverT === undefined ? -1 : indexAt(candles, hoverT);
  const shown: Candle | undefined = candles.at(hovered >= 0 ? hovered : -1);
  const zone = useDisplayZone();
  const intraday = isIntraday(interval);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const current = hovered >= 0 ? hovered : candles.length - 1;
    const step: Record<string, number | undefined> = {
      ArrowLeft: current - 1,
      ArrowRight: current + 1,
      Home: 0,
      End: candles.length - 1,
    };
    if (e.key === 'Escape') focusCandle(undefined);
    else if (e.key in step) focusCandle(step[e.key]);
    else return;
    e.preventDefault();
  };

  return (
    <figure className="rounded border border-border bg-panel">
      <Legend
        candle={shown}
        live={hovered < 0}
        when={(t) => (intraday ? formatDateTime(t * 1000, zone) : utcDate(t))}
      />
      <div
        ref={container}
        tabIndex={0}
        role="img"
        aria-label={`${label}. ${intraday ? `Times in ${zoneLabel(zone)}. ` : ''}Use arrow keys to read candles.`}
        aria-describedby="pnl-legend"
        onKeyDown={onKeyDown}
        data-testid="pnl-chart"
        className="h-[calc(100vh-16rem)] min-h-72 w-full"
      />
    </figure>
  );
}

function Legend({
  candle,
  live,
  when,
}: {
  candle: Candle | undefined;
  live: boolean;
  /** The candle's time as the axis shows it. */
  when: (t: number) => string;
}) {
  return (
    <figcaption
      id="pnl-legend"
      data-testid="pnl-legend"
      className="flex flex-wrap items-baseline gap-x-4 gap-y-1 border-b border-border px-3 py-2 text-sm"
    >
      {candle ? (
        <>
          <span className="num text-muted">
            {when(candle.t)}
            {live && <span className="ml-1 text-xs text-gain">live</span>}
          </span>
          {(['open', 'high', 'low', 'close'] as const).map((k) => (
            <span key={k}>
              <span className="mr-1 text-xs text-muted uppercase">{k[0]}</span>
              <span data-testid={`pnl-${k}`}>
                <Money value={candle[k]} pnl />
              </span>
            </span>
          ))}
        </>
      ) : (
        <span className="text-muted">No candles in this range yet.</span>
      )}
    </figcaption>
  );
}
