import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import type { RunningServer } from '../index';
import { TestClient, authedClient, login, startTestServer } from './harness';

const RFC3339_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('auth and session lifecycle', () => {
  let server: RunningServer;
  const clients: TestClient[] = [];
  const open = async () => {
    const c = await TestClient.open(server.wsUrl);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startTestServer({ authTimeoutMs: 300, maxInvalidTokens: 3 });
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => server.close());

  it('[AUTH-1] no auth within the timeout → AUTH_REQUIRED then close 4001', async () => {
    const c = await open();
    const err = await c.action('error');
    expect(err.payload?.code).toBe('AUTH_REQUIRED');
    expect(await c.waitClosed()).toBe(4001);
  });

  it('[AUTH-2] anything but auth first → AUTH_REQUIRED then close 4001', async () => {
    const c = await open();
    c.send({ type: 'ping', id: 'p-1' });
    expect((await c.action('error')).payload?.code).toBe('AUTH_REQUIRED');
    expect(await c.waitClosed()).toBe(4001);
  });

  it('[AUTH-3] authSuccess echoes id at top level and in payload, with RFC3339 envelope and ms payload times', async () => {
    const { access_token } = await login(server);
    const c = await open();
    c.send({
      type: 'request',
      id: 'auth-001',
      payload: { method: 'POST', path: '/auth', body: { token: access_token, action: 'auth' } },
    });
    const ok = await c.action('authSuccess');
    expect(ok.id).toBe('auth-001');
    expect(ok.payload?.id).toBe('auth-001');
    expect(ok.timestamp).toMatch(RFC3339_MILLIS);
    expect(typeof ok.payload?.timestamp).toBe('number');
    expect(ok.payload?.data).toMatchObject({ userId: 'u-1001', expiresIn: 3_900_000 });
    expect(ok.payload?.data.expiresAt - ok.payload?.timestamp).toBe(3_900_000);
  });

  it('[AUTH-4] a missing token → INVALID_TOKEN "token is required", connection stays open', async () => {
    const c = await open();
    c.auth(undefined, 'a1');
    const err = await c.action('error', 'a1');
    expect(err.payload).toMatchObject({ code: 'INVALID_TOKEN', error: 'token is required' });
    const { access_token } = await login(server);
    c.auth(access_token, 'a2');
    await c.action('authSuccess', 'a2');
    expect(c.closeCode).toBeUndefined();
  });

  it('[AUTH-5] forged, expired, wrong-audience and refresh tokens are INVALID_TOKEN', async () => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-1001')
      .setIssuer('aries-embedded')
      .setAudience('accounts-ws')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-secret'));
    const { refresh_token } = await login(server);
    const reasons: string[] = [];
    for (const token of [forged, 'not-a-jwt', refresh_token]) {
      const c = await open();
      const id = c.auth(token);
      const err = await c.action('error', id);
      expect(err.payload?.code).toBe('INVALID_TOKEN');
      reasons.push(String(err.payload?.error));
    }
    expect(reasons).toEqual([
      'token signature is invalid',
      'token is malformed',
      'token claim "aud" is not valid here',
    ]);
  });

  it('[AUTH-6] too many invalid tokens → close 4003', async () => {
    const c = await open();
    for (let i = 0; i < 3; i++) c.auth('bad');
    expect(await c.waitClosed()).toBe(4003);
  });

  it('[AUTH-7] a token of another user on an authenticated connection is refused', async () => {
    const c = await authedClient(server, 'demo');
    clients.push(c);
    const { access_token } = await login(server, 'other');
    const id = c.auth(access_token);
    expect((await c.action('error', id)).payload?.code).toBe('INVALID_TOKEN');
  });

  it('[PING-1] ping → pong echoing the id', async () => {
    const c = await authedClient(server);
    clients.push(c);
    c.send({ type: 'ping', id: 'ping-7' });
    const pong = await c.waitFor((f) => f.type === 'pong');
    expect(pong.id).toBe('ping-7');
    expect(pong.timestamp).toMatch(RFC3339_MILLIS);
  });
});

describe('session expiry with short TTLs', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ sessionTtlMs: 1200, refreshWarningMs: 800 });
  });
  afterAll(() => server.close());

  it('[SESSION-1] refreshAuth arrives ttl − warning after auth; authExpired + close 4002 at expiry', async () => {
    const c = await authedClient(server);
    const started = Date.now();
    const warn = await c.action('refreshAuth');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(warn.payload?.data.expiresIn).toBeGreaterThan(0);
    const expired = await c.action('authExpired');
    expect(expired.payload?.data.expiresAt).toBe(warn.payload?.data.expiresAt);
    expect(await c.waitClosed()).toBe(4002);
  });

  it('[SESSION-2] re-auth on the warning extends the session on the same connection', async () => {
    const c = await authedClient(server);
    for (let i = 0; i < 3; i++) {
      const from = c.frames.length;
      await c.waitFor((f) => f.payload?.action === 'refreshAuth', 3000, from);
      const { access_token } = await login(server);
      const id = c.auth(access_token);
      await c.action('authSuccess', id);
    }
    expect(c.frames.some((f) => f.payload?.action === 'authExpired')).toBe(false);
    expect(c.closeCode).toBeUndefined();
    c.close();
  });
});
