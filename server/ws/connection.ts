/**
 * One client socket: the auth deadline, the session clock (refresh warning, expiry), its
 * subscriptions with their own `seq`, and the limits that protect the server from it.
 * States: awaiting-auth → authenticated → closed. Every outbound frame comes from
 * `serverMessages`, so the wire shapes are declared once, in src/protocol; updates are spliced
 * from parts by update-frame.ts, whose test pins them byte for byte to `serverMessages.update`.
 */
import type { RawData, WebSocket } from 'ws';
import {
  CLOSE_CODES,
  parseClientFrame,
  resolveTopic,
  serverMessages,
  subscriptionKey,
  TERMINAL_ORDER_STATUSES,
  topicKey,
  toLegacyOrder,
  validateSubscription,
  type ErrorCode,
  type ServerSentFrame,
  type Subscription,
  type Topic,
} from '../../src/protocol';
import type { ServerConfig } from '../config';
import type { TokenIssuer } from '../auth/tokens';
import type { Simulator } from '../sim/types';
import { pnlSubscribedBytes } from './pnl-snapshot';
import { RateLimiter } from './rate-limiter';
import { createTimestamps, updateFrameJson, type EncodedUpdate } from './update-frame';

const timestamp = createTimestamps();

export type ActiveSubscription = { sub: Subscription; seq: number };

export type ConnectionDeps = {
  config: ServerConfig;
  sim: Simulator;
  tokens: TokenIssuer;
  now: () => number;
  log: (msg: string) => void;
};

export class Connection {
  userId: string | undefined;
  expiresAt = 0;
  readonly subscriptions = new Map<string, ActiveSubscription>();
  private invalidTokens = 0;
  private authTimer: NodeJS.Timeout | undefined;
  private warnTimer: NodeJS.Timeout | undefined;
  private expireTimer: NodeJS.Timeout | undefined;
  private readonly limiter: RateLimiter;
  private overLimit = 0;
  private lastRateError = 0;
  private closed = false;
  /** Serialises auth verification so a later frame can't overtake an earlier auth. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: WebSocket,
    private readonly deps: ConnectionDeps,
  ) {
    this.limiter = new RateLimiter(deps.config.rateLimit, deps.now);
    this.authTimer = setTimeout(
      () =>
        this.fail('AUTH_REQUIRED', 'authenticate within the deadline', CLOSE_CODES.authRequired),
      deps.config.authTimeoutMs,
    );
    socket.on('message', (data, isBinary) => {
      this.queue = this.queue
        .then(() => this.onFrame(data, isBinary))
        .catch((e: unknown) => deps.log(`connection handler failed: ${String(e)}`));
    });
    socket.on('close', () => this.dispose());
    socket.on('error', () => this.dispose());
  }

  get authenticated(): boolean {
    return this.userId !== undefined;
  }

  send(frame: ServerSentFrame): void {
    this.sendJson(JSON.stringify(frame));
  }

  private sendJson(json: string): void {
    if (this.writable()) this.socket.send(json);
  }

  private writable(): boolean {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return false;
    if (this.socket.bufferedAmount > this.deps.config.maxBufferedBytes) {
      this.cutOff();
      return false;
    }
    return true;
  }

  /**
   * Sends one live update to a subscription, numbering it with that subscription's seq. The
   * update comes serialised (encodeUpdate), so a fan-out serialises it once for all sockets.
   */
  sendUpdate<T extends Topic>(key: string, topic: T, update: EncodedUpdate<T>): void {
    const active = this.subscriptions.get(key);
    if (!active) return;
    active.seq += 1;
    this.sendJson(updateFrameJson(topic, active.seq, update, timestamp(this.deps.now())));
  }

  error(id: string | undefined, code: ErrorCode, message: string): void {
    this.send(serverMessages.error(id, code, message, this.deps.now()));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.dispose();
    this.socket.close(code, reason);
  }

  /**
   * A slow consumer's close frame queues behind everything it has not read, so it may never
   * see it: after a short grace the socket is destroyed and its unsent bytes freed, instead
   * of holding them through ws's 30 s closing handshake.
   */
  private cutOff(): void {
    if (this.closed) return;
    this.deps.log(
      `closing a slow consumer (user ${this.userId ?? '-'}, ${this.socket.bufferedAmount} bytes unsent)`,
    );
    this.close(CLOSE_CODES.policyViolation, 'client too slow');
    setTimeout(() => this.socket.terminate(), this.deps.config.slowConsumerGraceMs).unref();
  }

