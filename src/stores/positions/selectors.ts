/** Read-only hooks over the positions store. */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { Position } from '../../protocol';
import { sum } from '../../lib/decimal';
import type { Decimal } from '../../lib/decimal';
import type { AccountPositions } from './apply-positions';
import { positionsStore } from './store';

export type PositionTotals = Readonly<{
  count: number;
  marketValue: Decimal;
  unrealizedPnL: Decimal;
  todayRealizedPnL: Decimal;
}>;

const EMPTY_POSITIONS: readonly Position[] = Object.freeze([]);
export const EMPTY_POSITION_TOTALS: PositionTotals = Object.freeze({
  count: 0,
  marketValue: '0',
  unrealizedPnL: '0',
  todayRealizedPnL: '0',
});

// Derived values are memoized on the account map's identity, which changes only when that
// account's positions change; selectors therefore return stable references.
const listCache = new WeakMap<AccountPositions, readonly Position[]>();
const totalsCache = new WeakMap<AccountPositions, PositionTotals>();

/** An account's open positions sorted by symbol (stable reference while unchanged). */
export function selectPositions(map: AccountPositions | undefined): readonly Position[] {
  if (!map) return EMPTY_POSITIONS;
  let list = listCache.get(map);
  if (!list) {
    list = [...map.values()].sort((a, b) =>
      a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0,
    );
    listCache.set(map, list);
  }
  return list;
}

/** Exact decimal sums over an account's positions. */
export function selectPositionTotals(map: AccountPositions | undefined): PositionTotals {
  if (!map || map.size === 0) return EMPTY_POSITION_TOTALS;
  let totals = totalsCache.get(map);
  if (!totals) {
    const list = [...map.values()];
    totals = {
      count: list.length,
      marketValue: sum(list.map((p) => p.marketValue)),
      unrealizedPnL: sum(list.map((p) => p.unrealizedPnL)),
      todayRealizedPnL: sum(list.map((p) => p.todayRealizedPnL)),
    };
    totalsCache.set(map, totals);
  }
  return totals;
}

export function usePositions(accountId: string): readonly Position[] {
  return useStore(positionsStore, (s) => selectPositions(s.byAccount.get(accountId)));
}

export function usePositionTotals(accountId: string): PositionTotals {
  return useStore(positionsStore, (s) => selectPositionTotals(s.byAccount.get(accountId)));
}

/** Open positions of each of `accountIds`, in that order (stable while none of them changes). */
export function usePositionsOf(
  accountIds: readonly string[],
): readonly { accountId: string; positions: readonly Position[] }[] {
  const byAccount = useStore(positionsStore, (s) => s.byAccount);
  return useMemo(
    () =>
      accountIds.map((accountId) => ({
        accountId,
        positions: selectPositions(byAccount.get(accountId)),
      })),
    [byAccount, accountIds],
  );
}

/** True once a snapshot for the account has been applied (distinguishes "none" from "not yet"). */
export function usePositionsLoaded(accountId: string): boolean {
  return useStore(positionsStore, (s) => s.byAccount.has(accountId));
}
