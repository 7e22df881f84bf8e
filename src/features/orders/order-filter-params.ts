/**
 * The blotter's filter in the URL (`?status=open&symbol=AA&side=BUY&sort=qty&dir=asc`).
 * Unknown or hostile values fall back to defaults.
 */
import { SIDES } from '../../protocol';
import type { Side } from '../../protocol';
import { DEFAULT_ORDER_SORT, ORDER_SORT_COLUMNS } from '../../stores';
import type { OrderFilter, OrderSort, OrderSortColumn } from '../../stores';
import { nextSort, oneOf, sortFromParams } from '../../lib/url-params';

export const STATUS_GROUPS = ['open', 'filled', 'closed', 'all'] as const;
export type StatusGroupParam = (typeof STATUS_GROUPS)[number];

/** The filter a URL asks for (account comes from the shell, not from here). */
export function filterFromParams(params: URLSearchParams, accountId: string): OrderFilter {
  const f: OrderFilter = {
    accountId,
    statusGroup: oneOf(STATUS_GROUPS, params.get('status')) ?? 'open',
    sort: sortFromParams(params, ORDER_SORT_COLUMNS, DEFAULT_ORDER_SORT),
  };
  const symbol = params.get('symbol')?.trim().toUpperCase().slice(0, 32);
  if (symbol) f.symbol = symbol;
  const side = oneOf<Side>(SIDES, params.get('side'));
  if (side) f.side = side;
  return f;
}

const TEXTUAL: ReadonlySet<OrderSortColumn> = new Set([
  'symbol',
  'side',
  'type',
  'timeInForce',
  'status',
]);

/** Clicking a header: a new column starts in its natural direction, the same column flips. */
export const nextOrderSort = (current: OrderSort | undefined, by: OrderSortColumn): OrderSort =>
  nextSort(current, by, (c) => TEXTUAL.has(c));
