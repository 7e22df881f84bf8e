/**
 * The blotter's list of order ids for a filter, kept incrementally.
 *
 * Recomputing filter + sort over 100,000 orders on every frame would cost tens of ms, so a
 * selector instance remembers its last result and applies only `lastChange.ids`. When an
 * event changes an order but not its membership or sort position (NEW → PARTIALLY_FILLED
 * under "open"), the same array comes back: the blotter does not re-render, only that row
 * (through `useOrder(id)`).
 */
import { ORDER_STATUSES } from '../../protocol';
import type { Order, Side } from '../../protocol';
import { orderStatusGroup } from './apply-orders';
import type { OrderStatusGroup, OrdersState } from './apply-orders';

/** Every blotter column can sort. */
export const ORDER_SORT_COLUMNS = [
  'createdAt',
  'accountId',
  'symbol',
  'side',
  'type',
  'timeInForce',
  'qty',
  'cumQty',
  'leavesQty',
  'price',
  'avgPrice',
  'status',
  'updatedAt',
] as const;
export type OrderSortColumn = (typeof ORDER_SORT_COLUMNS)[number];
export type OrderSort = Readonly<{ by: OrderSortColumn; dir: 'asc' | 'desc' }>;
/** Newest first: what a blotter opens with. */
export const DEFAULT_ORDER_SORT: OrderSort = Object.freeze({ by: 'createdAt', dir: 'desc' });

export type OrderFilter = {
  /** Omit for every account. */
  accountId?: string;
  statusGroup: OrderStatusGroup | 'all';
  /** Symbol prefix, any case ("aa" matches AAPL and its OSI option symbols). */
  symbol?: string;
  side?: Side;
  /** Default DEFAULT_ORDER_SORT. */
  sort?: OrderSort;
};

/** Stable string for a filter, usable as a memo key. */
export function orderFilterKey(f: OrderFilter): string {
  const sort = f.sort ?? DEFAULT_ORDER_SORT;
  return JSON.stringify([
    f.accountId ?? null,
    f.statusGroup,
    f.symbol ? f.symbol.toUpperCase() : null,
    f.side ?? null,
    sort.by,
    sort.dir,
  ]);
}

/** The filter a key was made from (inverse of orderFilterKey). */
export function orderFilterFromKey(key: string): OrderFilter {
  const [accountId, statusGroup, symbol, side, by, dir] = JSON.parse(key) as [
    string | null,
    OrderFilter['statusGroup'],
    string | null,
    Side | null,
    OrderSortColumn,
    OrderSort['dir'],
  ];
  const f: OrderFilter = { statusGroup, sort: { by, dir } };
  if (accountId !== null) f.accountId = accountId;
  if (symbol !== null) f.symbol = symbol;
  if (side !== null) f.side = side;
  return f;
}

export function orderMatches(o: Order, f: OrderFilter): boolean {
  if (f.accountId !== undefined && o.accountId !== f.accountId) return false;
  if (f.statusGroup !== 'all' && orderStatusGroup(o.ordStatus) !== f.statusGroup) return false;
  if (f.symbol && !o.symbol.toUpperCase().startsWith(f.symbol.toUpperCase())) return false;
  if (f.side !== undefined && o.side !== f.side) return false;
  return true;
}

type SortKey = number | string;

const createdMs = new WeakMap<Order, number>();
const updatedMs = new WeakMap<Order, number>();
function cachedParse(cache: WeakMap<Order, number>, o: Order, iso: string): number {
  let ms = cache.get(o);
  if (ms === undefined) {
    ms = Date.parse(iso);
    cache.set(o, ms);
  }
  return ms;
}

/**
 * A decimal as a sort key. Sorting is not arithmetic: Number() is monotonic, and distinct
 * decimals of up to 15 significant digits (every price and quantity) map to distinct doubles,
 * so the order is exact. Absent values sort before every number.
 */
const decimalKey = (d: string | undefined): number =>
  d === undefined ? Number.NEGATIVE_INFINITY : Number(d);

const STATUS_RANK = new Map(ORDER_STATUSES.map((s, i) => [s, i]));

function sortKeyOf(o: Order, by: OrderSortColumn): SortKey {
  switch (by) {
    case 'createdAt':
      return cachedParse(createdMs, o, o.createdAt);
    case 'updatedAt':
      return cachedParse(updatedMs, o, o.updatedAt);
    case 'accountId':
    case 'symbol':
    case 'side':
    case 'type':
    case 'timeInForce':
      return o[by];
    case 'status':
      // Lifecycle order (submitting → working → filled → … → expired), not alphabetical.
      return STATUS_RANK.get(o.ordStatus) ?? 0;
    case 'price':
      return decimalKey(o.price ?? o.stopPrice);
    case 'qty':
    case 'cumQty':
    case 'leavesQty':
    case 'avgPrice':
      return decimalKey(o[by]);
  }
}

