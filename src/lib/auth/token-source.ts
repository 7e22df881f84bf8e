/**
 * Token sources for AccountSocket.getToken(), called on every connection attempt and on
 * every refresh warning. Access tokens live in memory only. The dev login's refresh token
 * lives, where the server offers it (the embedded server), in an HttpOnly cookie no script
 * can read; otherwise, as a broker without that endpoint requires, in memory and this tab's
 * sessionStorage so a reload resumes (src/session/session-store.ts, via `resume()`): never
 * localStorage, URLs or logs.
 */
import { PROTOCOL_DEFAULTS, readAccountsList, type AccountsListing } from '../../protocol';

export type TokenSource = {
  getToken(): Promise<string>;
  userId?: string;
  /** What this tab needs to resume after a reload; undefined when a reload cannot resume. */
  resume?(): ResumeTokens | undefined;
  /** Ends the session at the server (RFC 7009 revocation), where there is one to tell. */
  revoke?(): Promise<void>;
};

export type ResumeTokens =
  | { kind: 'refresh'; refreshToken: string; userId?: string }
  | { kind: 'cookie'; userId?: string }
  | { kind: 'static'; token: string; userId?: string };

type TokenResponse = {
  access_token: string;
  refresh_token?: string;
  refresh_token_delivery?: string;
  expires_in: number;
  user_id?: string;
};

export type DevLoginOptions = {
  now?: () => number;
  fetch?: typeof fetch;
  /** Cross-tab mutual exclusion (Web Locks); default the browser's. */
  locks?: Pick<LockManager, 'request'>;
  /** Ask for the refresh token as an HttpOnly cookie (default) or in the body. */
  cookie?: boolean;
};

/** Refresh a little before expiry so a token never dies in flight. */
const EARLY_MS = 30_000;

/** The refused-refresh error: the UI says why on the sign-in page. */
export class RefreshRefusedError extends Error {}

async function postForm(
  http: typeof fetch,
  url: string,
  body: Record<string, string>,
): Promise<Response> {
  return http(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    // The refresh cookie rides along (it is scoped to the token path).
    credentials: 'include',
  });
}

async function postToken(
  http: typeof fetch,
  apiBase: string,
  body: Record<string, string>,
): Promise<TokenResponse> {
  const res = await postForm(http, `${apiBase}${PROTOCOL_DEFAULTS.tokenPath}`, body);
  if (!res.ok) {
    const detail = (await res.json().catch(() => ({}))) as { error_description?: string };
    const message = detail.error_description ?? `sign-in failed (${res.status})`;
    throw body.grant_type === 'refresh_token' && res.status < 500
      ? new RefreshRefusedError(message)
      : new Error(message);
  }
  return (await res.json()) as TokenResponse;
}

const browserLocks = (): Pick<LockManager, 'request'> | undefined =>
  typeof navigator === 'undefined' ? undefined : navigator.locks;

/**
 * Signs in with a password once, then keeps only the refresh token (or lets the server keep
 * it in a cookie). The password is not kept: when the refresh token is refused, getToken()
 * rejects and the UI asks to sign in.
 */
export async function createDevLogin(
  apiBase: string,
  username: string,
  password: string,
  opts: DevLoginOptions = {},
): Promise<TokenSource> {
  const http = opts.fetch ?? fetch;
  const now = opts.now ?? Date.now;
  const first = await postToken(http, apiBase, {
    grant_type: 'password',
    username,
    password,
    ...(opts.cookie === false ? {} : { refresh_token_delivery: 'cookie' }),
  });
  return refreshingSource(apiBase, first, now(), { ...opts, fetch: http, now });
}

/**
 * A dev session resumed after a reload, from its refresh token or the server's cookie
 * (`refreshToken` undefined): the first getToken() refreshes. A refused refresh rejects with
 * a RefreshRefusedError, and the UI asks to sign in, saying why.
 */
export function resumeDevLogin(
  apiBase: string,
  refreshToken: string | undefined,
  userId: string | undefined,
  opts: DevLoginOptions = {},
): TokenSource {
  const expired: TokenResponse = {
    access_token: '',
    expires_in: 0,
    ...(refreshToken ? { refresh_token: refreshToken } : { refresh_token_delivery: 'cookie' }),
    ...(userId ? { user_id: userId } : {}),
  };
  return refreshingSource(apiBase, expired, -Infinity, opts);
}

function refreshingSource(
  apiBase: string,
  initial: TokenResponse,
  initialAt: number,
  opts: DevLoginOptions,
): TokenSource {
  const http = opts.fetch ?? fetch;
  const now = opts.now ?? Date.now;
  const locks = opts.locks ?? browserLocks();
  const cookie = initial.refresh_token_delivery === 'cookie';
  let current = initial;
  let fetchedAt = initialAt;
  let refreshing: Promise<TokenResponse> | undefined;
  const userId = initial.user_id;

  function refresh(): Promise<TokenResponse> {
    if (!cookie && !current.refresh_token) {
      return Promise.reject(
        new RefreshRefusedError('the server gave no refresh token, so the session cannot renew'),
      );
    }
    const body = {
      grant_type: 'refresh_token',
      ...(cookie ? {} : { refresh_token: current.refresh_token ?? '' }),
    };
    // Refresh tokens are single-use: the user's tabs refresh one at a time, so none presents
    // a token (or cookie) another tab has just rotated.
    const run = () => postToken(http, apiBase, body);
    return locks ? locks.request(`aries:token-refresh:${apiBase}`, run) : run();
  }

  return {
    ...(userId ? { userId } : {}),
    async getToken() {
      if (now() < fetchedAt + current.expires_in * 1000 - EARLY_MS && !refreshing) {
        return current.access_token;
      }
      // One refresh at a time even if several callers ask together.
      refreshing ??= refresh().finally(() => (refreshing = undefined));
      // The server rotates refresh tokens; keep the newest (resume() hands it out).
      const next = await refreshing;
      current = {
        ...next,
        ...(cookie ? { refresh_token_delivery: 'cookie' } : {}),
        ...(next.refresh_token || cookie ? {} : { refresh_token: current.refresh_token }),
      };
      fetchedAt = now();
      return current.access_token;
    },
    resume() {
      if (cookie) return { kind: 'cookie', ...(userId ? { userId } : {}) };
      if (!current.refresh_token) return undefined;
      return {
        kind: 'refresh',
        refreshToken: current.refresh_token,
        ...(userId ? { userId } : {}),
      };
    },
    async revoke() {
      const token = cookie ? undefined : current.refresh_token;
      if (!cookie && !token) return;
      await postForm(http, `${apiBase}${PROTOCOL_DEFAULTS.revokePath}`, {
        ...(token ? { token, token_type_hint: 'refresh_token' } : {}),
      }).catch(() => undefined); // signing out goes on even if the server is unreachable
    },
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

/** The caller's accounts, from any tolerated spelling of the list (readAccountsList). */
export async function fetchAccounts(apiBase: string, token: string): Promise<AccountsListing> {
  const res = await fetch(`${apiBase}${PROTOCOL_DEFAULTS.accountsPath}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`could not list accounts (${res.status})`);
  return readAccountsList(await res.json());
}
