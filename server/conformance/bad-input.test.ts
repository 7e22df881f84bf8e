import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../index';
import { TestClient, authedClient, control, login, startTestServer } from './harness';

describe('bad input never crashes the server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ rateLimit: 20 });
  });
  afterAll(() => server.close());

  it('[BAD-1] non-JSON, non-object, unknown type and binary frames → INVALID_MESSAGE, connection stays', async () => {
    const c = await authedClient(server);
    for (const frame of ['{nope', '[1,2]', '42', JSON.stringify({ type: 'dance', id: 'd-1' })])
      c.send(frame);
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await c.waitFor(
      () => c.frames.filter((f) => f.payload?.code === 'INVALID_MESSAGE').length === 5,
    );
    const unknown = c.frames.find((f) => f.payload?.id === 'd-1');
    expect(unknown?.payload?.error).toContain('dance');
    c.send({ type: 'ping', id: 'still-here' });
    await c.waitFor((f) => f.type === 'pong' && f.id === 'still-here');
    c.close();
  });

  it('[BAD-2] a frame over 64 KiB → INVALID_MESSAGE then close 4008', async () => {
    const c = await authedClient(server);
    c.send({ type: 'ping', id: 'x'.repeat(70 * 1024) });
    expect((await c.action('error')).payload?.error).toBe('frame exceeds 65536 bytes');
    expect(await c.waitClosed()).toBe(4008);
  });

  it('[BAD-3] a flood → RATE_LIMITED, then close 4008 if it goes on', async () => {
    const c = await authedClient(server);
    for (let i = 0; i < 200; i++) c.send({ type: 'ping', id: `f-${i}` });
    expect((await c.waitFor((f) => f.payload?.code === 'RATE_LIMITED')).payload?.action).toBe(
      'error',
    );
    expect(await c.waitClosed()).toBe(4008);
  });

  it('[BAD-4] a garbage barrage from one client leaves others served', async () => {
    const bad = await TestClient.open(server.wsUrl);
    const good = await authedClient(server);
    const { access_token } = await login(server);
    bad.auth(access_token);
    for (let i = 0; i < 30; i++) {
      bad.send(
        String.fromCharCode(...Array.from({ length: 40 }, (_, j) => (i * 31 + j * 17) % 256)),
      );
    }
    await new Promise((r) => setTimeout(r, 200));
    good.send({ type: 'ping', id: 'ok' });
    await good.waitFor((f) => f.type === 'pong' && f.id === 'ok');
    bad.close();
    good.close();
  });

  it('[CTRL-1] control operations: drop, forced expiry, malformed frames reach clients', async () => {
    const c = await authedClient(server);
    await control(server, 'POST', '/malformed', { kind: 'not-json' });
    await c.waitFor((f) => f.type === '<unparseable>');
    await control(server, 'POST', '/sessions/expire', {});
    await c.action('authExpired');
    expect(await c.waitClosed()).toBe(4002);
    const d = await authedClient(server);
    const res = await control(server, 'POST', '/connections/drop', { abrupt: true });
    expect(res.body.dropped).toBeGreaterThanOrEqual(1);
    expect(await d.waitClosed()).toBe(1006);
  });
});

describe('REST endpoints', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('[REST-1] token: JSON and form password grants, refresh grant, bad credentials 401', async () => {
    const json = await login(server);
    expect(json.user_id).toBe('u-1001');
    const form = await fetch(`${server.httpUrl}/v1/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=other&password=other',
    });
    expect(((await form.json()) as { user_id: string }).user_id).toBe('u-2002');
    const refreshed = await fetch(`${server.httpUrl}/v1/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: json.refresh_token }),
    });
    expect(refreshed.status).toBe(200);
    const bad = await fetch(`${server.httpUrl}/v1/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo', password: 'nope' }),
    });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it("[REST-2] /v1/accounts lists only the caller's accounts; 401 without a token", async () => {
    const { access_token } = await login(server);
    const res = await fetch(`${server.httpUrl}/v1/accounts`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    const body = (await res.json()) as { accounts: Array<{ accountId: string }> };
    expect(body.accounts.map((a) => a.accountId)).toEqual(['A-10001', 'A-10002']);
    expect((await fetch(`${server.httpUrl}/v1/accounts`)).status).toBe(401);
  });

  it('[CTRL-2] the control API is 404 when disabled', async () => {
    const off = await startTestServer({ control: false });
    try {
      expect((await fetch(`${off.httpUrl}/__control/connections`)).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
