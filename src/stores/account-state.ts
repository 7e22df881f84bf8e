/**
 * One account as the stores hold it, as plain data: what the chaos runs compare with the
 * server's truth (src/testing/truth-diff.ts), in Node and, through the test probe, in Chromium.
 */
import type { Balance, Candle, Order, Position, Watchlist } from '../protocol';
import { balancesStore } from './balances/store';
import { ordersStore } from './orders/store';
import { pnlStore } from './pnl/store';
import { positionsStore } from './positions/store';
import { watchlistStore } from './watchlist/store';

export type AccountState = {
  orders: readonly Order[];
  positions: readonly Position[];
  balance: Balance | undefined;
  watchlists: readonly Watchlist[];
  /** One P&L series, oldest first. */
  candles: readonly Candle[];
};

/** `pnlKey` names the series (see subscriptionKey); without one, candles are empty. */
export function readAccountState(accountId: string, pnlKey?: string): AccountState {
  const orders: Order[] = [];
  ordersStore.getState().byId.forEach((o) => o.accountId === accountId && orders.push(o));
  return {
    orders,
    positions: [...(positionsStore.getState().byAccount.get(accountId)?.values() ?? [])],
    balance: balancesStore.getState().balances.get(accountId),
    watchlists: [...watchlistStore.getState().lists.values()],
    candles: pnlKey ? (pnlStore.getState().series.get(pnlKey)?.candles.slice() ?? []) : [],
  };
}
