/**
 * The support report: one JSON document with everything the diagnostics page shows, built on
 * demand (page timer, "Copy diagnostics"), never per message. Credentials are never in it: it
 * holds no token source, and the whole document is run through the redactor before it leaves.
 */
import type { Subscription } from '../../protocol';
import { redactValue } from '../recording/redact';
import type { ConnectionState } from '../types';
import type { HistoryEntry, InvalidFrame, RttSample, TopicRate } from './diagnostics-model';

export const REPORT_FORMAT = 'aries-diagnostics';

export type SubscriptionRow = {
  key: string;
  topic: Subscription['topic'];
  params: Record<string, unknown>;
  /** What the server said about it on this connection. */
  status: 'pending' | 'active' | 'error' | 'failed';
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

/** The report as it may leave the page: every secret-named field and JWT-shaped string gone. */
export function redactedReport(report: DiagnosticsReport): DiagnosticsReport {
  return redactValue(report) as DiagnosticsReport;
}

/** Strips the query and fragment from a socket URL: a token must never ride along in one. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}
