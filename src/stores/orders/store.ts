/**
 * The orders store: one zustand store for this topic only, so an order burst never re-runs
 * the selectors of positions or news. Written only by the dispatcher (and the cache hydrator);
 * features read it through the hooks in selectors.ts (re-exported by src/stores).
 */
import { createTopicStore } from '../topic-store';
import { initialOrdersState } from './apply-orders';

const orders = createTopicStore(initialOrdersState);

export const ordersStore = orders.store;
/** Run reducers and write once (the dispatcher's per-frame batch). */
export const updateOrders = orders.update;
export const resetOrders = orders.reset;
