/**
 * Pure reducers for positions, keyed by `positionKey` (accountId|symbol) inside a map per
 * account, so a selector for one account keeps its identity while another account changes.
 */
import { positionKey } from '../../protocol';
import type { AccountUpdate, Position } from '../../protocol';
import { foldOps } from '../fold';
import type { Fold } from '../fold';
import type { AccountOp, AccountSnapshotOf } from '../topic-ops';
import { isZero } from '../../lib/decimal';

export type AccountPositions = ReadonlyMap<string, Position>;

export type PositionsState = Readonly<{
  byAccount: ReadonlyMap<string, AccountPositions>;
  /** Updates ignored because an update with a later `updatedAt` was already applied. */
  ignoredStale: number;
}>;

export function initialPositionsState(): PositionsState {
  return { byAccount: new Map(), ignoredStale: 0 };
}

/** [STORE-POS-SNAP] A snapshot replaces the account's positions; "0" quantities are skipped. */
export function applyPositionsSnapshot(
  state: PositionsState,
  accountId: string,
  positions: readonly Position[],
): PositionsState {
  const mine = new Map<string, Position>();
  for (const p of positions) {
    if (p.accountId !== accountId || isZero(p.qty)) continue;
    mine.set(positionKey(p), p);
  }
  const byAccount = new Map(state.byAccount);
  byAccount.set(accountId, mine);
  return { ...state, byAccount };
}

/**
 * [STORE-POS-UPD] Upsert in arrival order; qty "0" (any zero spelling) removes the position.
 * An update older than the one held (`updatedAt`) is ignored.
 */
export function applyPositionUpdates(
  state: PositionsState,
  positions: readonly Position[],
): PositionsState {
  if (positions.length === 0) return state;
  const touched = new Map<string, Map<string, Position>>();
  let ignored = 0;
  for (const p of positions) {
    let acct = touched.get(p.accountId);
    const current = (acct ?? state.byAccount.get(p.accountId))?.get(positionKey(p));
    if (current && Date.parse(p.updatedAt) < Date.parse(current.updatedAt)) {
      ignored += 1;
      continue;
    }
    const closing = isZero(p.qty);
    if (closing && !current) continue;
    if (!acct) {
      acct = new Map(state.byAccount.get(p.accountId));
      touched.set(p.accountId, acct);
    }
    if (closing) acct.delete(positionKey(p));
    else acct.set(positionKey(p), p);
  }
  if (touched.size === 0) {
    return ignored === 0 ? state : { ...state, ignoredStale: state.ignoredStale + ignored };
  }
  const byAccount = new Map(state.byAccount);
  for (const [accountId, acct] of touched) byAccount.set(accountId, acct);
  return { byAccount, ignoredStale: state.ignoredStale + ignored };
}

const positionsFold: Fold<PositionsState, AccountSnapshotOf, AccountUpdate, Position> = {
  pick: (u) => (u.type === 'position' ? u.position : undefined),
  events: applyPositionUpdates,
  snapshot: (s, snap) => applyPositionsSnapshot(s, snap.accountId, snap.data.positions),
};

/** A frame's account ops, positions' part (fold.ts). */
export function applyPositionOps(state: PositionsState, ops: readonly AccountOp[]): PositionsState {
  return foldOps(state, ops, positionsFold);
}
