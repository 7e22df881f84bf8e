/**
 * The book each demo account holds when the server starts: a morning's worth of orders across
 * every status, planned as timed events that the simulator then plays through its own order
 * lifecycle, at the prices the walk had at those instants. Data and choices only; nothing here
 * touches an account.
 */
import Big from 'big.js';
import type { OrderLeg, OrderStatus, OrderType, PutCall, TimeInForce } from '../../src/protocol';
import { exchangeDay, exchangeWallInstant } from '../../src/protocol/exchange-time';
import { optionContract } from './market';
import type { Rng } from './rng';
import type { PlaceOrderInput } from './types';

export type BookAction =
  | { kind: 'place'; input: PlaceOrderInput }
  | { kind: 'accept' }
  | { kind: 'reject'; reason: string }
  | { kind: 'fill'; qty?: string }
  | { kind: 'requestCancel' }
  | { kind: 'completeCancel' }
  | { kind: 'requestReplace' }
  | { kind: 'completeReplace'; price: string }
  | { kind: 'expire' };

/** `order` numbers the book's orders in placement order; events come sorted by time. */
export type BookEvent = { atMs: number; order: number; action: BookAction };

export const REJECT_REASONS = [
  'Insufficient buying power',
  'Price outside limit band',
  'Options level does not permit',
  'Short sale not permitted: no locate',
  'Order exceeds position limit',
];

type Outcome = OrderStatus;
/** The share of each final status in a morning's book. */
const OUTCOMES: readonly [Outcome, number][] = [
  ['FILLED', 38],
  ['CANCELED', 14],
  ['NEW', 13],
  ['PARTIALLY_FILLED', 10],
  ['REJECTED', 8],
  ['EXPIRED', 6],
  ['PENDING_NEW', 3],
  ['PENDING_CANCEL', 4],
  ['PENDING_REPLACE', 4],
];

export interface BookAccount {
  accountId: string;
  kind: 'margin' | 'cash' | 'ira';
  orders: number;
  /** Stock held overnight, by symbol (negative: short): sells and covers come out of these. */
  stocks: Record<string, number>;
  /** Option orders planned so far (they take the option structures in turn). */
  optionOrders?: number;
}

/** Single legs, a vertical, a straddle, a single, a butterfly, an iron condor. */
const STRUCTURES = 6;

export interface BookPlan {
  rng: Rng;
  startMs: number;
  accounts: BookAccount[];
  /** The price of a stock at an instant (the walk's). */
  priceAt(symbol: string, ms: number): Big;
  symbols: readonly string[];
}

/** When today's orders were placed: today's sessions so far, or the day so far if none. */
export function bookWindow(startMs: number): [number, number] {
  const day = exchangeDay(startMs);
  const from = day.pre;
  const to = Math.min(startMs, day.close);
  if (day.weekday && to - from >= 30 * 60_000) return [from, to - 2_000];
  return [day.start + 60_000, Math.max(day.start + 60_000, startMs - 2_000)];
}

/** The third Friday of the month `ahead` months after `ms`'s (monthly option expiry). */
export function monthlyExpiry(ms: number, ahead: number): string {
  const d = new Date(ms);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + ahead, 1));
  const friday = 1 + ((5 - first.getUTCDay() + 7) % 7) + 14;
  first.setUTCDate(friday);
  return first.toISOString().slice(0, 10);
}

function pickWeighted<T>(rng: Rng, items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
}

export function planBook(plan: BookPlan): BookEvent[] {
  const events: BookEvent[] = [];
  let order = 0;
  const [from, to] = bookWindow(plan.startMs);
  for (const account of plan.accounts) {
    const planned: Record<string, number> = {};
    for (let i = 0; i < account.orders; i++) {
      const earlier = account.kind !== 'cash' && plan.rng.chance(0.06);
      events.push(...planOrder(plan, account, planned, order++, from, to, earlier));
    }
  }
  return events.sort((x, y) => x.atMs - y.atMs || x.order - y.order);
}

