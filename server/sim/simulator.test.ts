import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import {
  AccountInfoSchema,
  BalanceSchema,
  CandleSchema,
  NewsArticleSchema,
  OrderSchema,
  PositionSchema,
  TERMINAL_ORDER_STATUSES,
  WatchlistSchema,
  type Order,
} from '../../src/protocol';
import { createSimulator } from './simulator';
import type { SimEvent } from './types';

const ACCOUNTS = ['A-10001', 'A-10002', 'A-20001'];

/** The accounting identities every balance must satisfy, checked in decimals. */
function expectConsistent(sim: ReturnType<typeof createSimulator>, accountId: string) {
  const s = sim.accountSnapshot(accountId);
  const b = s.balance;
  const mv = s.positions.reduce((sum, p) => sum.plus(p.marketValue), new Big(0));
  const cash = new Big(b.settledFunds).plus(b.unsettledFunds);
  expect(
    new Big(b.totalEquity).minus(cash.plus(mv)).abs().lte('0.01'),
    `${accountId} equity = cash + MV`,
  ).toBe(true);
  const unrealized = s.positions.reduce((sum, p) => sum.plus(p.unrealizedPnL), new Big(0));
  expect(
    new Big(b.unRealizedPL)
      .minus(unrealized)
      .abs()
      .lte(new Big('0.01').times(s.positions.length + 1)),
  ).toBe(true);
  const open = s.orders.filter((o) => !TERMINAL_ORDER_STATUSES.has(o.ordStatus));
  expect(b.pendingOrdersCount).toBe(open.length);
  for (const o of s.orders) {
    expect(new Big(o.leavesQty).gte(0)).toBe(true);
    if (!TERMINAL_ORDER_STATUSES.has(o.ordStatus)) {
      expect(new Big(o.cumQty).plus(o.leavesQty).eq(o.qty), `${o.ordId} cum + leaves = qty`).toBe(
        true,
      );
    }
  }
  expect(s.positions.every((p) => !new Big(p.qty).eq(0))).toBe(true);
  for (const field of [
    'stockBuyingPower',
    'optionBuyingPower',
    'netBuyingPower',
    'maintReq',
  ] as const) {
    expect(new Big(b[field]).gte(0), field).toBe(true);
  }
}

const ALLOWED: Record<string, string[]> = {
  PENDING_NEW: ['NEW', 'REJECTED', 'PARTIALLY_FILLED', 'FILLED', 'PENDING_CANCEL', 'EXPIRED'],
  NEW: ['PARTIALLY_FILLED', 'FILLED', 'PENDING_CANCEL', 'PENDING_REPLACE', 'EXPIRED'],
  PARTIALLY_FILLED: ['PARTIALLY_FILLED', 'FILLED', 'PENDING_CANCEL', 'PENDING_REPLACE', 'EXPIRED'],
  PENDING_CANCEL: ['CANCELED', 'EXPIRED'],
  PENDING_REPLACE: ['NEW', 'PARTIALLY_FILLED', 'REJECTED', 'EXPIRED'],
};