  /** Sends `authExpired` and closes 4002, as at the natural end of a session. */
  expire(): void {
    this.send(serverMessages.authExpired(this.expiresAt, this.deps.now()));
    this.close(CLOSE_CODES.sessionExpired, 'session expired');
  }

  warnRefresh(): void {
    this.send(serverMessages.refreshAuth(this.expiresAt, this.deps.now()));
  }

  private fail(code: ErrorCode, message: string, closeCode: number): void {
    this.error(undefined, code, message);
    this.close(closeCode, message);
  }

  private dispose(): void {
    this.closed = true;
    clearTimeout(this.authTimer);
    clearTimeout(this.warnTimer);
    clearTimeout(this.expireTimer);
  }

  private async onFrame(data: RawData, isBinary: boolean): Promise<void> {
    if (this.closed) return;
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
    const limit = this.deps.config.maxFrameBytes;
    if (size > limit) {
      this.error(undefined, 'INVALID_MESSAGE', `frame exceeds ${limit} bytes`);
      this.close(CLOSE_CODES.policyViolation, 'frame too large');
      return;
    }
    if (!this.limiter.take()) {
      this.overLimit += 1;
      const t = this.deps.now();
      if (t - this.lastRateError >= 1000) {
        this.lastRateError = t;
        this.error(undefined, 'RATE_LIMITED', 'too many messages; slow down');
      }
      if (this.overLimit > this.deps.config.rateLimit * 4) {
        this.close(CLOSE_CODES.policyViolation, 'message flood');
      }
      return;
    }
    if (isBinary) {
      this.error(undefined, 'INVALID_MESSAGE', 'binary frames are not part of the protocol');
      return;
    }
    const parsed = parseClientFrame(data.toString());
    if (!parsed.ok) {
      this.error(parsed.id, parsed.error.code, parsed.error.message);
      return;
    }
    const command = parsed.command;
    if (command.kind === 'auth') return this.authenticate(command.id, command.token);
    if (!this.authenticated) {
      this.fail('AUTH_REQUIRED', 'authenticate before anything else', CLOSE_CODES.authRequired);
      return;
    }
    switch (command.kind) {
      case 'ping':
        this.send(serverMessages.pong(command.id, this.deps.now()));
        return;
      case 'subscribe':
        return this.subscribe(command.id, command.topic, command.params);
      case 'unsubscribe':
        return this.unsubscribe(command.id, command.topic, command.params);
      case 'unsupportedRequest':
        this.error(command.id, 'INVALID_MESSAGE', `unsupported request ${command.path}`);
        return;
    }
  }

  private async authenticate(id: string | undefined, token: string | undefined): Promise<void> {
    const rejected = (message: string) => {
      this.invalidTokens += 1;
      this.error(id, 'INVALID_TOKEN', message);
      if (this.invalidTokens >= this.deps.config.maxInvalidTokens) {
        this.close(CLOSE_CODES.tooManyInvalidTokens, 'too many invalid tokens');
      }
    };
    if (!token) return rejected('token is required');
    const verdict = await this.deps.tokens.verifyAccess(token);
    if (this.closed) return;
    if (!verdict.ok) return rejected(verdict.reason);
    if (this.userId !== undefined && verdict.userId !== this.userId) {
      return rejected('token belongs to a different user than this session');
    }
    if (!this.deps.sim.userById(verdict.userId)) return rejected('unknown user');
    clearTimeout(this.authTimer);
    this.userId = verdict.userId;
    const now = this.deps.now();
    this.expiresAt = now + this.deps.config.sessionTtlMs;
    this.scheduleSession(now);
    this.send(
      serverMessages.authSuccess(id, { userId: this.userId, expiresAt: this.expiresAt }, now),
    );
  }

