/** The balances + account info store; written only by the dispatcher through these actions. */
import { createStore } from 'zustand/vanilla';
import type { AccountInfo, Balance, BalancePatch } from '../../protocol';
import {
  applyBalanceSnapshot,
  applyBalanceUpdates,
  applyInfoUpdates,
  initialBalancesState,
} from './apply-balances';
import type { BalancesState } from './apply-balances';

export const balancesStore = createStore<BalancesState>()(() => initialBalancesState());

export function updateBalances(recipe: (state: BalancesState) => BalancesState): void {
  const prev = balancesStore.getState();
  const next = recipe(prev);
  if (next !== prev) balancesStore.setState(next, true);
}

export function setBalanceSnapshot(balance: Balance, info: AccountInfo): void {
  updateBalances((s) => applyBalanceSnapshot(s, balance, info));
}

export function addBalanceUpdates(patches: readonly BalancePatch[]): void {
  updateBalances((s) => applyBalanceUpdates(s, patches));
}

export function addInfoUpdates(infos: readonly AccountInfo[]): void {
  updateBalances((s) => applyInfoUpdates(s, infos));
}

export function resetBalances(): void {
  balancesStore.setState(initialBalancesState(), true);
}
