/**
 * Live order transitions for non-React consumers (the alert feed): each store write made only
 * of live events yields, per changed order, what it was and what it is now.
 *
 * A write that contains a snapshot (first load, re-subscribe, reconnect) yields nothing: a
 * snapshot restates the world, and announcing its fills again would flood the trader. Such a
 * write is recognised by `lastChange.ids === null`, or by a version that moved by more than
 * the one batch `lastChange` describes (a snapshot and events folded into one frame). The cost
 * of the second rule: live events in the very frame a re-snapshot lands are not announced
 * (they are in the blotter).
 */
import type { Order } from '../../protocol';
import { ordersStore } from './store';

export type OrderTransition = Readonly<{ prev: Order | undefined; next: Order }>;

export function subscribeOrderTransitions(
  listener: (transitions: readonly OrderTransition[]) => void,
): () => void {
  return ordersStore.subscribe((state, prevState) => {
    const change = state.lastChange;
    if (change.ids === null || change.from !== prevState.version) return;
    const out: OrderTransition[] = [];
    for (const id of change.ids) {
      const next = state.byId.get(id);
      if (next) out.push({ prev: prevState.byId.get(id), next });
    }
    if (out.length > 0) listener(out);
  });
}
