/**
 * The signed-in session: where to connect and how to get tokens.
 *
 * The session survives a reload of the same tab, so the dashboard starts instantly from its
 * on-device cache without the sign-in form. What survives is in session-store.ts (with the
 * embedded server the refresh token stays in its HttpOnly cookie; otherwise in sessionStorage,
 * never localStorage, URLs or logs) and dies with the tab. Signing out revokes the refresh
 * token at the server, forgets the session and deletes the account cache, so the next user of
 * this browser sees nothing. A reload that cannot resume says why on the sign-in page.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Endpoints } from '../lib/auth/endpoints';
import type { TokenSource } from '../lib/auth/token-source';
import type { ReplayHandle } from './replay-session';
import { forgetSession, persistingTokens, restoreSession, saveSession } from './session-store';

export type Session = {
  endpoints: Endpoints;
  tokens: TokenSource;
  label: string;
  /** The account to open when the accounts list names none the stream can use. */
  accountId?: string;
  /** Set for a replay of a recording: no network, the player is the transport. */
  replay?: ReplayHandle;
};

type SessionApi = {
  session: Session | undefined;
  /** Why the last session ended other than by Sign out (shown on the sign-in page). */
  notice: string | undefined;
  signIn(session: Session): void;
  signOut(notice?: string): void;
};

const SessionContext = createContext<SessionApi | undefined>(undefined);

/** The session, re-saved whenever its tokens rotate. */
function persisted(session: Session, onResumeRefused?: (why: string) => void): Session {
  const out: Session = {
    ...session,
    tokens: persistingTokens(session.tokens, () => saveSession(out), onResumeRefused),
  };
  return out;
}

/** What this page load found in storage, read once (a development re-render must not re-read). */
let boot: { session?: Session; problem?: string } | undefined;

/**
 * Tabs of one browser share the session (the refresh cookie, revoked on Sign out), so signing
 * out in one tab signs that user out in every tab; another user's tab is left alone.
 */
const SIGN_OUT_CHANNEL = 'aries:sign-out';
const whoOf = (s: Session) => `${s.endpoints.apiBase}|${s.label}`;
function restoreOnce() {
  if (!boot) {
    let problem: string | undefined;
    const session = restoreSession(undefined, (why) => (problem = why));
    boot = { ...(session ? { session } : {}), ...(problem ? { problem } : {}) };
  }
  return boot;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<string | undefined>(() => restoreOnce().problem);
  const current = useRef<Session>(undefined);
  const signOut = useCallback((why?: string) => {
    const ending = current.current;
    if (ending && !ending.replay && why === undefined && typeof BroadcastChannel === 'function') {
      const channel = new BroadcastChannel(SIGN_OUT_CHANNEL);
      channel.postMessage(whoOf(ending));
      channel.close();
    }
    // Revoke before forgetting; the tab does not wait for the server to answer.
    void ending?.tokens.revoke?.();
    current.current = undefined;
    forgetSession();
    // Imported here, not at the top, so the sign-in page does not load the cache and its schemas.
    void import('../stores/persist/account-cache').then((m) => m.clearAccountCache());
    setNotice(why);
    setSession(undefined);
  }, []);
  const [session, setSession] = useState<Session | undefined>(() => {
    const restored = restoreOnce().session;
    const s = restored && persisted(restored, (why) => signOut(why));
    current.current = s;
    return s;
  });
  useEffect(() => {
    if (typeof BroadcastChannel !== 'function') return;
    const channel = new BroadcastChannel(SIGN_OUT_CHANNEL);
    channel.onmessage = (e: MessageEvent) => {
      const mine = current.current;
      if (mine && !mine.replay && e.data === whoOf(mine)) signOut('Signed out in another tab.');
    };
    return () => channel.close();
  }, [signOut]);
  const signIn = useCallback((s: Session) => {
    const p = persisted(s);
    saveSession(p);
    current.current = p;
    setNotice(undefined);
    setSession(p);
  }, []);
  const api = useMemo(
    () => ({ session, notice, signIn, signOut }),
    [session, notice, signIn, signOut],
  );
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}
