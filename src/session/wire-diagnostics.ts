/**
 * What the socket provider needs to give a session diagnostics (and, for a replay session,
 * its player as the transport): one call, so the provider itself stays about the socket.
 * A replay session must always get its own AccountSocket: it must never lead or join a stream
 * shared with other tabs, or live tabs would be fed the recording.
 */
import type { Dispatcher } from '../socket/dispatcher';
import {
  SessionDiagnostics,
  type DiagnosableSocket,
} from '../tools/diagnostics/session-diagnostics';
import { defaultWebSocket, relayRawFrames } from '../socket/worker-socket/default-websocket';
import type { Session } from './session';

export function wireDiagnostics(session: Session, dispatcher: Dispatcher) {
  const diagnostics = new SessionDiagnostics({
    user: session.label,
    mode: session.replay ? 'replay' : 'live',
    socketUrl: session.endpoints.wsUrl,
    baseWebSocket: session.replay?.player.WebSocketImpl ?? defaultWebSocket(),
    relayRawFrames,
  });
  return {
    listener: diagnostics.listen(dispatcher),
    WebSocketImpl: diagnostics.WebSocketImpl,
    attach: (socket: DiagnosableSocket) => diagnostics.attach(socket),
    dispose: () => diagnostics.dispose(),
  };
}