  private scheduleSession(now: number): void {
    clearTimeout(this.warnTimer);
    clearTimeout(this.expireTimer);
    const { sessionTtlMs, refreshWarningMs } = this.deps.config;
    this.warnTimer = setTimeout(
      () => this.warnRefresh(),
      Math.max(0, sessionTtlMs - refreshWarningMs),
    );
    this.expireTimer = setTimeout(() => this.expire(), Math.max(0, this.expiresAt - now));
  }

  private subscribe(id: string | undefined, topic: unknown, params: unknown): void {
    const result = validateSubscription(topic, params);
    if (!result.ok) return this.error(id, result.error.code, result.error.message);
    const { sub } = result;
    const key = subscriptionKey(sub);
    if (!this.owns(sub)) return this.accessDenied(id, sub);
    if (
      !this.subscriptions.has(key) &&
      this.subscriptions.size >= this.deps.config.maxSubscriptions
    ) {
      return this.error(
        id,
        'RATE_LIMITED',
        `at most ${this.deps.config.maxSubscriptions} subscriptions`,
      );
    }
    // Re-subscribing replaces: a fresh snapshot and a fresh seq, never a second stream.
    this.subscriptions.set(key, { sub, seq: 0 });
    if (sub.topic === 'pnl') return this.sendPnlSnapshot(id, sub);
    this.send(
      serverMessages.subscribed(
        id,
        sub.topic,
        sub.params,
        this.snapshot(sub) as never,
        this.deps.now(),
      ),
    );
  }

  private unsubscribe(id: string | undefined, topicName: unknown, params: unknown): void {
    // Only what names the stream is checked: the documented pnl unsubscribe names only accountId.
    const pnl = resolveTopic(topicName) === 'pnl';
    const result = validateSubscription(pnl ? 'account' : topicName, params);
    if (!result.ok) return this.error(id, result.error.code, result.error.message);
    // Refused like a subscribe: an ack would confirm the foreign account is a valid target.
    if (!this.owns(result.sub)) return this.accessDenied(id, result.sub);
    const topic = pnl ? 'pnl' : result.sub.topic;
    const accountId = 'accountId' in result.sub.params ? result.sub.params.accountId : undefined;
    this.subscriptions.delete(topicKey(topic, accountId));
    this.send(serverMessages.unsubscribed(id, topic, result.sub.params, this.deps.now()));
  }

  /** User-level topics are always the caller's; account topics only for their own accounts. */
  private owns(sub: Subscription): boolean {
    return (
      !('accountId' in sub.params) || this.deps.sim.ownerOf(sub.params.accountId) === this.userId
    );
  }

  private accessDenied(id: string | undefined, sub: Subscription): void {
    const accountId = 'accountId' in sub.params ? sub.params.accountId : '';
    this.error(id, 'ACCESS_DENIED', `account ${accountId} is not yours`);
  }

  /** Same frame as `send(serverMessages.subscribed(…))`, see pnl-snapshot.ts for why not. */
  private sendPnlSnapshot(id: string | undefined, sub: Extract<Subscription, { topic: 'pnl' }>) {
    if (!this.writable()) return;
    const { accountId, interval, startTime } = sub.params;
    // The candles' now first, then the envelope's, as the generic path evaluated them.
    const candles = this.deps.sim.candlesJson(
      accountId,
      interval,
      Date.parse(startTime),
      this.deps.now(),
    );
    const envelope = serverMessages.subscribed(
      id,
      'pnl',
      sub.params,
      { candles: [] },
      this.deps.now(),
    );
    // A text frame, as a string would have been sent; ws would otherwise mark a Buffer binary.
    this.socket.send(pnlSubscribedBytes(envelope, candles), { binary: false });
  }

  private snapshot(sub: Exclude<Subscription, { topic: 'pnl' }>) {
    const { sim } = this.deps;
    switch (sub.topic) {
      case 'account': {
        const s = sim.accountSnapshot(sub.params.accountId);
        const open = s.orders.filter((o) => !TERMINAL_ORDER_STATUSES.has(o.ordStatus));
        return {
          ...s.info,
          ...s.balance,
          positions: s.positions,
          orders: open.map(toLegacyOrder),
          ordersV2: s.orders,
        };
      }
      case 'watchlist':
        return { watchlists: sim.watchlists(this.userId ?? '') };
      case 'news':
        return { articles: sim.news(sub.params, 50) };
    }
  }
}
