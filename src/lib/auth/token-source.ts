/**
 * Token sources for AccountSocket.getToken(), called on every connection attempt and on
 * every refresh warning. Tokens live in memory only: never localStorage, URLs or logs.
 */
import { PROTOCOL_DEFAULTS, type AccountInfo } from '../../protocol';

export type TokenSource = {
  getToken(): Promise<string>;
  userId?: string;
};

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
  let current = await postToken(apiBase, { grant_type: 'password', username, password });
  let fetchedAt = now();
  let refreshing: Promise<TokenResponse> | undefined;
  return {
    ...(current.user_id ? { userId: current.user_id } : {}),
    async getToken() {
      if (now() < fetchedAt + current.expires_in * 1000 - EARLY_MS && !refreshing) {
        return current.access_token;
      }
      // One refresh at a time even if several callers ask together.
      refreshing ??= postToken(apiBase, {
        grant_type: 'refresh_token',
        refresh_token: current.refresh_token ?? '',
      }).finally(() => (refreshing = undefined));
      current = await refreshing;
      fetchedAt = now();
      return current.access_token;
    },
  };
}

/** A pasted production token: returned as is; when it expires the user pastes a new one. */
export function createStaticToken(token: string): TokenSource {
  const trimmed = token.trim();
  if (!trimmed) throw new Error('paste an access token');
  return { getToken: async () => trimmed };
}

export async function fetchAccounts(apiBase: string, token: string): Promise<AccountInfo[]> {
  const res = await fetch(`${apiBase}${PROTOCOL_DEFAULTS.accountsPath}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`could not list accounts (${res.status})`);
  return ((await res.json()) as { accounts: AccountInfo[] }).accounts;
}
