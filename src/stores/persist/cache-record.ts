/**
 * What the on-device cache keeps of one account, and how it is cut from the stores: pure
 * functions, so the caps and the identity rule are tested as plain calls.
 *
 * Only what the pages show is kept: orders, positions, balance + account info and the P&L
 * candles of the account. Never tokens, never news. A record is read back through
 * the protocol's zod schemas, so an old or tampered record is dropped, not rendered.
 */
// The protocol's zod (jitless: no eval under the page's CSP).
import { z } from '../../protocol/zod';
import {
  AccountInfoSchema,
  BalanceSchema,
  CandleSchema,
  OrderSchema,
  PNL_INTERVALS,
  PositionSchema,
} from '../../protocol';
import type { AccountInfo, Balance, Candle, Order, PnlInterval, Position } from '../../protocol';
import type { BalancesState } from '../balances/apply-balances';
import { isTerminalStatus, updatedAtMs, type OrdersState } from '../orders/apply-orders';
import type { PnlState } from '../pnl/apply-pnl';
import type { PositionsState } from '../positions/apply-positions';

/**
 * Bump when the record's shape changes: the database is then emptied on open (cache-db.ts),
 * so a new build never paints data written by an old one.
 */
export const CACHE_SCHEMA_VERSION = 1;

/**
 * Caps per account. The blotter may hold 100,000 orders; a start-up paint needs what a trader
 * looks at first: every working order, then the most recently updated closed ones. 2,000
 * orders are ~1 MB of JSON; 2,000 candles are a day of 1-minute candles plus margin.
 */
export const MAX_CACHED_ORDERS = 2_000;
export const MAX_CACHED_CANDLES = 2_000;
export const MAX_CACHED_POSITIONS = 5_000;

export type AccountCacheRecord = {
  /** `identity|accountId`: the primary key. */
  id: string;
  identity: string;
  accountId: string;
  schema: number;
  /** When this was the server's state (ms epoch): what "Last known at" shows. */
  asOf: number;
  orders: Order[];
  positions: Position[];
  balance?: Balance;
  info?: AccountInfo;
  pnl?: { interval: PnlInterval; candles: Candle[] };
};

/**
 * Who the cache belongs to: the signed-in user at one API origin. User B never reads a record
 * keyed by user A; a session without a known user id gets no cache at all (undefined).
 */
export function cacheIdentity(
  userId: string | undefined,
  apiBase: string,
  base = 'http://localhost',
): string | undefined {
  if (!userId) return undefined;
  return `${userId}@${new URL(apiBase, base).origin}`;
}

export const recordId = (identity: string, accountId: string): string => `${identity}|${accountId}`;

/**
 * The `k` newest of `list` by `updatedAt`, newest first, in O(n) plus one native numeric sort
 * of a Float64Array, not a comparator sort over order objects: it runs on the page (at most
 * every 2 s, when idle: account-cache.ts) over the whole blotter.
 */
function newest(list: readonly Order[], k: number): Order[] {
  if (k <= 0) return [];
  const times = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) times[i] = updatedAtMs(list[i] as Order);
  let picked: Order[];
  if (list.length <= k) picked = [...list];
  else {
    const threshold = Float64Array.from(times).sort()[list.length - k] as number;
    picked = [];
    let ties = k - times.filter((t) => t > threshold).length;
    list.forEach((o, i) => {
      const t = times[i] as number;
      if (t > threshold || (t === threshold && ties-- > 0)) picked.push(o);
    });
  }
  return picked.sort((a, b) => updatedAtMs(b) - updatedAtMs(a));
}

/** Working orders first (all of them if they fit), then the newest closed ones. */
export function capOrders(orders: readonly Order[], max = MAX_CACHED_ORDERS): Order[] {
  if (orders.length <= max) return [...orders];
  const working: Order[] = [];
  const closed: Order[] = [];
  for (const o of orders) (isTerminalStatus(o.ordStatus) ? closed : working).push(o);
  const keptWorking = newest(working, max);
  return [...keptWorking, ...newest(closed, max - keptWorking.length)];
}

/** One account's orders, capped: a scan of every order held (the costly part of a record). */
export function accountOrders(state: OrdersState, accountId: string): Order[] {
  const orders: Order[] = [];
  state.byId.forEach((o) => {
    if (o.accountId === accountId) orders.push(o);
  });
  return capOrders(orders);
}

export type StoreStates = {
  orders: OrdersState;
  positions: PositionsState;
  balances: BalancesState;
  pnl: PnlState;
};

/** [CACHE-1] One account's record from the stores' current state, capped. */
export function buildAccountRecord(
  states: StoreStates,
  identity: string,
  accountId: string,
  pnlKey: string | undefined,
  asOf: number,
  /** The capped orders when the orders state is unchanged since they were cut (a memo). */
  cappedOrders?: Order[],
): AccountCacheRecord {
  const positions = [...(states.positions.byAccount.get(accountId)?.values() ?? [])].slice(
    0,
    MAX_CACHED_POSITIONS,
  );
  const balance = states.balances.balances.get(accountId);
  const info = states.balances.info.get(accountId);
  const series = pnlKey ? states.pnl.series.get(pnlKey) : undefined;
  return {
    id: recordId(identity, accountId),
    identity,
    accountId,
    schema: CACHE_SCHEMA_VERSION,
    asOf,
    orders: cappedOrders ?? accountOrders(states.orders, accountId),
    positions,
    ...(balance ? { balance } : {}),
    ...(info ? { info } : {}),
    ...(series && series.accountId === accountId
      ? {
          pnl: {
            interval: series.interval,
            candles: series.candles.slice(-MAX_CACHED_CANDLES),
          },
        }
      : {}),
  };
}

const RecordSchema = z.object({
  id: z.string(),
  identity: z.string(),
  accountId: z.string(),
  schema: z.literal(CACHE_SCHEMA_VERSION),
  asOf: z.number().finite(),
  orders: z.array(OrderSchema).max(MAX_CACHED_ORDERS),
  positions: z.array(PositionSchema).max(MAX_CACHED_POSITIONS),
  balance: BalanceSchema.optional(),
  info: AccountInfoSchema.optional(),
  pnl: z
    .object({
      interval: z.enum(PNL_INTERVALS),
      candles: z.array(CandleSchema).max(MAX_CACHED_CANDLES),
    })
    .optional(),
});

/**
 * [CACHE-2] A stored value back into a record, or undefined when it is of another schema
 * version, another identity, or does not validate. Unknown fields are stripped.
 */
export function readAccountRecord(
  value: unknown,
  identity: string,
): AccountCacheRecord | undefined {
  const parsed = RecordSchema.safeParse(value);
  if (!parsed.success || parsed.data.identity !== identity) return undefined;
  if (parsed.data.id !== recordId(identity, parsed.data.accountId)) return undefined;
  return parsed.data as AccountCacheRecord;
}
