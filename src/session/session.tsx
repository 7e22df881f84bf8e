/**
 * The signed-in session: where to connect and how to get tokens.
 *
 * Decision (issue 7, within issue 5): the session survives a reload of the same tab, so the
 * dashboard starts instantly from its on-device cache without the sign-in form. What survives
 * sits in sessionStorage only (session-store.ts: the dev login's refresh token, or the pasted
 * production token; never localStorage, URLs or logs) and dies with the tab. Signing out
 * forgets it and deletes the account cache, so the next user of this browser sees nothing.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Endpoints } from '../lib/auth/endpoints';
import type { TokenSource } from '../lib/auth/token-source';
import type { ReplayHandle } from './replay-session';
import { forgetSession, persistingTokens, restoreSession, saveSession } from './session-store';

export type Session = {
  endpoints: Endpoints;
  tokens: TokenSource;
  label: string;
  /** Set for a replay of a recording: no network, the player is the transport. */
  replay?: ReplayHandle;
};

type SessionApi = {
  session: Session | undefined;
  signIn(session: Session): void;
  signOut(): void;
};

const SessionContext = createContext<SessionApi | undefined>(undefined);

/** The session, re-saved whenever its tokens rotate. */
function persisted(session: Session): Session {
  const out: Session = {
    ...session,
    tokens: persistingTokens(session.tokens, () => saveSession(out)),
  };
  return out;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(() => {
    const restored = restoreSession();
    return restored && persisted(restored);
  });
  const signIn = useCallback((s: Session) => {
    const p = persisted(s);
    saveSession(p);
    setSession(p);
  }, []);
  const signOut = useCallback(() => {
    forgetSession();
    // Imported here, not at the top, so the sign-in page does not load the cache and its schemas.
    void import('../stores/persist/account-cache').then((m) => m.clearAccountCache());
    setSession(undefined);
  }, []);
  const api = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}