function planOrder(
  plan: BookPlan,
  account: BookAccount,
  planned: Record<string, number>,
  order: number,
  from: number,
  to: number,
  earlier: boolean,
): BookEvent[] {
  const { rng } = plan;
  let outcome = pickWeighted(rng, OUTCOMES);
  // A GTC order from an earlier day is still working, or was worked on today.
  if (earlier) outcome = rng.pick(['NEW', 'NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED']);
  const late = outcome === 'PENDING_NEW' || outcome.startsWith('PENDING_');
  let t0: number;
  if (earlier) {
    const day = exchangeDay(from - rng.int(1, 6) * 86_400_000);
    t0 = exchangeWallInstant(day.start, rng.int(9 * 60 + 35, 15 * 60 + 50)) + rng.int(0, 59_000);
  } else if (outcome === 'PENDING_NEW') {
    t0 = Math.max(from, to - rng.int(1_000, 60_000));
  } else {
    t0 = from + Math.floor(rng.next() * Math.max(1, (to - from) * (late ? 1 : 0.97)));
  }
  const at = (ms: number) => Math.min(to, Math.max(t0 + 1, ms));
  const input = orderInput(plan, account, planned, outcome, t0, earlier);
  const out: BookEvent[] = [{ atMs: t0, order, action: { kind: 'place', input } }];
  const push = (ms: number, action: BookAction) => out.push({ atMs: at(ms), order, action });
  const acked = t0 + rng.int(40, 400);
  const later = (min: number, max: number) => t0 + rng.int(min, max);
  const half = new Big(input.qty).div(2).round(0, Big.roundDown);
  const partQty = half.gt(0) ? half.toFixed() : undefined;
  switch (outcome) {
    case 'REJECTED':
      push(acked, { kind: 'reject', reason: rejectReason(rng, input) });
      break;
    case 'PENDING_NEW':
      break;
    case 'NEW':
      push(acked, { kind: 'accept' });
      if (rng.chance(0.3)) {
        const px = replacePrice(plan, input, t0);
        push(later(60_000, 600_000), { kind: 'requestReplace' });
        push(later(600_500, 601_500), { kind: 'completeReplace', price: px });
      }
      break;
    case 'FILLED':
      push(acked, { kind: 'accept' });
      if (partQty && rng.chance(0.35)) push(later(500, 90_000), { kind: 'fill', qty: partQty });
      push(later(90_500, 900_000), { kind: 'fill' });
      break;
    case 'PARTIALLY_FILLED':
      push(acked, { kind: 'accept' });
      if (partQty) push(later(500, 900_000), { kind: 'fill', qty: partQty });
      break;
    case 'CANCELED':
      push(acked, { kind: 'accept' });
      if (partQty && rng.chance(0.3)) push(later(500, 60_000), { kind: 'fill', qty: partQty });
      push(later(60_500, 1_800_000), { kind: 'requestCancel' });
      push(later(1_800_500, 1_801_500), { kind: 'completeCancel' });
      break;
    case 'EXPIRED':
      push(acked, { kind: 'accept' });
      if (partQty && rng.chance(0.5)) push(later(450, 700), { kind: 'fill', qty: partQty });
      push(later(800, 1_200), { kind: 'expire' });
      break;
    case 'PENDING_CANCEL':
    case 'PENDING_REPLACE':
      push(acked, { kind: 'accept' });
      if (partQty && rng.chance(0.3)) push(later(500, 60_000), { kind: 'fill', qty: partQty });
      // In flight when the server starts: asked moments before.
      out.push({
        atMs: Math.max(at(acked) + 1, to - rng.int(200, 15_000)),
        order,
        action: { kind: outcome === 'PENDING_CANCEL' ? 'requestCancel' : 'requestReplace' },
      });
      break;
  }
  return out;
}

/** One new order for the live traffic, with the same mix of kinds as the book. */
export function liveOrderInput(
  plan: Omit<BookPlan, 'accounts' | 'startMs'>,
  account: BookAccount,
  atMs: number,
): PlaceOrderInput {
  const outcome = pickWeighted(plan.rng, OUTCOMES);
  return orderInput({ ...plan, accounts: [], startMs: atMs }, account, {}, outcome, atMs, false);
}

