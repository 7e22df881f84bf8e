/**
 * Pure reducers for balances and account info. A full balance replaces; a partial one
 * (production may send only the changed fields) merges into the last full one, and is
 * ignored and counted when there is none yet: showing a balance with 20 of 27 fields as if
 * complete would be worse than showing "loading".
 */
import { BALANCE_DECIMAL_FIELDS } from '../../protocol';
import type { AccountInfo, AccountUpdate, Balance, BalancePatch } from '../../protocol';
import { foldOps } from '../fold';
import type { Fold } from '../fold';
import type { AccountOp, AccountSnapshotOf } from '../topic-ops';

export type BalancesState = Readonly<{
  balances: ReadonlyMap<string, Balance>;
  info: ReadonlyMap<string, AccountInfo>;
  /** Partial balances dropped because no full balance was held for their account. */
  ignoredPatches: number;
  /** Snapshots applied per account, so a listener can tell a re-baseline from a live change. */
  snapshots: ReadonlyMap<string, number>;
}>;

export function initialBalancesState(): BalancesState {
  return { balances: new Map(), info: new Map(), ignoredPatches: 0, snapshots: new Map() };
}

export function isFullBalance(b: BalancePatch): b is Balance {
  if (typeof b.pendingOrdersCount !== 'number') return false;
  return BALANCE_DECIMAL_FIELDS.every((f) => typeof b[f] === 'string');
}

/** The account snapshot's balance and info replace what is held for that account. */
export function applyBalanceSnapshot(
  state: BalancesState,
  balance: Balance,
  info: AccountInfo,
): BalancesState {
  const balances = new Map(state.balances);
  balances.set(balance.accountId, balance);
  const infos = new Map(state.info);
  infos.set(info.accountId, info);
  const snapshots = new Map(state.snapshots);
  snapshots.set(balance.accountId, (snapshots.get(balance.accountId) ?? 0) + 1);
  return { ...state, balances, info: infos, snapshots };
}

/** [STORE-BAL] Apply balance updates in order: full replaces, partial merges (or is counted). */
export function applyBalanceUpdates(
  state: BalancesState,
  patches: readonly BalancePatch[],
): BalancesState {
  if (patches.length === 0) return state;
  let balances: Map<string, Balance> | undefined;
  let ignored = 0;
  for (const patch of patches) {
    const current = (balances ?? state.balances).get(patch.accountId);
    let next: Balance;
    if (isFullBalance(patch)) next = patch;
    else if (current) next = { ...current, ...(stripUndefined(patch) as Partial<Balance>) };
    else {
      ignored += 1;
      continue;
    }
    balances ??= new Map(state.balances);
    balances.set(patch.accountId, next);
  }
  if (!balances) {
    return ignored === 0 ? state : { ...state, ignoredPatches: state.ignoredPatches + ignored };
  }
  return { ...state, balances, ignoredPatches: state.ignoredPatches + ignored };
}

/** Account info replaces per account; the last in a batch wins. */
export function applyInfoUpdates(
  state: BalancesState,
  infos: readonly AccountInfo[],
): BalancesState {
  if (infos.length === 0) return state;
  const info = new Map(state.info);
  for (const i of infos) info.set(i.accountId, i);
  return { ...state, info };
}

function stripUndefined(patch: BalancePatch): BalancePatch {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[k] = v;
  return out as BalancePatch;
}

type BalanceEvent = Extract<AccountUpdate, { type: 'balance' | 'info' }>;

const balancesFold: Fold<BalancesState, AccountSnapshotOf, AccountUpdate, BalanceEvent> = {
  pick: (u) => (u.type === 'balance' || u.type === 'info' ? u : undefined),
  events(state, run) {
    const balances: BalancePatch[] = [];
    const infos: AccountInfo[] = [];
    for (const u of run) {
      if (u.type === 'balance') balances.push(u.balance);
      else infos.push(u.info);
    }
    return applyInfoUpdates(applyBalanceUpdates(state, balances), infos);
  },
  snapshot: (s, snap) => applyBalanceSnapshot(s, snap.data.balance, snap.data.info),
};

/** A frame's account ops, balances' and info's part: both latest-wins, merged in order (fold.ts). */
export function applyBalanceOps(state: BalancesState, ops: readonly AccountOp[]): BalancesState {
  return foldOps(state, ops, balancesFold);
}
