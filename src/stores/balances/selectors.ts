/** Read-only hooks over the balances store. */
import { useMemo } from 'react';
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

export type AccountBalanceView = Readonly<{
  accountId: string;
  balance: Balance | undefined;
  info: AccountInfo | undefined;
}>;

/** Balance and account info of each of `accountIds`, in that order. */
export function useBalancesOf(accountIds: readonly string[]): readonly AccountBalanceView[] {
  const balances = useStore(balancesStore, (s) => s.balances);
  const info = useStore(balancesStore, (s) => s.info);
  return useMemo(
    () =>
      accountIds.map((accountId) => ({
        accountId,
        balance: balances.get(accountId),
        info: info.get(accountId),
      })),
    [balances, info, accountIds],
  );
}

/** Which of `accountIds` have had their snapshot applied (stable while that set is unchanged). */
export function useLoadedAccounts(accountIds: readonly string[]): readonly string[] {
  const key = useStore(balancesStore, (s) =>
    accountIds.filter((id) => s.balances.has(id)).join('\n'),
  );
  return useMemo(() => (key === '' ? [] : key.split('\n')), [key]);
}

/**
 * True once the account's snapshot has been applied. Balances, positions and orders arrive in
 * one snapshot and are applied in the same tick, so this is the "loaded" flag for all three.
 */
export function useAccountLoaded(accountId: string): boolean {
  return useStore(balancesStore, (s) => s.balances.has(accountId));
}
