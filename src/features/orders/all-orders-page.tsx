/**
 * The combined blotter (`?account=all`): every order of every account of the user in one
 * virtualised table with an Account column, filtered to one account by `?acct=`, and by status,
 * symbol and side exactly as the one-account blotter.
 */
import { useCallback } from 'react';
import { EmptyState, Skeleton } from '../../components/ui/stream-gate';
import { Segmented } from '../../components/ui/segmented';
import { sortParams } from '../../lib/url-params';
import { useUrlParams } from '../../lib/use-url-params';
import { getOrder, useDeferredOrderIds, useLoadedAccounts, useOrderCountsOf } from '../../stores';
import { BlotterTable } from './blotter-table';
import { filterFromParams, nextOrderSort, STATUS_GROUPS } from './order-filter-params';
import { control, download, GROUP_LABELS, SymbolAndSide } from './orders-page';
import { ordersToCsv } from './orders-csv';

export function AllOrdersPage({ accountIds }: { accountIds: readonly string[] }) {
  const [params, setUrl] = useUrlParams();
  const picked = params.get('acct');
  // Only one of the user's accounts narrows the view; anything else shows them all.
  const only = picked && accountIds.includes(picked) ? picked : undefined;
  const filter = filterFromParams(params, only);
  const ids = useDeferredOrderIds(filter);
  const counts = useOrderCountsOf(only ? [only] : accountIds);
  const loaded = useLoadedAccounts(accountIds);
  const sort = filter.sort ?? { by: 'createdAt', dir: 'desc' };
  const set = useCallback(
    (key: string, value: string | undefined) => setUrl({ [key]: value }),
    [setUrl],
  );
  const whose = only ?? 'every account';

  return (
    <section aria-labelledby="orders-title">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h1 id="orders-title" className="text-lg font-semibold">
          Orders <span className="text-sm font-normal text-muted">· all accounts</span>
        </h1>
        <label className="flex items-center gap-1.5 text-sm text-muted">
          Account
          <select
            aria-label="Account filter"
            value={only ?? ''}
            onChange={(e) => set('acct', e.target.value || undefined)}
            className={`${control} text-text`}
          >
            <option value="">All</option>
            {accountIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <Segmented
          label="Status"
          options={STATUS_GROUPS}
          value={filter.statusGroup}
          onChange={(g) => set('status', g === 'open' ? undefined : g)}
          render={(g) => (
            <>
              {GROUP_LABELS[g]}{' '}
              <span className="num text-xs">{counts[g].toLocaleString('en-US')}</span>
            </>
          )}
        />
        <SymbolAndSide symbol={filter.symbol} side={filter.side} set={set} />
        <span className="num ml-auto text-sm text-muted" data-testid="orders-shown">
          {ids.length.toLocaleString('en-US')} shown
        </span>
        <button
          type="button"
          disabled={ids.length === 0}
          onClick={() =>
            download(
              `orders-${only ?? 'all-accounts'}-${filter.statusGroup}.csv`,
              ordersToCsv(
                ids.map((id) => getOrder(id)).filter((o) => o !== undefined),
                true,
              ),
            )
          }
          className={`${control} text-text disabled:opacity-50`}
        >
          Export CSV
        </button>
      </div>
      {loaded.length === 0 ? (
        <Skeleton rows={6} label="Loading orders…" />
      ) : ids.length === 0 ? (
        <EmptyState>
          {counts.all === 0
            ? `No orders on ${whose} yet.`
            : `No ${filter.statusGroup === 'all' ? '' : GROUP_LABELS[filter.statusGroup].toLowerCase() + ' '}orders match this filter.`}
        </EmptyState>
      ) : (
        <BlotterTable
          ids={ids}
          sort={sort}
          withAccount
          caption={`${GROUP_LABELS[filter.statusGroup]} orders of ${whose}`}
          onSort={(by) => setUrl(sortParams(nextOrderSort(sort, by)))}
        />
      )}
    </section>
  );
}
