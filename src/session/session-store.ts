/**
 * The session across a reload of the same tab (issue 7, within issue 5's rule: tokens in
 * sessionStorage at most — never localStorage, URLs or logs).
 *
 * Kept: the endpoints, the label, the user id, and either the dev login's newest refresh token
 * or the pasted production token. sessionStorage is per tab and dies with it, so a new tab or a
 * restarted browser signs in again; sign-out removes the entry. A malformed entry is removed and
 * ignored (the sign-in form shows), never half-used.
 */
import { checkSocketUrl, type Endpoints } from '../lib/auth/endpoints';
import {
  createStaticToken,
  resumeDevLogin,
  type ResumeTokens,
  type TokenSource,
} from '../lib/auth/token-source';

export const SESSION_STORAGE_KEY = 'aries.session';

type StoredSession = { v: 1; endpoints: Endpoints; label: string; tokens: ResumeTokens };

export type ResumableSession = { endpoints: Endpoints; tokens: TokenSource; label: string };

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** This tab's sessionStorage, or undefined where there is none (tests, locked-down browsers). */
export function tabStorage(): KeyValue | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined; // access can throw when storage is disabled
  }
}

/** [SESSION-STORE-1] Writes what resuming needs; nothing when the source cannot resume. */
export function saveSession(session: ResumableSession, storage = tabStorage()): void {
  const tokens = session.tokens.resume?.();
  if (!storage || !tokens) return;
  const stored: StoredSession = {
    v: 1,
    endpoints: session.endpoints,
    label: session.label,
    tokens,
  };
  try {
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Quota or disabled storage: the session just won't survive a reload.
  }
}

export function forgetSession(storage = tabStorage()): void {
  try {
    storage?.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // nothing to forget
  }
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function parse(raw: string): StoredSession | undefined {
  const s = JSON.parse(raw) as Partial<StoredSession> | null;
  const t = s?.tokens;
  if (s?.v !== 1 || !isString(s.label) || !s.endpoints || !t) return undefined;
  if (!isString(s.endpoints.wsUrl) || !isString(s.endpoints.apiBase)) return undefined;
  if (t.userId !== undefined && !isString(t.userId)) return undefined;
  if (t.kind === 'refresh' && isString(t.refreshToken)) return s as StoredSession;
  if (t.kind === 'static' && isString(t.token)) return s as StoredSession;
  return undefined;
}

/**
 * [SESSION-STORE-2] The session this tab had before a reload, with a token source that picks
 * up where it left off (a dev login refreshes on first use); undefined when there is none.
 */
export function restoreSession(storage = tabStorage()): ResumableSession | undefined {
  let stored: StoredSession | undefined;
  try {
    const raw = storage?.getItem(SESSION_STORAGE_KEY);
    stored = raw ? parse(raw) : undefined;
    if (raw && !stored) forgetSession(storage);
    if (stored) checkSocketUrl(stored.endpoints.wsUrl);
  } catch {
    forgetSession(storage);
    return undefined;
  }
  if (!stored) return undefined;
  const { endpoints, label, tokens } = stored;
  const source =
    tokens.kind === 'refresh'
      ? resumeDevLogin(endpoints.apiBase, tokens.refreshToken, tokens.userId)
      : createStaticToken(tokens.token);
  return { endpoints, label, tokens: source };
}

/**
 * Wraps a token source so the stored session follows refresh-token rotation: after each
 * getToken() the newest resume state is written (a handful of times an hour, never per event).
 */
export function persistingTokens(tokens: TokenSource, save: () => void): TokenSource {
  return {
    ...tokens,
    async getToken() {
      const token = await tokens.getToken();
      save();
      return token;
    },
  };
}
