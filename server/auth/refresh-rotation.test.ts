import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../index';
import { login, startTestServer } from '../conformance/harness';

describe('refresh token rotation and revocation', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ trustProxy: true });
  });
  afterAll(() => server.close());

  const post = (path: string, body: object, headers: Record<string, string> = {}) =>
    fetch(`${server.httpUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const refresh = async (refresh_token: string) => {
    const res = await post('/v1/oauth2/token', { grant_type: 'refresh_token', refresh_token });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };
  const accounts = async (token: string) =>
    (
      await fetch(`${server.httpUrl}/v1/accounts`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).status;

  it('[ROT-1] a refresh token works once; reusing a rotated one is invalid_grant and revokes the family', async () => {
    const first = await login(server);
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(await accounts(second.body.access_token!)).toBe(200);

    const replay = await refresh(first.refresh_token);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toBe('invalid_grant');
    // The thief's replay killed the user's tokens too: the family is gone.
    expect((await refresh(second.body.refresh_token!)).status).toBe(401);
    expect(await accounts(second.body.access_token!)).toBe(401);
    expect(await accounts(first.access_token)).toBe(401);
    // Another sign-in of the same user is a different family and unaffected.
    const other = await login(server);
    expect((await refresh(other.refresh_token)).status).toBe(200);
  });

  it('[ROT-2] RFC 7009 revocation ends the family; unknown tokens still answer 200', async () => {
    const session = await login(server);
    const res = await post('/v1/oauth2/revoke', { token: session.refresh_token });
    expect(res.status).toBe(200);
    expect((await refresh(session.refresh_token)).status).toBe(401);
    expect(await accounts(session.access_token)).toBe(401);
    expect((await post('/v1/oauth2/revoke', { token: 'not-a-token' })).status).toBe(200);
    // Revoking by the access token ends the family as well.
    const again = await login(server);
    await post('/v1/oauth2/revoke', { token: again.access_token, token_type_hint: 'access_token' });
    expect((await refresh(again.refresh_token)).status).toBe(401);
  });

  it('[ROT-3] cookie delivery: HttpOnly, SameSite=Strict, scoped to the token path; never in the body', async () => {
    const signIn = await post('/v1/oauth2/token', {
      grant_type: 'password',
      username: 'demo',
      password: 'demo',
      refresh_token_delivery: 'cookie',
    });
    const body = (await signIn.json()) as Record<string, string>;
    expect(body.refresh_token).toBeUndefined();
    expect(body.refresh_token_delivery).toBe('cookie');
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^aries_rt=[\w.-]+; Path=\/v1\/oauth2; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
    const jar = cookie.split(';')[0]!;

    const rotated = await post(
      '/v1/oauth2/token',
      { grant_type: 'refresh_token' },
      { cookie: jar },
    );
    expect(rotated.status).toBe(200);
    expect(((await rotated.json()) as Record<string, string>).refresh_token).toBeUndefined();
    const next = (rotated.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(next).not.toBe(jar);

    // The old cookie again: refused, the cookie cleared, and the new one dead too.
    const reuse = await post('/v1/oauth2/token', { grant_type: 'refresh_token' }, { cookie: jar });
    expect(reuse.status).toBe(401);
    expect(reuse.headers.get('set-cookie')).toContain('Max-Age=0');
    expect(
      (await post('/v1/oauth2/token', { grant_type: 'refresh_token' }, { cookie: next })).status,
    ).toBe(401);

    // Over https (a proxy saying so, trusted): Secure.
    const secure = await post(
      '/v1/oauth2/token',
      { username: 'demo', password: 'demo', refresh_token_delivery: 'cookie' },
      { 'x-forwarded-proto': 'https' },
    );
    expect(secure.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('[ROT-4] revocation through the cookie clears it', async () => {
    const signIn = await post('/v1/oauth2/token', {
      username: 'demo',
      password: 'demo',
      refresh_token_delivery: 'cookie',
    });
    const jar = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const revoked = await post('/v1/oauth2/revoke', {}, { cookie: jar });
    expect(revoked.headers.get('set-cookie')).toContain('Max-Age=0');
    expect(
      (await post('/v1/oauth2/token', { grant_type: 'refresh_token' }, { cookie: jar })).status,
    ).toBe(401);
  });
});