describe('market simulator', () => {
  it('[SIM-1] every emitted object passes the protocol schemas and accounts stay consistent over 3,000 steps', () => {
    let t = Date.parse('2026-11-24T15:00:00Z');
    const sim = createSimulator({ seed: 7, now: () => (t += 50) });
    const last = new Map<string, Order>();
    sim.subscribe((e: SimEvent) => {
      if (e.kind === 'order') {
        OrderSchema.parse(e.order);
        const prev = last.get(e.order.ordId);
        if (prev) {
          expect(
            TERMINAL_ORDER_STATUSES.has(prev.ordStatus),
            `${prev.ordId} changed after ${prev.ordStatus}`,
          ).toBe(false);
          expect(ALLOWED[prev.ordStatus], `${prev.ordStatus} → ${e.order.ordStatus}`).toContain(
            e.order.ordStatus,
          );
          expect(e.order.updatedAt > prev.updatedAt).toBe(true);
        }
        last.set(e.order.ordId, e.order);
      }
      if (e.kind === 'position') PositionSchema.parse(e.position);
      if (e.kind === 'balance') BalanceSchema.parse(e.balance);
      if (e.kind === 'article') NewsArticleSchema.parse(e.article);
    });
    for (let i = 0; i < 3000; i++) {
      sim.step();
      if (i % 100 === 0) ACCOUNTS.forEach((a) => expectConsistent(sim, a));
    }
    ACCOUNTS.forEach((a) => expectConsistent(sim, a));
    expect(last.size).toBeGreaterThan(50);
    for (const a of ACCOUNTS) AccountInfoSchema.parse(sim.accountSnapshot(a).info);
    sim.watchlists('u-1001').forEach((w) => WatchlistSchema.parse(w));
  });

  it('[SIM-2] the same seed produces the same events', () => {
    const run = () => {
      let t = 1_795_000_000_000;
      const sim = createSimulator({ seed: 99, now: () => (t += 10) });
      const events: string[] = [];
      sim.subscribe((e) => events.push(JSON.stringify(e)));
      for (let i = 0; i < 500; i++) sim.step();
      return events;
    };
    expect(run()).toEqual(run());
  });

  it('[SIM-3] control lifecycle: place → accept → partial → fill books the position and cash', () => {
    const sim = createSimulator({ seed: 1 });
    const before = sim.accountSnapshot('A-10001');
    const order = sim.placeOrder({
      accountId: 'A-10001',
      symbol: 'AMD',
      side: 'BUY',
      type: 'LIMIT',
      qty: '10',
      price: '140.00',
    });
    expect(order.ordStatus).toBe('PENDING_NEW');
    expect(sim.acceptOrder(order.ordId).ordStatus).toBe('NEW');
    const partial = sim.fillOrder(order.ordId, '4', '139.00');
    expect(partial).toMatchObject({
      ordStatus: 'PARTIALLY_FILLED',
      cumQty: '4',
      leavesQty: '6',
      lastFillQty: '4',
    });
    const filled = sim.fillOrder(order.ordId, undefined, '139.50');
    expect(filled).toMatchObject({
      ordStatus: 'FILLED',
      cumQty: '10',
      leavesQty: '0',
      avgPrice: '139.3000',
    });
    const after = sim.accountSnapshot('A-10001');
    const amd = (s: typeof after) => new Big(s.positions.find((p) => p.symbol === 'AMD')?.qty ?? 0);
    expect(amd(after).minus(amd(before)).toFixed()).toBe('10');
    expect(new Big(before.balance.settledFunds).minus(after.balance.settledFunds).toFixed(2)).toBe(
      '1393.00',
    );
    expectConsistent(sim, 'A-10001');
    expect(() => sim.fillOrder(order.ordId)).toThrow(/FILLED/);
  });

  it('[SIM-4] closing a position removes it and realizes P&L', () => {
    const sim = createSimulator({ seed: 1 });
    const before = sim.accountSnapshot('A-10002');
    const held = before.positions.find((p) => p.symbol === 'AMD')!;
    const o = sim.placeOrder({
      accountId: 'A-10002',
      symbol: 'AMD',
      side: 'SELL',
      type: 'MARKET',
      qty: held.qty,
    });
    sim.fillOrder(o.ordId, undefined, '160.00');
    const s = sim.accountSnapshot('A-10002');
    expect(s.positions.some((p) => p.symbol === 'AMD')).toBe(false);
    const realized = new Big('160').minus(held.avgPrice).times(held.qty);
    expect(new Big(s.balance.realizedPL).minus(before.balance.realizedPL).toFixed(2)).toBe(
      realized.toFixed(2),
    );
    expect(new Big(s.balance.unsettledFunds).minus(before.balance.unsettledFunds).toFixed(2)).toBe(
      new Big('160').times(held.qty).toFixed(2),
    );
  });

  it('[SIM-5] cancel, replace, reject and DAY expiry', () => {
    const sim = createSimulator({ seed: 1 });
    const place = () =>
      sim.placeOrder({
        accountId: 'A-10001',
        symbol: 'MSFT',
        side: 'BUY',
        type: 'LIMIT',
        qty: '5',
        price: '400.00',
      });
    const a = place();
    sim.acceptOrder(a.ordId);
    expect(sim.cancelOrder(a.ordId).ordStatus).toBe('CANCELED');
    const b = place();
    sim.acceptOrder(b.ordId);
    expect(sim.replaceOrder(b.ordId, { qty: '8', price: '401.00' })).toMatchObject({
      ordStatus: 'NEW',
      qty: '8',
      price: '401.00',
    });
    const c = place();
    expect(sim.rejectOrder(c.ordId, 'Insufficient buying power')).toMatchObject({
      ordStatus: 'REJECTED',
      ordRejReason: 'Insufficient buying power',
    });
    const expired = sim.expireDayOrders();
    expect(expired.map((o) => o.ordId)).toContain(b.ordId);
    expect(expired.every((o) => o.ordStatus === 'EXPIRED' && o.timeInForce === 'DAY')).toBe(true);
  });

  it('[SIM-6] candles: every interval aggregates the same series (5m = aggregate of 1m)', () => {
    const now = Date.parse('2026-11-24T16:00:00Z');
    const sim = createSimulator({ seed: 3, now: () => now });
    const start = now - 6 * 3600_000;
    const ones = sim.candles('A-10001', '1m', start, now);
    const fives = sim.candles('A-10001', '5m', start, now);
    ones.concat(fives).forEach((k) => CandleSchema.parse(k));
    for (const five of fives.slice(0, -1)) {
      const parts = ones.filter((k) => k.t >= five.t && k.t < five.t + 300);
      expect(parts).toHaveLength(5);
      expect(five.open).toBe(parts[0]!.open);
      expect(five.close).toBe(parts.at(-1)!.close);
      expect(five.high).toBe(
        parts
          .map((k) => new Big(k.high))
          .reduce((m, v) => (v.gt(m) ? v : m))
          .toFixed(2),
      );
      expect(five.low).toBe(
        parts
          .map((k) => new Big(k.low))
          .reduce((m, v) => (v.lt(m) ? v : m))
          .toFixed(2),
      );
    }
  });

  it('[SIM-7] the live candle follows fills', () => {
    let t = Date.parse('2026-11-24T16:00:00Z');
    const sim = createSimulator({ seed: 3, now: () => t });
    const before = sim.currentCandle('A-10002', '1m', t);
    t += 1000;
    sim.setPrice('SPY', '700.00');
    const after = sim.currentCandle('A-10002', '1m', t);
    expect(new Big(after.close).gt(before.close)).toBe(true);
  });

  it('[SIM-8] reset returns to the seeded opening state, with listeners kept', () => {
    const now = () => Date.parse('2026-11-24T15:00:00Z');
    const sim = createSimulator({ seed: 7, now });
    // Timestamps keep moving forward across a reset (stamps are monotonic); all else returns.
    const world = () =>
      JSON.stringify([sim.accountSnapshot('A-10001'), sim.watchlists('u-1001')]).replace(
        /"(createdAt|updatedAt)":"[^"]*"/g,
        '',
      );
    const opening = world();
    const events: SimEvent[] = [];
    sim.subscribe((e) => events.push(e));
    for (let i = 0; i < 500; i++) sim.step();
    sim.addSymbol('u-1001', 1, 'AMD');
    expect(world()).not.toBe(opening);
    sim.reset();
    expect(world()).toBe(opening);
    const before = events.length;
    sim.step();
    expect(events.length).toBeGreaterThan(before);
  });

  it('[SIM-9] the day P&L the balance implies is the last intraday candle close, and the day opens at 0', () => {
    const now = Date.parse('2026-11-24T20:00:00Z');
    const sim = createSimulator({ seed: 42, now: () => now });
    for (const id of ACCOUNTS) {
      const b = sim.accountSnapshot(id).balance;
      const day = new Big(b.totalEquity).minus(b.startOfDayCash).minus(b.sodPositionsMarketValue);
      expect(sim.currentCandle(id, '1m', now).close, id).toBe(day.toFixed(2));
      const candles = sim.candles(id, '1m', Date.parse('2026-11-24T05:00:00Z'), now);
      expect(candles[0]!.open, id).toBe('0.00');
      expect(candles.at(-1)!.close, id).toBe(day.toFixed(2));
    }
  });

  it('[SIM-10] the opening book: every status, rejections with reasons, stops, options and spreads', () => {
    const sim = createSimulator({ seed: 42, now: () => Date.parse('2026-11-24T20:00:00Z') });
    const { orders } = sim.accountSnapshot('A-10001');
    expect(orders.length).toBeGreaterThanOrEqual(50);
    expect(orders.length).toBeLessThanOrEqual(200);
    const statuses = new Set(orders.map((o) => o.ordStatus));
    for (const s of [
      'PENDING_NEW',
      'NEW',
      'PARTIALLY_FILLED',
      'FILLED',
      'CANCELED',
      'REJECTED',
      'EXPIRED',
      'PENDING_CANCEL',
      'PENDING_REPLACE',
    ]) {
      expect(statuses, s).toContain(s);
    }
    expect(orders.filter((o) => o.ordStatus === 'REJECTED').every((o) => o.ordRejReason)).toBe(
      true,
    );
    expect(orders.some((o) => o.type === 'STOP')).toBe(true);
    expect(orders.some((o) => o.type === 'STOP_LIMIT')).toBe(true);
    expect(orders.some((o) => o.securityType === 'OPTION')).toBe(true);
    const legCounts = new Set(
      orders.filter((o) => o.category === 'MULTI_LEG').map((o) => o.legs.length),
    );
    expect([...legCounts].sort()).toEqual([2, 3, 4]);
    const today = Date.parse('2026-11-24T05:00:00Z');
    expect(orders.some((o) => o.timeInForce === 'GTC' && Date.parse(o.createdAt) < today)).toBe(
      true,
    );
    const sold = orders.filter((o) => o.side === 'SELL' && new Big(o.cumQty).gt(0));
    expect(sold.length).toBeGreaterThan(0);
    const b = sim.accountSnapshot('A-10001').balance;
    expect(new Big(b.valueSold).gt(0)).toBe(true);
    expect(new Big(b.realizedPL).eq(0)).toBe(false);
    expectConsistent(sim, 'A-10001');
  });
});
