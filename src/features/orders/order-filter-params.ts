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

/**
 * The filter a URL asks for. The account comes from the shell, not from here; undefined (every
 * account at once) shows all of them.
 */
export function filterFromParams(
  params: URLSearchParams,
  accountId: string | undefined,
): OrderFilter {
  const f: OrderFilter = {
    ...(accountId === undefined ? {} : { accountId }),
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
  'accountId',
  'symbol',
  'side',
  'type',
  'timeInForce',
  'status',
]);

/** Clicking a header: a new column starts in its natural direction, the same column flips. */
export const nextOrderSort = (current: OrderSort | undefined, by: OrderSortColumn): OrderSort =>
  nextSort(current, by, (c) => TEXTUAL.has(c));
