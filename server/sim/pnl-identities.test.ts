import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TERMINAL_ORDER_STATUSES, type Balance, type PnlInterval } from '../../src/protocol';
import { exchangeDayStart } from '../../src/protocol/exchange-time';
import { STOCK_SYMBOLS } from './market';
import { SCENARIOS } from './scenario';
import { createSimulator } from './simulator';

/** The overview's day P&L, as the client computes it from the balance (dayPnl in src/lib). */
const dayPnl = (b: Balance) =>
  new Big(b.totalEquity).minus(new Big(b.startOfDayCash).plus(b.sodPositionsMarketValue));

const ACCOUNTS = ['A-10001', 'A-10002', 'A-20001'];
const INTRADAY: PnlInterval[] = ['15s', '1m', '5m', '15m', '1h'];
const HOUR = 3_600_000;

type Op =
  | { kind: 'steps'; n: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'price'; symbol: number; bps: number }
  | { kind: 'fill'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('steps' as const), n: fc.integer({ min: 1, max: 150 }) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 9 * HOUR }) }),
  fc.record({
    kind: fc.constant('price' as const),
    symbol: fc.nat(STOCK_SYMBOLS.length - 1),
    bps: fc.integer({ min: -300, max: 300 }),
  }),
  fc.record({ kind: fc.constant('fill' as const), pick: fc.nat() }),
);

/**
 * The identities the dashboard shows side by side, checked for every account: the overview's
 * day P&L (from the balance), the P&L page's "Now" and every intraday interval's live candle
 * close agree to the cent; today's candles start at 0 and each opens at the previous close.
 */
function expectIdentities(sim: ReturnType<typeof createSimulator>, now: number): void {
  const dayStart = exchangeDayStart(now);
  for (const id of ACCOUNTS) {
    const day = dayPnl(sim.accountSnapshot(id).balance).toFixed(2);
    for (const interval of INTRADAY) {
      expect([id, interval, sim.currentCandle(id, interval, now).close]).toEqual([
        id,
        interval,
        day,
      ]);
    }
    const today = sim.candles(id, '1m', dayStart, now);
    expect([id, today[0]!.open]).toEqual([id, '0.00']);
    expect([id, today.at(-1)!.close]).toEqual([id, day]);
    for (let i = 1; i < today.length; i++) {
      if (today[i]!.open !== today[i - 1]!.close) {
        expect([id, today[i]!.t, today[i]!.open]).toEqual([id, today[i]!.t, today[i - 1]!.close]);
      }
    }
  }
}

describe('P&L identities', () => {
  it('[PNL-ID-1] over random seeds, scenarios, start times and event sequences, day P&L = "Now" = live candle close, to the cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom(...SCENARIOS),
        // A week in winter and one across the spring clock change: every session and weekends.
        fc.constantFrom(Date.parse('2026-11-23T05:00:00Z'), Date.parse('2026-03-06T05:00:00Z')),
        fc.integer({ min: 0, max: 7 * 24 * 4 - 1 }),
        fc.array(op, { maxLength: 6 }),
        (seed, scenario, week, quarter, ops) => {
          let t = week + quarter * 15 * 60_000 + 7_321;
          const sim = createSimulator({ seed, scenario, now: () => t });
          expectIdentities(sim, t);
          for (const o of ops) {
            if (o.kind === 'steps') for (let i = 0; i < o.n; i++) sim.step();
            else if (o.kind === 'wait') t += o.ms;
            else if (o.kind === 'price') {
              const symbol = STOCK_SYMBOLS[o.symbol]!;
              const px = sim.accountSnapshot('A-10001').positions.find((p) => p.symbol === symbol);
              const base = new Big(px?.lastPrice ?? '100');
              sim.setPrice(symbol, base.times(1 + o.bps / 10_000).toFixed(2));
            } else {
              const open = sim
                .accountSnapshot('A-10001')
                .orders.filter((x) => !TERMINAL_ORDER_STATUSES.has(x.ordStatus));
              const target = open[o.pick % Math.max(1, open.length)];
              if (target) sim.fillOrder(target.ordId);
            }
            t += 1_000;
            expectIdentities(sim, t);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 240_000);

  it('[PNL-ID-2] history joins live without a jump: 15 s candles across the start open at the previous close', () => {
    for (const seed of [1, 42, 977]) {
      let t = Date.parse('2026-11-24T17:03:12Z');
      const start = t;
      const sim = createSimulator({ seed, now: () => t });
      for (let i = 0; i < 300; i++) {
        t += 700;
        sim.step();
      }
      for (const id of ACCOUNTS) {
        const candles = sim.candles(id, '15s', start - HOUR, t);
        for (let i = 1; i < candles.length; i++) {
          expect([seed, id, candles[i]!.t, candles[i]!.open]).toEqual([
            seed,
            id,
            candles[i]!.t,
            candles[i - 1]!.close,
          ]);
        }
        const daily = sim.candles(id, '1d', start - 60 * 86_400_000, t);
        for (let i = 1; i < daily.length; i++) {
          expect([id, daily[i]!.open]).toEqual([id, daily[i - 1]!.close]);
        }
      }
    }
  }, 120_000);

  it('[PNL-ID-3] prices stand still while the exchange is closed and move less outside the regular session', () => {
    const sim = createSimulator({ seed: 5, now: () => Date.parse('2026-11-24T17:00:00Z') });
    // Saturday: one flat 1h candle after another.
    const sat = sim.candles(
      'A-10001',
      '1h',
      Date.parse('2026-11-21T05:00:00Z'),
      Date.parse('2026-11-22T04:59:59Z'),
    );
    expect(
      sat.every(
        (k) => k.open === '0.00' && k.high === '0.00' && k.low === '0.00' && k.close === '0.00',
      ),
    ).toBe(true);
    const range = (from: string, to: string) =>
      sim
        .candles('A-10001', '15m', Date.parse(from), Date.parse(to) - 1)
        .reduce((sum, k) => sum.plus(new Big(k.high).minus(k.low)), new Big(0));
    // Over a month of weekdays: 2 h of regular session swing more than 2 h of pre-market.
    let regular = new Big(0);
    let pre = new Big(0);
    for (let d = 1; d <= 20; d++) {
      const day = Date.parse('2026-10-26T04:00:00Z') + d * 86_400_000;
      if ([0, 6].includes(new Date(day).getUTCDay())) continue;
      const iso = (h: number) => new Date(day + h * HOUR).toISOString();
      regular = regular.plus(range(iso(6), iso(8)));
      pre = pre.plus(range(iso(1), iso(3)));
    }
    expect(regular.gt(pre.times(2))).toBe(true);
  }, 60_000);
});
