import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AccountInfoSchema,
  BalanceSchema,
  CandleSchema,
  LegacyOrderSchema,
  NewsArticleSchema,
  OrderSchema,
  PositionSchema,
  WatchlistSchema,
} from '../../src/protocol';
import type { RunningServer } from '../index';
import { TestClient, authedClient, control, startTestServer } from './harness';

describe('subscriptions, snapshots and live updates', () => {
  let server: RunningServer;
  const clients: TestClient[] = [];
  const client = async (user = 'demo') => {
    const c = await authedClient(server, user);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => server.close());

  it('[SUB-ACCOUNT-1] account snapshot: info + balance at top level, positions, legacy orders, ordersV2', async () => {
    const c = await client();
    const id = c.subscribe('account', { accountId: 'A-10001' });
    const ack = await c.action('subscribed', id);
    expect(ack.payload?.topic).toBe('account');
    const data = ack.payload?.data;
    AccountInfoSchema.parse(data);
    BalanceSchema.parse(data);
    expect(data.positions.length).toBeGreaterThanOrEqual(4);
    data.positions.forEach((p: unknown) => PositionSchema.parse(p));
    expect(data.positions.some((p: { securityType: string }) => p.securityType === 'OPTION')).toBe(
      true,
    );
    data.ordersV2.forEach((o: unknown) => OrderSchema.parse(o));
    data.orders.forEach((o: unknown) => LegacyOrderSchema.parse(o));
    expect(data.orders.length).toBeGreaterThan(0);
  });

  it('[SUB-ERR-1] every documented subscribe error code', async () => {
    const c = await client();
    const cases: Array<[string, object | undefined, string]> = [
      ['weather', undefined, 'UNKNOWN_TOPIC'],
      ['account', {}, 'MISSING_ACCOUNT_ID'],
      ['pnl', { accountId: 'A-10001' }, 'MISSING_START_TIME'],
      ['pnl', { accountId: 'A-10001', startTime: 'yesterday' }, 'MISSING_START_TIME'],
      [
        'pnl',
        { accountId: 'A-10001', startTime: '2026-11-23T13:30:00Z', interval: '2m' },
        'INVALID_INTERVAL',
      ],
      ['account', { accountId: 'A-20001' }, 'ACCESS_DENIED'],
      ['pnl', { accountId: 'A-20001', startTime: '2026-11-23T13:30:00Z' }, 'ACCESS_DENIED'],
    ];
    for (const [topic, params, code] of cases) {
      const id = c.subscribe(topic, params);
      const err = await c.action('error', id);
      expect(err.payload?.code, `${topic} ${JSON.stringify(params)}`).toBe(code);
      expect(err.payload?.id).toBe(id);
    }
  });

  it('[SUB-PNL-1] pnl snapshot from startTime, oldest first, default interval 1m', async () => {
    const c = await client();
    const start = new Date(Date.now() - 3600_000).toISOString();
    const id = c.subscribe('pnl', { accountId: 'A-10001', startTime: start });
    const ack = await c.action('subscribed', id);
    const candles = ack.payload?.data.candles as Array<{ t: number; interval: string }>;
    candles.forEach((k) => CandleSchema.parse(k));
    expect(candles.length).toBeGreaterThanOrEqual(60);
    expect(candles.every((k) => k.interval === '1m')).toBe(true);
    expect(candles.every((k, i) => i === 0 || k.t > candles[i - 1]!.t)).toBe(true);
  });

  it('[SUB-WATCH-1] watchlist and news snapshots; aliases and top-level topic/params accepted', async () => {
    const c = await client();
    c.send({ type: 'subscribe', id: 'w1', topic: 'watchlistUpdates' });
    const wl = await c.action('subscribed', 'w1');
    expect(wl.payload?.topic).toBe('watchlist');
    wl.payload?.data.watchlists.forEach((w: unknown) => WatchlistSchema.parse(w));
    expect(wl.payload?.data.watchlists.map((w: { name: string }) => w.name)).toEqual([
      'Tech',
      'Index',
    ]);
    const id = c.subscribe('news');
    const news = await c.action('subscribed', id);
    expect(news.payload?.data.articles.length).toBeGreaterThan(0);
    expect(news.payload?.data.articles.length).toBeLessThanOrEqual(50);
    news.payload?.data.articles.forEach((a: unknown) => NewsArticleSchema.parse(a));
  });

  it('[POS-ALIAS-1] positions carry primaries and their aliases, in snapshots and updates', async () => {
    const c = await client();
    const id = c.subscribe('account', { accountId: 'A-10001' });
    const ack = await c.action('subscribed', id);
    const from = c.frames.length;
    const placed = await control(server, 'POST', '/orders', {
      accountId: 'A-10001',
      symbol: 'MSFT',
      side: 'BUY',
      type: 'MARKET',
      qty: '5',
    });
    const ordId = placed.body.ordId as string;
    await control(server, 'POST', `/orders/${ordId}/accept`);
    await control(server, 'POST', `/orders/${ordId}/fill`, { price: '410.00' });
    const update = await c.waitFor(
      (f) => f.payload?.type === 'position' && f.payload?.data?.symbol === 'MSFT',
      3000,
      from,
    );
    const positions = [...(ack.payload?.data.positions ?? []), update.payload?.data];
    expect(positions.length).toBeGreaterThan(1);
    for (const p of positions) {
      PositionSchema.parse(p);
      expect(p.avgCost).toBe(p.avgPrice);
      expect(p.realizedPL).toBe(p.todayRealizedPnL);
      expect(p.instrument).toBe(p.securityType);
    }
  });

  it('[LIVE-1] a scripted order lifecycle arrives in order with seq 1, 2, 3 …', async () => {
    const c = await client();
    const id = c.subscribe('account', { accountId: 'A-10001' });
    await c.action('subscribed', id);
    const from = c.frames.length;
    const placed = await control(server, 'POST', '/orders', {
      accountId: 'A-10001',
      symbol: 'AAPL',
      side: 'BUY',
      type: 'LIMIT',
      qty: '100',
      price: '230.00',
    });
    const ordId = placed.body.ordId as string;
    await control(server, 'POST', `/orders/${ordId}/accept`);
    await control(server, 'POST', `/orders/${ordId}/fill`, { qty: '40', price: '229.50' });
    await control(server, 'POST', `/orders/${ordId}/fill`, { price: '229.00' });
    await c.waitFor(
      (f) => f.payload?.data?.ordId === ordId && f.payload?.data?.ordStatus === 'FILLED',
      3000,
      from,
    );
    const updates = c.frames.slice(from).filter((f) => f.payload?.action === 'update');
    expect(updates.map((f) => f.payload?.seq)).toEqual(updates.map((_, i) => i + 1));
    const statuses = updates
      .filter((f) => f.payload?.type === 'order' && f.payload?.data.ordId === ordId)
      .map((f) => f.payload?.data.ordStatus);
    expect(statuses).toEqual(['PENDING_NEW', 'NEW', 'PARTIALLY_FILLED', 'FILLED']);
    const filled = updates.findLast((f) => f.payload?.data?.ordId === ordId)!.payload!.data;
    expect(filled).toMatchObject({ cumQty: '100', leavesQty: '0', avgPrice: '229.2000' });
    expect(
      updates.some((f) => f.payload?.type === 'position' && f.payload?.data.symbol === 'AAPL'),
    ).toBe(true);
    expect(updates.some((f) => f.payload?.type === 'balance')).toBe(true);
  });

  it('[LIVE-2] re-subscribe replaces (one stream, fresh seq); unsubscribe stops updates', async () => {
    const c = await client();
    await c.action('subscribed', c.subscribe('account', { accountId: 'A-10001' }));
    await c.action('subscribed', c.subscribe('account', { accountId: 'A-10001' }));
    const from = c.frames.length;
    await control(server, 'POST', '/prices', { symbol: 'NVDA', price: '150.00' });
    await c.waitFor((f) => f.payload?.type === 'balance', 3000, from);
    const balances = c.frames.slice(from).filter((f) => f.payload?.type === 'balance');
    expect(balances).toHaveLength(1);
    expect(c.frames.slice(from)[0]?.payload?.seq).toBe(1);
    const un = c.nextId('un');
    c.send({
      type: 'unsubscribe',
      id: un,
      payload: { topic: 'account', params: { accountId: 'A-10001' } },
    });
    await c.action('unsubscribed', un);
    const after = c.frames.length;
    await control(server, 'POST', '/prices', { symbol: 'NVDA', price: '151.00' });
    await new Promise((r) => setTimeout(r, 200));
    expect(c.frames.slice(after)).toHaveLength(0);
  });

  it("[ISO-1] one user never receives another user's account or watchlist events", async () => {
    const demo = await client('demo');
    const other = await client('other');
    await demo.action('subscribed', demo.subscribe('watchlist'));
    await other.action('subscribed', other.subscribe('watchlist'));
    await other.action('subscribed', other.subscribe('account', { accountId: 'A-20001' }));
    const from = other.frames.length;
    await control(server, 'POST', '/watchlists/u-1001/1/symbols', { symbol: 'AMD' });
    const placed = await control(server, 'POST', '/orders', {
      accountId: 'A-10001',
      symbol: 'MSFT',
      side: 'BUY',
      type: 'MARKET',
      qty: '1',
    });
    await demo.waitFor(
      (f) => f.payload?.type === 'symbolAdded' && f.payload?.data.symbol === 'AMD',
    );
    await new Promise((r) => setTimeout(r, 200));
    const leaked = other.frames
      .slice(from)
      .filter((f) => JSON.stringify(f).includes('A-10001') || f.payload?.type === 'symbolAdded');
    expect(leaked).toEqual([]);
    expect(placed.status).toBe(200);
  });

  it('[NEWS-1] news filters: only matching articles are pushed', async () => {
    const c = await client();
    await c.action('subscribed', c.subscribe('news', { symbols: ['TSLA'], topics: ['earnings'] }));
    const from = c.frames.length;
    await control(server, 'POST', '/news', {
      headline: 'About AAPL',
      symbols: ['AAPL'],
      topics: ['product'],
    });
    await control(server, 'POST', '/news', {
      headline: 'About TSLA',
      symbols: ['TSLA'],
      topics: ['product'],
    });
    await c.waitFor((f) => f.payload?.type === 'article', 3000, from);
    await new Promise((r) => setTimeout(r, 100));
    const headlines = c.frames.slice(from).map((f) => f.payload?.data?.headline);
    expect(headlines).toEqual(['About TSLA']);
  });

  it('[LIVE-3] with the simulator running, live events flow on their own', async () => {
    const c = await client();
    await c.action('subscribed', c.subscribe('account', { accountId: 'A-10001' }));
    const from = c.frames.length;
    await control(server, 'POST', '/sim/start', { rate: 200 });
    try {
      await c.waitFor((f) => f.payload?.action === 'update', 3000, from);
    } finally {
      await control(server, 'POST', '/sim/stop');
    }
  });
});
