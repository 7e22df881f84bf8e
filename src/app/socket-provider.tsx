/**
 * Owns the one AccountSocket of the signed-in session and wires it to the store dispatcher.
 * Signing out stops the socket and empties every store, so the next user sees nothing of this one.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { AccountSocket } from '../socket/account-socket';
import { createDispatcher } from '../socket/dispatcher';
import { resetAllStores } from '../stores/reset';
import { startSessionCache } from '../stores/persist/session-cache';
import type { Session } from './session';
import { wireDiagnostics } from './wire-diagnostics';

const SocketContext = createContext<AccountSocket | undefined>(undefined);

export function SocketProvider({ session, children }: { session: Session; children: ReactNode }) {
  const [socket, setSocket] = useState<AccountSocket>();
  useEffect(() => {
    // Before the socket: the last known state paints while it connects (src/stores/persist).
    // Never for a replay: a recording must neither show nor overwrite the live account's cache.
    const cache = session.replay
      ? undefined
      : startSessionCache(session.tokens.userId, session.endpoints.apiBase);
    const dispatcher = createDispatcher();
    const diagnostics = wireDiagnostics(session, dispatcher);
    const s = new AccountSocket({
      url: session.endpoints.wsUrl,
      getToken: () => session.tokens.getToken(),
      listener: diagnostics.listener,
      WebSocketImpl: diagnostics.WebSocketImpl,
    });
    diagnostics.attach(s);
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

export function useAccountSocket(): AccountSocket {
  const socket = useContext(SocketContext);
  if (!socket) throw new Error('useAccountSocket outside SocketProvider');
  return socket;
}
