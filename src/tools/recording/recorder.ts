/**
 * Records a session's traffic for a bug report or a demo: every inbound frame as received,
 * every outbound frame, socket opens and closes, each with its time and socket number.
 * Credentials never reach the recording (redact.ts): outbound frames lose `token` and any
 * JWT-shaped string; inbound frames lose JWT-shaped strings too, in case a server echoes one.
 *
 * Bounded: at `maxBytes` of file text the recorder stops itself and says so; what it holds
 * can still be saved. Nothing is kept when not recording (one boolean check per frame).
 */
import { redactFrame } from './redact';
import {
  RECORDING_FORMAT,
  RECORDING_VERSION,
  serializeHeader,
  type RecordingEntry,
} from './recording-format';
import type { RecorderState } from '../../stores/diagnostics/report-types';

/** 20 MiB of file: about an hour of a busy account at the default simulator rate. */
export const DEFAULT_RECORDING_MAX_BYTES = 20 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export class Recorder {
  private lines: string[] = [];
  private bytes = 0;
  private startedAt = 0;
  private state: RecorderState;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(opts: { maxBytes?: number; now?: () => number } = {}) {
    this.maxBytes = opts.maxBytes ?? DEFAULT_RECORDING_MAX_BYTES;
    this.now = opts.now ?? Date.now;
    this.state = { status: 'idle', maxBytes: this.maxBytes };
  }

  get recording(): boolean {
    return this.state.status === 'recording';
  }

  getState(): RecorderState {
    if (this.state.status === 'recording') {
      return { ...this.state, events: this.lines.length - 1, bytes: this.bytes };
    }
    return this.state;
  }

  /** Starts a new recording (discarding any previous one). */
  start(): void {
    this.startedAt = this.now();
    const header = serializeHeader({
      format: RECORDING_FORMAT,
      version: RECORDING_VERSION,
      startedAt: new Date(this.startedAt).toISOString(),
      app: 'aries-trader',
      maxBytes: this.maxBytes,
      note: 'Inbound frames as received; outbound frames and anything JWT-shaped have credentials replaced by [redacted].',
    });
    this.lines = [header];
    this.bytes = header.length + 1;
    this.state = {
      status: 'recording',
      startedAt: this.startedAt,
      events: 0,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
    };
  }

  stop(reason = 'stopped by the user', capped = false): void {
    if (this.state.status !== 'recording') return;
    const at = this.now();
    // The end marker is written even at the cap: a reader can tell a cut file from a torn one.
    const end = JSON.stringify({ t: at - this.startedAt, d: 'end', reason });
    this.lines.push(end);
    this.bytes += end.length + 1;
    this.state = {
      status: 'stopped',
      startedAt: this.startedAt,
      stoppedAt: at,
      events: this.lines.length - 2,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      reason,
      capped,
    };
  }

  inbound(data: unknown, connection: number): void {
    if (this.state.status !== 'recording') return;
    const t = this.now() - this.startedAt;
    if (typeof data === 'string') this.add({ t, c: connection, d: 'in', f: redactFrame(data) });
    else this.add({ t, c: connection, d: 'in', bin: binarySize(data) });
  }

  outbound(text: string, connection: number): void {
    if (this.state.status !== 'recording') return;
    this.add({ t: this.now() - this.startedAt, c: connection, d: 'out', f: redactFrame(text) });
  }

  opened(connection: number): void {
    if (this.state.status !== 'recording') return;
    this.add({ t: this.now() - this.startedAt, c: connection, d: 'open' });
  }

  closed(connection: number, code: number, reason: string): void {
    if (this.state.status !== 'recording') return;
    this.add({ t: this.now() - this.startedAt, c: connection, d: 'close', code, reason });
  }

  /** The file's text parts (for a Blob); undefined when nothing was recorded. */
  fileParts(): string[] | undefined {
    if (this.state.status === 'idle') return undefined;
    return this.lines.map((l) => `${l}\n`);
  }

  private add(entry: RecordingEntry): void {
    const line = JSON.stringify(entry);
    if (this.bytes + line.length + 1 > this.maxBytes) {
      this.stop(
        `Recording stopped: it reached the ${formatBytes(this.maxBytes)} size cap. Save it, or start a new one.`,
        true,
      );
      return;
    }
    this.lines.push(line);
    this.bytes += line.length + 1;
  }
}

function binarySize(data: unknown): number {
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.size;
  return 0;
}
