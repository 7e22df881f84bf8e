/**
 * The account's P&L as candles: interval and range in the URL (resubscribing on change),
 * the range's change, high and low in exact decimals, and the live chart.
 */
import { useMemo, useState } from 'react';
import { PNL_INTERVALS } from '../../protocol';
import type { PnlInterval } from '../../protocol';
import { exchangeDate } from '../../protocol/exchange-time';
import { useUrlParams } from '../../lib/use-url-params';
import { formatDateTime, formatWallMinute } from '../../lib/time';
import { useDisplayZone } from '../../lib/display-zone';
import { Money } from '../../components/ui/money';
import { PerformanceFigures } from '../../components/performance/performance-figures';
import { useCandlePerformance } from '../../components/performance/use-candle-performance';
import { Segmented } from '../../components/ui/segmented';
import { StreamGate } from '../../components/ui/stream-gate';
import { useStream } from '../../session/use-stream';
import { pnlKey, usePnlCandles, usePnlInterval, usePnlSince } from '../../stores';
import { createSummarizer } from './chart-data';
import { PnlChart } from './pnl-chart';
import {
  firstScreenStart,
  PNL_RANGES,
  dayFromParams,
  pnlViewFromParams,
  RANGE_DEFAULT_INTERVAL,
  RANGE_LABELS,
  rangeStart,
} from './pnl-range';
import type { PnlRange } from './pnl-range';

/**
 * The range's figures. While only the first screen of a long range is in (`partial`), the
 * change, high and low would describe the wrong span, so they wait; "now" is right either way.
 */
function Summary({ seriesKey, partial }: { seriesKey: string; partial: boolean }) {
  const candles = usePnlCandles(seriesKey);
  const [summarizer] = useState(createSummarizer);
  const s = useMemo(() => summarizer(candles), [summarizer, candles]);
  if (!s) return null;
  return (
    <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1 text-sm">
      <dl className="contents">
        {(
          [
            ['Change in range', s.change, 'pnl-change'],
            ['Now', s.last, 'pnl-now'],
            ['High', s.high, 'pnl-high'],
            ['Low', s.low, 'pnl-low'],
          ] as const
        ).map(([label, value, id]) => (
          <div key={label} className="flex items-baseline gap-2">
            <dt className="text-muted">{label}</dt>
            <dd className="text-base" data-testid={id}>
              {partial && id !== 'pnl-now' ? (
                <span className="text-muted">…</span>
              ) : (
                <Money value={value} pnl />
              )}
            </dd>
          </div>
        ))}
        <div className="flex items-baseline gap-2">
          <dt className="text-muted">Candles</dt>
          <dd className="num" data-testid="pnl-count">
            {candles.length.toLocaleString('en-US')}
          </dd>
        </div>
      </dl>
      {partial && (
        <p role="status" data-testid="pnl-partial" className="text-muted">
          Loading the whole range; change, high and low follow when it is in.
        </p>
      )}
    </div>
  );
}

/**
 * Drawdown and day statistics of the candles the chart holds (the one P&L subscription):
 * days fold from any interval of a day or shorter; monthly candles give the drawdown only.
 */
function PerformancePanel({
  seriesKey,
  interval,
  partial,
}: {
  seriesKey: string;
  interval: PnlInterval | undefined;
  partial: boolean;
}) {
  const candles = usePnlCandles(seriesKey);
  const perf = useCandlePerformance(candles, interval !== '1mo');
  if (partial || candles.length === 0) return null;
  return (
    <section aria-labelledby="pnl-performance" className="space-y-2">
      <h2 id="pnl-performance" className="text-sm font-semibold">
        Performance in this range{' '}
        <span className="font-normal text-muted">
          (days are UTC days; a day&apos;s P&amp;L is its last close less the previous day&apos;s)
        </span>
      </h2>
      <PerformanceFigures
        stats={perf.stats}
        drawdown={perf.drawdown}
        intraday={interval !== '1d' && interval !== '1mo'}
        compact
      />
    </section>
  );
}

export function PnlPage({ accountId }: { accountId: string }) {
  const [params, set] = useUrlParams();
  const view = pnlViewFromParams(params);
  // Ranges are relative to when the page opened, so the subscription does not churn each render.
  const [openedAt] = useState(() => Date.now());
  const zone = useDisplayZone();
  const startTime = rangeStart(view, openedAt);
  const focusDay = dayFromParams(params);
  const key = pnlKey(accountId);
  const streamedInterval = usePnlInterval(key);
  const since = usePnlSince(key);
  const loaded = streamedInterval === view.interval;
  // A long range comes in two steps: one screen of candles first, then (once candles of this
  // interval are on screen) the whole range, which replaces them when it arrives.
  const quickStart = firstScreenStart(view.interval, startTime, openedAt);
  const asked = loaded || !quickStart ? startTime : quickStart;
  useStream({ topic: 'pnl', params: { accountId, interval: view.interval, startTime: asked } });

  return (
    <section aria-labelledby="pnl-title" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="pnl-title" className="text-lg font-semibold">
          P&amp;L
        </h1>
        <Segmented<PnlRange>
          label="Range"
          options={PNL_RANGES}
          value={view.range}
          render={(r) => RANGE_LABELS[r]}
          onChange={(range) =>
            set({
              range,
              interval: RANGE_DEFAULT_INTERVAL[range],
              from:
                range === 'custom'
                  ? (view.from ?? formatWallMinute(Date.parse(startTime), 'exchange'))
                  : undefined,
            })
          }
        />
        {view.range === 'custom' && (
          <label className="flex items-center gap-1.5 text-sm text-muted">
            {/* An exchange wall-clock minute, so a shared link means the same instant anywhere. */}
            From (ET)
            <input
              type="datetime-local"
              value={view.from ?? ''}
              max={formatWallMinute(openedAt, 'exchange')}
              onChange={(e) => set({ from: e.target.value })}
              className="rounded border border-border bg-surface px-2 py-1 text-sm text-text"
            />
          </label>
        )}
        <Segmented<PnlInterval>
          label="Interval"
          options={PNL_INTERVALS}
          value={view.interval}
          onChange={(interval) => set({ interval })}
        />
        <span className="text-xs text-muted">since {formatDateTime(startTime, zone)}</span>
        {focusDay !== undefined && (
          <span className="text-xs text-muted" data-testid="pnl-focus-day">
            showing {exchangeDate(focusDay * 1000)} (exchange day, ET)
          </span>
        )}
      </div>
      <StreamGate
        streamKey={key}
        loaded={loaded}
        what="P&L candles"
        accountId={accountId}
        skeletonRows={10}
      >
        <div className="space-y-3">
          <Summary seriesKey={key} partial={since !== startTime} />
          <PnlChart
            seriesKey={key}
            interval={streamedInterval}
            label={`P&L of ${accountId} in ${view.interval} candles since ${formatDateTime(startTime, zone)}`}
            focusDay={focusDay}
          />
          <PerformancePanel
            seriesKey={key}
            interval={streamedInterval}
            partial={since !== startTime}
          />
        </div>
      </StreamGate>
    </section>
  );
}
