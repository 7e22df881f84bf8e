import { describe, expect, it } from 'vitest';
import { serverMessages, type Topic, type WireUpdateByTopic } from '../../src/protocol';
import { createSimulator } from '../sim/simulator';
import type { SimEvent } from '../sim/types';
import { createTimestamps, encodeUpdate, updateFrameJson } from './update-frame';

/** The path every update took before: a whole frame object, stringified per socket. */
const old = <T extends Topic>(topic: T, seq: number, update: WireUpdateByTopic[T], now: number) =>
  JSON.stringify(serverMessages.update(topic, seq, update, now));

const spliced = <T extends Topic>(
  topic: T,
  seq: number,
  update: WireUpdateByTopic[T],
  now: number,
) => updateFrameJson(topic, seq, encodeUpdate(topic, update), createTimestamps()(now));

/** Real updates of every kind, as the gateway builds them from simulator events. */
function updatesFromSimulator(): { topic: Topic; update: WireUpdateByTopic[Topic] }[] {
  let t = Date.UTC(2026, 10, 30, 13, 0, 0, 7);
  const sim = createSimulator({ seed: 7, now: () => (t += 137) });
  const events: SimEvent[] = [];
  sim.subscribe((e) => events.push(e));
  for (let i = 0; i < 50; i++) sim.step();
  const o = sim.placeOrder({
    accountId: 'A-10001',
    symbol: 'AAPL',
    side: 'BUY',
    type: 'LIMIT',
    timeInForce: 'DAY',
    qty: '10',
    price: '100.00',
  });
  sim.acceptOrder(o.ordId);
  sim.fillOrder(o.ordId, '5');
  sim.fillOrder(o.ordId);
  sim.publishNews({ headline: 'Quotes "inside", a \\ backslash,\nnewline, ünïcödé and \u2028' });
  sim.addSymbol('u-1001', 1, 'AMD');
  sim.removeSymbol('u-1001', 1, 'AMD');
  sim.upsertWatchlist('u-1001', { id: 9, name: 'New', symbols: ['SPY'] });

  const out: { topic: Topic; update: WireUpdateByTopic[Topic] }[] = [];
  for (const e of events) {
    if (e.kind === 'order')
      out.push({ topic: 'account', update: { type: 'order', data: e.order } });
    if (e.kind === 'position')
      out.push({ topic: 'account', update: { type: 'position', data: e.position } });
    if (e.kind === 'balance')
      out.push({ topic: 'account', update: { type: 'balance', data: e.balance } });
    if (e.kind === 'info') out.push({ topic: 'account', update: { type: 'info', data: e.info } });
    if (e.kind === 'pnl')
      for (const interval of ['15s', '1h', '1mo'] as const)
        out.push({
          topic: 'pnl',
          update: { type: 'candle', data: sim.currentCandle(e.accountId, interval, e.atMs) },
        });
    if (e.kind === 'symbolAdded' || e.kind === 'symbolRemoved')
      out.push({ topic: 'watchlist', update: { type: e.kind, data: e.change } });
    if (e.kind === 'watchlist')
      out.push({ topic: 'watchlist', update: { type: 'watchlist', data: e.watchlist } });
    if (e.kind === 'article')
      out.push({ topic: 'news', update: { type: 'article', data: e.article } });
  }
  return out;
}

describe('update frames spliced from a once-per-event encoding', () => {
  const updates = updatesFromSimulator();

  it('[FRAME-1] are byte-identical to JSON.stringify(serverMessages.update(…)) for every kind of update', () => {
    const kinds = new Set(updates.map((u) => `${u.topic}.${u.update.type}`));
    expect([...kinds].sort()).toEqual([
      'account.balance',
      'account.order',
      'account.position',
      'news.article',
      'pnl.candle',
      'watchlist.symbolAdded',
      'watchlist.symbolRemoved',
      'watchlist.watchlist',
    ]);
    const seqs = [0, 1, 2, 41, 1042, 2 ** 31, Number.MAX_SAFE_INTEGER];
    const times = [0, Date.UTC(2026, 10, 30, 13, 25, 0, 0), Date.UTC(2026, 10, 30, 13, 25, 0, 999)];
    let compared = 0;
    for (const { topic, update } of updates)
      for (const seq of seqs)
        for (const now of times) {
          expect(spliced(topic, seq, update, now)).toBe(old(topic, seq, update, now));
          compared += 1;
        }
    expect(compared).toBeGreaterThan(1000);
  });

  it('[FRAME-2] one encoding serves every subscriber: each gets its own seq and timestamp, nothing else differs', () => {
    const { topic, update } = updates.find((u) => u.update.type === 'order')!;
    const encoded = encodeUpdate(topic, update);
    const stamp = createTimestamps();
    const base = Date.UTC(2026, 10, 30, 13, 25, 0, 0);
    for (let i = 0; i < 500; i++) {
      const now = base + Math.floor(i / 7);
      expect(updateFrameJson(topic, i + 1, encoded, stamp(now))).toBe(
        old(topic, i + 1, update, now),
      );
    }
  });

  it('[FRAME-3] fields an update leaves undefined are dropped exactly as before', () => {
    type OrderUpdate = Extract<WireUpdateByTopic['account'], { type: 'order' }>;
    const order = updates.find((u) => u.update.type === 'order')!.update as OrderUpdate;
    const sparse: OrderUpdate = {
      type: 'order',
      data: { ...order.data, text: undefined, stopPrice: undefined },
    };
    expect(spliced('account', 3, sparse, 5)).toBe(old('account', 3, sparse, 5));
  });
});

describe('createTimestamps', () => {
  it('formats each millisecond as rfc3339Millis does, also after it changes and changes back', () => {
    const stamp = createTimestamps();
    for (const ms of [0, 0, 1, 999, 999, 1000, 1, 1796042662105, 1796042662105, -1]) {
      expect(stamp(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
