/**
 * Owns the account stream of the signed-in session and wires it to the store dispatcher: one
 * AccountSocket per browser, shared by the user's tabs (src/socket/shared-tab), or this tab's
 * own where sharing is unavailable. Signing out stops it (this tab leaves the group) and empties
 * every store, so the next user sees nothing of this one.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { createDispatcher } from '../socket/dispatcher';
import {
  createAccountStream,
  type AccountStream,
} from '../socket/shared-tab/create-account-stream';
import { perfProbe } from '../socket/perf-probe';
import { readAccountState } from '../stores/account-state';
import { resetAllStores } from '../stores/reset';
import { startSessionCache } from '../stores/persist/session-cache';
import type { Session } from './session';
import { wireDiagnostics } from './wire-diagnostics';

const SocketContext = createContext<AccountStream | undefined>(undefined);

export function SocketProvider({ session, children }: { session: Session; children: ReactNode }) {
  const [socket, setSocket] = useState<AccountStream>();
  useEffect(() => {
    // Before the socket: the last known state paints while it connects (src/stores/persist).
    // Never for a replay: a recording must neither show nor overwrite the live account's cache.
    const cache = session.replay
      ? undefined
      : startSessionCache(session.tokens.userId, session.endpoints.apiBase);
    const dispatcher = createDispatcher();
    const diagnostics = wireDiagnostics(session, dispatcher);
    const s = createAccountStream({
      url: session.endpoints.wsUrl,
      getToken: () => session.tokens.getToken(),
      userId: session.tokens.userId,
      listener: diagnostics.listener,
      WebSocketImpl: diagnostics.WebSocketImpl,
      share: !session.replay,
    });
    diagnostics.attach(s);
    perfProbe()?.inspect?.({ account: readAccountState });
    setSocket(s);
    s.start();
    return () => {
      cache?.stop();
      s.stop('signed out');
      diagnostics.dispose();
      dispatcher.dispose();
      resetAllStores();
    };
  }, [session]);
  if (!socket) return null;
  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
}

export function useAccountSocket(): AccountStream {
  const socket = useContext(SocketContext);
  if (!socket) throw new Error('useAccountSocket outside SocketProvider');
  return socket;
}
