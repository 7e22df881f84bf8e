/**
 * The blotter's filter lives in the URL (`?status=open&symbol=AA&side=BUY&sort=qty&dir=asc`),
 * so a view can be bookmarked and shared. Unknown or hostile values fall back to defaults.
 */
import { SIDES } from '../../protocol';
import type { Side } from '../../protocol';
import { DEFAULT_ORDER_SORT, ORDER_SORT_COLUMNS } from '../../stores';
import type { OrderFilter, OrderSortColumn } from '../../stores';

export const STATUS_GROUPS = ['open', 'filled', 'closed', 'all'] as const;
export type StatusGroupParam = (typeof STATUS_GROUPS)[number];

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  list.find((x) => x === v);

/** The filter a URL asks for (account comes from the shell, not from here). */
export function filterFromParams(params: URLSearchParams, accountId: string): OrderFilter {
  const f: OrderFilter = {
    accountId,
    statusGroup: oneOf(STATUS_GROUPS, params.get('status')) ?? 'open',
    sort: {
      by: oneOf<OrderSortColumn>(ORDER_SORT_COLUMNS, params.get('sort')) ?? DEFAULT_ORDER_SORT.by,
      dir: oneOf(['asc', 'desc'] as const, params.get('dir')) ?? DEFAULT_ORDER_SORT.dir,
    },
  };
  const symbol = params.get('symbol')?.trim().toUpperCase().slice(0, 32);
  if (symbol) f.symbol = symbol;
  const side = oneOf<Side>(SIDES, params.get('side'));
  if (side) f.side = side;
  return f;
}

/** Writes one change into the params, keeping the rest (including `account`). */
export function withParam(params: URLSearchParams, key: string, value: string | undefined) {
  const next = new URLSearchParams(params);
  if (value === undefined || value === '') next.delete(key);
  else next.set(key, value);
  return next;
}

/** Clicking a header: a new column starts in its natural direction, the same column flips. */
export function nextSort(
  current: OrderFilter['sort'],
  by: OrderSortColumn,
): { by: OrderSortColumn; dir: 'asc' | 'desc' } {
  if (current?.by === by) return { by, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  const textual = by === 'symbol' || by === 'side' || by === 'type' || by === 'timeInForce';
  return { by, dir: textual || by === 'status' ? 'asc' : 'desc' };
}
