/**
 * The real client against the embedded server speaking production's tolerated spellings
 * (`spellingsSeed`: every frame ours or one random rewrite) over a real socket: every topic
 * goes live, nothing is failed, and after a busy stretch of trading the stores equal the
 * server's truth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { control, login, startTestServer } from '../../server/conformance/harness';
import type { RunningServer } from '../../server/index';
import { readAccountState } from '../stores/account-state';
import { connectionStore } from '../stores/connection/store';
import { newsStore } from '../stores/news/store';
import { resetAllStores } from '../stores/reset';
import { diffWithTruth } from '../testing/truth-diff';
import { AccountSocket, type WebSocketCtor } from './account-socket';
import { createDispatcher } from './dispatcher';

const ACCOUNT = 'A-10001';

async function waitUntil(what: string, check: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the client against a server speaking tolerated spellings', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ spellingsSeed: 5 });
  });
  afterAll(async () => {
    resetAllStores();
    await server.close();
  });

  it('[TOL-INT-1] every page’s stream goes live and the stores converge to the server', async () => {
    const dispatcher = createDispatcher({
      schedule: (cb) => {
        const t = setTimeout(cb, 5);
        return () => clearTimeout(t);
      },
    });
    const socket = new AccountSocket({
      url: server.wsUrl,
      getToken: async () => (await login(server, 'demo')).access_token,
      listener: dispatcher,
      WebSocketImpl: WebSocket as unknown as WebSocketCtor,
      environment: null,
      log: () => {},
    });
    const startTime = new Date(Date.now() - 30 * 60_000).toISOString();
    try {
      socket.subscribe({ topic: 'account', params: { accountId: ACCOUNT } });
      socket.subscribe({ topic: 'pnl', params: { accountId: ACCOUNT, interval: '1m', startTime } });
      socket.subscribe({ topic: 'watchlist', params: {} });
      socket.subscribe({ topic: 'news', params: {} });
      socket.start();
      const keys = [`account:${ACCOUNT}`, `pnl:${ACCOUNT}`, 'watchlist', 'news'];
      const live = () =>
        keys.every((k) => connectionStore.getState().freshness.get(k)?.status === 'live');
      await waitUntil(
        'every stream live',
        () => socket.getState().status === 'subscribed' && live(),
      );

      await control(server, 'POST', '/sim/step', { count: 300 });
      await control(server, 'POST', '/news', { headline: 'Tolerated', symbols: ['AAPL'] });
      await waitUntil('the news article', () =>
        newsStore.getState().articles.some((a) => a.headline === 'Tolerated'),
      );
      await new Promise((r) => setTimeout(r, 100));
      dispatcher.flush();

      expect(live()).toBe(true);
      const drops = connectionStore.getState().drops;
      // Only the injected unknowns are dropped; every tolerated spelling was read.
      expect(drops['invalid-payload'] ?? 0).toBe(0);
      expect(drops['missing-context'] ?? 0).toBe(0);
      expect(socket.getStats().resubscribes).toBe(0);

      const truth = server.sim.accountSnapshot(ACCOUNT);
      const mismatches = diffWithTruth(readAccountState(ACCOUNT, `pnl:${ACCOUNT}`), {
        orders: truth.orders,
        positions: truth.positions,
        balance: truth.balance,
        watchlists: server.sim.watchlists('u-1001'),
        candles: server.sim.candles(ACCOUNT, '1m', Date.parse(startTime), Date.now()),
      });
      expect(mismatches).toEqual([]);
    } finally {
      socket.stop();
      dispatcher.dispose();
    }
  }, 30_000);
});