type Row = { id: string; key: SortKey };
type KeyCompare = (ka: SortKey, ia: string, kb: SortKey, ib: string) => number;

/** Comparison in display order, ties broken by ordId so the order is total. */
function makeCompare(sort: OrderSort): KeyCompare {
  const dir = sort.dir === 'desc' ? -1 : 1;
  return (ka, ia, kb, ib) => {
    if (ka !== kb) return (ka < kb ? -1 : 1) * dir;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
}

/** Up to this many moved rows, splicing beats a merge. */
const SPLICE_LIMIT = 32;
/** Above this many changed ids a full recompute is as cheap as merging. */
const INCREMENTAL_LIMIT = 20_000;

export type OrderIdsSelector = (state: OrdersState) => readonly string[];

/**
 * A memoized selector for one filter. Call it with every new state (zustand does); it returns
 * the same array reference while the filtered, sorted id list is unchanged.
 *
 * A snapshot or a filter change recomputes the list; a frame of events that only changes rows
 * in place costs O(changed), one that moves rows a single O(n) merge, never a full sort.
 */
export function createOrderIdsSelector(filter: OrderFilter): OrderIdsSelector {
  const sort = filter.sort ?? DEFAULT_ORDER_SORT;
  const cmpKey = makeCompare(sort);
  const cmpRow = (a: Row, b: Row): number => cmpKey(a.key, a.id, b.key, b.id);
  let seen: OrdersState | undefined;
  let ids: readonly string[] = [];
  /** id → sort key, for every id in `ids`. */
  let members = new Map<string, SortKey>();

  function full(state: OrdersState): void {
    // Parallel arrays + an index sort: no per-row objects for 100k rows.
    const rowIds: string[] = [];
    const rowKeys: SortKey[] = [];
    state.byId.forEach((o) => {
      if (!orderMatches(o, filter)) return;
      rowIds.push(o.ordId);
      rowKeys.push(sortKeyOf(o, sort.by));
    });
    const order = Array.from(rowIds, (_, i) => i);
    order.sort((a, b) =>
      cmpKey(
        rowKeys[a] as SortKey,
        rowIds[a] as string,
        rowKeys[b] as SortKey,
        rowIds[b] as string,
      ),
    );
    ids = order.map((i) => rowIds[i] as string);
    members = new Map();
    for (const i of order) members.set(rowIds[i] as string, rowKeys[i] as SortKey);
  }

  function incremental(state: OrdersState, changed: readonly string[]): void {
    const remove = new Set<string>();
    const insert: Row[] = [];
    for (const id of changed) {
      const o = state.byId.get(id);
      const inNow = o !== undefined && orderMatches(o, filter);
      const oldKey = members.get(id);
      const key = inNow ? sortKeyOf(o, sort.by) : undefined;
      if (oldKey === undefined && !inNow) continue;
      if (oldKey !== undefined && inNow && oldKey === key) continue; // changed in place
      if (oldKey !== undefined) {
        remove.add(id);
        members.delete(id);
      }
      if (inNow && key !== undefined) {
        insert.push({ id, key });
        members.set(id, key);
      }
    }
    if (remove.size === 0 && insert.length === 0) return;
    insert.sort(cmpRow);
    if (remove.size + insert.length <= SPLICE_LIMIT) {
      // Few moves (the usual frame): copy once, splice with binary search.
      const next = ids.slice();
      for (const id of remove) next.splice(next.indexOf(id), 1);
      for (const row of insert) next.splice(lowerBound(next, row), 0, row.id);
      ids = next;
      return;
    }
    // Many moves: one linear merge of the kept ids with the sorted insertions.
    const next: string[] = [];
    let j = 0;
    for (const id of ids) {
      if (remove.has(id)) continue;
      if (j < insert.length) {
        const key = members.get(id) as SortKey;
        while (
          j < insert.length &&
          cmpKey((insert[j] as Row).key, (insert[j] as Row).id, key, id) < 0
        ) {
          next.push((insert[j++] as Row).id);
        }
      }
      next.push(id);
    }
    while (j < insert.length) next.push((insert[j++] as Row).id);
    ids = next;
  }

  /** First index whose row sorts after `row` (members holds every listed id's key). */
  function lowerBound(list: readonly string[], row: Row): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = list[mid] as string;
      if (other !== row.id && cmpKey(members.get(other) as SortKey, other, row.key, row.id) < 0)
        lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  return (state) => {
    if (state === seen) return ids;
    const change = state.lastChange;
    if (
      seen !== undefined &&
      change.ids !== null &&
      change.from === seen.version &&
      change.to === state.version &&
      change.ids.length <= INCREMENTAL_LIMIT
    ) {
      incremental(state, change.ids);
    } else if (seen === undefined || state.version !== seen.version || state.byId !== seen.byId) {
      const before = ids;
      full(state);
      if (sameList(before, ids)) ids = before;
    }
    seen = state;
    return ids;
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
