/**
 * The diagnostics of one signed-in (or replay) session: sits between the AccountSocket and the
 * dispatcher as a listener tee, wraps the WebSocket constructor for the recorder, samples the
 * counters once a second for rates, and registers itself as the page's diagnostics source.
 *
 * Per message it costs one call and one integer increment; a recording adds the frame's
 * redaction and one JSON line while it runs.
 */
import { connectionStore } from '../../stores/connection/store';
import { setDiagnosticsSource, type DiagnosticsSource } from '../../stores/diagnostics/store';
import type { AccountSocket, WebSocketCtor } from '../../socket/account-socket';
import type { Dispatcher } from '../../socket/dispatcher';
import { Recorder } from '../recording/recorder';
import { tapWebSocket } from '../recording/tap-websocket';
import { forwardListener } from '../../socket/forward-listener';
import type { StreamListener } from '../../socket/types';
import { DiagnosticsModel } from './diagnostics-model';
import { redactedReport, safeUrl } from './report';
import {
  REPORT_FORMAT,
  type DiagnosticsReport,
  type SubscriptionRow,
} from '../../stores/diagnostics/report-types';

/** What the diagnostics read from the stream: an AccountSocket, or anything shaped like one. */
export type DiagnosableSocket = Pick<
  AccountSocket,
  'registry' | 'getStats' | 'getState' | 'subscribe'
>;

export type SessionDiagnosticsOptions = {
  user: string;
  mode: 'live' | 'replay';
  socketUrl: string;
  /** The transport the socket would use without diagnostics (browser WebSocket, or a replay). */
  baseWebSocket: WebSocketCtor;
  recorder?: Recorder;
  /** Asks the transport for whole raw frames while recording (it may send only their start). */
  relayRawFrames?: (on: boolean) => void;
  now?: () => number;
  sampleEveryMs?: number;
};

export class SessionDiagnostics implements DiagnosticsSource {
  readonly model = new DiagnosticsModel();
  readonly rec: Recorder;
  readonly WebSocketImpl: WebSocketCtor;
  private socket: DiagnosableSocket | undefined;
  private dispatcher: Pick<Dispatcher, 'stats'> | undefined;
  private readonly sampler: ReturnType<typeof setInterval>;
  private readonly now: () => number;

  constructor(private readonly opts: SessionDiagnosticsOptions) {
    this.now = opts.now ?? Date.now;
    this.rec = opts.recorder ?? new Recorder();
    const rec = this.rec;
    this.WebSocketImpl = tapWebSocket(opts.baseWebSocket, {
      opened: (c) => rec.opened(c),
      inbound: (data, c) => rec.inbound(data, c),
      outbound: (text, c) => rec.outbound(text, c),
      closed: (c, code, reason) => rec.closed(c, code, reason),
    });
    this.sampler = setInterval(
      () => this.model.sample(this.now(), this.socket?.getStats().framesReceived ?? 0),
      opts.sampleEveryMs ?? 1000,
    );
    this.model.sample(this.now(), 0);
  }

  /** The listener to give the AccountSocket: feeds the model, then the dispatcher. */
  listen(inner: StreamListener & Partial<Pick<Dispatcher, 'stats'>>) {
    if (inner.stats) this.dispatcher = inner as Pick<Dispatcher, 'stats'>;
    const model = this.model;
    return forwardListener(inner, {
      onState: (state) => model.recordState(state),
      onMessage: (message, meta) => model.countMessage(message, meta.subscription?.topic),
      onDrop: (reason, detail, frame) =>
        model.recordDrop(
          reason,
          detail,
          frame,
          this.socket?.getStats().connectionId ?? 0,
          this.now(),
        ),
      onRtt: (ms) => model.recordRtt(ms, this.now()),
    });
  }

  attach(socket: DiagnosableSocket): void {
    this.socket = socket;
    setDiagnosticsSource(this);
  }

  dispose(): void {
    clearInterval(this.sampler);
    if (this.rec.recording) this.rec.stop('the session ended');
    this.opts.relayRawFrames?.(false);
    setDiagnosticsSource(undefined);
    this.socket = undefined;
  }

  // ---- DiagnosticsSource -------------------------------------------------------------------

  recorder() {
    return this.rec.getState();
  }

  startRecording(): void {
    // Before the re-subscribe below, so the fresh snapshots arrive whole.
    this.opts.relayRawFrames?.(true);
    this.rec.start();
    // Ask for fresh snapshots, so the recording stands on its own: a replay needs each
    // subscription's initial state, not just the updates that followed it.
    const socket = this.socket;
    if (socket) for (const entry of socket.registry.all()) socket.subscribe(entry.sub);
  }

  stopRecording(): void {
    this.rec.stop();
    this.opts.relayRawFrames?.(false);
  }

  recordingFile(): Blob | undefined {
    const parts = this.rec.fileParts();
    return parts ? new Blob(parts, { type: 'application/x-ndjson' }) : undefined;
  }

  report(): DiagnosticsReport {
    const socket = this.socket;
    const stats = socket?.getStats();
    const conn = connectionStore.getState();
    const subscriptions: SubscriptionRow[] = (socket?.registry.all() ?? []).map((e) => {
      const f = conn.freshness.get(e.key);
      return {
        key: e.key,
        topic: e.sub.topic,
        params: { ...e.sub.params },
        status: e.status.state,
        ...('requestId' in e.status && e.status.requestId ? { requestId: e.status.requestId } : {}),
        ...(e.status.state === 'error' ? { code: e.status.code, message: e.status.message } : {}),
        ...(e.status.state === 'failed' ? { code: e.status.reason, message: e.status.detail } : {}),
        ...(e.lastSeq !== undefined ? { lastSeq: e.lastSeq } : {}),
        freshness: f?.status ?? 'idle',
      };
    });
    const invalid = this.model.invalid;
    const history = this.model.history;
    return redactedReport({
      format: REPORT_FORMAT,
      version: 1,
      generatedAt: new Date(this.now()).toISOString(),
      session: {
        user: this.opts.user,
        mode: this.opts.mode,
        socketUrl: safeUrl(this.opts.socketUrl),
        userAgent: typeof navigator === 'undefined' ? 'unknown' : navigator.userAgent,
      },
      connection: {
        state: socket?.getState() ?? conn.connection,
        connectionId: stats?.connectionId ?? 0,
        framesReceived: stats?.framesReceived ?? 0,
        reconnects: stats?.reconnects ?? 0,
        resubscribes: stats?.resubscribes ?? 0,
        ...(stats?.rttMs !== undefined ? { rttMs: stats.rttMs } : {}),
        ...(stats?.lastMessageAt !== undefined ? { lastMessageAt: stats.lastMessageAt } : {}),
      },
      rates: this.model.rates(),
      subscriptions,
      drops: { ...conn.drops },
      invalidFrames: { total: invalid.total, kept: invalid.size, recent: invalid.toArray() },
      history: { total: history.total, kept: history.size, recent: history.toArray() },
      rtt: this.model.rttSummary(),
      errors: conn.lastErrors.map((e) => ({ ...e })),
      dispatcher: { ...(this.dispatcher?.stats() ?? {}) },
    });
  }
}
