/**
 * The order blotter: every order of the account, live, filtered and sorted from the URL,
 * virtualised, exportable as CSV of exactly what the filter shows.
 */
import { memo, useCallback, useState } from 'react';
import { SIDES } from '../../protocol';
import { EmptyState, StreamGate } from '../../components/ui/stream-gate';
import { Segmented } from '../../components/ui/segmented';
import {
  accountKey,
  getOrder,
  useAccountLoaded,
  useDeferredOrderIds,
  useOrderCounts,
} from '../../stores';
import { BlotterTable } from './blotter-table';
import { filterFromParams, nextOrderSort, STATUS_GROUPS } from './order-filter-params';
import { sortParams } from '../../lib/url-params';
import { useUrlParams } from '../../lib/use-url-params';
import type { StatusGroupParam } from './order-filter-params';
import { ordersToCsv } from './orders-csv';

export const GROUP_LABELS: Record<StatusGroupParam, string> = {
  open: 'Open',
  filled: 'Filled',
  closed: 'Cancelled · rejected · expired',
  all: 'All',
};

export const control = 'rounded border border-border bg-surface px-2 py-1 text-sm';

export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function OrdersPage({ accountId }: { accountId: string }) {
  const [params, setUrl] = useUrlParams();
  const filter = filterFromParams(params, accountId);
  // Typing in the search box stays responsive; the 100k-row refilter follows a beat behind.
  const ids = useDeferredOrderIds(filter);
  const counts = useOrderCounts(accountId);
  const loaded = useAccountLoaded(accountId);
  const sort = filter.sort ?? { by: 'createdAt', dir: 'desc' };
  const set = useCallback(
    (key: string, value: string | undefined) => setUrl({ [key]: value }),
    [setUrl],
  );

  return (
    <section aria-labelledby="orders-title">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h1 id="orders-title" className="text-lg font-semibold">
          Orders
        </h1>
        <BlotterControls
          filter={filter}
          counts={counts}
          ids={ids}
          set={set}
          csvName={`orders-${accountId}-${filter.statusGroup}.csv`}
        />
      </div>
      <StreamGate
        streamKey={accountKey(accountId)}
        loaded={loaded}
        what="orders"
        accountId={accountId}
      >
        {ids.length === 0 ? (
          <EmptyState>
            {counts.all === 0
              ? 'No orders on this account yet.'
              : `No ${filter.statusGroup === 'all' ? '' : GROUP_LABELS[filter.statusGroup].toLowerCase() + ' '}orders match this filter.`}
          </EmptyState>
        ) : (
          <BlotterTable
            ids={ids}
            sort={sort}
            caption={`${GROUP_LABELS[filter.statusGroup]} orders of ${accountId}`}
            onSort={(by) => {
              setUrl(sortParams(nextOrderSort(sort, by)));
            }}
          />
        )}
      </StreamGate>
    </section>
  );
}

/**
 * The symbol and side filters, apart from the page: the page re-renders on every live update
 * (counts, rows), and React sets an input's attributes again on each render of it.
 */
export const SymbolAndSide = memo(function SymbolAndSide({
  symbol,
  side,
  set,
}: {
  symbol: string | undefined;
  side: string | undefined;
  set: (key: string, value: string | undefined) => void;
}) {
  const [symbolDraft, setSymbolDraft] = useState(symbol ?? '');
  // The URL may change from elsewhere (the command palette, back/forward): the field follows it.
  const [urlSymbol, setUrlSymbol] = useState(symbol);
  if (symbol !== urlSymbol) {
    setUrlSymbol(symbol);
    if ((symbol ?? '') !== symbolDraft.trim().toUpperCase()) setSymbolDraft(symbol ?? '');
  }
  return (
    <>
      <label className="flex items-center gap-1.5 text-sm text-muted">
        Symbol
        <input
          type="search"
          value={symbolDraft}
          placeholder="e.g. AAPL"
          spellCheck={false}
          autoCapitalize="characters"
          onChange={(e) => {
            setSymbolDraft(e.target.value);
            set('symbol', e.target.value.trim().toUpperCase());
          }}
          className={`${control} w-28 font-mono text-text uppercase placeholder:normal-case`}
        />
      </label>
      <label className="flex items-center gap-1.5 text-sm text-muted">
        Side
        <select
          value={side ?? ''}
          onChange={(e) => set('side', e.target.value)}
          className={`${control} text-text`}
        >
          <option value="">Both</option>
          {SIDES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    </>
  );
});

/** Status tabs with their counts, symbol and side, how many rows show, and those rows as CSV. */
export function BlotterControls({
  filter,
  counts,
  ids,
  set,
  csvName,
  withAccount = false,
}: {
  filter: ReturnType<typeof filterFromParams>;
  counts: Record<StatusGroupParam, number>;
  ids: readonly string[];
  set: (key: string, value: string | undefined) => void;
  csvName: string;
  withAccount?: boolean;
}) {
  return (
    <>
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
            csvName,
            ordersToCsv(
              ids.map((id) => getOrder(id)).filter((o) => o !== undefined),
              withAccount,
            ),
          )
        }
        className={`${control} text-text disabled:opacity-50`}
      >
        Export CSV
      </button>
    </>
  );
}
