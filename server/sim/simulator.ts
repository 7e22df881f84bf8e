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
import { exchangeDayStart } from '../../src/protocol/exchange-time';
import { DEMO_USERS } from '../users';
import { AccountHistory, stockIndex, type HistoryFill, type Instrument } from './account-history';
import { liveOrderInput, planBook, type BookAccount, type BookEvent } from './book';
import { Ledger } from './ledger';
import { Market, optionContract, STOCK_SYMBOLS, stockCents, type OptionContract } from './market';
import { NewsDesk } from './news';
import { PnlSeries } from './pnl-series';
import { formatCents } from './cents';
import { BUCKET_MS, SessionClock, walkToday } from './price-walk';
import { createRng, type Rng } from './rng';
import { SCENARIO, type Scenario, type ScenarioName } from './scenario';
import { SEED_ACCOUNTS, SEED_HOLDINGS, seedWatchlists } from './seed';
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
  book: BookAccount;
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

/** How far back an account's P&L history reaches. */
const HISTORY_DAYS = 400;
const DAY_MS = 86_400_000;

export function createSimulator(
  opts: { seed?: number; now?: () => number; scenario?: ScenarioName } = {},
): Simulator {
  return new MarketSimulator(
    opts.seed ?? 42,
    opts.now ?? Date.now,
    SCENARIO[opts.scenario ?? 'quiet'],
  );
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
  /** While the opening book is played: the instant it is at (else the clock's). */
  private at: number | undefined;
  /** Start of the exchange day the accounts' start-of-day values belong to. */
  private today = 0;
  private readonly clock = new SessionClock();

  constructor(
    private readonly seed: number,
    private readonly now: () => number,
    private readonly scenario: Scenario,
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
    const startMs = this.now();
    for (const { info, cash } of SEED_ACCOUNTS) {
      const ledger = new Ledger(info, cash, this.market);
      const kind =
        info.accountType === 'MARGIN' ? 'margin' : info.accountType === 'IRA' ? 'ira' : 'cash';
      const orders = kind === 'margin' ? this.scenario.marginBook : this.scenario.otherBook;
      this.accounts.set(info.accountId, {
        ledger,
        book: { accountId: info.accountId, kind, orders, stocks: {} },
        orders: new Map(),
        open: new Set(),
        // Replaced once the opening book is in (seedAccounts): a series needs the holdings.
        pnl: undefined as unknown as PnlSeries,
      });
    }
    this.seedAccounts(startMs);
    this.lists = seedWatchlists();
    for (let i = 0; i < 20; i++) this.desk.generate(this.heldOrWatched());
    this.traffic = this.trafficWorld();
  }

  /** The operations the random traffic acts through (see traffic.ts). */
  private trafficWorld(): TrafficWorld {
    return {
      rng: this.rng,
      market: this.market,
      scenario: this.scenario,
      tick: () => this.market.tick(this.now(), this.clock, this.scenario),
      newOrder: () => this.placeRandomOrder(),
      expireOrder: (ordId) => this.expireOrder(ordId),
      accountIds: () => [...this.accounts.keys()],
      openOrders: () => [...this.accounts.values()].flatMap((a) => this.openOrders(a)),
      placeOrder: (input) => this.placeOrder(input),
      acceptOrder: (ordId) => this.acceptOrder(ordId),
      rejectOrder: (ordId, reason) => this.rejectOrder(ordId, reason),
      fillOrder: (ordId, qty) => this.fillOrder(ordId, qty),
      requestCancel: (ordId) => this.toPending(ordId, 'PENDING_CANCEL'),
      requestReplace: (ordId) => this.toPending(ordId, 'PENDING_REPLACE'),
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
    this.rollDay();
    const a = this.account(accountId);
    return {
      info: { ...a.ledger.info },
      balance: this.balanceOf(a),
      positions: a.ledger.positions(),
      orders: [...a.orders.values()].map((o) => ({ ...o, legs: o.legs.map((l) => ({ ...l })) })),
    };
  }

  candles(accountId: string, interval: PnlInterval, startMs: number, nowMs: number) {
    this.rollDay();
    return this.account(accountId).pnl.candles(interval, startMs, nowMs);
  }
  candlesJson(accountId: string, interval: PnlInterval, startMs: number, nowMs: number) {
    this.rollDay();
    return this.account(accountId).pnl.candlesJson(interval, startMs, nowMs);
  }
  currentCandle(accountId: string, interval: PnlInterval, atMs: number) {
    this.rollDay();
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
    this.rollDay();
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
    if (this.at === undefined) this.rollDay();
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
          expired.push(this.expireOrder(o.ordId));
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
    const t = Math.max(this.at ?? this.now(), this.lastStamp + 1);
    this.lastStamp = t;
    return new Date(t).toISOString();
  }

  private emit(event: SimEvent): void {
    // The opening book is state, not news: clients snapshot it (after a reset they reconnect).
    if (this.at !== undefined) return;
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
    if (this.at !== undefined) return;
    this.emit({ kind: 'balance', accountId: a.ledger.info.accountId, balance: this.balanceOf(a) });
  }

  private recordPnl(a: Account): void {
    // The opening book's fills are history: the account's series replays them.
    if (this.at !== undefined) return;
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

  /**
   * Books the opening state: the overnight holdings (seed.ts), then the morning's book
   * (book.ts) played through the order lifecycle at the walk's prices of each instant, then
   * each account's P&L series over the history those fills and prices make.
   */
  private seedAccounts(startMs: number): void {
    const today = exchangeDayStart(startMs);
    this.today = today;
    const startBucket = Math.floor(startMs / BUCKET_MS);
    const startCents = stockCents((s) => this.market.price(s));
    const todayFirst = Math.floor(today / BUCKET_MS);
    const path = walkToday(this.seed, startBucket, startCents, this.scenario, todayFirst);
    const priceAt = (symbol: string, ms: number) =>
      new Big(formatCents(path(Math.floor(ms / BUCKET_MS))[stockIndex(symbol)] as number));
    const shown = new Int32Array(STOCK_SYMBOLS.length);
    const setPrices = (ms: number) => {
      const row = path(Math.floor(ms / BUCKET_MS));
      STOCK_SYMBOLS.forEach((symbol, i) => {
        if (shown[i] === row[i]) return;
        shown[i] = row[i] as number;
        this.market.setPrice(symbol, formatCents(row[i] as number));
      });
    };

    this.at = today - 7 * DAY_MS;
    for (const { accountId, symbol, qty, price, option } of SEED_HOLDINGS) {
      const contract =
        option && optionContract(symbol, option.maturity, option.putCall, option.strike);
      if (contract) this.market.registerOption(contract);
      const a = this.account(accountId);
      a.ledger.fill(
        contract?.symbol ?? symbol,
        new Big(qty),
        new Big(price),
        this.stamp(),
        contract,
      );
      if (!contract) a.book.stocks[symbol] = (a.book.stocks[symbol] ?? 0) + Number(qty);
    }
    for (const a of this.accounts.values()) a.ledger.journal = [];

    const events = planBook({
      rng: createRng((this.seed ^ 0xb00c_b00c) >>> 0),
      startMs,
      accounts: [...this.accounts.values()].map((a) => a.book),
      priceAt,
      symbols: STOCK_SYMBOLS,
    });
    const ids = new Map<number, string>();
    let opened = false;
    const openDay = () => {
      setPrices(today);
      for (const a of this.accounts.values()) a.ledger.openDay();
      opened = true;
    };
    for (const e of events) {
      if (!opened && e.atMs >= today) openDay();
      this.at = e.atMs;
      setPrices(e.atMs);
      this.playBookEvent(e, ids);
    }
    if (!opened) openDay();
    this.at = undefined;
    STOCK_SYMBOLS.forEach((symbol, i) =>
      this.market.setPrice(symbol, formatCents(startCents[i] as number)),
    );

    for (const a of this.accounts.values()) {
      a.ledger.baselineEquity = a.ledger.equity();
      a.pnl = new PnlSeries(a.ledger.info.accountId, this.historyOf(a, startMs, startCents));
    }
  }

  private playBookEvent(e: BookEvent, ids: Map<number, string>): void {
    const { action } = e;
    if (action.kind === 'place') {
      ids.set(e.order, this.placeOrder(action.input).ordId);
      return;
    }
    const ordId = ids.get(e.order);
    if (!ordId) return;
    try {
      if (action.kind === 'accept') this.acceptOrder(ordId);
      else if (action.kind === 'reject') this.rejectOrder(ordId, action.reason);
      else if (action.kind === 'fill') this.fillOrder(ordId, action.qty);
      else if (action.kind === 'requestCancel') this.toPending(ordId, 'PENDING_CANCEL');
      else if (action.kind === 'completeCancel') this.completeCancel(ordId);
      else if (action.kind === 'requestReplace') this.toPending(ordId, 'PENDING_REPLACE');
      else if (action.kind === 'completeReplace')
        this.completeReplace(ordId, { price: action.price });
      else this.expireOrder(ordId);
    } catch (err) {
      // A planned step the order's state no longer allows (an earlier step was skipped).
      if (!(err instanceof SimError)) throw err;
    }
  }

  /** The account's holdings, cash and today's fills as its history replays them. */
  private historyOf(a: Account, startMs: number, startCents: Int32Array): AccountHistory {
    const instruments: Instrument[] = [];
    const qty: number[] = [];
    const index = new Map<string, number>();
    for (const h of a.ledger.holdings.values()) {
      index.set(h.symbol, instruments.length);
      instruments.push(
        h.option
          ? {
              underlying: stockIndex(h.option.underlying),
              kind: h.option.putCall === 'CALL' ? 'call' : 'put',
              strikeCents: Number(new Big(h.option.strike).times(100).toFixed(0)),
            }
          : { underlying: stockIndex(h.symbol), kind: 'stock', strikeCents: 0 },
      );
      qty.push(Number(h.qty.toFixed()));
    }
    const fills: HistoryFill[] = (a.ledger.journal ?? []).map((f) => ({
      atMs: f.atMs,
      instrument: index.get(f.symbol) as number,
      qty: f.qty,
      priceCents: f.priceCents,
    }));
    a.ledger.journal = undefined;
    return new AccountHistory({
      seed: this.seed,
      scenario: this.scenario,
      startMs,
      todayMs: this.today,
      originMs: exchangeDayStart(startMs - HISTORY_DAYS * DAY_MS),
      startCents,
      instruments,
      qty,
      cashCents: Number(a.ledger.cash().times(100).toFixed(0)),
      fills,
    });
  }

  private toPending(ordId: string, ordStatus: 'PENDING_CANCEL' | 'PENDING_REPLACE'): void {
    this.transition(ordId, ['NEW', 'PARTIALLY_FILLED'], (o) => ({ ...o, ordStatus }));
  }

  /** An IOC/FOK remainder, or a DAY order at the day's end. */
  private expireOrder(ordId: string): Order {
    return this.transition(ordId, [...OPEN], (o) => ({
      ...o,
      ordStatus: 'EXPIRED',
      leavesQty: '0',
    }));
  }

  /** A live order with the book's mix, on the margin account as often as the scenario says. */
  private placeRandomOrder(): void {
    const all = [...this.accounts.values()];
    const margin = all.find((a) => a.book.kind === 'margin');
    const a = margin && this.rng.chance(this.scenario.marginShare) ? margin : this.rng.pick(all);
    const input = liveOrderInput(
      {
        rng: this.rng,
        priceAt: (symbol) => this.market.price(symbol),
        symbols: STOCK_SYMBOLS,
      },
      a.book,
      this.now(),
    );
    this.placeOrder(input);
  }

  /**
   * At the exchange's midnight: DAY orders expire and start-of-day values become this
   * instant's, so the day's P&L starts at 0 as the intraday candles do.
   */
  private rollDay(): void {
    const today = exchangeDayStart(this.now());
    if (today <= this.today) return;
    this.today = today;
    this.expireDayOrders();
    for (const a of this.accounts.values()) {
      a.ledger.openDay();
      this.emitBalance(a);
    }
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
