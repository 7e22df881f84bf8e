/** Read-only hooks over the orders store. */
import { useDeferredValue, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Order } from '../../protocol';
import { EMPTY_ORDER_COUNTS } from './apply-orders';
import type { OrderCounts } from './apply-orders';
import { createOrderIdsSelector, orderFilterFromKey, orderFilterKey } from './order-ids';
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
  return useOrderIdsByKey(orderFilterKey(filter));
}

/**
 * `useOrderIds` a beat behind a filter change, so typing stays responsive while a big refilter
 * follows. Deferred by the filter's value, never the caller's object, which is new per render.
 */
export function useDeferredOrderIds(filter: OrderFilter): readonly string[] {
  return useOrderIdsByKey(useDeferredValue(orderFilterKey(filter)));
}

function useOrderIdsByKey(key: string): readonly string[] {
  // The selector is keyed by the filter's value, not the caller's object identity.
  const selector = useMemo(() => createOrderIdsSelector(orderFilterFromKey(key)), [key]);
  return useStore(ordersStore, selector);
}

/** Counts per status group (open / filled / closed / all) for one account. */
export function useOrderCounts(accountId: string): OrderCounts {
  return useStore(ordersStore, (s) => s.countsByAccount.get(accountId) ?? EMPTY_ORDER_COUNTS);
}

/** Counts per status group summed over several accounts (the combined blotter). */
export function useOrderCountsOf(accountIds: readonly string[]): OrderCounts {
  const byAccount = useStore(ordersStore, (s) => s.countsByAccount);
  return useMemo(() => {
    const total: Record<keyof OrderCounts, number> = { ...EMPTY_ORDER_COUNTS };
    for (const id of accountIds) {
      const c = byAccount.get(id);
      if (c) for (const g of Object.keys(total) as (keyof OrderCounts)[]) total[g] += c[g];
    }
    return total;
  }, [byAccount, accountIds]);
}

/** Non-React read, for handlers (e.g. "cancel" needs the current order). */
export function getOrder(ordId: string): Order | undefined {
  return ordersStore.getState().byId.get(ordId);
}

/**
 * Orders of an account (undefined: of every account held) whose id or symbol contains `query`
 * (case-insensitive), exact id and symbol-prefix matches first, then newest first; at most `limit`. One pass over the store:
 * for a keystroke in the command palette, not for a render per frame.
 */
export function findOrders(accountId: string | undefined, query: string, limit = 8): Order[] {
  const q = query.trim().toUpperCase();
  if (q === '') return [];
  const rank = (o: Order): number =>
    o.ordId.toUpperCase() === q ? 0 : o.symbol.toUpperCase().startsWith(q) ? 1 : 2;
  const hits: Order[] = [];
  for (const o of ordersStore.getState().byId.values()) {
    if (accountId !== undefined && o.accountId !== accountId) continue;
    if (o.ordId.toUpperCase().includes(q) || o.symbol.toUpperCase().includes(q)) hits.push(o);
  }
  hits.sort((a, b) => rank(a) - rank(b) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return hits.slice(0, limit);
}
