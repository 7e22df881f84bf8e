/**
 * A steady stream of order lifecycles on one account, for benchmarks: each cycle places a
 * limit order, acknowledges it, fills half, then the rest, through the simulator's own
 * methods, so every event is real (balances, positions and P&L follow) and the truth API
 * stays consistent. `ratePerSec` counts order events; each also moves the balance, and
 * the two fills each move a position: ACCOUNT_MESSAGES_PER_ORDER_EVENT account messages per
 * order event.
 *
 * By default the rate is owed per 10 ms tick, so when the event loop is busy and ticks run
 * late fewer events are made than asked for. `catchUp` owes by the wall clock instead: a late
 * tick makes up what it missed, so the offered rate holds and a loaded server shows up as
 * delay rather than as a quietly lower rate.
 */
import type { Simulator } from './types';

/** A cycle's 4 order events carry 10 account messages: 4 orders, 4 balances, 2 positions. */
export const ACCOUNT_MESSAGES_PER_ORDER_EVENT = 10 / 4;

const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'META', 'AMD'];
const TICK_MS = 10;

export type Burst = { stop(): void; readonly done: Promise<{ orderEvents: number }> };

export function startBurst(
  sim: Simulator,
  opts: { accountId: string; ratePerSec: number; durationMs: number; catchUp?: boolean },
): Burst {
  // Each open cycle: [ordId, next stage]. Stages: 0 accept, 1 half fill, 2 final fill.
  const cycles: { ordId: string; stage: number }[] = [];
  let orderEvents = 0;
  let owed = 0;
  let n = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let finish: (r: { orderEvents: number }) => void = () => {};
  const done = new Promise<{ orderEvents: number }>((resolve) => (finish = resolve));
  const started = Date.now();

  const oneEvent = () => {
    // Advance the oldest cycle when a few are open, so open orders stay bounded.
    const c = cycles.length >= 4 ? cycles.shift() : undefined;
    if (!c) {
      n += 1;
      const o = sim.placeOrder({
        accountId: opts.accountId,
        symbol: SYMBOLS[n % SYMBOLS.length]!,
        side: n % 2 ? 'BUY' : 'SELL',
        type: 'LIMIT',
        timeInForce: 'DAY',
        qty: '10',
        price: '100.00',
      });
      cycles.push({ ordId: o.ordId, stage: 0 });
    } else if (c.stage === 0) {
      sim.acceptOrder(c.ordId);
      cycles.push({ ordId: c.ordId, stage: 1 });
    } else if (c.stage === 1) {
      sim.fillOrder(c.ordId, '5');
      cycles.push({ ordId: c.ordId, stage: 2 });
    } else {
      sim.fillOrder(c.ordId);
    }
    orderEvents += 1;
  };

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    finish({ orderEvents });
  };
  timer = setInterval(() => {
    if (opts.catchUp) {
      const due = Math.min(Date.now() - started, opts.durationMs);
      owed = (opts.ratePerSec * due) / 1000 - orderEvents;
    } else owed += (opts.ratePerSec * TICK_MS) / 1000;
    while (owed >= 1) {
      owed -= 1;
      oneEvent();
    }
    if (Date.now() - started >= opts.durationMs) stop();
  }, TICK_MS);
  return { stop, done };
}
