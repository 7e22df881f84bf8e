import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/index';
import {
  createDevLogin,
  createStaticToken,
  fetchAccounts,
  jwtSubject,
  RefreshRefusedError,
  resumeDevLogin,
} from './token-source';
import { cookieJarFetch, fakeLocks } from '../../testing/browser-jar';

describe('token sources against the embedded server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, simRate: 0, tokenTtlMs: 60_000 }, { log: () => {} });
  });
  afterAll(() => server.close());

  it('[TOKEN-1] dev login returns a cached token, then refreshes near expiry without the password', async () => {
    let t = Date.now();
    const source = await createDevLogin(server.httpUrl, 'demo', 'demo', {
      now: () => t,
      cookie: false,
    });
    const first = await source.getToken();
    expect(await source.getToken()).toBe(first);
    t += 45_000;
    const second = await source.getToken();
    expect(second).not.toBe(first);
    expect((await fetchAccounts(server.httpUrl, second)).accounts.map((a) => a.accountId)).toEqual([
      'A-10001',
      'A-10002',
    ]);
  });

  it("[TOKEN-2] bad credentials reject with the server's reason", async () => {
    await expect(createDevLogin(server.httpUrl, 'demo', 'wrong')).rejects.toThrow(/wrong password/);
  });

  it('[TOKEN-3] a pasted token is returned as is; an empty one is refused', async () => {
    expect(await createStaticToken(' abc ').getToken()).toBe('abc');
    expect(() => createStaticToken('  ')).toThrow(/paste/);
  });

  it('[TOKEN-4] a dev session resumes from its refresh token alone after a reload, following rotation', async () => {
    const before = await createDevLogin(server.httpUrl, 'demo', 'demo', { cookie: false });
    const saved = before.resume?.();
    expect(saved?.kind).toBe('refresh');
    if (saved?.kind !== 'refresh') return;
    expect(saved.userId).toBe('u-1001');
    const resumed = resumeDevLogin(server.httpUrl, saved.refreshToken, saved.userId);
    const token = await resumed.getToken();
    expect((await fetchAccounts(server.httpUrl, token)).accounts.map((a) => a.accountId)).toContain(
      'A-10001',
    );
    expect(jwtSubject(token)).toBe('u-1001');
    const after = resumed.resume?.();
    expect(after?.kind === 'refresh' && after.refreshToken).not.toBe(saved.refreshToken);
    await expect(resumeDevLogin(server.httpUrl, 'forged', undefined).getToken()).rejects.toThrow();
  });

  it('[TOKEN-5] the JWT subject is read only from a well-formed payload', () => {
    expect(jwtSubject('opaque-token')).toBeUndefined();
    expect(jwtSubject('a.%%%.c')).toBeUndefined();
    expect(jwtSubject(`a.${btoa('{"sub":42}')}.c`)).toBeUndefined();
    expect(createStaticToken('opaque').userId).toBeUndefined();
  });
});

describe('refresh tokens kept from the page (HttpOnly cookie) and rotated', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, simRate: 0, tokenTtlMs: 60_000 }, { log: () => {} });
  });
  afterAll(() => server.close());

  it('[TOKEN-6] with the embedded server the refresh token is never in page memory or resume state', async () => {
    const http = cookieJarFetch();
    let t = Date.now();
    const source = await createDevLogin(server.httpUrl, 'demo', 'demo', {
      fetch: http,
      now: () => t,
    });
    expect(source.resume?.()).toEqual({ kind: 'cookie', userId: 'u-1001' });
    t += 45_000;
    const renewed = await source.getToken(); // refreshed through the cookie
    expect(jwtSubject(renewed)).toBe('u-1001');
    // A reload: nothing but the user id was kept, and the cookie resumes it.
    const resumed = resumeDevLogin(server.httpUrl, undefined, 'u-1001', { fetch: http });
    expect(jwtSubject(await resumed.getToken())).toBe('u-1001');
  });

  it('[TOKEN-7] two tabs refreshing at once take turns, so neither presents a rotated token and both stay signed in', async () => {
    const http = cookieJarFetch();
    await createDevLogin(server.httpUrl, 'demo', 'demo', { fetch: http });
    const locks = fakeLocks();
    // Both tabs reloaded together: each resumes from the one shared cookie.
    const tabs = [0, 1].map(() =>
      resumeDevLogin(server.httpUrl, undefined, 'u-1001', { fetch: http, locks }),
    );
    const tokens = await Promise.all(tabs.map((t) => t.getToken()));
    expect(tokens.map(jwtSubject)).toEqual(['u-1001', 'u-1001']);
    const later = resumeDevLogin(server.httpUrl, undefined, 'u-1001', { fetch: http, locks });
    expect(jwtSubject(await later.getToken())).toBe('u-1001');

    // Without the turn-taking the second tab replays the cookie the first just rotated, and
    // the server, seeing a reuse, ends the session for both.
    const racyJar = cookieJarFetch();
    await createDevLogin(server.httpUrl, 'demo', 'demo', { fetch: racyJar });
    const racy = [0, 1].map(() =>
      resumeDevLogin(server.httpUrl, undefined, 'u-1001', { fetch: racyJar }),
    );
    const settled = await Promise.allSettled(racy.map((t) => t.getToken()));
    expect(settled.some((r) => r.status === 'rejected')).toBe(true);
  });

  it('[TOKEN-8] sign out revokes: the refresh cookie (or token) no longer works', async () => {
    const http = cookieJarFetch();
    const source = await createDevLogin(server.httpUrl, 'demo', 'demo', { fetch: http });
    await source.revoke?.();
    await expect(
      resumeDevLogin(server.httpUrl, undefined, 'u-1001', { fetch: http }).getToken(),
    ).rejects.toThrow(RefreshRefusedError);
    const body = await createDevLogin(server.httpUrl, 'demo', 'demo', { cookie: false });
    const saved = body.resume?.();
    await body.revoke?.();
    if (saved?.kind !== 'refresh') throw new Error('expected a refresh token');
    await expect(
      resumeDevLogin(server.httpUrl, saved.refreshToken, 'u-1001').getToken(),
    ).rejects.toThrow(/revoked/);
  });

  it('[TOKEN-9] a server that gives no refresh token: no resume state, and renewal says why', async () => {
    let t = 0;
    const http: typeof fetch = async () =>
      new Response(JSON.stringify({ access_token: 'a.b.c', expires_in: 60, user_id: 'u-1' }));
    const source = await createDevLogin('http://api.test', 'demo', 'demo', {
      fetch: http,
      now: () => t,
    });
    expect(source.resume?.()).toBeUndefined();
    expect(await source.getToken()).toBe('a.b.c');
    t += 45_000;
    await expect(source.getToken()).rejects.toThrow(/no refresh token/);
  });
});
