/**
 * What a support engineer asks a trader for, kept in bounded memory for a page open all day:
 * per-topic message counts (rates come from 1 s samples of the counters, never per message),
 * the last invalid frames with their reason and a short redacted excerpt, the connection's
 * state history and the last RTT samples.
 *
 * Hot path: `countMessage` is a property increment; everything else runs on rare events
 * (drops, state changes, pongs) or on the sampling timer.
 */
import type { DropReason, InboundMessage, Topic } from '../../protocol';
import { TOPICS } from '../../protocol';
import type { ConnectionState } from '../../socket/types';
import { redactText } from '../recording/redact';
import { RingBuffer } from './ring-buffer';
import type {
  HistoryEntry,
  InvalidFrame,
  MessageCounts,
  RttSample,
  TopicRate,
} from '../../stores/diagnostics/report-types';

export const DIAGNOSTICS_LIMITS = {
  /** Invalid frames kept (newest win). */
  invalidFrames: 50,
  /** Connection state transitions kept. */
  history: 100,
  /** Ping round trips kept: 1 h at the 30 s ping interval. */
  rttSamples: 120,
  /** Rates are averaged over this many seconds of 1 s samples. */
  rateWindowSeconds: 10,
  /** Characters of an invalid frame shown, after redaction. */
  excerptChars: 240,
} as const;

type Sample = { at: number; totals: number[]; frames: number };

// C0 controls, DEL, and bidi overrides/isolates: an excerpt must read as what it is.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** A short, redacted, printable excerpt of a raw frame for the invalid-frames table. */
export function frameExcerpt(raw: unknown, max: number = DIAGNOSTICS_LIMITS.excerptChars): string {
  if (typeof raw !== 'string') {
    const size =
      raw instanceof ArrayBuffer
        ? raw.byteLength
        : ArrayBuffer.isView(raw)
          ? raw.byteLength
          : typeof Blob !== 'undefined' && raw instanceof Blob
            ? raw.size
            : undefined;
    return size === undefined ? '<binary frame>' : `<binary frame, ${size} bytes>`;
  }
  // Redact a little beyond the cut so a token straddling it cannot leave half of itself.
  const head = redactText(raw.slice(0, max * 4)).replace(UNSAFE_CHARS, '\uFFFD');
  return head.length > max || raw.length > max * 4 ? `${head.slice(0, max)}…` : head;
}

export function frameBytes(raw: unknown): number {
  if (typeof raw === 'string') return raw.length;
  if (raw instanceof ArrayBuffer || ArrayBuffer.isView(raw)) return raw.byteLength;
  if (typeof Blob !== 'undefined' && raw instanceof Blob) return raw.size;
  return 0;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1]! + s[mid]!) / 2;
}

export class DiagnosticsModel {
  /** Cumulative counts per topic; written on the hot path. */
  readonly counts: Record<Topic, MessageCounts>;
  /** Errors without a topic (auth, rate limits). */
  otherErrors = 0;
  readonly invalid = new RingBuffer<InvalidFrame>(DIAGNOSTICS_LIMITS.invalidFrames);
  readonly history = new RingBuffer<HistoryEntry>(DIAGNOSTICS_LIMITS.history);
  readonly rtt = new RingBuffer<RttSample>(DIAGNOSTICS_LIMITS.rttSamples);
  private readonly samples = new RingBuffer<Sample>(DIAGNOSTICS_LIMITS.rateWindowSeconds + 1);

  constructor() {
    this.counts = Object.fromEntries(
      TOPICS.map((t) => [t, { snapshots: 0, updates: 0, errors: 0 }]),
    ) as Record<Topic, MessageCounts>;
  }

  countMessage(msg: InboundMessage, topic?: Topic): void {
    switch (msg.kind) {
      case 'update':
        this.counts[msg.topic].updates++;
        return;
      case 'subscribed':
        this.counts[msg.topic].snapshots++;
        return;
      case 'error':
        if (topic) this.counts[topic].errors++;
        else this.otherErrors++;
        return;
      default:
        return;
    }
  }

  recordDrop(reason: DropReason, detail: string, raw: unknown, connectionId: number, at: number) {
    this.invalid.push({
      at,
      connectionId,
      reason,
      detail: redactText(detail).slice(0, 200),
      excerpt: frameExcerpt(raw),
      bytes: frameBytes(raw),
    });
  }

  recordState(state: ConnectionState): void {
    this.history.push({ at: state.since, status: state.status, reason: state.reason });
  }

  recordRtt(ms: number, at: number): void {
    this.rtt.push({ at, ms });
  }

  /** Called once a second: a snapshot of the cumulative counters for the sliding window. */
  sample(at: number, framesReceived: number): void {
    this.samples.push({
      at,
      totals: TOPICS.map((t) => {
        const c = this.counts[t];
        return c.snapshots + c.updates + c.errors;
      }),
      frames: framesReceived,
    });
  }

  /** Messages per second over the window (0 until two samples exist). */
  rates(): { topics: TopicRate[]; framesPerSecond: number; windowSeconds: number } {
    const first = this.samples.first();
    const last = this.samples.last();
    const secs = first && last ? (last.at - first.at) / 1000 : 0;
    const per = (a: number, b: number) => (secs > 0 ? Math.max(0, (b - a) / secs) : 0);
    return {
      windowSeconds: Math.round(secs),
      framesPerSecond: first && last ? per(first.frames, last.frames) : 0,
      topics: TOPICS.map((topic, i) => {
        const c = this.counts[topic];
        return {
          topic,
          ...c,
          total: c.snapshots + c.updates + c.errors,
          perSecond: first && last ? per(first.totals[i]!, last.totals[i]!) : 0,
        };
      }),
    };
  }

  rttSummary(): { samples: RttSample[]; minMs?: number; medianMs?: number; maxMs?: number } {
    const samples = this.rtt.toArray();
    const ms = samples.map((s) => s.ms);
    const med = median(ms);
    return {
      samples,
      ...(ms.length ? { minMs: Math.min(...ms), maxMs: Math.max(...ms) } : {}),
      ...(med !== undefined ? { medianMs: med } : {}),
    };
  }
}
