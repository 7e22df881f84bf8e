import { describe, expect, it } from 'vitest';
import { createStaticToken, type TokenSource } from '../lib/auth/token-source';
import {
  forgetSession,
  persistingTokens,
  restoreSession,
  saveSession,
  SESSION_STORAGE_KEY,
} from './session-store';

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

const endpoints = { wsUrl: 'ws://127.0.0.1:8787/v1/accounts/ws', apiBase: 'http://127.0.0.1:8787' };
// A JWT-shaped token whose payload is {"sub":"u-1001"} (unsigned: only the subject is read).
const JWT = `x.${btoa(JSON.stringify({ sub: 'u-1001' })).replace(/=+$/, '')}.y`;

describe('session across a reload (sessionStorage)', () => {
  it('[SESSION-STORE-1] a pasted token round-trips; its user id comes from the JWT subject', async () => {
    const storage = memoryStorage();
    saveSession({ endpoints, label: 'production', tokens: createStaticToken(JWT) }, storage);
    const back = restoreSession(storage);
    expect(back?.label).toBe('production');
    expect(back?.endpoints).toEqual(endpoints);
    expect(back?.tokens.userId).toBe('u-1001');
    expect(await back?.tokens.getToken()).toBe(JWT);
    forgetSession(storage);
    expect(storage.m.size).toBe(0);
    expect(restoreSession(storage)).toBeUndefined();
  });

  it('[SESSION-STORE-2] a dev login keeps only its newest refresh token, re-saved when it rotates', async () => {
    const storage = memoryStorage();
    let refresh = 'r-1';
    const tokens: TokenSource = {
      userId: 'u-1001',
      getToken: async () => {
        refresh = 'r-2'; // the server rotated it during this call
        return 'access';
      },
      resume: () => ({ kind: 'refresh', refreshToken: refresh, userId: 'u-1001' }),
    };
    const session = { endpoints, label: 'demo', tokens: persistingTokens(tokens, () => save()) };
    const save = () => saveSession(session, storage);
    save();
    expect(JSON.parse(storage.m.get(SESSION_STORAGE_KEY)!).tokens.refreshToken).toBe('r-1');
    await session.tokens.getToken();
    const stored = JSON.parse(storage.m.get(SESSION_STORAGE_KEY)!);
    expect(stored.tokens).toEqual({ kind: 'refresh', refreshToken: 'r-2', userId: 'u-1001' });
    // The access token itself is never stored.
    expect(storage.m.get(SESSION_STORAGE_KEY)).not.toContain('access');
    expect(restoreSession(storage)?.tokens.userId).toBe('u-1001');
  });

  it('[SESSION-STORE-3] a malformed or unsafe entry is removed and the sign-in form shows', () => {
    for (const raw of [
      '{not json',
      JSON.stringify({ v: 2, endpoints, label: 'x', tokens: { kind: 'static', token: 't' } }),
      JSON.stringify({ v: 1, endpoints, label: 'x', tokens: { kind: 'refresh' } }),
      JSON.stringify({
        v: 1,
        endpoints: { ...endpoints, wsUrl: 'ws://evil.example/ws' },
        label: 'x',
        tokens: { kind: 'static', token: 't' },
      }),
    ]) {
      const storage = memoryStorage();
      storage.setItem(SESSION_STORAGE_KEY, raw);
      expect(restoreSession(storage)).toBeUndefined();
      expect(storage.m.size).toBe(0);
    }
  });

  it('[SESSION-STORE-4] a token source that cannot resume stores nothing', () => {
    const storage = memoryStorage();
    saveSession({ endpoints, label: 'x', tokens: { getToken: async () => 't' } }, storage);
    expect(storage.m.size).toBe(0);
  });
});
