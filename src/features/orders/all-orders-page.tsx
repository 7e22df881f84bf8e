/**
 * The combined blotter (`?account=all`): every order of every account of the user in one
 * virtualised table with an Account column, filtered to one account by `?acct=`, and by status,
 * symbol and side exactly as the one-account blotter.
 */
import { useCallback } from 'react';
import { EmptyState, Skeleton } from '../../components/ui/stream-gate';
import { sortParams } from '../../lib/url-params';
import { useUrlParams } from '../../lib/use-url-params';
import { useDeferredOrderIds, useLoadedAccounts, useOrderCountsOf } from '../../stores';
import { BlotterTable } from './blotter-table';
import { filterFromParams, nextOrderSort } from './order-filter-params';
import { BlotterControls, control, GROUP_LABELS } from './orders-page';

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
        <BlotterControls
          filter={filter}
          counts={counts}
          ids={ids}
          set={set}
          csvName={`orders-${only ?? 'all-accounts'}-${filter.statusGroup}.csv`}
          withAccount
        />
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
