/**
 * What the socket provider needs to give a session diagnostics (and, for a replay session,
 * its player as the transport): one call, so the provider itself stays about the socket.
 */
import type { AccountSocket, WebSocketCtor } from '../socket/account-socket';
import type { Dispatcher } from '../socket/dispatcher';
import { SessionDiagnostics } from '../socket/diagnostics/session-diagnostics';
import type { Session } from './session';

export function wireDiagnostics(session: Session, dispatcher: Dispatcher) {
  const diagnostics = new SessionDiagnostics({
    user: session.label,
    mode: session.replay ? 'replay' : 'live',
    socketUrl: session.endpoints.wsUrl,
    baseWebSocket:
      session.replay?.player.WebSocketImpl ?? (globalThis.WebSocket as unknown as WebSocketCtor),
  });
  return {
    listener: diagnostics.listen(dispatcher),
    WebSocketImpl: diagnostics.WebSocketImpl,
    attach: (socket: AccountSocket) => diagnostics.attach(socket),
    dispose: () => diagnostics.dispose(),
  };
}
