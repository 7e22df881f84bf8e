/**
 * What tabs of one group say to each other over their BroadcastChannel. Tokens never travel
 * here: the leader authenticates with its own session's getToken(). Every message names its
 * sender (`from`, a random id per tab and session) so receivers can ignore a tab that is not
 * the leader they follow.
 */
import type { DropReason, InboundMessage } from '../../protocol';
import type { ConnectionState, MessageMeta } from '../types';
import type { Intent } from './intent-table';

export type TabMessage =
  /** Everything the sender wants, and the keys it still lacks a snapshot for. */
  | { t: 'intents'; from: string; intents: Intent[]; missing: string[] }
  /** The sender leaves the group (signed out, page hidden for good). */
  | { t: 'bye'; from: string }
  /** The sender holds the connection; its state right now. */
  | { t: 'leader'; from: string; state: ConnectionState }
  | { t: 'state'; from: string; state: ConnectionState }
  /** A validated inbound message, relayed. `connectionId` is the leader's own count. */
  | { t: 'msg'; from: string; msg: InboundMessage; meta: MessageMeta }
  | { t: 'drop'; from: string; reason: DropReason; detail: string }
  | { t: 'rtt'; from: string; ms: number };

const KINDS = new Set(['intents', 'bye', 'leader', 'state', 'msg', 'drop', 'rtt']);

/**
 * Only same-origin documents can post on a BroadcastChannel, and the CSP allows only our
 * own scripts, so a light shape check is enough to reject junk from another version of the app.
 */
export function isTabMessage(data: unknown): data is TabMessage {
  if (!data || typeof data !== 'object') return false;
  const m = data as { t?: unknown; from?: unknown };
  return typeof m.t === 'string' && KINDS.has(m.t) && typeof m.from === 'string';
}
