/**
 * The contract between the AccountSocket (transport, auth, reconnects) and the
 * dispatcher that writes the per-topic stores. The socket never touches a store.
 */
import type { DropReason, InboundMessage, Subscription } from '../protocol';

/** Every state carries why we are in it and since when (ms epoch). */
type Base = { reason: string; since: number };

export type ConnectionState =
  | (Base & { status: 'idle' })
  | (Base & { status: 'connecting'; attempt: number })
  /** Socket open, auth sent, no answer yet. */
  | (Base & { status: 'connected' })
  /**
   * Authenticated, a subscription not yet acknowledged. `streaming`: the link was already
   * live and one more stream is on its way (the others keep streaming meanwhile).
   */
  | (Base & { status: 'authenticated'; expiresAt: number; streaming?: boolean })
  /** Authenticated and every wanted subscription acknowledged. */
  | (Base & { status: 'subscribed'; expiresAt: number })
  /** The server warned the session ends soon; a re-auth is in flight. */
  | (Base & { status: 'refreshWarning'; expiresAt: number })
  | (Base & { status: 'expired' })
  | (Base & { status: 'reconnecting'; attempt: number; nextAttemptAt: number })
  /** Stopped. `needsSignIn` when only a new sign-in can help (INVALID_TOKEN, refresh failed). */
  | (Base & { status: 'disconnected'; needsSignIn: boolean });

export type ConnectionStatus = ConnectionState['status'];

export type MessageMeta = {
  receivedAt: number;
  /** Envelope timestamp, when the server sent one. */
  serverTime?: number;
  /** The registry key (see subscriptionKey) this message belongs to, when known. */
  subscriptionKey?: string;
  /** The subscription as the client asked for it, when known. */
  subscription?: Subscription;
  /** Increments on every new socket; lets consumers ignore stragglers of an old one. */
  connectionId: number;
};

export interface SocketListener {
  onState(state: ConnectionState): void;
  /** Only validated, canonical messages; auth/pong traffic is handled inside the socket. */
  onMessage(message: InboundMessage, meta: MessageMeta): void;
  /** `frame` is the raw data that was dropped (for the diagnostics page's excerpt). */
  onDrop(reason: DropReason, detail: string, frame?: unknown): void;
}
