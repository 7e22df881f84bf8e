/**
 * The signed-in session: where to connect and how to get tokens. Held in memory only, so a
 * reload signs out — tokens never reach localStorage (field notes 3; issue 5).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SignedIn } from '../features/auth/sign-in-page';

export type Session = SignedIn;

type SessionApi = {
  session: Session | undefined;
  signIn(session: Session): void;
  signOut(): void;
};

const SessionContext = createContext<SessionApi | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>();
  const signOut = useCallback(() => setSession(undefined), []);
  const api = useMemo(() => ({ session, signIn: setSession, signOut }), [session, signOut]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}
