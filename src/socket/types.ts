/**
 * The contract between the AccountSocket (transport, auth, reconnects) and the
 * dispatcher that writes the per-topic stores. The socket never touches a store.
 */
import type { DropReason, InboundMessage, Subscription } from '../protocol';
import type { ConnectionState } from '../stores/connection/connection-state';

export type { ConnectionState, ConnectionStatus } from '../stores/connection/connection-state';

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

/** Optional extras a listener may implement (the store dispatcher does). */
export type SocketListenerExtras = {
  expect?(sub: Subscription): void;
  forget?(key: string): void;
  onRtt?(ms: number): void;
  /** Another tab now streams `key` with other params: its data here is no longer live. */
  superseded?(key: string): void;
};

/** What an AccountSocket calls: the listener contract and the extras it may implement. */
export type StreamListener = SocketListener & SocketListenerExtras;
/** A listener with every extra: what a forwarding layer hands on (forward-listener.ts). */
export type FullListener = SocketListener & Required<SocketListenerExtras>;
