import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { balancesStore } from '../stores/balances/store';
import { connectionStore } from '../stores/connection/store';
import { newsStore } from '../stores/news/store';
import { ordersStore } from '../stores/orders/store';
import { pnlStore } from '../stores/pnl/store';
import { positionsStore } from '../stores/positions/store';
import { resetAllStores } from '../stores/reset';
import { watchlistStore } from '../stores/watchlist/store';
import {
  T0,
  accountSnapshotMsg,
  accountSub,
  balanceUpdateMsg,
  candleUpdateMsg,
  iso,
  metaFor,
  newsArticleMsg,
  orderUpdateMsg,
  pnlSnapshotMsg,
  pnlSub,
  sampleAccountSnapshot,
  sampleArticle,
  sampleCandle,
  sampleOrder,
} from '../testing/store-samples';
import type { ConnectionState } from './types';
import { createDispatcher } from './dispatcher';
import type { Dispatcher } from './dispatcher';

/** A frame scheduler the test drives by hand. */
function manualFrames() {
  let pending: (() => void)[] = [];
  return {
    schedule: (cb: () => void) => {
      pending.push(cb);
      return () => {
        pending = pending.filter((x) => x !== cb);
      };
    },
    /** Run the callbacks scheduled so far (one animation frame). */
    frame() {
      const due = pending;
      pending = [];
      for (const cb of due) cb();
    },
    get scheduled() {
      return pending.length;
    },
  };
}

/** Counts `setState` notifications per store. */
function countWrites() {
  const stores: Record<string, StoreApi<unknown>> = {
    orders: ordersStore,
    positions: positionsStore,
    balances: balancesStore,
    pnl: pnlStore,
    watchlist: watchlistStore,
    news: newsStore,
    connection: connectionStore,
  };
  const counts: Record<string, number> = Object.fromEntries(Object.keys(stores).map((k) => [k, 0]));
  const unsubs = Object.entries(stores).map(([name, store]) =>
    store.subscribe(() => {
      counts[name] = (counts[name] ?? 0) + 1;
    }),
  );
  return { counts, stop: () => unsubs.forEach((u) => u()) };
}

const A = 'A-10001';
const ACCOUNT_KEY = `account:${A}`;
const up = (since = T0): ConnectionState => ({
  status: 'subscribed',
  reason: 'all acked',
  since,
  expiresAt: T0 + 3_900_000,
});
const down = (since: number): ConnectionState => ({
  status: 'reconnecting',
  reason: 'closed 1006',
  since,
  attempt: 1,
  nextAttemptAt: since + 1000,
});

let frames: ReturnType<typeof manualFrames>;
let d: Dispatcher;
let clock = T0;

beforeEach(() => {
  resetAllStores();
  frames = manualFrames();
  clock = T0;
  d = createDispatcher({ schedule: frames.schedule, now: () => clock, flushBudgetMs: 1_000 });
});
afterEach(() => d.dispose());

