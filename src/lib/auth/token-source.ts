/**
 * Token sources for AccountSocket.getToken(), called on every connection attempt and on
 * every refresh warning. Tokens live in memory, and at most in this tab's sessionStorage so a
 * reload resumes the session (src/session/session-store.ts, via `resume()`): never localStorage,
 * URLs or logs.
 */
import { PROTOCOL_DEFAULTS, type AccountInfo } from '../../protocol';

export type TokenSource = {
  getToken(): Promise<string>;
  userId?: string;
  /** What this tab needs to resume after a reload: the refresh token, or the pasted token. */
  resume?(): ResumeTokens;
};

export type ResumeTokens =
  | { kind: 'refresh'; refreshToken: string; userId?: string }
  | { kind: 'static'; token: string; userId?: string };

type TokenResponse = {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  user_id?: string;
};

/** Refresh a little before expiry so a token never dies in flight. */
const EARLY_MS = 30_000;

async function postToken(apiBase: string, body: Record<string, string>): Promise<TokenResponse> {
  const res = await fetch(`${apiBase}${PROTOCOL_DEFAULTS.tokenPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    const detail = (await res.json().catch(() => ({}))) as { error_description?: string };
    throw new Error(detail.error_description ?? `sign-in failed (${res.status})`);
  }
  return (await res.json()) as TokenResponse;
}

/**
 * Signs in with a password once, then keeps only the refresh token. The password is not
 * kept: when the refresh token is refused, getToken() rejects and the UI asks to sign in.
 */
export async function createDevLogin(
  apiBase: string,
  username: string,
  password: string,
  now: () => number = Date.now,
): Promise<TokenSource> {
  const first = await postToken(apiBase, { grant_type: 'password', username, password });
  return refreshingSource(apiBase, first, now(), now);
}

/**
 * A dev session resumed after a reload from its refresh token alone: the first getToken()
 * refreshes. A refused refresh token rejects, and the UI asks to sign in.
 */
export function resumeDevLogin(
  apiBase: string,
  refreshToken: string,
  userId: string | undefined,
  now: () => number = Date.now,
): TokenSource {
  const expired: TokenResponse = {
    access_token: '',
    refresh_token: refreshToken,
    expires_in: 0,
    ...(userId ? { user_id: userId } : {}),
  };
  return refreshingSource(apiBase, expired, -Infinity, now);
}

function refreshingSource(
  apiBase: string,
  initial: TokenResponse,
  initialAt: number,
  now: () => number = Date.now,
): TokenSource {
  let current = initial;
  let fetchedAt = initialAt;
  let refreshing: Promise<TokenResponse> | undefined;
  const userId = initial.user_id;
  return {
    ...(userId ? { userId } : {}),
    async getToken() {
      if (now() < fetchedAt + current.expires_in * 1000 - EARLY_MS && !refreshing) {
        return current.access_token;
      }
      // One refresh at a time even if several callers ask together.
      refreshing ??= postToken(apiBase, {
        grant_type: 'refresh_token',
        refresh_token: current.refresh_token ?? '',
      }).finally(() => (refreshing = undefined));
      // The server rotates refresh tokens; keep the newest (resume() hands it out).
      const next = await refreshing;
      current = { ...next, refresh_token: next.refresh_token ?? current.refresh_token };
      fetchedAt = now();
      return current.access_token;
    },
    resume: () => ({
      kind: 'refresh',
      refreshToken: current.refresh_token ?? '',
      ...(userId ? { userId } : {}),
    }),
  };
}

/** A pasted production token: returned as is; when it expires the user pastes a new one. */
export function createStaticToken(token: string): TokenSource {
  const trimmed = token.trim();
  if (!trimmed) throw new Error('paste an access token');
  const userId = jwtSubject(trimmed);
  return {
    getToken: async () => trimmed,
    ...(userId ? { userId } : {}),
    resume: () => ({ kind: 'static', token: trimmed, ...(userId ? { userId } : {}) }),
  };
}

/**
 * The `sub` claim of a JWT, read without verifying it: only to key this user's on-device
 * cache (the server verifies the token; a forged one gets no data, only its own empty cache).
 * Undefined for an opaque token, which then gets no cache.
 */
export function jwtSubject(token: string): string | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof sub === 'string' && sub.length > 0 && sub.length <= 200 ? sub : undefined;
  } catch {
    return undefined;
  }
}

export async function fetchAccounts(apiBase: string, token: string): Promise<AccountInfo[]> {
  const res = await fetch(`${apiBase}${PROTOCOL_DEFAULTS.accountsPath}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`could not list accounts (${res.status})`);
  return ((await res.json()) as { accounts: AccountInfo[] }).accounts;
}
