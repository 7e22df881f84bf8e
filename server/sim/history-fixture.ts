/**
 * A small account history for tests of the series and frames: stocks long and short, a call,
 * and two fills earlier on the start's day, over the quiet scenario's walk.
 */
import { exchangeDayStart } from '../../src/protocol/exchange-time';
import { AccountHistory, stockIndex } from './account-history';
import { STOCKS, STOCK_SYMBOLS } from './market';
import { SCENARIO } from './scenario';

const DAY_MS = 86_400_000;

export function exampleHistory(seed: number, startMs: number): AccountHistory {
  const today = exchangeDayStart(startMs);
  return new AccountHistory({
    seed,
    scenario: SCENARIO.quiet,
    startMs,
    todayMs: today,
    originMs: exchangeDayStart(startMs - 400 * DAY_MS),
    startCents: Int32Array.from(STOCK_SYMBOLS, (s) => Math.round(Number(STOCKS[s]) * 100)),
    instruments: [
      { underlying: stockIndex('AAPL'), kind: 'stock', strikeCents: 0 },
      { underlying: stockIndex('TSLA'), kind: 'stock', strikeCents: 0 },
      { underlying: stockIndex('NVDA'), kind: 'call', strikeCents: 14_000 },
    ],
    qty: [200, -40, 5],
    cashCents: 1_500_000,
    fills: [
      { atMs: Math.max(today, startMs - 3_600_000), instrument: 0, qty: 50, priceCents: 22_700 },
      { atMs: Math.max(today, startMs - 600_000), instrument: 2, qty: 2, priceCents: 610 },
    ],
  });
}
