/**
 * The market simulator: a seeded, deterministic stand-in for the brokerage's back end.
 * It owns accounts (ledger), the order lifecycle, watchlists and news, and announces every
 * change as a SimEvent; the network layer only reads ground truth and fans the events out.
 * The opening state is data (seed.ts); the random market between requests is traffic.ts.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import Big from 'big.js';
import {
  TERMINAL_ORDER_STATUSES,
  type AccountInfo,
  type AccountSnapshot,
  type NewsArticle,
  type NewsParams,
  type Order,
  type OrderLeg,
  type PnlInterval,
  type Watchlist,
  type WatchlistId,
  type WatchlistReplace,
} from '../../src/protocol';
import { DEMO_USERS } from '../users';
import { Ledger } from './ledger';
import { Market, optionContract, type OptionContract } from './market';
import { NewsDesk } from './news';
import { PnlSeries } from './pnl-series';
import { createRng, hashString, type Rng } from './rng';
import { SEED_ACCOUNTS, SEED_HOLDINGS, SEED_ORDERS, seedWatchlists } from './seed';
import { randomStep, runAtRate, type TrafficWorld } from './traffic';
import type { PlaceOrderInput, SimEvent, Simulator } from './types';

/** Integer ids in numeric order, then any string ids (production's opaque ones) by text. */
function byWatchlistId(x: Watchlist, y: Watchlist): number {
  if (typeof x.id === 'number' && typeof y.id === 'number') return x.id - y.id;
  if (typeof x.id === 'number') return -1;
  if (typeof y.id === 'number') return 1;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

type Account = {
  ledger: Ledger;
  orders: Map<string, Order>;
  /** Ids of working orders, in placement order: balances and random picks stay O(open). */
  open: Set<string>;
  pnl: PnlSeries;
};

const OPEN: ReadonlySet<string> = new Set([
  'PENDING_NEW',
  'NEW',
  'PARTIALLY_FILLED',
  'PENDING_CANCEL',
  'PENDING_REPLACE',
]);
const BUY_SIDES: ReadonlySet<string> = new Set(['BUY', 'BUY_TO_COVER']);
/** Pending margin on a working buy: half its notional (Reg T). */
const MARGIN_HALF = new Big('0.5');

// Never matches: a password is compared against this when the username is unknown.
const UNKNOWN_USER_PASSWORD = randomBytes(32).toString('hex');
const PASSWORD_KEY = randomBytes(32);
/** Equal-length digests, so the comparison time depends on neither password. */
function samePassword(given: string, stored: string): boolean {
  const digest = (s: string) => createHmac('sha256', PASSWORD_KEY).update(s).digest();
  return timingSafeEqual(digest(given), digest(stored));
}

export function createSimulator(opts: { seed?: number; now?: () => number } = {}): Simulator {
  return new MarketSimulator(opts.seed ?? 42, opts.now ?? Date.now);
}

class MarketSimulator implements Simulator {
  readonly users = DEMO_USERS;
  // Not readonly: `reset()` rebuilds the whole world from the seed.
  private rng!: Rng;
  private market!: Market;
  private accounts = new Map<string, Account>();
  private lists = new Map<string, Watchlist[]>();
  private desk!: NewsDesk;
  private readonly listeners = new Set<(e: SimEvent) => void>();
  private stopTraffic: (() => void) | undefined;
  private traffic!: TrafficWorld;
  private nextOrderId = 1;
  private lastStamp = 0;

  constructor(
    private readonly seed: number,
    private readonly now: () => number,
  ) {
    this.build();
  }

  /** Back to the seeded opening state (orders, positions, lists, news); listeners stay. */
  reset(): void {
    this.stop();
    this.nextOrderId = 1;
    this.build();
  }

  private build(): void {
    this.accounts = new Map();
    this.lists = new Map();
    this.rng = createRng(this.seed);
    this.market = new Market(this.rng);
    this.desk = new NewsDesk(this.rng, this.now);
    for (const { info, cash } of SEED_ACCOUNTS) {
      const ledger = new Ledger(info, cash, this.market);
      this.accounts.set(info.accountId, {
        ledger,
        orders: new Map(),
        open: new Set(),
        pnl: new PnlSeries(info.accountId, this.seed ^ hashString(info.accountId), this.now()),
      });
    }
    this.seedAccounts();
    this.lists = seedWatchlists();
    for (let i = 0; i < 20; i++) this.desk.generate(this.heldOrWatched());
    this.traffic = this.trafficWorld();
  }

  /** The operations the random traffic acts through (see traffic.ts). */
  private trafficWorld(): TrafficWorld {
    const toPending = (ordStatus: 'PENDING_CANCEL' | 'PENDING_REPLACE') => (ordId: string) => {
      this.transition(ordId, ['NEW', 'PARTIALLY_FILLED'], (o) => ({ ...o, ordStatus }));
    };
    return {
      rng: this.rng,
      market: this.market,
      accountIds: () => [...this.accounts.keys()],
      openOrders: () => [...this.accounts.values()].flatMap((a) => this.openOrders(a)),
      placeOrder: (input) => this.placeOrder(input),
      acceptOrder: (ordId) => this.acceptOrder(ordId),
      rejectOrder: (ordId, reason) => this.rejectOrder(ordId, reason),
      fillOrder: (ordId, qty) => this.fillOrder(ordId, qty),
      requestCancel: toPending('PENDING_CANCEL'),
      requestReplace: toPending('PENDING_REPLACE'),
      completeCancel: (ordId) => this.completeCancel(ordId),
      completeReplace: (ordId, changes) => this.completeReplace(ordId, changes),
      revalue: (symbol) => this.revalue(symbol),
      printHeadline: () =>
        this.emit({ kind: 'article', article: this.desk.generate(this.heldOrWatched()) }),
      watchlists: (userId) => this.lists.get(userId) ?? [],
      addSymbol: (userId, id, symbol) => this.addSymbol(userId, id, symbol),
      removeSymbol: (userId, id, symbol) => this.removeSymbol(userId, id, symbol),
    };
  }

  // ---- reads ---------------------------------------------------------------------------

  /**
   * The user whose password this is, compared in constant time; an unknown username costs
   * the same comparison (against a stand-in), so timing does not tell which names exist.
   */
  userByCredentials(username: string, password: string) {
    const user = this.users.find((u) => u.username === username);
    const ok = samePassword(password, user?.password ?? UNKNOWN_USER_PASSWORD);
    return ok && user ? user : undefined;
  }
  userById(userId: string) {
    return this.users.find((u) => u.userId === userId);
  }
  accountsOf(userId: string): AccountInfo[] {
    const user = this.userById(userId);
    return (user?.accountIds ?? []).map((id) => ({ ...this.account(id).ledger.info }));
  }
  ownerOf(accountId: string): string | undefined {
    return this.users.find((u) => u.accountIds.includes(accountId))?.userId;
  }

  accountSnapshot(accountId: string): AccountSnapshot {
    const a = this.account(accountId);
    return {
      info: { ...a.ledger.info },
      balance: this.balanceOf(a),
      positions: a.ledger.positions(),
      orders: [...a.orders.values()].map((o) => ({ ...o, legs: o.legs.map((l) => ({ ...l })) })),
    };
  }

  candles(accountId: string, interval: PnlInterval, startMs: number, nowMs: number) {
    return this.account(accountId).pnl.candles(interval, startMs, nowMs);
  }
  candlesJson(accountId: string, interval: PnlInterval, startMs: number, nowMs: number) {
    return this.account(accountId).pnl.candlesJson(interval, startMs, nowMs);
  }
  currentCandle(accountId: string, interval: PnlInterval, atMs: number) {
    return this.account(accountId).pnl.current(interval, atMs);
  }
  watchlists(userId: string): Watchlist[] {
    return (this.lists.get(userId) ?? []).map((w) => ({ ...w, symbols: [...w.symbols] }));
  }
  news(filter: NewsParams, limit: number): NewsArticle[] {
    return this.desk.latest(filter, limit);
  }

  subscribe(listener: (e: SimEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- the random market (traffic.ts) --------------------------------------------------

  step(): void {
    randomStep(this.traffic);
  }

  start(rate: number): void {
    this.stop();
    if (rate > 0) this.stopTraffic = runAtRate(rate, () => this.step());
  }

  stop(): void {
    this.stopTraffic?.();
    this.stopTraffic = undefined;
  }

  // ---- control -------------------------------------------------------------------------

  placeOrder(input: PlaceOrderInput): Order {
    const a = this.account(input.accountId);
    const legs = input.legs ?? [];
    for (const leg of legs) this.market.registerOption(this.contractOfLeg(leg));
    const at = this.stamp();
    const order: Order = {
      ordId: `O-${String(this.nextOrderId++).padStart(6, '0')}`,
      clOrdId: input.clOrdId ?? `C-${this.seed}-${this.nextOrderId}`,
      accountId: input.accountId,
      symbol: input.symbol,
      side: input.side,
      type: input.type,
      timeInForce: input.timeInForce ?? 'DAY',
      qty: new Big(input.qty).toFixed(),
      ordStatus: 'PENDING_NEW',
      cumQty: '0',
      leavesQty: new Big(input.qty).toFixed(),
      currency: 'USD',
      securityType: legs.length === 0 ? 'EQUITY' : legs.length === 1 ? 'OPTION' : 'MULTI_LEG',
      category: legs.length > 1 ? 'MULTI_LEG' : 'SINGLE_LEG',
      legs,
      createdAt: at,
      updatedAt: at,
      exDestination: 'SMART',
    };
    if (input.price !== undefined) order.price = input.price;
    if (input.stopPrice !== undefined) order.stopPrice = input.stopPrice;
    this.put(a, order);
    this.emitOrder(a, order);
    this.emitBalance(a);
    return order;
  }

  acceptOrder(ordId: string): Order {
    return this.transition(ordId, ['PENDING_NEW'], (o) => ({ ...o, ordStatus: 'NEW' }));
  }

  fillOrder(ordId: string, qty?: string, price?: string): Order {
    const { a, order } = this.find(ordId);
    this.assertOpen(order);
    const leaves = new Big(order.leavesQty);
    const fillQty = qty ? new Big(qty) : leaves;
    if (fillQty.lte(0) || fillQty.gt(leaves))
      throw new SimError(`fill qty must be in (0, ${order.leavesQty}]`);
    const fillPrice = price ? new Big(price) : this.fillPrice(order);
    const at = this.stamp();
    const sign = BUY_SIDES.has(order.side) ? 1 : -1;
    if (order.legs.length === 0) {
      const h = a.ledger.fill(order.symbol, fillQty.times(sign), fillPrice, at);
      this.emit({ kind: 'position', accountId: order.accountId, position: a.ledger.position(h) });
    } else {
      for (const leg of order.legs) {
        const contract = this.contractOfLeg(leg);
        const legSign = leg.side === 'BUY' ? sign : -sign;
        const legQty = fillQty.times(leg.ratioQty).times(legSign);
        const legPrice = order.legs.length === 1 ? fillPrice : this.market.price(contract.symbol);
        const h = a.ledger.fill(contract.symbol, legQty, legPrice, at, contract);
        this.emit({ kind: 'position', accountId: order.accountId, position: a.ledger.position(h) });
      }
    }
    const cum = new Big(order.cumQty).plus(fillQty);
    const avg = new Big(order.avgPrice ?? '0')
      .times(order.cumQty)
      .plus(fillPrice.times(fillQty))
      .div(cum);
    const next: Order = {
      ...order,
      cumQty: cum.toFixed(),
      leavesQty: new Big(order.qty).minus(cum).toFixed(),
      avgPrice: avg.toFixed(4),
      lastFillQty: fillQty.toFixed(),
      lastFillPrice: fillPrice.toFixed(2),
      ordStatus: cum.eq(order.qty) ? 'FILLED' : 'PARTIALLY_FILLED',
      updatedAt: at,
    };
    this.put(a, next);
    this.emitOrder(a, next);
    this.emitBalance(a);
    this.recordPnl(a);
    return next;
  }

  cancelOrder(ordId: string): Order {
    this.transition(
      ordId,
      [...OPEN].filter((s) => s !== 'PENDING_CANCEL'),
      (o) => ({ ...o, ordStatus: 'PENDING_CANCEL' }),
    );
    return this.completeCancel(ordId);
  }

  replaceOrder(ordId: string, changes: { qty?: string; price?: string }): Order {
    this.transition(ordId, ['NEW', 'PARTIALLY_FILLED'], (o) => ({
      ...o,
      ordStatus: 'PENDING_REPLACE',
    }));
    return this.completeReplace(ordId, changes);
  }

  rejectOrder(ordId: string, reason: string): Order {
    return this.transition(ordId, ['PENDING_NEW', 'PENDING_REPLACE'], (o) => ({
      ...o,
      ordStatus: 'REJECTED',
      ordRejReason: reason,
      text: reason,
      leavesQty: '0',
    }));
  }

  expireDayOrders(): Order[] {
    const expired: Order[] = [];
    for (const a of this.accounts.values()) {
      for (const o of this.openOrders(a)) {
        if (o.timeInForce === 'DAY') {
          expired.push(
            this.transition(o.ordId, [...OPEN], (x) => ({
              ...x,
              ordStatus: 'EXPIRED',
              leavesQty: '0',
            })),
          );
        }
      }
    }
    return expired;
  }

  setPrice(symbol: string, price: string): void {
    this.market.setPrice(symbol, new Big(price).toFixed(2));
    this.revalue(symbol);
  }

  publishNews(article: Partial<NewsArticle> & { headline: string }): NewsArticle {
    const published = this.desk.publish(article);
    this.emit({ kind: 'article', article: published });
    return published;
  }

  addSymbol(userId: string, watchlistId: WatchlistId, symbol: string): void {
    const list = this.list(userId, watchlistId);
    const upper = symbol.toUpperCase();
    if (list.symbols.includes(upper)) return;
    list.symbols.push(upper);
    this.emit({
      kind: 'symbolAdded',
      userId,
      change: { watchlistId, watchlistName: list.name, symbol: upper },
    });
  }

  removeSymbol(userId: string, watchlistId: WatchlistId, symbol: string): void {
    const list = this.list(userId, watchlistId);
    const upper = symbol.toUpperCase();
    if (!list.symbols.includes(upper)) return;
    list.symbols = list.symbols.filter((s) => s !== upper);
    this.emit({
      kind: 'symbolRemoved',
      userId,
      change: { watchlistId, watchlistName: list.name, symbol: upper },
    });
  }

  upsertWatchlist(userId: string, watchlist: WatchlistReplace): void {
    const lists = this.lists.get(userId) ?? [];
    const rest = lists.filter((w) => w.id !== watchlist.id);
    const next = watchlist.deleted
      ? rest
      : [...rest, { id: watchlist.id, name: watchlist.name, symbols: [...watchlist.symbols] }];
    next.sort(byWatchlistId);
    this.lists.set(userId, next);
    this.emit({
      kind: 'watchlist',
      userId,
      watchlist: { ...watchlist, symbols: [...watchlist.symbols] },
    });
  }

  // ---- internals -----------------------------------------------------------------------

  private account(accountId: string): Account {
    const a = this.accounts.get(accountId);
    if (!a) throw new SimError(`unknown account ${accountId}`, 404);
    return a;
  }

  private find(ordId: string): { a: Account; order: Order } {
    for (const a of this.accounts.values()) {
      const order = a.orders.get(ordId);
      if (order) return { a, order };
    }
    throw new SimError(`unknown order ${ordId}`, 404);
  }

  private assertOpen(order: Order): void {
    if (TERMINAL_ORDER_STATUSES.has(order.ordStatus)) {
      throw new SimError(`order ${order.ordId} is ${order.ordStatus}`, 409);
    }
  }

  private transition(ordId: string, from: readonly string[], change: (o: Order) => Order): Order {
    const { a, order } = this.find(ordId);
    if (!from.includes(order.ordStatus)) {
      throw new SimError(`order ${ordId} is ${order.ordStatus}; expected ${from.join('|')}`, 409);
    }
    const next = { ...change(order), updatedAt: this.stamp() };
    this.put(a, next);
    this.emitOrder(a, next);
    this.emitBalance(a);
    return next;
  }

  private completeCancel(ordId: string): Order {
    return this.transition(ordId, ['PENDING_CANCEL'], (o) => ({
      ...o,
      ordStatus: 'CANCELED',
      leavesQty: '0',
    }));
  }

  private completeReplace(ordId: string, changes: { qty?: string; price?: string }): Order {
    return this.transition(ordId, ['PENDING_REPLACE'], (o) => {
      const qty = changes.qty ? new Big(changes.qty) : new Big(o.qty);
      const safeQty = qty.gt(o.cumQty) ? qty : new Big(o.cumQty).plus(1);
      const next: Order = {
        ...o,
        qty: safeQty.toFixed(),
        leavesQty: safeQty.minus(o.cumQty).toFixed(),
        ordStatus: new Big(o.cumQty).gt(0) ? 'PARTIALLY_FILLED' : 'NEW',
      };
      if (changes.price) next.price = new Big(changes.price).toFixed(2);
      return next;
    });
  }

  /** Timestamps strictly increase so clients can order events by `updatedAt`. */
  private stamp(): string {
    const t = Math.max(this.now(), this.lastStamp + 1);
    this.lastStamp = t;
    return new Date(t).toISOString();
  }

  private emit(event: SimEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private emitOrder(a: Account, order: Order): void {
    this.emit({ kind: 'order', accountId: a.ledger.info.accountId, order });
  }

  private put(a: Account, order: Order): void {
    a.orders.set(order.ordId, order);
    if (OPEN.has(order.ordStatus)) a.open.add(order.ordId);
    else a.open.delete(order.ordId);
  }

  private openOrders(a: Account): Order[] {
    return [...a.open].map((id) => a.orders.get(id)!);
  }

  private balanceOf(a: Account) {
    let open = 0;
    let pending = new Big(0);
    for (const o of this.openOrders(a)) {
      open++;
      if (BUY_SIDES.has(o.side) && o.legs.length === 0) {
        const px = o.price ? new Big(o.price) : this.market.price(o.symbol);
        pending = pending.plus(px.times(o.leavesQty).times(MARGIN_HALF));
      }
    }
    return a.ledger.balance(open, pending.round(2));
  }

  private emitBalance(a: Account): void {
    this.emit({ kind: 'balance', accountId: a.ledger.info.accountId, balance: this.balanceOf(a) });
  }

  private recordPnl(a: Account): void {
    const at = this.now();
    const cents = Number(
      a.ledger.equity().minus(a.ledger.baselineEquity).times(100).round(0).toFixed(0),
    );
    a.pnl.record(at, cents);
    this.emit({ kind: 'pnl', accountId: a.ledger.info.accountId, atMs: at });
  }

  private fillPrice(order: Order): Big {
    if (order.legs.length === 1 && order.legs[0])
      return this.market.price(this.contractOfLeg(order.legs[0]).symbol);
    if (order.legs.length > 1) return new Big(order.price ?? '1.00');
    const market = this.market.price(order.symbol);
    if (order.type === 'LIMIT' && order.price) {
      const limit = new Big(order.price);
      return BUY_SIDES.has(order.side)
        ? limit.lt(market)
          ? limit
          : market
        : limit.gt(market)
          ? limit
          : market;
    }
    return market;
  }

  private contractOfLeg(leg: OrderLeg): OptionContract {
    const underlying = leg.symbol.trim().split(/\s+/)[0] ?? leg.symbol;
    return optionContract(underlying, leg.maturity, leg.putCall, leg.strikePrice);
  }

  /** Price moved: holders' positions and balances move with it, and so does P&L. */
  private revalue(symbol: string): void {
    for (const a of this.accounts.values()) {
      let touched = false;
      for (const h of a.ledger.holdings.values()) {
        const under = h.option?.underlying ?? h.symbol;
        if (under !== symbol || h.qty.eq(0)) continue;
        touched = true;
        h.updatedAt = this.stamp();
        this.emit({
          kind: 'position',
          accountId: a.ledger.info.accountId,
          position: a.ledger.position(h),
        });
      }
      if (touched) {
        this.emitBalance(a);
        this.recordPnl(a);
      }
    }
  }

  private list(userId: string, watchlistId: WatchlistId): Watchlist {
    const list = this.lists.get(userId)?.find((w) => w.id === watchlistId);
    if (!list) throw new SimError(`unknown watchlist ${watchlistId} for ${userId}`, 404);
    return list;
  }

  private heldOrWatched(): string[] {
    const set = new Set<string>();
    for (const lists of this.lists.values())
      for (const w of lists) for (const s of w.symbols) set.add(s);
    return set.size ? [...set] : this.market.symbols();
  }

  /** Books the opening state (seed.ts): earlier days' fills, then the orders working today. */
  private seedAccounts(): void {
    const at = this.stamp();
    for (const { accountId, symbol, qty, price, option } of SEED_HOLDINGS) {
      const contract =
        option && optionContract(symbol, option.maturity, option.putCall, option.strike);
      if (contract) this.market.registerOption(contract);
      const ledger = this.account(accountId).ledger;
      ledger.fill(contract?.symbol ?? symbol, new Big(qty), new Big(price), at, contract);
    }
    for (const a of this.accounts.values()) {
      // The opening fills are history, not today's activity.
      a.ledger.settled = a.ledger.settled.plus(a.ledger.unsettled);
      a.ledger.unsettled = new Big(0);
      a.ledger.valueBought = new Big(0);
      a.ledger.valueSold = new Big(0);
      a.ledger.openDay();
    }
    for (const input of SEED_ORDERS) this.acceptOrder(this.placeOrder(input).ordId);
  }
}

/** A control request the simulator refuses; `status` is what the control API answers. */
export class SimError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
