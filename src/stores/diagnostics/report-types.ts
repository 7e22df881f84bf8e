/**
 * What the diagnostics page reads: the support report and the recorder's state. The socket's
 * diagnostics build them; the shapes live here so that stores depend on nothing above them.
 */
import type { DropReason, Subscription, Topic } from '../../protocol';
import type { ConnectionState } from '../connection/connection-state';

/** Names the document kind in a saved report. */
export const REPORT_FORMAT = 'aries-diagnostics';

export type MessageCounts = { snapshots: number; updates: number; errors: number };
export type InvalidFrame = {
  at: number;
  connectionId: number;
  reason: DropReason;
  detail: string;
  /** Redacted, control characters made visible, truncated. */
  excerpt: string;
  bytes: number;
};
export type HistoryEntry = { at: number; status: ConnectionState['status']; reason: string };
export type RttSample = { at: number; ms: number };
export type TopicRate = MessageCounts & { topic: Topic; total: number; perSecond: number };

export type SubscriptionRow = {
  key: string;
  topic: Subscription['topic'];
  params: Record<string, unknown>;
  /** What the server said about it on this connection. */
  status: 'pending' | 'active' | 'error';
  requestId?: string;
  code?: string;
  message?: string;
  lastSeq?: number;
  /** The page-level freshness (loading / live / stale / error). */
  freshness: string;
};

export type DiagnosticsReport = {
  format: typeof REPORT_FORMAT;
  version: 1;
  generatedAt: string;
  session: { user: string; mode: 'live' | 'replay'; socketUrl: string; userAgent: string };
  connection: {
    state: ConnectionState;
    connectionId: number;
    framesReceived: number;
    reconnects: number;
    resubscribes: number;
    rttMs?: number;
    lastMessageAt?: number;
  };
  rates: { windowSeconds: number; framesPerSecond: number; topics: TopicRate[] };
  subscriptions: SubscriptionRow[];
  /** Frames the normaliser dropped and messages the dispatcher ignored, by reason. */
  drops: Record<string, number>;
  invalidFrames: { total: number; kept: number; recent: InvalidFrame[] };
  history: { total: number; kept: number; recent: HistoryEntry[] };
  rtt: { samples: RttSample[]; minMs?: number; medianMs?: number; maxMs?: number };
  errors: Array<{ at: number; code: string; message: string; key?: string }>;
  dispatcher: Record<string, number>;
};

export type RecorderState =
  | { status: 'idle'; maxBytes: number }
  | { status: 'recording'; startedAt: number; events: number; bytes: number; maxBytes: number }
  | {
      status: 'stopped';
      startedAt: number;
      stoppedAt: number;
      events: number;
      bytes: number;
      maxBytes: number;
      /** Why it stopped; says so plainly when the size cap ended it. */
      reason: string;
      capped: boolean;
    };
