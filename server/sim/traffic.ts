/**
 * The random market: what happens between control requests. Each step is one seeded draw that
 * moves a price, places an order, advances a working one, prints a headline or edits a
 * watchlist. It acts only through the world's operations, as a trader or the exchange would.
 */
import Big from 'big.js';
import type { Order, Watchlist, WatchlistId } from '../../src/protocol';
import { REJECT_REASONS } from './book';
import type { Market } from './market';
import type { Rng } from './rng';
import type { Scenario } from './scenario';
import type { PlaceOrderInput } from './types';

/** What the random traffic may read and do; the simulator provides it. */
export interface TrafficWorld {
  readonly rng: Rng;
  readonly market: Market;
  readonly scenario: Scenario;
  /** In a stable order: the draws pick by index. */
  accountIds(): string[];
  openOrders(): Order[];
  placeOrder(input: PlaceOrderInput): Order;
  /** A new order with the opening book's mix of kinds (book.ts). */
  newOrder(): void;
  acceptOrder(ordId: string): Order;
  rejectOrder(ordId: string, reason: string): Order;
  fillOrder(ordId: string, qty?: string): Order;
  expireOrder(ordId: string): Order;
  requestCancel(ordId: string): void;
  requestReplace(ordId: string): void;
  completeCancel(ordId: string): void;
  completeReplace(ordId: string, changes: { price: string }): void;
  /** Moves one stock as the walk would since it last moved; returns it. */
  tick(): string;
  /** A price moved: positions, balances and P&L follow it. */
  revalue(symbol: string): void;
  printHeadline(): void;
  watchlists(userId: string): Watchlist[];
  addSymbol(userId: string, watchlistId: WatchlistId, symbol: string): void;
  removeSymbol(userId: string, watchlistId: WatchlistId, symbol: string): void;
}

/** The user whose first watchlist the traffic edits. */
const WATCHLIST_USER = 'u-1001';
const TICK_SHARE = 0.45;

export function randomStep(world: TrafficWorld): void {
  const r = world.rng.next();
  const orders = TICK_SHARE + world.scenario.newOrderShare;
  if (r < TICK_SHARE) world.revalue(world.tick());
  else if (r < orders) world.newOrder();
  else if (r < 0.94) advanceRandomOrder(world);
  else if (r < 0.99) world.printHeadline();
  else randomWatchlistEdit(world);
}

/**
 * Runs `step` `rate` times a second until the returned stop is called. A fixed 20 ms tick that
 * runs as many steps as are owed keeps high rates from depending on timer resolution.
 */
export function runAtRate(rate: number, step: () => void): () => void {
  const tickMs = 20;
  let owed = 0;
  const timer = setInterval(() => {
    owed += (rate * tickMs) / 1000;
    while (owed >= 1) {
      owed -= 1;
      step();
    }
  }, tickMs);
  timer.unref?.();
  return () => clearInterval(timer);
}

const IMMEDIATE: ReadonlySet<string> = new Set(['IOC', 'FOK']);

function advanceRandomOrder(world: TrafficWorld): void {
  const { rng } = world;
  const open = world.openOrders();
  if (open.length === 0) return world.newOrder();
  const o = rng.pick(open);
  const r = rng.next();
  switch (o.ordStatus) {
    case 'PENDING_NEW':
      if (r < 0.9) world.acceptOrder(o.ordId);
      else world.rejectOrder(o.ordId, rng.pick(REJECT_REASONS));
      return;
    case 'PENDING_CANCEL':
      world.completeCancel(o.ordId);
      return;
    case 'PENDING_REPLACE':
      world.completeReplace(o.ordId, { price: world.market.price(o.symbol).toFixed(2) });
      return;
    default: {
      // An immediate-or-cancel order trades what it can at once; the rest expires.
      if (IMMEDIATE.has(o.timeInForce)) {
        if (r < 0.5) world.fillOrder(o.ordId);
        else world.expireOrder(o.ordId);
        return;
      }
      if (r < 0.45) {
        const leaves = new Big(o.leavesQty);
        const part =
          leaves.gt(1) && rng.chance(0.6) ? leaves.div(2).round(0, Big.roundDown) : leaves;
        world.fillOrder(o.ordId, part.toFixed());
      } else if (r < 0.7) world.fillOrder(o.ordId);
      else if (r < 0.85) world.requestCancel(o.ordId);
      else world.requestReplace(o.ordId);
    }
  }
}

function randomWatchlistEdit(world: TrafficWorld): void {
  const list = world.watchlists(WATCHLIST_USER)[0];
  if (!list) return;
  const symbol = world.rng.pick(world.market.symbols());
  if (list.symbols.includes(symbol)) world.removeSymbol(WATCHLIST_USER, list.id, symbol);
  else world.addSymbol(WATCHLIST_USER, list.id, symbol);
}
