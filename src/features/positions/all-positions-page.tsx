/**
 * Positions of every account (`?account=all`): one section per account, grouped by underlying
 * as on the one-account page, each with its subtotal, and the grand total of all accounts.
 * Each account shows its own state: loading, refused or stale, while the others stay live.
 */
import { useMemo } from 'react';
import { formatPercent } from '../../lib/format';
import { PositionMoneyCells } from '../../components/ui/position-money-cells';
import { accountSearch } from '../../lib/url-params';
import { SortHeader } from '../../components/ui/sort-header';
import { Skeleton } from '../../components/ui/stream-gate';
import { freshnessLabel } from '../../components/ui/account-status-chips';
import { accountKey, useLoadedAccounts, usePositionsOf, useTopicFreshness } from '../../stores';
import { buildAccountBooks } from './account-books';
import type { AccountBook } from './account-books';
import { COLUMNS, Group, MoneyCells, usePositionSort } from './positions-page';

function AccountSection({ account, loaded }: { account: AccountBook; loaded: boolean }) {
  const { accountId, book, subtotal, weight } = account;
  const freshness = useTopicFreshness(accountKey(accountId));
  const search = accountSearch(accountId);
  const note =
    freshness.status === 'error'
      ? `Not available: ${freshness.code}`
      : !loaded
        ? 'Loading…'
        : book.groups.length === 0
          ? 'No open positions.'
          : undefined;
  const dim = freshness.status === 'stale' || freshness.status === 'failed';
  return (
    <>
      <tbody>
        <tr
          className="border-y-2 border-border bg-panel font-semibold"
          data-testid={`account-subtotal-${accountId}`}
        >
          <th scope="rowgroup" colSpan={4} className="px-2 py-1.5 text-left">
            <span className="font-mono">{accountId}</span>{' '}
            <span className="font-normal text-muted">
              · {subtotal.count} {subtotal.count === 1 ? 'position' : 'positions'}
              {freshness.status !== 'live' && ` · ${freshnessLabel(freshness)}`}
            </span>
          </th>
          <PositionMoneyCells of={subtotal} />
          <td className="num px-2">
            {formatPercent(weight)} <span className="text-xs font-normal text-muted">of all</span>
          </td>
        </tr>
        {note && (
          <tr>
            <td
              colSpan={COLUMNS.length}
              className={`px-2 py-2 text-sm ${freshness.status === 'error' ? 'text-loss' : 'text-muted'}`}
            >
              {note}
            </td>
          </tr>
        )}
      </tbody>
      {book.groups.map((g) => (
        <Group key={`${accountId}|${g.underlying}`} group={g} search={search} dim={dim} />
      ))}
    </>
  );
}

export function AllPositionsPage({ accountIds }: { accountIds: readonly string[] }) {
  const { sort, onSort } = usePositionSort();
  const positions = usePositionsOf(accountIds);
  const loaded = useLoadedAccounts(accountIds);
  const books = useMemo(
    () => buildAccountBooks(positions, { by: sort.by, dir: sort.dir }),
    [positions, sort.by, sort.dir],
  );

  return (
    <section aria-labelledby="positions-title">
      <div className="mb-3 flex items-baseline gap-3">
        <h1 id="positions-title" className="text-lg font-semibold">
          Positions <span className="text-sm font-normal text-muted">· all accounts</span>
        </h1>
        <span className="num text-sm text-muted" data-testid="positions-count">
          {books.total.count} open
        </span>
      </div>
      {loaded.length === 0 ? (
        <Skeleton rows={6} label="Loading positions…" />
      ) : (
        <div className="overflow-x-auto rounded border border-border">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">
              Open positions of every account, by account, then by underlying; a line&apos;s share
              is of its account, an account&apos;s of all accounts
            </caption>
            <thead className="bg-panel text-xs text-muted">
              <tr>
                {COLUMNS.map((c) => (
                  <SortHeader
                    key={c.id}
                    column={c.id}
                    label={c.id === 'weight' ? '% of account' : c.label}
                    numeric={c.numeric}
                    sort={sort}
                    onSort={onSort}
                  />
                ))}
              </tr>
            </thead>
            {books.accounts.map((a) => (
              <AccountSection key={a.accountId} account={a} loaded={loaded.includes(a.accountId)} />
            ))}
            <tfoot>
              <tr className="border-t-2 border-border font-semibold" data-testid="positions-total">
                <th scope="row" colSpan={4} className="px-2 py-1.5 text-left">
                  All accounts ({books.total.count})
                </th>
                <MoneyCells of={books.total} weight={books.total.count > 0 ? '100' : undefined} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
