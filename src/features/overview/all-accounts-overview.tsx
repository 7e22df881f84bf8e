/**
 * The overview of every account (`?account=all`): risk per account in one table (equity,
 * today's P&L, buying power, margin use, the largest position, PDT status, open orders) and
 * the totals that add up across accounts. Each account's row says when it is not live.
 */
import { useMemo } from 'react';
import { Link } from 'react-router';
import { formatPercent } from '../../lib/format';
import { accountSearch } from '../../lib/url-params';
import { Money } from '../../components/ui/money';
import { HelpTerm } from '../../components/ui/help-term';
import { Skeleton } from '../../components/ui/stream-gate';
import { freshnessLabel } from '../../components/ui/account-status-chips';
import {
  accountKey,
  useBalancesOf,
  useLoadedAccounts,
  useOrderCounts,
  usePositionsOf,
  useTopicFreshness,
} from '../../stores';
import { accountRiskRow, accountRiskTotals, pdtShort } from './account-risk';
import type { AccountRiskRow } from './account-risk';

const HEADERS: readonly (readonly [string, string])[] = [
  ['Total equity', 'The account’s total equity.'],
  ["Today's P&L", 'Realized plus unrealized P&L today, from the balance.'],
  ['Net buying power', 'Buying power left after open orders.'],
  ['Margin use', 'Maintenance requirement as a share of equity; 100% or more is a margin call.'],
  ['Largest position', 'The largest position by absolute market value, as a share of equity.'],
  ['PDT', 'Pattern-day-trader status (margin accounts only).'],
  ['Open orders', 'Orders not yet filled, cancelled, rejected or expired.'],
];

function StatusCell({ accountId }: { accountId: string }) {
  const f = useTopicFreshness(accountKey(accountId));
  return (
    <span className={f.status === 'error' ? 'text-loss' : 'text-muted'}>{freshnessLabel(f)}</span>
  );
}

function OpenOrders({ accountId }: { accountId: string }) {
  return <>{useOrderCounts(accountId).open}</>;
}

function RiskRow({ row }: { row: AccountRiskRow }) {
  const search = accountSearch(row.accountId);
  return (
    <tr className="border-b border-border/50" data-account={row.accountId}>
      <th scope="row" className="px-2 py-1.5 text-left font-normal">
        <Link to={`/${search}`} className="font-mono text-accent hover:underline">
          {row.accountId}
        </Link>
        <span className="block text-xs text-muted">
          {row.info?.accountType ?? '—'} · <StatusCell accountId={row.accountId} />
        </span>
      </th>
      <td className="num px-2">
        <Money value={row.totalEquity} />
      </td>
      <td className="num px-2">
        <Money value={row.dayPnl} pnl />
      </td>
      <td className="num px-2">
        <Money value={row.netBuyingPower} />
      </td>
      <td className="num px-2">{formatPercent(row.marginUse)}</td>
      <td className="num px-2">
        {row.largest ? (
          <>
            {formatPercent(row.largest.percentOfEquity)}
            <span className="block text-xs text-muted">{row.largest.label}</span>
          </>
        ) : (
          '—'
        )}
      </td>
      <td className="px-2 text-right text-xs">{pdtShort(row.pdt)}</td>
      <td className="num px-2">
        <OpenOrders accountId={row.accountId} />
      </td>
    </tr>
  );
}

/** An account with no balance yet (loading, or refused): its row says which. */
function PendingRow({ accountId }: { accountId: string }) {
  return (
    <tr className="border-b border-border/50" data-account={accountId}>
      <th scope="row" className="px-2 py-1.5 text-left font-normal">
        <span className="font-mono">{accountId}</span>
      </th>
      <td colSpan={HEADERS.length} className="px-2 text-sm">
        <StatusCell accountId={accountId} />
      </td>
    </tr>
  );
}

export function AllAccountsOverview({ accountIds }: { accountIds: readonly string[] }) {
  const views = useBalancesOf(accountIds);
  const positions = usePositionsOf(accountIds);
  const loaded = useLoadedAccounts(accountIds);
  const rows = useMemo(
    () =>
      views.map((v, i) =>
        v.balance
          ? accountRiskRow(v.accountId, v.balance, v.info, positions[i]?.positions ?? [])
          : v.accountId,
      ),
    [views, positions],
  );
  const totals = accountRiskTotals(rows.filter((r) => typeof r !== 'string'));
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title" className="mb-3 text-lg font-semibold">
        All accounts <span className="text-sm font-normal text-muted">· risk per account</span>
      </h1>
      {loaded.length === 0 ? (
        <Skeleton rows={accountIds.length + 1} label="Loading accounts…" />
      ) : (
        <div className="overflow-x-auto rounded border border-border">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Risk of every account, one row per account</caption>
            <thead className="bg-panel text-xs text-muted">
              <tr>
                <th scope="col" className="px-2 py-1.5 text-left">
                  Account
                </th>
                {HEADERS.map(([label, help]) => (
                  <th key={label} scope="col" className="px-2 py-1.5 text-right">
                    <HelpTerm help={help}>{label}</HelpTerm>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) =>
                typeof r === 'string' ? (
                  <PendingRow key={r} accountId={r} />
                ) : (
                  <RiskRow key={r.accountId} row={r} />
                ),
              )}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-border font-semibold" data-testid="overview-total">
                <th scope="row" className="px-2 py-1.5 text-left">
                  All accounts
                </th>
                <td className="num px-2">
                  <Money value={totals.totalEquity} />
                </td>
                <td className="num px-2">
                  <Money value={totals.dayPnl} pnl />
                </td>
                <td
                  colSpan={HEADERS.length - 2}
                  className="px-2 text-right text-xs font-normal text-muted"
                >
                  Buying power, margin use and concentration are each account&apos;s own
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
