/**
 * Per-connection limits: frame size, subscription count, message rate and unsent bytes. Each
 * test also proves that another connection is served while one is being limited: a limit
 * that protects the server by starving everyone else would be no protection.
 */
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../index';
import { TestClient, authedClient, control } from './harness';

const LIMITS = {
  rateLimit: 20,
  maxSubscriptions: 3,
  maxBufferedBytes: 256 * 1024,
  slowConsumerGraceMs: 1500,
};

describe('per-connection limits', () => {
  let server: RunningServer;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startServer(
      { port: 0, host: '127.0.0.1', control: true, simRate: 0, ...LIMITS },
      { log: (m) => logs.push(m) },
    );
  });
  afterAll(() => server.close());

  /** A bystander of another user, subscribed to its own account. */
  async function bystander(): Promise<TestClient> {
    const c = await authedClient(server, 'other');
    await c.action('subscribed', c.subscribe('account', { accountId: 'A-20001' }));
    return c;
  }

  /** Pong within 2 s and a live update of its account: the connection is fully served. */
  async function expectServed(c: TestClient): Promise<void> {
    const id = c.nextId('ping');
    const from = c.frames.length;
    c.send({ type: 'ping', id });
    await c.waitFor((f) => f.type === 'pong' && f.id === id, 2000, from);
    await control(server, 'POST', '/prices', { symbol: 'MSFT', price: String(400 + from) });
    await c.waitFor((f) => f.payload?.action === 'update', 2000, from);
    expect(c.closeCode).toBeUndefined();
  }

  it('[LIMIT-1] frame size: 64 KiB passes; above → INVALID_MESSAGE + 4008; above 256 KiB → 1009; others served', async () => {
    const other = await bystander();
    const ok = await authedClient(server);
    // A ping padded to exactly the limit is still answered.
    const shell = JSON.stringify({ type: 'ping', id: '' });
    ok.send({ type: 'ping', id: 'x'.repeat(65536 - shell.length) });
    await ok.waitFor((f) => f.type === 'pong', 2000);

    const big = await authedClient(server);
    big.send({ type: 'ping', id: 'x'.repeat(65536) });
    expect((await big.action('error')).payload?.code).toBe('INVALID_MESSAGE');
    expect(await big.waitClosed()).toBe(4008);
    expect(big.closeReason).toBe('frame too large');

    // Past ws's own ceiling the frame is never buffered whole: the socket is closed at once.
    const huge = await authedClient(server);
    huge.send({ type: 'ping', id: 'x'.repeat(300 * 1024) });
    expect(await huge.waitClosed()).toBe(1009);

    await expectServed(other);
    expect(ok.closeCode).toBeUndefined();
    [other, ok].forEach((c) => c.close());
  });

  it('[LIMIT-2] subscription count: a 4th stream → RATE_LIMITED; replacing or freeing one works; per connection, not per user', async () => {
    const c = await authedClient(server);
    await c.action('subscribed', c.subscribe('account', { accountId: 'A-10001' }));
    await c.action('subscribed', c.subscribe('account', { accountId: 'A-10002' }));
    await c.action('subscribed', c.subscribe('watchlist'));
    const refused = await c.action('error', c.subscribe('news'));
    expect(refused.payload).toMatchObject({
      code: 'RATE_LIMITED',
      error: 'at most 3 subscriptions',
    });
    // Re-subscribing an existing stream replaces it, so it is not a 4th.
    await c.action('subscribed', c.subscribe('account', { accountId: 'A-10001' }));
    const un = c.nextId('un');
    c.send({ type: 'unsubscribe', id: un, payload: { topic: 'watchlist' } });
    await c.action('unsubscribed', un);
    await c.action('subscribed', c.subscribe('news'));

    // The same user's second connection has its own allowance.
    const same = await authedClient(server);
    await same.action('subscribed', same.subscribe('account', { accountId: 'A-10001' }));
    const other = await bystander();
    await expectServed(other);
    expect(c.closeCode).toBeUndefined();
    [c, same, other].forEach((x) => x.close());
  });

  it('[LIMIT-3] message rate: a burst past the bucket is RATE_LIMITED (once a second), a flood closes 4008; a brief burst recovers; others served', async () => {
    const other = await bystander();
    const brief = await authedClient(server);
    for (let i = 0; i < 50; i++) brief.send({ type: 'ping', id: `b-${i}` });
    await brief.waitFor((f) => f.payload?.code === 'RATE_LIMITED');
    await new Promise((r) => setTimeout(r, 1100));
    brief.send({ type: 'ping', id: 'after' });
    await brief.waitFor((f) => f.type === 'pong' && f.id === 'after');
    expect(brief.closeCode).toBeUndefined();
    expect(brief.frames.filter((f) => f.payload?.code === 'RATE_LIMITED')).toHaveLength(1);

    const flood = await authedClient(server);
    for (let i = 0; i < 500; i++) flood.send({ type: 'ping', id: `f-${i}` });
    expect(await flood.waitClosed()).toBe(4008);
    expect(flood.closeReason).toBe('message flood');
    // Only the bucket's burst (2 × rate, plus what refilled meanwhile) was ever answered.
    expect(flood.frames.filter((f) => f.type === 'pong').length).toBeLessThanOrEqual(
      LIMITS.rateLimit * 2 + 10,
    );
    await expectServed(other);
    [other, brief].forEach((c) => c.close());
  });

  /** A demo client whose socket stops reading, then asks for big pnl snapshots. */
  async function slowReader(): Promise<{ client: TestClient; tcp: Socket }> {
    const client = await authedClient(server);
    const tcp = (client.ws as unknown as { _socket: Socket })._socket;
    tcp.pause();
    const startTime = new Date(Date.now() - 24 * 3600_000).toISOString();
    for (let i = 0; i < 30; i++)
      client.subscribe('pnl', { accountId: 'A-10001', startTime, interval: '15s' });
    return { client, tcp };
  }

  it('[LIMIT-4] a client that stops reading is cut off with 4008 "client too slow" once its unsent bytes pass the limit; others served', async () => {
    const other = await bystander();
    // The largest single frame this test provokes: the server may send one past the limit.
    const probe = await authedClient(server);
    const startTime = new Date(Date.now() - 24 * 3600_000).toISOString();
    const ack = await probe.action(
      'subscribed',
      probe.subscribe('pnl', { accountId: 'A-10001', startTime, interval: '15s' }),
    );
    const frameBytes = probe.raw.at(-1)!.length;
    expect(ack.payload?.data.candles.length).toBeGreaterThan(1000);
    probe.close();

    const logged = logs.length;
    let maxBuffered = 0;
    const sampler = setInterval(() => {
      for (const c of server.gateway.connections)
        maxBuffered = Math.max(maxBuffered, c.socket.bufferedAmount);
    }, 2);
    const { client, tcp } = await slowReader();
    const deadline = Date.now() + 10_000;
    while (!logs.slice(logged).some((l) => l.includes('slow consumer')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    clearInterval(sampler);
    expect(logs.slice(logged).join('\n')).toContain('closing a slow consumer (user u-1001');
    // Reading again within the grace, it finds the close frame after what it had not read.
    tcp.resume();
    expect(await client.waitClosed(5000)).toBe(4008);
    expect(client.closeReason).toBe('client too slow');
    expect(maxBuffered).toBeLessThanOrEqual(LIMITS.maxBufferedBytes + frameBytes);
    console.log(
      `slow consumer: cut off at ≤ ${maxBuffered} unsent bytes (limit ${LIMITS.maxBufferedBytes} + one ${frameBytes}-byte frame)`,
    );
    await expectServed(other);
    other.close();
  });

  it('[LIMIT-5] a cut-off client that never reads again is destroyed after the grace, freeing its buffer', async () => {
    const logged = logs.length;
    const known = new Set(server.gateway.connections);
    const { client } = await slowReader();
    const mine = [...server.gateway.connections].find((c) => !known.has(c))!;
    const deadline = Date.now() + 10_000;
    while (!logs.slice(logged).some((l) => l.includes('slow consumer')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    const cutAt = Date.now();
    while (server.gateway.connections.has(mine) && Date.now() < cutAt + 5000)
      await new Promise((r) => setTimeout(r, 20));
    expect(server.gateway.connections.has(mine)).toBe(false);
    expect(mine.socket.bufferedAmount).toBe(0);
    // Not before the grace: a client that resumes in time gets the close code ([LIMIT-4]).
    expect(Date.now() - cutAt).toBeGreaterThanOrEqual(LIMITS.slowConsumerGraceMs - 100);
    client.ws.terminate();
  });
});
