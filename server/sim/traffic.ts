/**
 * The random market: what happens between control requests. Each step is one seeded draw that
 * moves a price, places an order, advances a working one, prints a headline or edits a
 * watchlist. It acts only through the world's operations, as a trader or the exchange would.
 */
import Big from 'big.js';
import type { Order, OrderLeg, Watchlist, WatchlistId } from '../../src/protocol';
import { optionContract, type Market } from './market';
import type { Rng } from './rng';
import type { PlaceOrderInput } from './types';

/** What the random traffic may read and do; the simulator provides it. */
export interface TrafficWorld {
  readonly rng: Rng;
  readonly market: Market;
  /** In a stable order: the draws pick by index. */
  accountIds(): string[];
  openOrders(): Order[];
  placeOrder(input: PlaceOrderInput): Order;
  acceptOrder(ordId: string): Order;
  rejectOrder(ordId: string, reason: string): Order;
  fillOrder(ordId: string, qty?: string): Order;
  requestCancel(ordId: string): void;
  requestReplace(ordId: string): void;
  completeCancel(ordId: string): void;
  completeReplace(ordId: string, changes: { price: string }): void;
  /** A price moved: positions, balances and P&L follow it. */
  revalue(symbol: string): void;
  printHeadline(): void;
  watchlists(userId: string): Watchlist[];
  addSymbol(userId: string, watchlistId: WatchlistId, symbol: string): void;
  removeSymbol(userId: string, watchlistId: WatchlistId, symbol: string): void;
}

const REJECT_REASONS = [
  'Insufficient buying power',
  'Price outside limit band',
  'Options level does not permit',
];

/** The user whose first watchlist the traffic edits. */
const WATCHLIST_USER = 'u-1001';

export function randomStep(world: TrafficWorld): void {
  const r = world.rng.next();
  if (r < 0.45) world.revalue(world.market.tick());
  else if (r < 0.6) randomOrder(world);
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

function randomOrder(world: TrafficWorld): void {
  const { rng, market } = world;
  const accountId = rng.pick(world.accountIds());
  const symbol = rng.pick(market.symbols());
  const px = market.price(symbol);
  const kind = rng.next();
  if (kind < 0.8 || accountId === 'A-10002') {
    const side = rng.pick(['BUY', 'SELL'] as const);
    const type = rng.pick(['MARKET', 'LIMIT', 'LIMIT', 'STOP_LIMIT'] as const);
    const input: PlaceOrderInput = {
      accountId,
      symbol,
      side,
      type,
      qty: String(rng.int(1, 20) * 5),
    };
    if (type !== 'MARKET') input.price = px.times(side === 'BUY' ? '0.995' : '1.005').toFixed(2);
    if (type === 'STOP_LIMIT') input.stopPrice = px.toFixed(2);
    input.timeInForce = rng.pick(['DAY', 'DAY', 'GTC', 'IOC']);
    world.placeOrder(input);
    return;
  }
  const strike = px.div(5).round(0).times(5).toFixed(0);
  const leg = (side: 'BUY' | 'SELL', k: string): OrderLeg => ({
    symbol: optionContract(symbol, '2026-12-18', 'CALL', k).symbol,
    side,
    ratioQty: '1',
    positionEffect: 'OPEN',
    securityType: 'OPTION',
    maturity: '2026-12-18',
    strikePrice: k,
    putCall: 'CALL',
  });
  const legs =
    kind < 0.9
      ? [leg('BUY', strike)]
      : [leg('BUY', strike), leg('SELL', new Big(strike).plus(10).toFixed(0))];
  world.placeOrder({
    accountId,
    symbol,
    side: 'BUY',
    type: 'LIMIT',
    qty: String(rng.int(1, 5)),
    price: legs.length > 1 ? '3.20' : px.times('0.03').toFixed(2),
    legs,
  });
}

function advanceRandomOrder(world: TrafficWorld): void {
  const { rng } = world;
  const open = world.openOrders();
  if (open.length === 0) return randomOrder(world);
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
