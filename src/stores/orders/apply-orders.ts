/**
 * Pure reducers for the order blotter (dYdX bonsai style: one for the snapshot, one for a
 * batch of live events). They never mutate their input; an unchanged result is the same
 * object, so the store skips the write and no component re-renders.
 *
 * A batch of events copies only the shards of `byId` it touches (sharded-map.ts), so a frame
 * of events costs what it changes, not what the blotter holds (bench/RESULTS.md has figures).
 *
 * Row-level re-render: a changed order is always a new object and an unchanged one keeps its
 * identity, so the object reference *is* the per-order version: `useOrder(id)` re-renders
 * only when `byId.get(id)` changes. `version` counts whole-state changes and `lastChange`
 * lists the ids the last write touched, so derived lists can update incrementally.
 */
import { TERMINAL_ORDER_STATUSES } from '../../protocol';
import type { AccountUpdate, Order, OrderStatus } from '../../protocol';
import { foldOps } from '../fold';
import type { Fold } from '../fold';
import type { AccountOp, AccountSnapshotOf } from '../topic-ops';
import { compare } from '../../lib/decimal';
import { ShardedMap } from '../sharded-map';
import type { ShardedMapDraft } from '../sharded-map';

export type OrderStatusGroup = 'open' | 'filled' | 'closed';

/** Counts per status group for one account; `all` = open + filled + closed. */
export type OrderCounts = Readonly<{ open: number; filled: number; closed: number; all: number }>;

export type OrdersChange = Readonly<{
  /** `version` before and after the write this describes. */
  from: number;
  to: number;
  /** Ids that changed; `null` when a snapshot replaced a whole account (recompute). */
  ids: readonly string[] | null;
}>;

export type OrdersState = Readonly<{
  /** Copy-on-write per shard: one event does not copy 100,000 entries (sharded-map.ts). */
  byId: ShardedMap<Order>;
  countsByAccount: ReadonlyMap<string, OrderCounts>;
  version: number;
  lastChange: OrdersChange;
  /** Events ignored because they were older than what we hold (out-of-order delivery). */
  ignoredStale: number;
}>;

export const EMPTY_ORDER_COUNTS: OrderCounts = Object.freeze({
  open: 0,
  filled: 0,
  closed: 0,
  all: 0,
});

export function initialOrdersState(): OrdersState {
  return {
    byId: ShardedMap.empty(),
    countsByAccount: new Map(),
    version: 0,
    lastChange: { from: 0, to: 0, ids: [] },
    ignoredStale: 0,
  };
}

export function isTerminalStatus(status: OrderStatus): boolean {
  return TERMINAL_ORDER_STATUSES.has(status);
}

/** open = still working (not terminal); filled = FILLED; closed = CANCELED / REJECTED / EXPIRED. */
export function orderStatusGroup(status: OrderStatus): OrderStatusGroup {
  if (status === 'FILLED') return 'filled';
  return isTerminalStatus(status) ? 'closed' : 'open';
}

const parsedTimes = new WeakMap<Order, number>();
/** `updatedAt` in epoch ms, cached per (immutable) order object. */
export function updatedAtMs(order: Order): number {
  let ms = parsedTimes.get(order);
  if (ms === undefined) {
    ms = Date.parse(order.updatedAt);
    parsedTimes.set(order, ms);
  }
  return ms;
}

/**
 * [STORE-OOO] The out-of-order rule: may `incoming` replace `existing`?
 * 1. A terminal status is never overwritten by a non-terminal one.
 * 2. Otherwise the newer `updatedAt` wins; an older event is ignored.
 * 3. Equal `updatedAt`: terminal beats non-terminal; within the same class fill progress never
 *    goes backwards (lower `cumQty` is ignored); otherwise the later arrival wins.
 */
export function shouldReplaceOrder(existing: Order | undefined, incoming: Order): boolean {
  if (!existing) return true;
  const existingTerminal = isTerminalStatus(existing.ordStatus);
  const incomingTerminal = isTerminalStatus(incoming.ordStatus);
  if (existingTerminal && !incomingTerminal) return false;
  const dt = updatedAtMs(incoming) - updatedAtMs(existing);
  if (dt !== 0) return dt > 0;
  if (incomingTerminal !== existingTerminal) return incomingTerminal;
  return compare(incoming.cumQty, existing.cumQty) >= 0;
}

