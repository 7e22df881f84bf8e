/**
 * One subscription's trouble stays its own: an unreadable snapshot or update fails that topic
 * (its page says why, the badge stays Live) and re-subscribes it after a growing backoff; what
 * a frame leaves to its subscription (short-form candles) is taken from that subscription.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serverMessages, type Subscription } from '../protocol';
import { connectionStore } from '../stores/connection/store';
import { failedKeys } from '../stores/connection/apply-connection';
import { ordersStore } from '../stores/orders/store';
import { pnlStore } from '../stores/pnl/store';
import { resetAllStores } from '../stores/reset';
import { watchlistStore } from '../stores/watchlist/store';
import { SESSION_T as T, startClientSession } from '../testing/client-session';
import { sampleAccountSnapshot, sampleOrder } from '../testing/store-samples';

const ACCOUNT = 'A-10001';
const account: Subscription = { topic: 'account', params: { accountId: ACCOUNT } };
const watchlist: Subscription = { topic: 'watchlist', params: {} };
const pnl: Subscription = {
  topic: 'pnl',
  params: { accountId: ACCOUNT, interval: '5m', startTime: '2026-11-24T14:00:00Z' },
};

function accountAck(id: string) {
  const s = sampleAccountSnapshot(ACCOUNT);
  return serverMessages.subscribed(
    id,
    'account',
    { accountId: ACCOUNT },
    { ...s.info, ...s.balance, positions: s.positions, orders: [], ordersV2: s.orders },
    T,
  );
}

const freshness = (key: string) => connectionStore.getState().freshness.get(key);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T);
});
afterEach(() => {
  vi.useRealTimers();
  resetAllStores();
});

describe('per-subscription health', () => {
  it('[HEALTH-1] an unreadable watchlist snapshot fails that topic alone; the link is Live; a retry heals it', async () => {
    const s = await startClientSession([account, watchlist]);
    s.feed(accountAck(s.requestId(account)));
    s.feed(
      serverMessages.subscribed(
        s.requestId(watchlist),
        'watchlist',
        {},
        { watchlists: [{ id: 1, name: 'Tech', symbols: [42] }] } as never,
        T,
      ),
    );
    expect(s.socket.getState().status).toBe('subscribed');
    expect(freshness(`account:${ACCOUNT}`)?.status).toBe('live');
    const failed = freshness('watchlist');
    expect(failed?.status).toBe('failed');
    expect(failed?.status === 'failed' && failed.reason).toMatch(/watchlists\.0\.symbols\.0/);
    expect(failedKeys(connectionStore.getState())).toBe(1);

    const sent = s.ws.sentOfType('subscribe').length;
    await vi.advanceTimersByTimeAsync(499);
    expect(s.ws.sentOfType('subscribe').length).toBe(sent);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.ws.sentOfType('subscribe').length).toBe(sent + 1);
    s.feed(
      serverMessages.subscribed(
        s.requestId(watchlist),
        'watchlist',
        {},
        { watchlists: [{ id: 1, name: 'Tech', symbols: ['AAPL'] }] },
        T,
      ),
    );
    expect(freshness('watchlist')?.status).toBe('live');
    expect(failedKeys(connectionStore.getState())).toBe(0);
    s.dispose();
  });

  it('[HEALTH-2] failures in a row back off: 0.5 s, then 1 s, then 2 s (no hot loop)', async () => {
    const s = await startClientSession([watchlist]);
    const bad = () =>
      serverMessages.subscribed(
        s.requestId(watchlist),
        'watchlist',
        {},
        { watchlists: [{ name: 'no id', symbols: [] }] } as never,
        T,
      );
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      s.feed(bad());
      const before = s.ws.sentOfType('subscribe').length;
      let waited = 0;
      while (s.ws.sentOfType('subscribe').length === before && waited < 10_000) {
        await vi.advanceTimersByTimeAsync(100);
        waited += 100;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([500, 1000, 2000]);
    expect(s.socket.getState().status).toBe('subscribed');
    s.dispose();
  });

  it('[HEALTH-3] an unreadable order update marks the account possibly out of date and re-subscribes for a fresh snapshot', async () => {
    const s = await startClientSession([account]);
    s.feed(accountAck(s.requestId(account)));
    const bad = serverMessages.update(
      'account',
      1,
      { type: 'order', data: { ...sampleOrder({ ordId: 'O-9' }), qty: 'lots' } },
      T,
    );
    const later = serverMessages.update(
      'account',
      2,
      { type: 'order', data: sampleOrder({ ordId: 'O-10' }) },
      T,
    );
    s.feed(bad, later);
    const f = freshness(`account:${ACCOUNT}`);
    expect(f?.status === 'failed' && f.hadData).toBe(true);
    // Nothing after the unreadable event is applied on top of a state that may lack it.
    expect(ordersStore.getState().byId.has('O-10')).toBe(false);
    expect(s.socket.getState().status).toBe('subscribed');
    await vi.advanceTimersByTimeAsync(500);
    s.feed(accountAck(s.requestId(account)));
    expect(freshness(`account:${ACCOUNT}`)?.status).toBe('live');
    s.dispose();
  });

  it('[CTX-1] short-form candles take accountId and interval from the subscription they answer', async () => {
    const s = await startClientSession([pnl]);
    const t0 = Math.floor(T / 1000) - 600;
    s.feed({
      type: 'event',
      id: s.requestId(pnl),
      payload: {
        action: 'subscribed',
        topic: 'pnl',
        data: { candles: [{ t: t0, o: 0, h: '5.5', l: -1, c: '2.25' }] },
      },
    });
    s.feed({
      type: 'event',
      topic: 'pnl',
      payload: { event: 'candle', data: { t: t0 + 300, o: '2.25', h: 3, l: 2, c: '2.5' } },
    });
    const series = pnlStore.getState().series.get(`pnl:${ACCOUNT}`);
    expect(series?.interval).toBe('5m');
    expect([...series!.candles]).toEqual([
      {
        accountId: ACCOUNT,
        interval: '5m',
        t: t0,
        open: '0',
        high: '5.5',
        low: '-1',
        close: '2.25',
      },
      {
        accountId: ACCOUNT,
        interval: '5m',
        t: t0 + 300,
        open: '2.25',
        high: '3',
        low: '2',
        close: '2.5',
      },
    ]);
    expect(freshness(`pnl:${ACCOUNT}`)?.status).toBe('live');
    s.dispose();
  });

  it('[CTX-2] a short-form candle that two subscriptions could own is refused, never guessed', async () => {
    const other: Subscription = {
      topic: 'pnl',
      params: { accountId: 'A-10002', interval: '1m', startTime: '2026-11-24T14:00:00Z' },
    };
    const s = await startClientSession([pnl, other]);
    for (const sub of [pnl, other])
      s.feed(serverMessages.subscribed(s.requestId(sub), 'pnl', sub.params, { candles: [] }, T));
    s.feed({
      type: 'event',
      topic: 'pnl',
      payload: { event: 'candle', data: { t: 1, o: 1, h: 1, l: 1, c: 1 } },
    });
    expect(connectionStore.getState().drops['missing-context']).toBe(1);
    expect(pnlStore.getState().series.get(`pnl:${ACCOUNT}`)?.candles.length).toBe(0);
    s.dispose();
  });

  it('[WL-ID-1] watchlist ids are opaque: any string is kept, and "12" is the list 12', async () => {
    const s = await startClientSession([watchlist]);
    s.feed(
      serverMessages.subscribed(
        s.requestId(watchlist),
        'watchlist',
        {},
        {
          watchlists: [
            { id: 'W-1', name: 'Tech', symbols: ['AAPL'] },
            { id: '12', name: 'Energy', symbols: ['XOM'] },
            { id: 'a|b', name: 'Odd', symbols: [] },
          ],
        },
        T,
      ),
    );
    s.feed(
      serverMessages.update(
        'watchlist',
        1,
        {
          type: 'symbolAdded',
          data: { watchlistId: 'W-1', watchlistName: 'Tech', symbol: 'NVDA' },
        },
        T,
      ),
      serverMessages.update(
        'watchlist',
        2,
        { type: 'symbolAdded', data: { watchlistId: 12, watchlistName: 'Energy', symbol: 'CVX' } },
        T,
      ),
    );
    const lists = watchlistStore.getState().lists;
    expect([...lists.keys()]).toEqual(['W-1', 12, 'a|b']);
    expect(lists.get('W-1')?.symbols).toEqual(['AAPL', 'NVDA']);
    expect(lists.get(12)?.symbols).toEqual(['XOM', 'CVX']);
    expect(freshness('watchlist')?.status).toBe('live');
    s.dispose();
  });
});
