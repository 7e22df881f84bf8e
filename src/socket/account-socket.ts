/**
 * AccountSocket: the one connection to the Account Updates stream.
 *
 * connect → authenticate (token from getToken() on every attempt) → subscribe everything in
 * the registry → live. Reconnects only from the close path, with backoff; an old socket's
 * events are ignored by identity; a refresh is tied to the connection it was for.
 * See CONTEXT.md for the state table and the test that pins each transition.
 */
import {
  CLOSE_CODES,
  clientMessages,
  completeMessage,
  decodedUpdateAccount,
  topicKey,
  type DecodedMessage,
  type DropContext,
  type DropReason,
  type InboundMessage,
  type Subscription,
} from '../protocol';
import type { NormalizeResult } from '../protocol';
import { BACKOFF_MAX_MS, backoffDelay } from './backoff';
import { Keepalive } from './keepalive';
import { afterClose, ReconnectBackoff, STABLE_AFTER_MS } from './reconnect-policy';
import { NamedTimers } from './timers';
import { InboundQueue, type FrameDecoder } from './inbound-queue';
import { createWorkerDecoder } from './big-frames/worker-frame-decoder';
import { SubscriptionRegistry, type RegistryEntry } from './subscription-registry';
import type { ConnectionState, MessageMeta, StreamListener } from './types';

export type { SocketListenerExtras } from './types';

export { PING_INTERVAL_MS, PONG_TIMEOUT_MS } from './keepalive';
export { STABLE_AFTER_MS } from './reconnect-policy';
/** How much of an unreadable frame the diagnostics page shows. */
export const UNREADABLE_EXCERPT_CHARS = 400;

