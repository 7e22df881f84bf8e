/** Read-only hooks over the orders store. */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { Order, Side } from '../../protocol';
import { EMPTY_ORDER_COUNTS } from './apply-orders';
import type { OrderCounts } from './apply-orders';
import { createOrderIdsSelector, orderFilterKey } from './order-ids';
import type { OrderFilter } from './order-ids';
import { ordersStore } from './store';

/** One order; re-renders only when that order changes (its object identity is its version). */
export function useOrder(ordId: string): Order | undefined {
  return useStore(ordersStore, (s) => s.byId.get(ordId));
}

/**
 * Ids of the orders matching `filter`, sorted. The array reference is stable while the list
 * is unchanged, so a virtualised blotter re-renders only when rows enter, leave or move.
 */
export function useOrderIds(filter: OrderFilter): readonly string[] {
  const key = orderFilterKey(filter);
  // The selector is keyed by the filter's value, not the caller's object identity.
  const selector = useMemo(() => createOrderIdsSelector(filterFromKey(key)), [key]);
  return useStore(ordersStore, selector);
}

/** Counts per status group (open / filled / closed / all) for one account. */
export function useOrderCounts(accountId: string): OrderCounts {
  return useStore(ordersStore, (s) => s.countsByAccount.get(accountId) ?? EMPTY_ORDER_COUNTS);
}

/** Non-React read, for handlers (e.g. "cancel" needs the current order). */
export function getOrder(ordId: string): Order | undefined {
  return ordersStore.getState().byId.get(ordId);
}

function filterFromKey(key: string): OrderFilter {
  const [accountId, statusGroup, symbol, side, sort] = JSON.parse(key) as [
    string | null,
    OrderFilter['statusGroup'],
    string | null,
    Side | null,
    OrderFilter['sort'],
  ];
  const f: OrderFilter = { statusGroup };
  if (accountId !== null) f.accountId = accountId;
  if (symbol !== null) f.symbol = symbol;
  if (side !== null) f.side = side;
  if (sort !== undefined) f.sort = sort;
  return f;
}
