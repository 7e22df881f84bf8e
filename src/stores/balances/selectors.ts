/** Read-only hooks over the balances store. */
import { useStore } from 'zustand';
import type { AccountInfo, Balance } from '../../protocol';
import { balancesStore } from './store';

/** The account's full balance (27 fields), or undefined before the snapshot. */
export function useBalances(accountId: string): Balance | undefined {
  return useStore(balancesStore, (s) => s.balances.get(accountId));
}

export function useAccountInfo(accountId: string): AccountInfo | undefined {
  return useStore(balancesStore, (s) => s.info.get(accountId));
}

/**
 * True once the account's snapshot has been applied. Balances, positions and orders arrive in
 * one snapshot and are applied in the same tick, so this is the "loaded" flag for all three.
 */
export function useAccountLoaded(accountId: string): boolean {
  return useStore(balancesStore, (s) => s.balances.has(accountId));
}
