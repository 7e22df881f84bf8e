/**
 * Today's P&L of every account (`?account=all`): one `pnl` subscription per account, all in the
 * same interval from the exchange's start of day, shown per account and, where the candles
 * line up, combined (closes only: see combine-pnl.ts). The one-account chart is on `/pnl` of
 * each account.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatMoney } from '../../lib/format';
import { startOfTradingDay } from '../../lib/time';
import { accountSearch } from '../../lib/url-params';
import { Money } from '../../components/ui/money';
import { Sparkline } from '../../components/ui/sparkline';
import { freshnessLabel } from '../../components/ui/account-status-chips';
import { useStreams } from '../../session/use-stream';
import type { PnlInterval } from '../../protocol';
import { pnlKey, usePnlSeriesOf, useTopicFreshness } from '../../stores';
import { combinePnl } from './combine-pnl';
import type { AccountPnlSeries } from './combine-pnl';

const INTERVAL: PnlInterval = '5m';

function AccountCard({ series }: { series: AccountPnlSeries }) {
  const f = useTopicFreshness(pnlKey(series.accountId));
  const ours = series.interval === INTERVAL;
  const closes = ours ? series.candles.map((c) => c.close) : [];
  const last = closes.at(-1);
  return (
    <section
      aria-labelledby={`pnl-${series.accountId}`}
      className="rounded border border-border bg-panel p-3"
      data-testid={`pnl-card-${series.accountId}`}
    >
      <h2
        id={`pnl-${series.accountId}`}
        className="flex items-baseline justify-between text-sm font-semibold"
      >
        <span className="font-mono">{series.accountId}</span>
        <span className="text-xs font-normal text-muted">{freshnessLabel(f)}</span>
      </h2>
      {f.status === 'error' ? (
        <p className="mt-2 text-sm text-loss">Not available: {f.code}</p>
      ) : closes.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No P&amp;L candles yet today.</p>
      ) : (
        <div className="mt-2 flex items-end justify-between gap-3">
          <Sparkline
            closes={closes}
            label={`${series.accountId} P&L today in 5-minute steps, now ${formatMoney(last, { signed: true })}`}
          />
          <span className="text-lg" data-testid={`pnl-last-${series.accountId}`}>
            <Money value={last} pnl />
          </span>
        </div>
      )}
      <Link
        to={`/pnl${accountSearch(series.accountId)}`}
        className="mt-2 inline-block text-xs text-accent"
      >
        Chart →
      </Link>
    </section>
  );
}

export function AllPnlPage({ accountIds }: { accountIds: readonly string[] }) {
  // Fixed at mount: the exchange's trading day of this visit, one start for every account.
  const [startTime] = useState(() => startOfTradingDay(Date.now()));
  useStreams(
    accountIds.map((accountId) => ({
      topic: 'pnl',
      params: { accountId, interval: INTERVAL, startTime },
    })),
  );
  const keys = useMemo(() => accountIds.map(pnlKey), [accountIds]);
  const raw = usePnlSeriesOf(keys);
  const series = useMemo(
    () =>
      raw.map((s, i) => ({
        accountId: accountIds[i] as string,
        interval: s.interval,
        candles: s.candles.slice(),
      })),
    [raw, accountIds],
  );
  const combined = useMemo(() => combinePnl(series, INTERVAL), [series]);
  const last = combined.points.at(-1)?.close;
  return (
    <section aria-labelledby="pnl-title">
      <h1 id="pnl-title" className="mb-3 text-lg font-semibold">
        P&amp;L today <span className="text-sm font-normal text-muted">· all accounts</span>
      </h1>
      <section
        aria-labelledby="pnl-combined"
        className="mb-4 rounded border border-border bg-panel p-3"
      >
        <h2 id="pnl-combined" className="text-sm font-semibold">
          Combined
        </h2>
        {combined.points.length === 0 ? (
          <p className="mt-2 text-sm text-muted">No P&amp;L candles yet today.</p>
        ) : (
          <div className="mt-2 flex items-end justify-between gap-3">
            <Sparkline
              width={480}
              closes={combined.points.map((p) => p.close)}
              label={`Combined P&L today in 5-minute steps, now ${formatMoney(last, { signed: true })}`}
            />
            <span className="text-lg" data-testid="pnl-combined-last">
              <Money value={last} pnl />
            </span>
          </div>
        )}
        <p className="mt-2 text-xs text-muted">
          Sum of the closes of {combined.included.join(', ') || 'no account yet'} at the 5-minute
          candles they all have; highs and lows do not add up across accounts, so only closes are
          combined.
          {combined.excluded.length > 0 && ` Not yet included: ${combined.excluded.join(', ')}.`}
        </p>
      </section>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {series.map((s) => (
          <AccountCard key={s.accountId} series={s} />
        ))}
      </div>
    </section>
  );
}