function rejectReason(rng: Rng, input: PlaceOrderInput): string {
  if (input.legs?.length) return 'Options level does not permit';
  if (input.side === 'SELL_SHORT') return 'Short sale not permitted: no locate';
  return rng.pick(REJECT_REASONS.slice(0, 2).concat(REJECT_REASONS[4]!));
}

function replacePrice(plan: BookPlan, input: PlaceOrderInput, t0: number): string {
  const base = input.price ? new Big(input.price) : plan.priceAt(input.symbol, t0);
  const step = input.side === 'BUY' || input.side === 'BUY_TO_COVER' ? '1.002' : '0.998';
  return base.times(step).toFixed(2);
}

function orderInput(
  plan: BookPlan,
  account: BookAccount,
  planned: Record<string, number>,
  outcome: Outcome,
  t0: number,
  earlier: boolean,
): PlaceOrderInput {
  const { rng } = plan;
  const accountId = account.accountId;
  const fills = outcome === 'FILLED' || outcome === 'PARTIALLY_FILLED';
  const tif: TimeInForce = earlier
    ? 'GTC'
    : outcome === 'EXPIRED'
      ? rng.pick(['IOC', 'IOC', 'FOK'] as const)
      : rng.pick(['DAY', 'DAY', 'DAY', 'GTC'] as const);
  const r = rng.next();
  const options = account.kind === 'margin' ? r < 0.22 : account.kind === 'ira' && r < 0.1;
  if (options && !earlier) {
    return optionInput(plan, account, outcome, t0, tif === 'GTC' ? 'GTC' : 'DAY');
  }
  const symbols =
    account.kind === 'cash'
      ? plan.symbols.filter((s) => plan.priceAt(s, t0).lt(300))
      : plan.symbols;
  const symbol = rng.pick(symbols);
  const px = plan.priceAt(symbol, t0);
  // What the account will hold if today's planned trades fill: sells mostly close positions.
  const held = (account.stocks[symbol] ?? 0) + (planned[symbol] ?? 0);
  const maxLot = account.kind === 'margin' ? 5 : 3;
  let qty = rng.int(1, maxLot) * (px.lt(200) ? 10 : 5);
  let side: PlaceOrderInput['side'] = 'BUY';
  const draw = rng.next();
  if (held >= 5 && draw < 0.6) {
    side = 'SELL';
    qty = Math.min(qty, Math.max(1, Math.floor(held / 2)));
  } else if (held <= -5 && draw < 0.6) {
    side = 'BUY_TO_COVER';
    qty = Math.min(qty, Math.max(1, Math.floor(-held / 2)));
  } else if (account.kind === 'margin' && held <= 0 && draw < 0.75) side = 'SELL_SHORT';
  // A cash account buys only what its settled cash pays for: about $1,200 an order.
  if (account.kind === 'cash' && side === 'BUY') {
    qty = Math.min(qty, Math.max(1, Math.floor(1_200 / px.toNumber())));
  }
  const filled = outcome === 'FILLED' ? qty : outcome === 'PARTIALLY_FILLED' ? qty / 2 : 0;
  const sign = side === 'BUY' || side === 'BUY_TO_COVER' ? 1 : -1;
  planned[symbol] = (planned[symbol] ?? 0) + sign * Math.floor(filled);
  const buy = side === 'BUY' || side === 'BUY_TO_COVER';
  // Orders that trade are priced at the market; resting ones away from it.
  const type: OrderType = fills
    ? rng.pick(['MARKET', 'LIMIT', 'LIMIT', 'STOP', 'STOP_LIMIT'] as const)
    : outcome === 'REJECTED'
      ? rng.pick(['MARKET', 'LIMIT', 'STOP_LIMIT'] as const)
      : rng.pick(['LIMIT', 'LIMIT', 'LIMIT', 'STOP', 'STOP_LIMIT'] as const);
  const away = (bps: number) => px.times(1 + ((buy ? -1 : 1) * bps) / 10_000).toFixed(2);
  const marketable = (bps: number) => px.times(1 + ((buy ? 1 : -1) * bps) / 10_000).toFixed(2);
  const input: PlaceOrderInput = { accountId, symbol, side, type, qty: String(qty) };
  input.timeInForce = type === 'MARKET' && tif === 'GTC' ? 'DAY' : tif;
  if (type === 'LIMIT') input.price = fills ? marketable(rng.int(2, 15)) : away(rng.int(30, 250));
  if (type === 'STOP' || type === 'STOP_LIMIT') {
    // A stop sits on the other side of the market: above it to buy, below it to sell.
    input.stopPrice = fills ? marketable(rng.int(1, 5)) : marketable(rng.int(60, 300));
    if (type === 'STOP_LIMIT') {
      input.price = new Big(input.stopPrice).times(buy ? '1.002' : '0.998').toFixed(2);
    }
  }
  return input;
}

