import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../socket/dispatcher';
import {
  accountSnapshotMsg,
  accountSub,
  balanceUpdateMsg,
  metaFor,
  orderUpdateMsg,
  pnlSnapshotMsg,
  pnlSub,
  sampleAccountSnapshot,
  sampleCandle,
  sampleOrder,
  T0,
  iso,
} from '../../testing/store-samples';
import { balancesStore } from '../balances/store';
import { connectionStore } from '../connection/store';
import { ordersStore } from '../orders/store';
import { pnlStore } from '../pnl/store';
import { resetAllStores } from '../reset';
import {
  clearAccountCache,
  startAccountCache,
  type AccountCache,
  type AccountCacheOptions,
} from './account-cache';
import type { AccountCacheRecord } from './cache-record';

const A = 'A-10001';
const KEY = `account:${A}`;
const USER_A = 'u-1001@http://127.0.0.1';
const USER_B = 'u-2002@http://127.0.0.1';
let dbName: string;
let n = 0;
const running: AccountCache[] = [];
let d: Dispatcher;

function start(opts: Partial<AccountCacheOptions> & { identity: string }): AccountCache {
  const page = {
    win: new EventTarget(),
    doc: Object.assign(new EventTarget(), { visibilityState: 'visible' }),
  };
  const cache = startAccountCache({ dbName, page, throttleMs: 0, ...opts });
  running.push(cache);
  return cache;
}

/** Serve a fresh snapshot of A (orders O-1, O-2 by default) through a real dispatcher. */
function serveSnapshot(orders = [sampleOrder({ ordId: 'O-1' }), sampleOrder({ ordId: 'O-2' })]) {
  d.onState({ status: 'subscribed', reason: 'test', since: T0, expiresAt: 0 });
  d.expect(accountSub());
  d.onMessage(accountSnapshotMsg(sampleAccountSnapshot(A, { orders })), metaFor(accountSub()));
}

/** A new page load: stores empty, a new dispatcher, the cache of the same database. */
function reload() {
  for (const c of running.splice(0)) c.stop();
  d.dispose();
  resetAllStores();
  d = createDispatcher({ schedule: () => () => {}, now: () => T0 });
}

const orderIds = () => [...ordersStore.getState().byId].map(([id]) => id).sort();

beforeEach(() => {
  dbName = `test-cache-${n++}`;
  resetAllStores();
  d = createDispatcher({ schedule: () => () => {}, now: () => T0 });
});
afterEach(() => {
  for (const c of running.splice(0)) c.stop();
  d.dispose();
});

