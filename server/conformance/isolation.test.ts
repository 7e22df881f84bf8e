/** Authorisation of account topics, both ways: nobody subscribes to or unsubscribes from another user's account. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../index';
import { TestClient, authedClient, control, login, startTestServer } from './harness';

describe('account isolation', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("[ISO-2] unsubscribing from another user's account is ACCESS_DENIED, and its owner keeps the stream", async () => {
    const owner = await authedClient(server, 'other');
    await owner.action('subscribed', owner.subscribe('account', { accountId: 'A-20001' }));
    const demo = await authedClient(server);
    for (const topic of ['account', 'pnl']) {
      const id = demo.nextId('unsub');
      demo.send({ type: 'unsubscribe', id, payload: { topic, params: { accountId: 'A-20001' } } });
      const err = await demo.action('error', id);
      expect(err.payload?.code).toBe('ACCESS_DENIED');
      expect(err.payload?.id).toBe(id);
    }
    expect(demo.frames.filter((f) => f.payload?.action === 'unsubscribed')).toEqual([]);
    // One's own streams are still released, pnl by its accountId alone as the documentation shows.
    await demo.action(
      'subscribed',
      demo.subscribe('pnl', { accountId: 'A-10001', startTime: new Date().toISOString() }),
    );
    for (const topic of ['account', 'pnl']) {
      const id = demo.nextId('unsub');
      demo.send({ type: 'unsubscribe', id, payload: { topic, params: { accountId: 'A-10001' } } });
      expect((await demo.action('unsubscribed', id)).payload?.topic).toBe(topic);
    }

    const from = owner.frames.length;
    await control(server, 'POST', '/orders', {
      accountId: 'A-20001',
      symbol: 'MSFT',
      side: 'BUY',
      type: 'MARKET',
      qty: '1',
    });
    await owner.waitFor((f) => f.payload?.action === 'update', 3000, from);
    expect(
      demo.frames.some((f) => JSON.stringify(f.payload?.data ?? null).includes('A-20001')),
    ).toBe(false);
    owner.close();
    demo.close();
  });

  it("[CTRL-3] tokens/revoke: the user's earlier access and refresh tokens are refused, a new sign-in works, others unaffected", async () => {
    const old = await login(server);
    const bystander = await login(server, 'other');
    await control(server, 'POST', '/tokens/revoke', { userId: old.user_id });
    const c = await TestClient.open(server.wsUrl);
    const id = c.auth(old.access_token);
    expect((await c.action('error', id)).payload).toMatchObject({
      code: 'INVALID_TOKEN',
      error: 'token has been revoked',
    });
    const refresh = await fetch(`${server.httpUrl}/v1/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: old.refresh_token }),
    });
    expect(refresh.status).toBe(401);
    await c.action('authSuccess', c.auth((await login(server)).access_token));
    const other = await TestClient.open(server.wsUrl);
    await other.action('authSuccess', other.auth(bystander.access_token));
    [c, other].forEach((x) => x.close());
  });
});