function optionInput(
  plan: BookPlan,
  account: BookAccount,
  outcome: Outcome,
  t0: number,
  tif: TimeInForce,
): PlaceOrderInput {
  const { rng } = plan;
  const underlyings = account.kind === 'ira' ? ['MSFT'] : plan.symbols;
  const symbol = rng.pick(underlyings);
  const spot = plan.priceAt(symbol, t0);
  const width = spot.gt(300) ? 10 : 5;
  const k = spot.div(width).round(0).times(width);
  const maturity = monthlyExpiry(t0, rng.int(1, 3));
  const leg = (side: 'BUY' | 'SELL', putCall: PutCall, strike: Big, ratio = 1): OrderLeg => ({
    symbol: optionContract(symbol, maturity, putCall, strike.toFixed(0)).symbol,
    side,
    ratioQty: String(ratio),
    positionEffect: 'OPEN',
    securityType: 'OPTION',
    maturity,
    strikePrice: strike.toFixed(0),
    putCall,
  });
  // Structures in turn, so even a short book holds each kind.
  const shape = (account.optionOrders = (account.optionOrders ?? 0) + 1) % STRUCTURES;
  let legs: OrderLeg[];
  if (account.kind === 'ira') legs = [leg('SELL', 'CALL', k.plus(width))];
  else if (shape === 0 || shape === 3) legs = [leg('BUY', rng.pick(['CALL', 'PUT'] as const), k)];
  else if (shape === 1) legs = [leg('BUY', 'CALL', k), leg('SELL', 'CALL', k.plus(width))];
  else if (shape === 2) legs = [leg('BUY', 'CALL', k), leg('BUY', 'PUT', k)];
  else if (shape === 4) {
    legs = [
      leg('BUY', 'CALL', k.minus(width)),
      leg('SELL', 'CALL', k, 2),
      leg('BUY', 'CALL', k.plus(width)),
    ];
  } else {
    legs = [
      leg('BUY', 'PUT', k.minus(2 * width)),
      leg('SELL', 'PUT', k.minus(width)),
      leg('SELL', 'CALL', k.plus(width)),
      leg('BUY', 'CALL', k.plus(2 * width)),
    ];
  }
  // Net premium at about the model's price: 2 % of spot time value per leg, plus intrinsic.
  const premium = spot
    .times('0.02')
    .times(legs.length === 1 ? 1 : 0.6)
    .plus(rng.int(0, 90) / 100);
  const single = legs.length === 1;
  const input: PlaceOrderInput = {
    accountId: account.accountId,
    symbol,
    side: single && legs[0]!.side === 'SELL' ? 'SELL' : 'BUY',
    type: outcome === 'FILLED' && rng.chance(0.3) ? 'MARKET' : 'LIMIT',
    qty: String(rng.int(1, single ? 3 : 2)),
    legs: single ? legs.map((l) => ({ ...l, side: 'BUY' })) : legs,
    timeInForce: outcome === 'EXPIRED' ? 'IOC' : tif,
  };
  if (input.type === 'LIMIT') input.price = premium.toFixed(2);
  return input;
}