function bump(counts: OrderCounts | undefined, group: OrderStatusGroup, by: 1 | -1): OrderCounts {
  const c = counts ?? EMPTY_ORDER_COUNTS;
  return { ...c, [group]: c[group] + by, all: c.all + by };
}

function countAll(orders: Iterable<Order>): OrderCounts {
  const c = { open: 0, filled: 0, closed: 0, all: 0 };
  for (const o of orders) {
    c[orderStatusGroup(o.ordStatus)] += 1;
    c.all += 1;
  }
  return c;
}

/**
 * [STORE-SNAP] A snapshot REPLACES every order of `accountId`: orders that vanished while we
 * were disconnected leave (no ghosts). Other accounts are untouched. Orders in the list that
 * belong to another account are skipped; duplicates inside the list follow the OOO rule.
 */
export function applyOrdersSnapshot(
  state: OrdersState,
  accountId: string,
  orders: readonly Order[],
): OrdersState {
  const previousCount = state.countsByAccount.get(accountId)?.all ?? 0;
  let byId: ShardedMapDraft<Order>;
  if (previousCount === state.byId.size) {
    // Only this account (or nothing) is held: start empty instead of deleting 100k entries.
    byId = ShardedMap.empty<Order>().edit();
  } else {
    byId = state.byId.edit();
    if (previousCount > 0) {
      for (const o of state.byId.values()) if (o.accountId === accountId) byId.delete(o.ordId);
    }
  }
  const mine = new Map<string, Order>();
  for (const o of orders) {
    if (o.accountId !== accountId) continue;
    if (shouldReplaceOrder(mine.get(o.ordId), o)) mine.set(o.ordId, o);
  }
  const inserted: Order[] = [];
  for (const [id, o] of mine) {
    // An id held by another account is not ours to take over.
    if (byId.get(id) !== undefined) continue;
    byId.set(id, o);
    inserted.push(o);
  }
  const countsByAccount = new Map(state.countsByAccount);
  if (inserted.length === 0) countsByAccount.delete(accountId);
  else countsByAccount.set(accountId, countAll(inserted));
  const version = state.version + 1;
  return {
    byId: byId.commit(),
    countsByAccount,
    version,
    lastChange: { from: state.version, to: version, ids: null },
    ignoredStale: state.ignoredStale,
  };
}

/**
 * [STORE-UPSERT] Upsert a batch of live order events by `ordId`, in arrival order, each
 * through the OOO rule. One new Map per batch, however many events.
 */
export function applyOrderEvents(state: OrdersState, orders: readonly Order[]): OrdersState {
  if (orders.length === 0) return state;
  let byId: ShardedMapDraft<Order> | undefined;
  let counts: Map<string, OrderCounts> | undefined;
  const changed = new Set<string>();
  let ignored = 0;
  for (const incoming of orders) {
    const current = (byId ?? state.byId).get(incoming.ordId);
    if (current && current.accountId !== incoming.accountId) {
      ignored += 1; // an ordId never moves between accounts
      continue;
    }
    if (!shouldReplaceOrder(current, incoming)) {
      ignored += 1;
      continue;
    }
    byId ??= state.byId.edit();
    counts ??= new Map(state.countsByAccount);
    byId.set(incoming.ordId, incoming);
    const group = orderStatusGroup(incoming.ordStatus);
    const before = current ? orderStatusGroup(current.ordStatus) : undefined;
    if (before !== group) {
      let c = counts.get(incoming.accountId);
      if (before) c = bump(c, before, -1);
      counts.set(incoming.accountId, bump(c, group, 1));
    }
    changed.add(incoming.ordId);
  }
  if (!byId || !counts) {
    return ignored === 0 ? state : { ...state, ignoredStale: state.ignoredStale + ignored };
  }
  const version = state.version + 1;
  return {
    byId: byId.commit(),
    countsByAccount: counts,
    version,
    lastChange: { from: state.version, to: version, ids: [...changed] },
    ignoredStale: state.ignoredStale + ignored,
  };
}

const ordersFold: Fold<OrdersState, AccountSnapshotOf, AccountUpdate, Order> = {
  pick: (u) => (u.type === 'order' ? u.order : undefined),
  events: applyOrderEvents,
  snapshot: (s, snap) => applyOrdersSnapshot(s, snap.accountId, snap.data.orders),
};

/** A frame's account ops, orders' part: events in arrival order, cut by snapshots (fold.ts). */
export function applyOrderOps(state: OrdersState, ops: readonly AccountOp[]): OrdersState {
  return foldOps(state, ops, ordersFold);
}