export type WebSocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  /** `decoded`: the frame already normalised off the main thread (worker-socket/). */
  onmessage: ((ev: { data: unknown; decoded?: NormalizeResult }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
};
export type WebSocketCtor = new (url: string) => WebSocketLike;

/** Browser signals: online/offline and page visibility. Injected so tests can fire them. */
export type SocketEnvironment = {
  onOnline(cb: () => void): () => void;
  onOffline(cb: () => void): () => void;
  onVisible(cb: () => void): () => void;
  isOnline(): boolean;
};

export type AccountSocketOptions = {
  url: string | (() => string);
  getToken: () => Promise<string>;
  listener: StreamListener;
  WebSocketImpl?: WebSocketCtor;
  now?: () => number;
  setTimer?: (cb: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  stableAfterMs?: number;
  environment?: SocketEnvironment | null;
  log?: (msg: string) => void;
  /** Decodes big frames off the main thread; default a Web Worker where there is one. */
  createDecoder?: () => FrameDecoder | undefined;
};

export type SocketStats = {
  connectionId: number;
  rttMs?: number;
  lastMessageAt?: number;
  reconnects: number;
  resubscribes: number;
  framesReceived: number;
  /** Big frames (snapshots) parsed and validated in the decoding worker. */
  framesDecodedOffThread: number;
  framesDropped: Partial<Record<DropReason, number>>;
};

const OPEN = 1;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type StateInput = DistributiveOmit<ConnectionState, 'since'>;

/** What the current connection has been through; a new connection starts a fresh one. */
type Link = {
  /** It authenticated (a later authSuccess on it is a refresh). */
  authenticated: boolean;
  /** When it first authenticated (-Infinity: not yet). */
  authenticatedAt: number;
  /** A token refresh failed: when the server ends the session, ask for a sign-in. */
  refreshFailed: boolean;
};

const freshLink = (): Link => ({
  authenticated: false,
  authenticatedAt: -Infinity,
  refreshFailed: false,
});

export function browserEnvironment(): SocketEnvironment | null {
  if (typeof window === 'undefined' || typeof document === 'undefined') return null;
  const on = (target: EventTarget, name: string, cb: () => void) => {
    target.addEventListener(name, cb);
    return () => target.removeEventListener(name, cb);
  };
  return {
    onOnline: (cb) => on(window, 'online', cb),
    onOffline: (cb) => on(window, 'offline', cb),
    onVisible: (cb) =>
      on(document, 'visibilitychange', () => {
        if (document.visibilityState === 'visible') cb();
      }),
    isOnline: () => navigator.onLine !== false,
  };
}

export class AccountSocket {
  readonly registry = new SubscriptionRegistry();
  private state: ConnectionState;
  private ws: WebSocketLike | undefined;
  private connectionId = 0;
  /** Not started, or stopped for good (sign-out, sign-in needed): nothing reconnects. */
  private stopped = true;
  private link: Link = freshLink();
  private requestSeq = 0;
  /** The browser says there is no network: wait for it instead of spending attempts. */
  private offline = false;
  private expiresAt = 0;
  private pendingAuthId: string | undefined;
  private readonly backoff: ReconnectBackoff;
  private readonly keepalive: Keepalive;
  private readonly timers: NamedTimers<'reconnect' | 'stable'>;
  /** Per subscription key: its retry after an unreadable frame, and how many in a row. */
  private retries = new Map<string, unknown>();
  private failures = new Map<string, { attempt: number; at: number }>();
  private detachEnv: Array<() => void> = [];
  private readonly warned = new Set<string>();
  private readonly stats: SocketStats = {
    connectionId: 0,
    reconnects: 0,
    resubscribes: 0,
    framesReceived: 0,
    framesDecodedOffThread: 0,
    framesDropped: {},
  };
  private inbound: InboundQueue | undefined;

  private readonly now: () => number;
  private readonly WS: WebSocketCtor;

  constructor(private readonly opts: AccountSocketOptions) {
    this.now = opts.now ?? Date.now;
    const impl =
      opts.WebSocketImpl ?? (globalThis.WebSocket as unknown as WebSocketCtor | undefined);
    if (!impl) throw new Error('no WebSocket implementation available');
    this.WS = impl;
    this.state = { status: 'idle', reason: 'not started', since: this.now() };
    this.backoff = new ReconnectBackoff(opts.random ?? Math.random);
    this.timers = new NamedTimers(opts);
    this.keepalive = new Keepalive({
      now: this.now,
      setTimer: opts.setTimer,
      clearTimer: opts.clearTimer,
      pingIntervalMs: opts.pingIntervalMs,
      pongTimeoutMs: opts.pongTimeoutMs,
      sendPing: () => {
        if (!this.isAuthed()) return undefined;
        const id = this.nextId('ping');
        this.send(clientMessages.ping(id));
        return id;
      },
      onDead: (timeoutMs) => {
        this.log(`no pong within ${timeoutMs} ms: the link is dead`);
        const ws = this.ws;
        this.teardown(CLOSE_CODES.normal, 'keepalive timeout');
        if (ws) this.scheduleReconnect('No answer to keepalive ping');
      },
    });
  }

  // ---- public API ------------------------------------------------------------------------

  getState(): ConnectionState {
    return this.state;
  }

  getStats(): SocketStats {
    return {
      ...this.stats,
      framesDecodedOffThread:
        this.stats.framesDecodedOffThread + (this.inbound?.decodedOffThread ?? 0),
      framesDropped: { ...this.stats.framesDropped },
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.backoff.reset();
    this.inbound = new InboundQueue(
      (result, receivedAt, connId, data) => this.onDecoded(result, receivedAt, connId, data),
      this.opts.createDecoder ?? createWorkerDecoder,
    );
    const env = this.opts.environment === undefined ? browserEnvironment() : this.opts.environment;
    if (env) {
      this.offline = !env.isOnline();
      this.detachEnv = [
        env.onOnline(() => this.onOnline()),
        env.onOffline(() => this.onOffline()),
        env.onVisible(() => this.checkNow('page became visible')),
      ];
    }
    if (this.offline)
      this.setState({
        status: 'disconnected',
        needsSignIn: false,
        reason: 'Offline: waiting for the network',
      });
    else this.connect('starting');
  }

  /** Stops for good; a sign-in already asked for stays asked for. */
  stop(reason = 'stopped'): void {
    this.halt(reason, this.state.status === 'disconnected' && this.state.needsSignIn);
  }

  private halt(reason: string, needsSignIn: boolean): void {
    this.stopped = true;
    this.detachEnv.forEach((off) => off());
    this.detachEnv = [];
    this.teardown(CLOSE_CODES.normal, reason);
    this.stats.framesDecodedOffThread += this.inbound?.decodedOffThread ?? 0;
    this.inbound?.dispose();
    this.inbound = undefined;
    this.setState({ status: 'disconnected', needsSignIn, reason });
  }

  /** Wants `sub` (replacing any with the same key) and sends it now if authenticated. */
  subscribe(sub: Subscription): void {
    const entry = this.registry.want(sub);
    this.clearRetry(entry.key);
    this.call(() => this.opts.listener.expect?.(sub));
    if (this.isAuthed()) {
      this.sendSubscribe(entry);
      if (this.state.status === 'subscribed') {
        this.setState({
          status: 'authenticated',
          expiresAt: this.expiresAt,
          reason: `subscribing ${entry.key}`,
          streaming: true,
        });
      }
    }
  }

  unsubscribe(key: string): void {
    const entry = this.registry.drop(key);
    if (!entry) return;
    this.clearRetry(key);
    this.failures.delete(key);
    this.call(() => this.opts.listener.forget?.(key));
    if (this.isAuthed()) {
      this.send(
        clientMessages.unsubscribe(this.nextId('unsub'), entry.sub.topic, entry.sub.params),
      );
    }
    this.maybeSubscribed();
  }

  // ---- connection lifecycle ---------------------------------------------------------------

  private connect(reason: string): void {
    this.timers.clear('reconnect');
    if (this.stopped) return;
    this.teardown(CLOSE_CODES.normal, 'replaced');
    const id = ++this.connectionId;
    this.stats.connectionId = id;
    this.link = freshLink();
    this.registry.resetAll();
    this.setState({ status: 'connecting', attempt: this.backoff.nextAttempt, reason });
    let ws: WebSocketLike;
    try {
      ws = new this.WS(typeof this.opts.url === 'function' ? this.opts.url() : this.opts.url);
    } catch (e) {
      this.stopped = true;
      this.setState({
        status: 'disconnected',
        needsSignIn: false,
        reason: `Cannot connect: ${String(e)}`,
      });
      return;
    }
    this.ws = ws;
    // Every handler checks identity: a straggler from an old socket is ignored, not raced.
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.setState({ status: 'connected', reason: 'socket open; authenticating' });
      void this.authenticate(id, 'connect');
    };
    ws.onmessage = (ev) => {
      if (this.ws === ws) this.onFrame(ev.data, id, ev.decoded);
    };
    // Reconnects are scheduled from close only; error is always followed by close.
    ws.onerror = () => {};
    ws.onclose = (ev) => {
      if (this.ws === ws) this.onClose(ev.code, ev.reason);
    };
  }

  /** Detaches and closes the current socket; nothing it says afterwards reaches us. */
  private teardown(code: number, reason: string): void {
    this.timers.clear('reconnect');
    this.timers.clear('stable');
    this.keepalive.stop();
    for (const key of [...this.retries.keys()]) this.clearRetry(key);
    // Frames of the old socket still waiting to be decoded are stragglers: never applied.
    this.inbound?.clear();
    const ws = this.ws;
    this.ws = undefined;
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    try {
      ws.close(code, reason);
    } catch {
      // closing a socket that never opened may throw in some implementations
    }
  }

  private onClose(code: number, reason: string): void {
    this.teardown(CLOSE_CODES.normal, 'closed');
    if (this.stopped) return;
    const next = afterClose(
      { code, reason },
      {
        refreshFailed: this.link.refreshFailed,
        ageMs: this.now() - this.link.authenticatedAt,
        stableAfterMs: this.opts.stableAfterMs ?? STABLE_AFTER_MS,
      },
    );
    switch (next.kind) {
      case 'sign-in':
        return this.halt(next.reason, true);
      case 'backoff':
        return this.scheduleReconnect(next.reason);
      case 'reconnect-now':
        this.setState({
          status: 'expired',
          reason: 'session expired; reconnecting with a fresh token',
        });
        this.stats.reconnects++;
        return this.connect('session expired');
    }
  }

  private scheduleReconnect(reason: string): void {
    if (this.offline) {
      this.setState({
        status: 'disconnected',
        needsSignIn: false,
        reason: 'Offline: waiting for the network',
      });
      return;
    }
    const { attempt, delayMs } = this.backoff.next();
    this.setState({
      status: 'reconnecting',
      attempt,
      nextAttemptAt: this.now() + delayMs,
      reason,
    });
    this.timers.set('reconnect', delayMs, () => {
      this.stats.reconnects++;
      this.connect(`reconnect attempt ${attempt}`);
    });
  }

  private onOnline(): void {
    this.offline = false;
    if (this.stopped) return;
    if (!this.ws) {
      this.stats.reconnects++;
      this.connect('network is back');
    } else this.checkNow('network is back');
  }

  private onOffline(): void {
    this.offline = true;
    if (this.stopped) return;
    if (this.state.status === 'reconnecting') {
      this.timers.clear('reconnect');
      this.setState({
        status: 'disconnected',
        needsSignIn: false,
        reason: 'Offline: waiting for the network',
      });
    }
  }

  /** A page back from sleep or a network change: prove the link now instead of trusting it. */
  private checkNow(reason: string): void {
    if (this.stopped) return;
    if (this.state.status === 'reconnecting') {
      this.stats.reconnects++;
      this.connect(reason);
      return;
    }
    this.keepalive.probe();
  }

  // ---- auth ----------------------------------------------------------------------------

  private async authenticate(connId: number, why: 'connect' | 'refresh'): Promise<void> {
    let token: string;
    try {
      token = await this.opts.getToken();
    } catch (e) {
      if (connId !== this.connectionId || this.stopped) return;
      if (why === 'refresh') {
        // Keep the live connection until the server ends it; then ask for a sign-in.
        this.link.refreshFailed = true;
        this.log(`token refresh failed: ${String(e)}`);
        return;
      }
      this.halt(
        `Sign in again: could not get a token (${e instanceof Error ? e.message : String(e)})`,
        true,
      );
      return;
    }
    // A token fetched for an old connection must not authenticate a new one.
    if (connId !== this.connectionId || this.ws?.readyState !== OPEN) return;
    this.pendingAuthId = this.nextId('auth');
    this.send(clientMessages.auth(this.pendingAuthId, token));
  }

  private onAuthSuccess(expiresAt: number): void {
    const first = !this.link.authenticated;
    this.link.authenticated = true;
    this.expiresAt = expiresAt;
    this.pendingAuthId = undefined;
    this.link.refreshFailed = false;
    if (!first) {
      this.setState(
        this.registry.allActive()
          ? { status: 'subscribed', expiresAt, reason: 'session refreshed' }
          : { status: 'authenticated', expiresAt, reason: 'session refreshed' },
      );
      return;
    }
    this.link.authenticatedAt = this.now();
    this.setState({ status: 'authenticated', expiresAt, reason: 'authenticated' });
    this.timers.set('stable', this.opts.stableAfterMs ?? STABLE_AFTER_MS, () =>
      this.backoff.reset(),
    );
    this.keepalive.start();
    for (const entry of this.registry.all()) this.sendSubscribe(entry);
    this.maybeSubscribed();
  }

  // ---- inbound -------------------------------------------------------------------------

  private onFrame(data: unknown, connId: number, decoded?: NormalizeResult): void {
    this.stats.framesReceived++;
    this.stats.lastMessageAt = this.now();
    this.inbound?.push(data, this.stats.lastMessageAt, connId, decoded);
  }

  private onDecoded(
    result: NormalizeResult,
    receivedAt: number,
    connId: number,
    data: unknown,
  ): void {
    if (connId !== this.connectionId) return;
    const meta: MessageMeta = { receivedAt, connectionId: connId };
    if (!result.ok) {
      this.drop(result.reason, result.detail, data);
      const entry = result.about && this.entryAbout(result.about);
      if (entry) this.fail(entry, result.reason, result.detail, data, meta);
      return;
    }
    if (result.serverTime !== undefined) meta.serverTime = result.serverTime;
    this.handle(result.message, meta, data);
  }

  private drop(reason: DropReason, detail: string, data: unknown): void {
    this.stats.framesDropped[reason] = (this.stats.framesDropped[reason] ?? 0) + 1;
    if (!this.warned.has(reason)) {
      this.warned.add(reason);
      console.warn(`[account-socket] dropped a frame (${reason}): ${detail}`);
    }
    this.call(() => this.opts.listener.onDrop(reason, detail, data));
  }

  /** The subscription an unreadable frame was about, when that can be told for certain. */
  private entryAbout(about: DropContext): RegistryEntry | undefined {
    if (about.kind === 'subscribed') {
      if (about.id !== undefined) return this.registry.byRequestId(about.id);
      const only = this.registry.onlyOf(about.topic);
      return only?.status.state === 'pending' ? only : undefined;
    }
    const entry =
      about.accountId !== undefined || (about.topic !== 'account' && about.topic !== 'pnl')
        ? this.registry.get(topicKey(about.topic, about.accountId))
        : this.registry.onlyOf(about.topic);
    // A stream already failing or re-subscribing gets its fresh snapshot anyway.
    return entry?.status.state === 'active' ? entry : undefined;
  }

  /**
   * One subscription could not be read: it alone is marked (its page says why; the badge
   * stays Live) and re-subscribed for a fresh snapshot after a backoff that grows with
   * failures in a row, so a server that keeps sending what we cannot read is not hammered.
   */
  private fail(
    entry: RegistryEntry,
    reason: DropReason,
    detail: string,
    data: unknown,
    meta: MessageMeta,
  ): void {
    entry.status = { state: 'failed', reason, detail };
    const now = this.now();
    const last = this.failures.get(entry.key);
    const attempt = last && now - last.at < 2 * BACKOFF_MAX_MS ? last.attempt + 1 : 1;
    this.failures.set(entry.key, { attempt, at: now });
    const excerpt = typeof data === 'string' ? data.slice(0, UNREADABLE_EXCERPT_CHARS) : '';
    this.forward(
      { kind: 'unreadable', topic: entry.sub.topic, reason, detail, excerpt },
      { ...meta, subscriptionKey: entry.key, subscription: entry.sub },
    );
    const delay = backoffDelay(attempt, { random: this.opts.random ?? Math.random });
    this.log(`unreadable ${entry.key} (${detail}); re-subscribing in ${delay} ms`);
    this.clearRetry(entry.key);
    const set = this.opts.setTimer ?? ((f: () => void, d: number) => setTimeout(f, d));
    this.retries.set(
      entry.key,
      set(() => {
        this.retries.delete(entry.key);
        if (this.registry.get(entry.key) !== entry || entry.status.state !== 'failed') return;
        if (!this.isAuthed()) return;
        this.stats.resubscribes++;
        this.sendSubscribe(entry);
      }, delay),
    );
    this.maybeSubscribed();
  }

  private clearRetry(key: string): void {
    const handle = this.retries.get(key);
    if (handle === undefined) return;
    this.retries.delete(key);
    const clear =
      this.opts.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
    clear(handle);
  }

  /** The registry entry a decoded update belongs to (a short-form candle names no account). */
  private entryForUpdate(msg: DecodedMessage & { kind: 'update' }): RegistryEntry | undefined {
    if (msg.topic !== 'account' && msg.topic !== 'pnl') return this.registry.get(msg.topic);
    const accountId = decodedUpdateAccount(msg);
    return accountId !== undefined
      ? this.registry.get(topicKey(msg.topic, accountId))
      : this.registry.onlyOf(msg.topic);
  }

  private handle(msg: DecodedMessage, meta: MessageMeta, data?: unknown): void {
    switch (msg.kind) {
      case 'pong': {
        const rtt = this.keepalive.pong(msg.id);
        if (rtt !== undefined) {
          this.stats.rttMs = rtt;
          this.call(() => this.opts.listener.onRtt?.(rtt));
        }
        return;
      }
      case 'authSuccess':
        return this.onAuthSuccess(msg.expiresAt);
      case 'refreshAuth':
        this.setState({
          status: 'refreshWarning',
          expiresAt: msg.expiresAt,
          reason: 'session ends soon; refreshing',
        });
        void this.authenticate(this.connectionId, 'refresh');
        return;
      case 'authExpired':
        this.setState({ status: 'expired', reason: 'session expired' });
        return;
      case 'error':
        return this.onError(msg, meta);
      case 'subscribed': {
        const entry = this.registry.byRequestId(msg.id);
        // An ack for a request that was superseded (params replaced since) is not ours to apply.
        if (!entry) return;
        const done = completeMessage(msg, entry.sub);
        if (!done.ok) {
          this.drop(done.reason, done.detail, data);
          return this.fail(entry, done.reason, done.detail, data, meta);
        }
        entry.status = { state: 'active', ...(msg.id ? { requestId: msg.id } : {}) };
        delete entry.lastSeq;
        this.forward(done.message, {
          ...meta,
          subscriptionKey: entry.key,
          subscription: entry.sub,
        });
        this.maybeSubscribed();
        return;
      }
      case 'unsubscribed':
        return;
      case 'update': {
        const entry = this.entryForUpdate(msg);
        if (!entry) {
          // Not a stream we asked for (an unknown account): the dispatcher ignores and counts it.
          const done = completeMessage(msg, undefined);
          if (done.ok) this.forward(done.message, meta);
          else this.drop(done.reason, done.detail, data);
          return;
        }
        if (entry.status.state !== 'active') return;
        if (msg.seq !== undefined) {
          if (entry.lastSeq !== undefined && msg.seq !== entry.lastSeq + 1) {
            // A gap means we missed something: a fresh snapshot beats guessing.
            this.stats.resubscribes++;
            this.log(`seq gap on ${entry.key}: ${entry.lastSeq} → ${msg.seq}; resubscribing`);
            this.sendSubscribe(entry);
            return;
          }
          entry.lastSeq = msg.seq;
        }
        const done = completeMessage(msg, entry.sub);
        if (!done.ok) {
          this.drop(done.reason, done.detail, data);
          return this.fail(entry, done.reason, done.detail, data, meta);
        }
        this.forward(done.message, {
          ...meta,
          subscriptionKey: entry.key,
          subscription: entry.sub,
        });
        return;
      }
    }
  }

  private onError(msg: Extract<InboundMessage, { kind: 'error' }>, meta: MessageMeta): void {
    if (msg.code === 'INVALID_TOKEN' && (msg.id === undefined || msg.id === this.pendingAuthId)) {
      if (this.link.authenticated) {
        // A refresh token was refused; the session runs on until the server expires it.
        this.link.refreshFailed = true;
        this.forward(msg, meta);
        return;
      }
      // Retrying the same refused credentials would only loop.
      this.forward(msg, meta);
      this.halt(`Sign in again: ${msg.message}`, true);
      return;
    }
    const entry = this.registry.byRequestId(msg.id);
    if (entry) {
      entry.status = { state: 'error', code: msg.code, message: msg.message };
      this.forward(msg, { ...meta, subscriptionKey: entry.key, subscription: entry.sub });
      this.maybeSubscribed();
      return;
    }
    this.forward(msg, meta);
  }

  // ---- helpers -------------------------------------------------------------------------

  private sendSubscribe(entry: RegistryEntry): void {
    const id = this.nextId('sub');
    entry.status = { state: 'pending', requestId: id };
    delete entry.lastSeq;
    this.send(clientMessages.subscribe(id, entry.sub.topic, entry.sub.params));
  }

  private maybeSubscribed(): void {
    if (!this.isAuthed() || this.state.status === 'refreshWarning') return;
    if (this.registry.allActive() && this.state.status !== 'subscribed') {
      this.setState({
        status: 'subscribed',
        expiresAt: this.expiresAt,
        reason: 'all subscriptions live',
      });
    }
  }

  private isAuthed(): boolean {
    return this.link.authenticated && this.connectionId > 0 && this.ws?.readyState === OPEN;
  }

  private send(frame: object): void {
    this.ws?.send(JSON.stringify(frame));
  }

  private forward(msg: InboundMessage, meta: MessageMeta): void {
    this.call(() => this.opts.listener.onMessage(msg, meta));
  }

  private setState(next: StateInput): void {
    this.state = { ...next, since: this.now() };
    const state = this.state;
    this.call(() => this.opts.listener.onState(state));
  }

  /** A listener bug must never take the connection down with it. */
  private call(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.log(`listener threw: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }

  private nextId(prefix: string): string {
    return `${prefix}-${++this.requestSeq}`;
  }

  private log(msg: string): void {
    (this.opts.log ?? ((m: string) => console.warn(`[account-socket] ${m}`)))(msg);
  }
}

/**
 * What the app and the shared-tab hub use of a socket: AccountSocket has it, and so does the
 * shared stream that stands in for it in a tab that is not the leader.
 */
export type AccountStream = Pick<
  AccountSocket,
  'registry' | 'start' | 'stop' | 'subscribe' | 'unsubscribe' | 'getState' | 'getStats'
>;