describe('dispatcher', () => {
  it('[DISP-FIRST-SNAP] the first snapshot of a key is applied synchronously, no frame needed', () => {
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub()));
    expect(ordersStore.getState().byId.get('O-1')).toBeDefined();
    expect(positionsStore.getState().byAccount.get(A)?.size).toBe(1);
    expect(balancesStore.getState().balances.get(A)?.totalEquity).toBe('125000.00');
    expect(balancesStore.getState().info.get(A)?.accountType).toBe('MARGIN');
    expect(connectionStore.getState().freshness.get(ACCOUNT_KEY)?.status).toBe('live');
    expect(frames.scheduled).toBe(0);
  });

  it('[DISP-BATCH-1] 1,000 order events in a frame = exactly one orders write, nothing else written', () => {
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub()));
    const writes = countWrites();
    for (let i = 0; i < 1000; i++) {
      d.onMessage(
        orderUpdateMsg(
          sampleOrder({ ordId: `O-${i % 50}`, cumQty: String(i), updatedAt: iso(i + 1) }),
        ),
        metaFor(accountSub()),
      );
    }
    expect(writes.counts.orders).toBe(0); // nothing before the frame
    expect(frames.scheduled).toBe(1); // one frame requested, not 1,000
    frames.frame();
    writes.stop();
    expect(writes.counts).toEqual({
      orders: 1,
      positions: 0,
      balances: 0,
      pnl: 0,
      watchlist: 0,
      news: 0,
      connection: 0,
    });
    // Every transition kept: each id ends at its newest event.
    expect(ordersStore.getState().byId.get('O-49')?.cumQty).toBe('999');
    expect(ordersStore.getState().byId.size).toBe(50);
  });

  it('[DISP-PROBE] a benchmark probe sees every update received and applied; naive mode writes per message', () => {
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub()));
    const received: (number | undefined)[] = [];
    const applied: (number | undefined)[][] = [];
    const probe = {
      naive: false,
      received: (_t: string, at: number | undefined) => received.push(at),
      applied: (_t: string, at: readonly (number | undefined)[]) => applied.push([...at]),
    };
    (globalThis as { __ARIES_PROBE__?: unknown }).__ARIES_PROBE__ = probe;
    try {
      const send = (i: number) =>
        d.onMessage(orderUpdateMsg(sampleOrder({ ordId: `O-${i}`, updatedAt: iso(i + 1) })), {
          ...metaFor(accountSub()),
          serverTime: T0 + i,
        });
      for (let i = 0; i < 3; i++) send(i);
      frames.frame();
      expect(received).toEqual([T0, T0 + 1, T0 + 2]);
      expect(applied).toEqual([[T0, T0 + 1, T0 + 2]]); // batched: one write for all three

      probe.naive = true;
      const writes = countWrites();
      for (let i = 3; i < 6; i++) send(i);
      writes.stop();
      expect(writes.counts.orders).toBe(3); // naive: one write per message, no frame needed
      expect(applied.slice(1)).toEqual([[T0 + 3], [T0 + 4], [T0 + 5]]);
    } finally {
      delete (globalThis as { __ARIES_PROBE__?: unknown }).__ARIES_PROBE__;
    }
  });

  it('[DISP-BATCH-2] a mixed frame writes each touched store once; balances are latest-wins', () => {
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub()));
    d.onMessage(pnlSnapshotMsg([sampleCandle(60)]), metaFor(pnlSub()));
    d.onMessage({ kind: 'subscribed', topic: 'news', snapshot: { articles: [] } }, metaFor());
    const writes = countWrites();
    for (let i = 0; i < 100; i++) {
      d.onMessage(balanceUpdateMsg({ accountId: A, totalEquity: `${i}.00` }), metaFor());
      d.onMessage(
        candleUpdateMsg(sampleCandle(60 + 60 * Math.floor(i / 10), { close: `${i}` })),
        metaFor(),
      );
      d.onMessage(newsArticleMsg(sampleArticle(`n${i}`, { publishedAt: iso(i) })), metaFor());
    }
    frames.frame();
    writes.stop();
    expect(writes.counts).toMatchObject({ balances: 1, pnl: 1, news: 1, orders: 0, positions: 0 });
    expect(balancesStore.getState().balances.get(A)?.totalEquity).toBe('99.00');
    expect(pnlStore.getState().series.get(`pnl:${A}`)?.candles.length).toBe(10);
    expect(newsStore.getState().articles.length).toBe(100);
  });

  it('[DISP-SNAP-SUPERSEDE] a snapshot drops queued updates of its key received before it', () => {
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub()));
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot('B')), metaFor(accountSub('B')));
    d.onMessage(orderUpdateMsg(sampleOrder({ ordId: 'ghost', updatedAt: iso(5) })), metaFor());
    d.onMessage(
      orderUpdateMsg(sampleOrder({ ordId: 'B-2', accountId: 'B', updatedAt: iso(5) })),
      metaFor(),
    );
    expect(d.stats().queued).toBe(2);
    // Reconnect snapshot for A (not the first: queued, supersedes A's queued update).
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot(A)), metaFor(accountSub(), 2));
    expect(d.stats().queued).toBe(2); // B's update + A's snapshot
    d.onMessage(
      orderUpdateMsg(sampleOrder({ ordId: 'after', updatedAt: iso(9) })),
      metaFor(undefined, 2),
    );
    frames.frame();
    const byId = ordersStore.getState().byId;
    expect(byId.has('ghost')).toBe(false);
    expect(byId.has('after')).toBe(true); // received after the snapshot: kept
    expect(byId.has('B-2')).toBe(true); // another key: untouched
  });

  it('[DISP-FRESH-1] loading → live → stale on disconnect → live only after a new snapshot', () => {
    d.onState(up());
    d.expect(accountSub());
    expect(connectionStore.getState().freshness.get(ACCOUNT_KEY)?.status).toBe('loading');
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub()));
    expect(connectionStore.getState().freshness.get(ACCOUNT_KEY)?.status).toBe('live');

    clock = T0 + 5_000;
    d.onState(down(clock));
    expect(connectionStore.getState().freshness.get(ACCOUNT_KEY)).toEqual({
      status: 'stale',
      since: T0 + 5_000,
    });
    expect(connectionStore.getState().connection.status).toBe('reconnecting');

    d.onState(up(T0 + 7_000));
    d.onMessage(orderUpdateMsg(sampleOrder({ updatedAt: iso(7_000) })), metaFor(undefined, 2));
    frames.frame();
    expect(connectionStore.getState().freshness.get(ACCOUNT_KEY)?.status).toBe('stale');

    clock = T0 + 8_000;
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub(), 2));
    frames.frame();
    expect(connectionStore.getState().freshness.get(ACCOUNT_KEY)).toEqual({
      status: 'live',
      since: T0 + 8_000,
    });
  });

  it('[DISP-SUPERSEDED] a key another tab now streams with other params goes stale here, data kept', () => {
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub()));
    d.superseded(ACCOUNT_KEY);
    expect(connectionStore.getState().freshness.get(ACCOUNT_KEY)?.status).toBe('stale');
    expect(ordersStore.getState().byId.get('O-1')).toBeDefined();
  });

  it('[DISP-ERR] ACCESS_DENIED for a subscription key shows as that key’s freshness error', () => {
    const sub = accountSub('A-20001');
    d.expect(sub);
    d.onMessage(
      {
        kind: 'error',
        id: 'sub-9',
        code: 'ACCESS_DENIED',
        message: 'account A-20001 is not yours',
      },
      metaFor(sub),
    );
    expect(connectionStore.getState().freshness.get('account:A-20001')).toEqual({
      status: 'error',
      since: T0,
      code: 'ACCESS_DENIED',
      message: 'account A-20001 is not yours',
    });
    expect(connectionStore.getState().lastErrors.at(-1)).toMatchObject({
      code: 'ACCESS_DENIED',
      key: 'account:A-20001',
    });
  });

  it('[DISP-IGNORE-1] events for an account never subscribed are ignored and counted', () => {
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub()));
    d.onMessage(orderUpdateMsg(sampleOrder({ ordId: 'X', accountId: 'A-99999' })), metaFor());
    d.onMessage(candleUpdateMsg(sampleCandle(60)), metaFor()); // no pnl subscription either
    frames.frame();
    expect(ordersStore.getState().byId.has('X')).toBe(false);
    expect(connectionStore.getState().drops['ignored:not-subscribed']).toBe(2);
  });

  it('[DISP-OLD-CONN] messages of a replaced connection are ignored and counted', () => {
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub(), 3));
    d.onMessage(
      orderUpdateMsg(sampleOrder({ ordId: 'late', updatedAt: iso(5) })),
      metaFor(undefined, 2),
    );
    frames.frame();
    expect(ordersStore.getState().byId.has('late')).toBe(false);
    expect(connectionStore.getState().drops['ignored:old-connection']).toBe(1);
  });

  it('[DISP-DROP] onDrop counts by reason, written once per frame', () => {
    const writes = countWrites();
    d.onDrop('not-json', 'x');
    d.onDrop('not-json', 'y');
    d.onDrop('oversize', 'z');
    frames.frame();
    writes.stop();
    expect(connectionStore.getState().drops).toEqual({ 'not-json': 2, oversize: 1 });
    expect(writes.counts.connection).toBe(1);
  });

  it('[DISP-PNL-KEY] an empty pnl snapshot takes key and interval from meta.subscription', () => {
    d.onMessage(pnlSnapshotMsg([]), metaFor(pnlSub(A, '5m')));
    const series = pnlStore.getState().series.get(`pnl:${A}`);
    expect(series?.interval).toBe('5m');
    expect(series?.accountId).toBe(A);
    d.onMessage(candleUpdateMsg(sampleCandle(300, { interval: '5m' })), metaFor());
    d.onMessage(candleUpdateMsg(sampleCandle(360, { interval: '1m' })), metaFor()); // straggler
    frames.frame();
    expect(
      pnlStore
        .getState()
        .series.get(`pnl:${A}`)
        ?.candles.slice()
        .map((c) => c.t),
    ).toEqual([300]);
  });

  it('[DISP-UNSUB] unsubscribed forgets the key and drops its queued updates', () => {
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub()));
    d.onMessage(orderUpdateMsg(sampleOrder({ ordId: 'q', updatedAt: iso(5) })), metaFor());
    d.onMessage({ kind: 'unsubscribed', topic: 'account' }, metaFor(accountSub()));
    frames.frame();
    expect(ordersStore.getState().byId.has('q')).toBe(false);
    expect(connectionStore.getState().freshness.has(ACCOUNT_KEY)).toBe(false);
  });

  it('[DISP-BACKPRESSURE] an over-budget flush holds the next frame; work collapses into one write', () => {
    d.dispose();
    d = createDispatcher({ schedule: frames.schedule, now: () => clock, flushBudgetMs: -1 });
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub()));
    d.onMessage(orderUpdateMsg(sampleOrder({ ordId: 'a', updatedAt: iso(1) })), metaFor());
    frames.frame(); // flush "over budget" → the next frame is skipped
    const writes = countWrites();
    d.onMessage(orderUpdateMsg(sampleOrder({ ordId: 'b', updatedAt: iso(2) })), metaFor());
    frames.frame(); // skipped
    expect(ordersStore.getState().byId.has('b')).toBe(false);
    d.onMessage(orderUpdateMsg(sampleOrder({ ordId: 'c', updatedAt: iso(3) })), metaFor());
    frames.frame();
    writes.stop();
    expect(ordersStore.getState().byId.has('b')).toBe(true);
    expect(ordersStore.getState().byId.has('c')).toBe(true);
    expect(writes.counts.orders).toBe(1);
    expect(d.stats().skippedFrames).toBeGreaterThanOrEqual(1);
  });

  it('[DISP-FLUSH] flush() applies the queue at once; dispose() stops everything', () => {
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub()));
    d.onMessage(orderUpdateMsg(sampleOrder({ ordId: 'now', updatedAt: iso(1) })), metaFor());
    d.flush();
    expect(ordersStore.getState().byId.has('now')).toBe(true);
    expect(frames.scheduled).toBe(0);
    d.dispose();
    d.onMessage(orderUpdateMsg(sampleOrder({ ordId: 'later', updatedAt: iso(2) })), metaFor());
    frames.frame();
    expect(ordersStore.getState().byId.has('later')).toBe(false);
  });

  it('[DISP-100K] a 100,000-order first snapshot is applied in one write', () => {
    const orders = Array.from({ length: 100_000 }, (_, i) =>
      sampleOrder({ ordId: `O-${i}`, createdAt: iso(i), updatedAt: iso(i) }),
    );
    const writes = countWrites();
    d.onMessage(accountSnapshotMsg(sampleAccountSnapshot(A, { orders })), metaFor(accountSub()));
    writes.stop();
    expect(writes.counts.orders).toBe(1);
    expect(ordersStore.getState().byId.size).toBe(100_000);
  });
});
