/**
 * Balance changes for non-React consumers (the alert feed), marked live or snapshot: a
 * snapshot (first load, reconnect) re-baselines, only a live update may raise an alert.
 */
import type { AccountInfo, Balance } from '../../protocol';
import { balancesStore } from './store';

export type BalanceChange = Readonly<{
  accountId: string;
  balance: Balance;
  info: AccountInfo | undefined;
  /** False when the new balance came with (or after) a snapshot in this write. */
  live: boolean;
}>;

export function subscribeBalanceChanges(
  listener: (changes: readonly BalanceChange[]) => void,
): () => void {
  return balancesStore.subscribe((state, prevState) => {
    if (state.balances === prevState.balances) return;
    const out: BalanceChange[] = [];
    for (const [accountId, balance] of state.balances) {
      const before = prevState.balances.get(accountId);
      if (before === balance) continue;
      const live =
        before !== undefined &&
        (state.snapshots.get(accountId) ?? 0) === (prevState.snapshots.get(accountId) ?? 0);
      out.push({ accountId, balance, info: state.info.get(accountId), live });
    }
    if (out.length > 0) listener(out);
  });
}

/** The balances held now (a listener that starts late takes these as its baseline). */
export function currentBalances(): readonly BalanceChange[] {
  const s = balancesStore.getState();
  return [...s.balances].map(([accountId, balance]) => ({
    accountId,
    balance,
    info: s.info.get(accountId),
    live: false,
  }));
}
