/**
 * The at-a-glance account view: equity, day P&L, buying power, open orders, the largest
 * positions, today's P&L line and the latest news, marked stale whenever the connection is
 * down (never shown as live when it is not).
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { abs, add, compare } from '../../lib/decimal';
import { dayPnl as dayPnlOf } from '../../lib/account-math';
import { formatMoney, formatQty, formatPrice } from '../../lib/format';
import { formatClock, formatDateTime, startOfTradingDay } from '../../lib/time';
import { useDisplayZone } from '../../lib/display-zone';
import { describePosition } from '../../lib/instrument';
import { accountSearch } from '../../lib/url-params';
import { Money } from '../../components/ui/money';
import { PositionMoneyCells } from '../../components/ui/position-money-cells';
import { Sparkline } from '../../components/ui/sparkline';
import { StreamGate } from '../../components/ui/stream-gate';
import { RiskPanel } from './risk-panel';
import { useStream } from '../../session/use-stream';
import type { Balance, Position } from '../../protocol';
import {
  accountKey,
  pnlKey,
  useAccountInfo,
  useBalances,
  useNews,
  useOrderCounts,
  usePnlCandles,
  usePnlInterval,
  usePositions,
  usePositionTotals,
} from '../../stores';

const TOP_POSITIONS = 5;
const NUMERIC_HEADERS = [
  'Qty',
  'Avg price',
  'Last',
  'Market value',
  'Unrealized P&L',
  'Realized today',
] as const;
const LATEST_NEWS = 5;

/** The largest positions by absolute market value (a short is as much risk as a long). */
export function topPositions(positions: readonly Position[], n: number): Position[] {
  return [...positions].sort((a, b) => compare(abs(b.marketValue), abs(a.marketValue))).slice(0, n);
}

export function OverviewPage({ accountId }: { accountId: string }) {
  const balance = useBalances(accountId);
  return (
    <StreamGate
      streamKey={accountKey(accountId)}
      loaded={balance !== undefined}
      what={`account ${accountId}`}
      accountId={accountId}
    >
      {balance && <AccountOverview accountId={accountId} balance={balance} />}
    </StreamGate>
  );
}

function AccountOverview({ accountId, balance }: { accountId: string; balance: Balance }) {
  const info = useAccountInfo(accountId);
  const counts = useOrderCounts(accountId);
  const positions = usePositions(accountId);
  const totals = usePositionTotals(accountId);
  const top = useMemo(() => topPositions(positions, TOP_POSITIONS), [positions]);
  const search = accountSearch(accountId);
  const dayPnl = dayPnlOf(balance);
  return (
    <div>
      <h1 className="mb-3 text-lg font-semibold">
        {info?.displayName ?? accountId}{' '}
        <span className="text-sm font-normal text-muted">
          {accountId} · {info?.accountType} · options {info?.optionsLevel}
        </span>
      </h1>
      <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-5">
        {(
          [
            ['Total equity', balance.totalEquity, false],
            ["Today's P&L", dayPnl, true],
            ['Net buying power', balance.netBuyingPower, false],
            ['Cash', add(balance.settledFunds, balance.unsettledFunds), false],
          ] as const
        ).map(([label, value, pnl]) => (
          <div key={label} className="rounded border border-border bg-panel p-3">
            <dt className="text-xs text-muted">{label}</dt>
            <dd className="mt-1 text-lg" data-testid={label}>
              <Money value={value} pnl={pnl} />
            </dd>
          </div>
        ))}
        <div className="rounded border border-border bg-panel p-3">
          <dt className="text-xs text-muted">Open orders</dt>
          <dd className="num mt-1 text-lg" data-testid="Open orders">
            {counts.open}
          </dd>
        </div>
      </dl>
      <RiskPanel balance={balance} info={info} positions={positions} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <table className="w-full self-start text-sm">
          <caption className="mb-2 text-left font-semibold">
            Top positions{' '}
            <Link to={`/positions${search}`} className="ml-2 text-sm font-normal text-accent">
              All {totals.count} positions →
            </Link>
          </caption>
          <thead className="text-muted">
            <tr className="border-b border-border">
              <th scope="col" className="py-1 text-left">
                Symbol
              </th>
              {NUMERIC_HEADERS.map((h) => (
                <th key={h} scope="col" className="text-right">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {top.map((p) => (
              <tr key={p.symbol} className="border-b border-border/50">
                <th scope="row" className="py-1 text-left font-mono font-normal">
                  {describePosition(p)}
                </th>
                <td className="num">{formatQty(p.qty, { signed: true })}</td>
                <td className="num">{formatPrice(p.avgPrice)}</td>
                <td className="num">{formatPrice(p.lastPrice)}</td>
                <PositionMoneyCells of={p} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className="py-1 text-left">
                All positions ({totals.count})
              </th>
              <td colSpan={3} />
              <PositionMoneyCells of={totals} />
            </tr>
          </tfoot>
        </table>
        <aside className="space-y-6">
          <TodayPnl accountId={accountId} search={search} />
          <LatestNews search={search} />
        </aside>
      </div>
    </div>
  );
}

function TodayPnl({ accountId, search }: { accountId: string; search: string }) {
  // Fixed at mount: the exchange's trading day of this visit; the live candle keeps the line moving.
  const [startTime] = useState(() => startOfTradingDay(Date.now()));
  useStream({ topic: 'pnl', params: { accountId, interval: '5m', startTime } });
  const candles = usePnlCandles(pnlKey(accountId));
  // The series may still be another page's (the P&L page's range, or the cache of it) until
  // this subscription's snapshot lands: only 5-minute candles are "today in 5-minute steps".
  const interval = usePnlInterval(pnlKey(accountId));
  const closes = useMemo(
    () => (interval === '5m' ? candles.slice().map((c) => c.close) : []),
    [candles, interval],
  );
  const last = closes.at(-1);
  return (
    <section aria-labelledby="today-pnl" className="rounded border border-border bg-panel p-3">
      <h2 id="today-pnl" className="flex items-baseline justify-between text-sm font-semibold">
        P&amp;L today
        <Link to={`/pnl${search}`} className="text-xs font-normal text-accent">
          Chart →
        </Link>
      </h2>
      {closes.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No P&amp;L candles yet today.</p>
      ) : (
        <div className="mt-2 flex items-end justify-between gap-3">
          <Sparkline
            closes={closes}
            label={`P&L today in 5-minute steps, now ${formatMoney(last, { signed: true })}`}
          />
          <span className="text-lg" data-testid="overview-pnl-last">
            <Money value={last} pnl />
          </span>
        </div>
      )}
    </section>
  );
}

function LatestNews({ search }: { search: string }) {
  const articles = useNews({ limit: LATEST_NEWS });
  const zone = useDisplayZone();
  return (
    <section aria-labelledby="latest-news" className="rounded border border-border bg-panel p-3">
      <h2 id="latest-news" className="flex items-baseline justify-between text-sm font-semibold">
        Latest news
        <Link to={`/news${search}`} className="text-xs font-normal text-accent">
          All news →
        </Link>
      </h2>
      {articles.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No news yet.</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {articles.map((a) => (
            <li key={a.id} className="line-clamp-2 break-words">
              <time
                dateTime={a.publishedAt}
                title={formatDateTime(a.publishedAt, zone)}
                className="num mr-2 text-xs text-muted"
              >
                {formatClock(a.publishedAt, zone)}
              </time>
              {a.headline.slice(0, 300)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
