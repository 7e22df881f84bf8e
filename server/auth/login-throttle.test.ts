import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../index';
import { startTestServer } from '../conformance/harness';
import { createLoginThrottle, type ThrottleLimits } from './login-throttle';

const LIMITS: ThrottleLimits = {
  maxFailures: 5,
  maxClientFailures: 50,
  delayMs: 100,
  maxDelayMs: 1000,
  lockMs: 60_000,
  maxLockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
  maxEntries: 100,
};

describe('login throttle (unit)', () => {
  it('[THROTTLE-1] delay doubles per failure, then a lock that doubles too; a success clears the user', () => {
    let t = 0;
    const throttle = createLoginThrottle(LIMITS, () => t);
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const v = throttle.check('demo', 'c1');
      delays.push(v.ok ? v.delayMs : -1);
      throttle.failed('demo', 'c1');
    }
    expect(delays).toEqual([0, 100, 200, 400]);
    throttle.failed('demo', 'c1'); // the fifth failure locks
    expect(throttle.check('demo', 'c1')).toEqual({ ok: false, retryAfterMs: 60_000 });
    expect(throttle.check('DEMO', 'other-client')).toEqual({ ok: false, retryAfterMs: 60_000 });
    t += 60_000;
    expect(throttle.check('demo', 'c1').ok).toBe(true);
    throttle.failed('demo', 'c1'); // still failing after the lock: twice as long
    expect(throttle.check('demo', 'c1')).toEqual({ ok: false, retryAfterMs: 120_000 });
    t += 120_000;
    throttle.succeeded('demo');
    const after = throttle.check('demo', 'c2');
    expect(after).toEqual({ ok: true, delayMs: 0 });
  });

  it('[THROTTLE-2] the table stays bounded under a flood of made-up names', () => {
    const throttle = createLoginThrottle({ ...LIMITS, maxClientFailures: 1e9 }, () => 0);
    for (let i = 0; i < 10_000; i++) throttle.failed(`user-${i}`, 'c1');
    // Oldest records were dropped: user-0 is no longer delayed; the newest still is.
    expect(throttle.check('user-0', 'c9')).toEqual({ ok: true, delayMs: 0 });
    expect(throttle.check('user-9999', 'c9')).toEqual({ ok: true, delayMs: 100 });
  });
});

describe('token endpoint throttling', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({
      trustProxy: true,
      loginMaxFailures: 5,
      loginMaxClientFailures: 30,
      loginDelayMs: 1,
      loginMaxDelayMs: 4,
      loginLockMs: 60_000,
    });
  });
  afterAll(() => server.close());

  const attempt = async (username: string, password: string, client: string) => {
    const res = await fetch(`${server.httpUrl}/v1/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ grant_type: 'password', username, password }),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as { error?: string; error_description?: string },
    };
  };

  it('[THROTTLE-3] 200 wrong passwords end in 429 + Retry-After; the right one is refused too; other users are unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++)
      statuses.push((await attempt('demo', `guess-${i}`, '10.0.0.1')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    const locked = await attempt('demo', 'demo', '10.0.0.1');
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(60);
    // The username is locked from any address; another user, elsewhere, signs in as usual.
    expect((await attempt('demo', 'demo', '10.0.0.2')).status).toBe(429);
    expect((await attempt('other', 'other', '10.0.0.2')).status).toBe(200);
  });

  it('[THROTTLE-4] unknown user and wrong password get the same answer; a guessing client is locked for every name', async () => {
    const unknown = await attempt('nobody-here', 'x', '10.0.1.1');
    const wrong = await attempt('other', 'x', '10.0.1.1');
    expect(unknown.status).toBe(401);
    expect(wrong).toEqual(unknown);
    for (let i = 0; i < 40; i++) await attempt(`name-${i}`, 'x', '10.0.1.1');
    expect((await attempt('other', 'other', '10.0.1.1')).status).toBe(429);
    expect((await attempt('other', 'other', '10.0.1.2')).status).toBe(200);
  });

  it('[THROTTLE-5] without TRUST_PROXY, X-Forwarded-For cannot pick a fresh client address', async () => {
    const direct = await startTestServer({ loginMaxClientFailures: 3, loginDelayMs: 1 });
    try {
      for (let i = 0; i < 3; i++) {
        await fetch(`${direct.httpUrl}/v1/oauth2/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.0.${i}` },
          body: JSON.stringify({ username: `n${i}`, password: 'x' }),
        });
      }
      const res = await fetch(`${direct.httpUrl}/v1/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9' },
        body: JSON.stringify({ username: 'other', password: 'other' }),
      });
      expect(res.status).toBe(429);
    } finally {
      await direct.close();
    }
  });
});
