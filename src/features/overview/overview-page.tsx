/**
 * The at-a-glance account view: equity, day P&L, buying power, open orders and positions,
 * marked stale whenever the connection is down (never shown as live when it is not).
 */
import { add, sub } from '../../lib/decimal';
import { formatQty, formatPrice } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { Money } from '../../components/ui/money';
import type { Position } from '../../protocol';
import {
  accountKey,
  useAccountInfo,
  useBalances,
  useOrderCounts,
  usePositions,
  usePositionTotals,
  useTopicFreshness,
} from '../../stores';

type ValueColumns = Pick<Position, 'marketValue' | 'unrealizedPnL' | 'todayRealizedPnL'>;

/** The money columns shared by each position row and the totals row. */
function ValueCells({ of }: { of: ValueColumns }) {
  return (
    <>
      <td className="num">
        <Money value={of.marketValue} />
      </td>
      <td className="num">
        <Money value={of.unrealizedPnL} pnl />
      </td>
      <td className="num">
        <Money value={of.todayRealizedPnL} pnl />
      </td>
    </>
  );
}

export function OverviewPage({ accountId }: { accountId: string }) {
  const freshness = useTopicFreshness(accountKey(accountId));
  const balance = useBalances(accountId);
  const info = useAccountInfo(accountId);
  const counts = useOrderCounts(accountId);
  const positions = usePositions(accountId);
  const totals = usePositionTotals(accountId);

  if (freshness.status === 'error') {
    return (
      <p role="alert" className="rounded border border-loss p-4 text-loss">
        {freshness.code === 'ACCESS_DENIED'
          ? `You don't have access to account ${accountId}.`
          : `${freshness.code}: ${freshness.message}`}
      </p>
    );
  }
  if (!balance) {
    return (
      <p className="animate-pulse text-muted" aria-busy="true">
        Loading account {accountId}…
      </p>
    );
  }
  const stale = freshness.status === 'stale';
  // Day P&L against the start-of-day equity the server reports, in decimals.
  const dayPnl = sub(
    balance.totalEquity,
    add(balance.startOfDayCash, balance.sodPositionsMarketValue),
  );
  return (
    <div className={stale ? 'opacity-60' : ''}>
      {stale && (
        <p role="alert" className="mb-3 rounded border border-warn px-3 py-2 text-warn">
          Data is stale — disconnected since {formatTime(new Date(freshness.since).toISOString())};
          reconnecting…
        </p>
      )}
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
      <table className="w-full text-sm">
        <caption className="mb-2 text-left font-semibold">Positions</caption>
        <thead className="text-muted">
          <tr className="border-b border-border">
            <th scope="col" className="py-1 text-left">
              Symbol
            </th>
            <th scope="col" className="text-right">
              Qty
            </th>
            <th scope="col" className="text-right">
              Avg price
            </th>
            <th scope="col" className="text-right">
              Last
            </th>
            <th scope="col" className="text-right">
              Market value
            </th>
            <th scope="col" className="text-right">
              Unrealized P&amp;L
            </th>
            <th scope="col" className="text-right">
              Realized today
            </th>
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => (
            <tr key={p.symbol} className="border-b border-border/50">
              <th scope="row" className="py-1 text-left font-mono font-normal whitespace-pre">
                {p.symbol}
              </th>
              <td className="num">{formatQty(p.qty, { signed: true })}</td>
              <td className="num">{formatPrice(p.avgPrice)}</td>
              <td className="num">{formatPrice(p.lastPrice)}</td>
              <ValueCells of={p} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <th scope="row" className="py-1 text-left">
              Total ({totals.count})
            </th>
            <td colSpan={3} />
            <ValueCells of={totals} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