describe('account cache', () => {
  it('[CACHE-3] a reload paints the last known account as cached (not live), and the first real snapshot replaces it at once', async () => {
    const first = start({ identity: USER_A });
    await first.ready;
    serveSnapshot();
    d.expect(pnlSub());
    d.onMessage(pnlSnapshotMsg([sampleCandle(1_800_000_000)]), metaFor(pnlSub()));
    await first.flush();

    reload();
    const cache = start({ identity: USER_A, now: () => T0 + 5_000 });
    await cache.ready;
    expect(orderIds()).toEqual(['O-1', 'O-2']);
    expect(balancesStore.getState().balances.get(A)?.totalEquity).toBe('125000.00');
    expect(pnlStore.getState().series.get(`pnl:${A}`)?.candles).toHaveLength(1);
    const f = connectionStore.getState().freshness.get(KEY);
    expect(f?.status).toBe('cached');
    expect(f?.status === 'cached' && f.asOf).toBeLessThanOrEqual(Date.now());
    expect(connectionStore.getState().freshness.get(`pnl:${A}`)?.status).toBe('cached');

    // Subscribing keeps it cached (not "loading", not live); an update alone changes nothing.
    d.expect(accountSub());
    expect(connectionStore.getState().freshness.get(KEY)?.status).toBe('cached');
    d.onMessage(orderUpdateMsg(sampleOrder({ ordId: 'O-1', updatedAt: iso(1) })), metaFor());
    expect(connectionStore.getState().freshness.get(KEY)?.status).toBe('cached');

    // The dispatcher never took the cache for its first snapshot: the real one applies at once,
    // without a frame, replacing every cached row.
    d.onMessage(
      accountSnapshotMsg(sampleAccountSnapshot(A, { orders: [sampleOrder({ ordId: 'O-3' })] })),
      metaFor(accountSub()),
    );
    expect(orderIds()).toEqual(['O-3']);
    expect(connectionStore.getState().freshness.get(KEY)?.status).toBe('live');
  });

  it('[CACHE-3b] a snapshot that arrives before the cache is read is never overwritten by it', async () => {
    const first = start({ identity: USER_A });
    await first.ready;
    serveSnapshot();
    await first.flush();

    reload();
    const cache = start({ identity: USER_A });
    serveSnapshot([sampleOrder({ ordId: 'O-live' })]); // before `ready`
    await cache.ready;
    expect(orderIds()).toEqual(['O-live']);
    expect(connectionStore.getState().freshness.get(KEY)?.status).toBe('live');
  });

  it('[CACHE-4] another user signing in on this browser sees nothing of the first, whose records are deleted', async () => {
    const first = start({ identity: USER_A });
    await first.ready;
    serveSnapshot();
    await first.flush();

    reload();
    const writes: AccountCacheRecord[][] = [];
    const cacheB = start({ identity: USER_B, onWrite: (r) => writes.push([...r]) });
    await cacheB.ready;
    expect(orderIds()).toEqual([]);
    expect(connectionStore.getState().freshness.get(KEY)).toBeUndefined();
    await cacheB.flush();
    expect(writes.flat()).toEqual([]);

    // And A's data is gone, not merely hidden: A coming back starts empty too.
    reload();
    const again = start({ identity: USER_A });
    await again.ready;
    expect(orderIds()).toEqual([]);
  });

  it('[CACHE-5] writes are throttled: a burst of store changes makes one write per window, and hidden/pagehide write at once', async () => {
    const writes: number[] = [];
    const page = {
      win: new EventTarget(),
      doc: Object.assign(new EventTarget(), { visibilityState: 'visible' }),
    };
    let clock = T0;
    const cache = start({
      identity: USER_A,
      throttleMs: 2_000,
      now: () => clock,
      page,
      onWrite: (r) => writes.push(r.length),
    });
    await cache.ready;
    serveSnapshot(); // first write: scheduled at once (nothing written in the last 2 s)
    await new Promise((r) => setTimeout(r, 20));
    expect(writes).toEqual([1]);
    for (let i = 0; i < 1_000; i++) {
      d.onMessage(
        orderUpdateMsg(sampleOrder({ ordId: `O-${i % 20}`, updatedAt: iso(i + 1) })),
        metaFor(accountSub()),
      );
      d.flush();
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(writes).toEqual([1]); // 1,000 flushes, still inside the 2 s window
    page.doc.visibilityState = 'hidden';
    page.doc.dispatchEvent(new Event('visibilitychange'));
    expect(writes).toEqual([1, 1]);
    d.onMessage(orderUpdateMsg(sampleOrder({ ordId: 'O-x', updatedAt: iso(5_000) })), metaFor());
    d.flush();
    page.win.dispatchEvent(new Event('pagehide'));
    expect(writes).toEqual([1, 1, 1]);
    page.win.dispatchEvent(new Event('pagehide')); // nothing changed: nothing written
    expect(writes).toEqual([1, 1, 1]);
    // The next window opens 2 s after the last write.
    clock += 2_000;
    d.onMessage(orderUpdateMsg(sampleOrder({ ordId: 'O-y', updatedAt: iso(6_000) })), metaFor());
    d.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(writes).toEqual([1, 1, 1, 1]);
  });

  it('[CACHE-6] only server data is written: a cached key never, a stale key as of when the link dropped', async () => {
    const first = start({ identity: USER_A });
    await first.ready;
    serveSnapshot();
    await first.flush();

    reload();
    const writes: AccountCacheRecord[][] = [];
    const cache = start({ identity: USER_A, onWrite: (r) => writes.push([...r]) });
    await cache.ready;
    await cache.flush();
    expect(writes.flat()).toEqual([]); // hydrated only: nothing to write back

    serveSnapshot();
    d.onState({
      status: 'reconnecting',
      reason: 'drop',
      since: T0 + 777,
      attempt: 1,
      nextAttemptAt: T0 + 2_000,
    });
    await cache.flush();
    expect(writes.flat().at(-1)?.asOf).toBe(T0 + 777);
  });

  it('[CACHE-5b] a write after only a balance change reuses the capped orders instead of rescanning them', async () => {
    const writes: AccountCacheRecord[][] = [];
    const cache = start({ identity: USER_A, onWrite: (r) => writes.push([...r]) });
    await cache.ready;
    serveSnapshot();
    await cache.flush();
    d.onMessage(balanceUpdateMsg({ accountId: A, totalEquity: '1.00' }), metaFor(accountSub()));
    d.flush();
    await cache.flush();
    const [before, after] = writes.slice(-2).map((w) => w[0]);
    expect(after?.balance?.totalEquity).toBe('1.00');
    expect(after?.orders).toBe(before?.orders);
    d.onMessage(orderUpdateMsg(sampleOrder({ ordId: 'O-9', updatedAt: iso(9) })), metaFor());
    d.flush();
    await cache.flush();
    expect(
      writes
        .at(-1)?.[0]
        ?.orders.map((o) => o.ordId)
        .sort(),
    ).toEqual(['O-1', 'O-2', 'O-9']);
  });

  it('[CACHE-7] sign-out deletes the database, even while a session still has it open', async () => {
    const cache = start({ identity: USER_A });
    await cache.ready;
    serveSnapshot();
    await cache.flush();
    await clearAccountCache(dbName);
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(dbName);
    await cache.flush(); // a late write on the closed connection is swallowed, not thrown

    reload();
    const again = start({ identity: USER_A });
    await again.ready;
    expect(orderIds()).toEqual([]);
  });
});
