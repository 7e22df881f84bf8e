/**
 * Open positions grouped by underlying, with decimal subtotals and totals, each line's share
 * of the portfolio and a small allocation chart. Sort lives in the URL; closed positions leave.
 */
import { useMemo } from 'react';
import { Link } from 'react-router';
import { formatPercent, formatPrice, formatQty } from '../../lib/format';
import { accountSearch, nextSort, sortFromParams, sortParams } from '../../lib/url-params';
import { useUrlParams } from '../../lib/use-url-params';
import type { Sort } from '../../lib/url-params';
import { PositionMoneyCells } from '../../components/ui/position-money-cells';
import type { PositionMoney } from '../../components/ui/position-money-cells';
import { SortHeader } from '../../components/ui/sort-header';
import { EmptyState, StreamGate } from '../../components/ui/stream-gate';
import { useFlashOnChange } from '../../components/ui/use-flash-on-change';
import { accountKey, usePositions, usePositionsLoaded, usePositionTotals } from '../../stores';
import { buildPositionBook, DEFAULT_POSITION_SORT, POSITION_SORT_COLUMNS } from './position-groups';
import type { PositionGroup, PositionLine, PositionSortColumn } from './position-groups';
import { AllocationChart } from './allocation-chart';
import { describePosition } from '../../lib/instrument';

export const COLUMNS: readonly { id: PositionSortColumn; label: string; numeric?: boolean }[] = [
  { id: 'symbol', label: 'Symbol' },
  { id: 'qty', label: 'Qty', numeric: true },
  { id: 'avgPrice', label: 'Avg price', numeric: true },
  { id: 'lastPrice', label: 'Last', numeric: true },
  { id: 'marketValue', label: 'Market value', numeric: true },
  { id: 'unrealizedPnL', label: 'Unrealized P&L', numeric: true },
  { id: 'todayRealizedPnL', label: 'Realized today', numeric: true },
  { id: 'weight', label: '% of portfolio', numeric: true },
];

export function MoneyCells({ of, weight }: { of: PositionMoney; weight: string | undefined }) {
  return (
    <>
      <PositionMoneyCells of={of} />
      <td className="num px-2">{formatPercent(weight)}</td>
    </>
  );
}

function LineRow({ line, search }: { line: PositionLine; search: string }) {
  const p = line.position;
  const ref = useFlashOnChange<HTMLTableRowElement>(p);
  const option = p.securityType === 'OPTION';
  return (
    <tr ref={ref} className="border-b border-border/50" data-symbol={p.symbol}>
      <th scope="row" className={`px-2 py-1 text-left font-normal ${option ? 'pl-6' : ''}`}>
        <Link
          to={`/orders${search}&status=all&symbol=${encodeURIComponent(p.underlying ?? p.symbol)}`}
          className="font-mono hover:underline"
          title={`Orders in ${p.underlying ?? p.symbol}`}
        >
          {describePosition(p)}
        </Link>
        {option && <span className="ml-2 text-xs text-muted">×{p.multiplier ?? '100'}</span>}
      </th>
      <td className="num px-2">{formatQty(p.qty, { signed: true })}</td>
      <td className="num px-2">{formatPrice(p.avgPrice)}</td>
      <td className="num px-2">{formatPrice(p.lastPrice)}</td>
      <MoneyCells of={p} weight={line.weight} />
    </tr>
  );
}

export function Group({
  group,
  search,
  dim = false,
}: {
  group: PositionGroup;
  search: string;
  /** Out of date (its stream is down): shown faded. */
  dim?: boolean;
}) {
  // A lone stock needs no heading row; a stock with options (or options alone) gets one.
  const headed = group.lines.length > 1 || group.lines[0]?.position.securityType === 'OPTION';
  return (
    <tbody className={dim ? 'opacity-60' : undefined}>
      {headed && (
        <tr className="border-b border-border/50 bg-panel/60 text-xs font-semibold">
          <th scope="rowgroup" colSpan={4} className="px-2 py-1 text-left">
            {group.underlying}{' '}
            <span className="font-normal text-muted">
              · {group.lines.length} {group.lines.length === 1 ? 'position' : 'positions'}
            </span>
          </th>
          <MoneyCells of={group} weight={group.weight} />
        </tr>
      )}
      {group.lines.map((line) => (
        <LineRow key={line.position.symbol} line={line} search={search} />
      ))}
    </tbody>
  );
}

/** The positions sort in the URL, and the header click that changes it (symbol starts A→Z). */
export function usePositionSort() {
  const [params, setUrl] = useUrlParams();
  const sort = sortFromParams(params, POSITION_SORT_COLUMNS, DEFAULT_POSITION_SORT);
  const onSort = (by: PositionSortColumn) => {
    const next: Sort<PositionSortColumn> = nextSort(sort, by, (c) => c === 'symbol');
    setUrl(sortParams(next));
  };
  return { sort, onSort };
}

export function PositionsPage({ accountId }: { accountId: string }) {
  const { sort, onSort } = usePositionSort();
  const positions = usePositions(accountId);
  const totals = usePositionTotals(accountId);
  const loaded = usePositionsLoaded(accountId);
  const book = useMemo(
    () => buildPositionBook(positions, { by: sort.by, dir: sort.dir }),
    [positions, sort.by, sort.dir],
  );
  const search = accountSearch(accountId);

  return (
    <section aria-labelledby="positions-title">
      <div className="mb-3 flex items-baseline gap-3">
        <h1 id="positions-title" className="text-lg font-semibold">
          Positions
        </h1>
        <span className="num text-sm text-muted" data-testid="positions-count">
          {totals.count} open
        </span>
      </div>
      <StreamGate
        streamKey={accountKey(accountId)}
        loaded={loaded}
        what="positions"
        accountId={accountId}
      >
        {book.groups.length === 0 ? (
          <EmptyState>No open positions on {accountId}.</EmptyState>
        ) : (
          <div className="grid gap-6 xl:grid-cols-[1fr_18rem]">
            <div className="overflow-x-auto rounded border border-border">
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">
                  Open positions of {accountId}, grouped by underlying
                </caption>
                <thead className="bg-panel text-xs text-muted">
                  <tr>
                    {COLUMNS.map((c) => (
                      <SortHeader
                        key={c.id}
                        column={c.id}
                        label={c.label}
                        numeric={c.numeric}
                        sort={sort}
                        onSort={onSort}
                      />
                    ))}
                  </tr>
                </thead>
                {book.groups.map((g) => (
                  <Group key={g.underlying} group={g} search={search} />
                ))}
                <tfoot>
                  <tr
                    className="border-t-2 border-border font-semibold"
                    data-testid="positions-total"
                  >
                    <th scope="row" colSpan={4} className="px-2 py-1.5 text-left">
                      Total ({totals.count})
                    </th>
                    <MoneyCells of={totals} weight={totals.count > 0 ? '100' : undefined} />
                  </tr>
                </tfoot>
              </table>
            </div>
            <AllocationChart groups={book.groups} />
          </div>
        )}
      </StreamGate>
    </section>
  );
}
