/**
 * The orders store: one zustand store for this topic only, so an order burst never re-runs
 * the selectors of positions or news. Written only by the dispatcher through these actions;
 * features read it through the hooks in selectors.ts (re-exported by src/stores).
 */
import { createStore } from 'zustand/vanilla';
import type { Order } from '../../protocol';
import { applyOrderEvents, applyOrdersSnapshot, initialOrdersState } from './apply-orders';
import type { OrdersState } from './apply-orders';

export const ordersStore = createStore<OrdersState>()(() => initialOrdersState());

/** Run several reducers and write once (the dispatcher's per-frame batch). */
export function updateOrders(recipe: (state: OrdersState) => OrdersState): void {
  const prev = ordersStore.getState();
  const next = recipe(prev);
  if (next !== prev) ordersStore.setState(next, true);
}

export function setOrdersSnapshot(accountId: string, orders: readonly Order[]): void {
  updateOrders((s) => applyOrdersSnapshot(s, accountId, orders));
}

export function addOrderEvents(orders: readonly Order[]): void {
  updateOrders((s) => applyOrderEvents(s, orders));
}

export function resetOrders(): void {
  ordersStore.setState(initialOrdersState(), true);
}
