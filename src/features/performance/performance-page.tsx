/**
 * Performance analytics from the account's P&L stream: one subscription of daily candles over
 * the calendar's year; the chosen range's drawdown and day statistics, the calendar heatmap,
 * today's P&L by symbol from the positions, and the daily series as CSV. Live with the stream:
 * today's candle moves today's figures.
 */
import { useMemo, useState } from 'react';
import { accountSearch } from '../../lib/url-params';
import { useUrlParams } from '../../lib/use-url-params';
import { sub } from '../../lib/decimal';
import { createDayStats } from '../../lib/performance/day-stats';
import { createDailyPnl, DAY_SECONDS, type DayPnl } from '../../lib/performance/daily-pnl';
import { createDrawdown } from '../../lib/performance/drawdown';
import { dailyCsv } from '../../lib/performance/daily-csv';
import { Segmented } from '../../components/ui/segmented';
import { StreamGate } from '../../components/ui/stream-gate';
import { PerformanceFigures } from '../../components/performance/performance-figures';
import { useStream } from '../../session/use-stream';
import { pnlKey, usePnlCandles, usePnlInterval, usePnlSince } from '../../stores';
import {
  PERFORMANCE_RANGES,
  rangeFirstDay,
  rangeFromParams,
  subscriptionStart,
  type PerformanceRange,
} from './performance-range';
import { PnlCalendar } from './pnl-calendar';
import { PnlBySymbol } from './pnl-by-symbol-table';

const dayDrawdown = () =>
  createDrawdown<DayPnl>(
    // The range starts from the close of the day before it.
    (d) => ({ t: d.t - DAY_SECONDS, value: sub(d.close, d.pnl) }),
    (d) => ({ t: d.t, value: d.close }),
  );

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function Figures({
  seriesKey,
  range,
  nowS,
  accountId,
}: {
  seriesKey: string;
  range: PerformanceRange;
  nowS: number;
  accountId: string;
}) {
  const candles = usePnlCandles(seriesKey);
  const [folds] = useState(() => ({
    days: createDailyPnl(),
    stats: createDayStats(),
    drawdown: dayDrawdown(),
  }));
  const days = useMemo(() => folds.days(candles), [folds, candles]);
  const firstDay = rangeFirstDay(range, nowS);
  const inRange = useMemo(() => days.filter((d) => d.t >= firstDay), [days, firstDay]);
  const stats = useMemo(() => folds.stats(inRange), [folds, inRange]);
  const drawdown = useMemo(() => folds.drawdown(inRange), [folds, inRange]);
  const search = accountSearch(accountId);
  const csvName = `pnl-daily-${accountId}-${inRange[0]?.day ?? ''}-${inRange.at(-1)?.day ?? ''}.csv`;

  return (
    <div className="space-y-6">
      <section aria-labelledby="perf-figures" className="space-y-2">
        <div className="flex flex-wrap items-baseline gap-3">
          <h2 id="perf-figures" className="font-semibold">
            Figures
          </h2>
          <span className="text-xs text-muted">
            {inRange[0]?.day} → {inRange.at(-1)?.day}
          </span>
          <button
            type="button"
            onClick={() => download(csvName, dailyCsv(inRange))}
            disabled={inRange.length === 0}
            className="ml-auto rounded border border-border px-2 py-1 text-sm"
          >
            Export daily CSV
          </button>
        </div>
        <PerformanceFigures stats={stats} drawdown={drawdown} intraday={false} />
      </section>
      <section aria-labelledby="perf-calendar-title" className="space-y-2">
        <h2 id="perf-calendar-title" className="font-semibold">
          Daily P&amp;L calendar
        </h2>
        <PnlCalendar days={days} nowS={nowS} search={search} />
      </section>
      <PnlBySymbol accountId={accountId} />
    </div>
  );
}

export function PerformancePage({ accountId }: { accountId: string }) {
  const [params, set] = useUrlParams();
  const range = rangeFromParams(params);
  // Fixed at mount, so the subscription does not churn; today's candle keeps the figures live.
  const [nowS] = useState(() => Math.floor(Date.now() / 1000));
  const startTime = subscriptionStart(nowS);
  const key = pnlKey(accountId);
  useStream({ topic: 'pnl', params: { accountId, interval: '1d', startTime } });
  const interval = usePnlInterval(key);
  const since = usePnlSince(key);
  const loaded = interval === '1d' && since === startTime;

  return (
    <section aria-labelledby="perf-title" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="perf-title" className="text-lg font-semibold">
          Performance
        </h1>
        <Segmented<PerformanceRange>
          label="Range"
          options={PERFORMANCE_RANGES}
          value={range}
          onChange={(r) => set({ range: r })}
        />
      </div>
      <p className="max-w-4xl text-sm text-muted">
        From the account&apos;s daily P&amp;L candles. A candle&apos;s close is the account&apos;s
        running P&amp;L at the candle&apos;s end (equity less its baseline, in account currency);
        for a daily candle that is the level at the end of the UTC day, or now for today. A
        day&apos;s P&amp;L is therefore its close less the previous day&apos;s close, and days are
        UTC days. Every figure is exact to the cent; hover or focus a figure&apos;s name for how it
        is computed.
      </p>
      <StreamGate
        streamKey={key}
        loaded={loaded}
        what="daily P&L candles"
        accountId={accountId}
        skeletonRows={8}
      >
        <Figures seriesKey={key} range={range} nowS={nowS} accountId={accountId} />
      </StreamGate>
    </section>
  );
}
