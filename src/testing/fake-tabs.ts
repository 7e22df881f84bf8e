/**
 * A browser's worth of tabs for the shared-socket tests: Web Locks and BroadcastChannel with
 * the semantics the code relies on (exclusive locks granted in request order, released when
 * the holder's callback settles or its tab dies; channel messages cloned and delivered
 * asynchronously to every other open channel of the same name), and a fake AccountSocket.
 */
import type { InboundMessage, Subscription } from '../protocol';
import { subscriptionKey } from '../protocol';
import type { SocketStats } from '../socket/account-socket';
import { SubscriptionRegistry } from '../socket/subscription-registry';
import type { ConnectionState, MessageMeta, SocketListener } from '../socket/types';
import type { LeaderSocket } from '../socket/shared-tab/leader-hub';
import type { ChannelLike, LockManagerLike } from '../socket/shared-tab/shared-account-stream';
import type { TabListener } from '../socket/shared-tab/tab-client';

type LockRequest = {
  owner: string;
  name: string;
  callback: () => Promise<void> | void;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
};

export class FakeLocks {
  private readonly held = new Map<string, LockRequest>();
  private readonly queues = new Map<string, LockRequest[]>();

  forTab(owner: string): LockManagerLike {
    return { request: (name, options, callback) => this.request(owner, name, options, callback) };
  }

  holder(name: string): string | undefined {
    return this.held.get(name)?.owner;
  }

  heldNames(): string[] {
    return [...this.held.keys()];
  }

  /** The tab's process is gone: its locks are released and its waiting requests dropped. */
  crash(owner: string): void {
    for (const [name, q] of this.queues)
      this.queues.set(
        name,
        q.filter((r) => r.owner !== owner),
      );
    for (const [name, req] of [...this.held]) if (req.owner === owner) this.release(name, req);
  }

  private request(
    owner: string,
    name: string,
    options: { signal?: AbortSignal },
    callback: () => Promise<void> | void,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const req: LockRequest = { owner, name, callback, resolve, reject };
      options.signal?.addEventListener('abort', () => {
        const q = this.queues.get(name) ?? [];
        if (q.includes(req)) {
          this.queues.set(
            name,
            q.filter((r) => r !== req),
          );
          reject(new Error('AbortError'));
        }
      });
      this.queues.set(name, [...(this.queues.get(name) ?? []), req]);
      this.pump(name);
    });
  }

  private pump(name: string): void {
    if (this.held.has(name)) return;
    const q = this.queues.get(name) ?? [];
    const req = q.shift();
    if (!req) return;
    this.held.set(name, req);
    queueMicrotask(() => {
      if (this.held.get(name) !== req) return; // crashed before the grant ran
      Promise.resolve(req.callback()).then(
        (v) => {
          this.release(name, req);
          req.resolve(v);
        },
        (e: unknown) => {
          this.release(name, req);
          req.reject(e);
        },
      );
    });
  }

  private release(name: string, req: LockRequest): void {
    if (this.held.get(name) !== req) return;
    this.held.delete(name);
    this.pump(name);
  }
}

export class FakeBus {
  private readonly open = new Set<{ owner: string; name: string; channel: ChannelLike }>();
  /** Every message posted, for assertions (e.g. no token ever crosses). */
  readonly posted: unknown[] = [];

  forTab(owner: string): (name: string) => ChannelLike {
    return (name) => {
      const entry = {
        owner,
        name,
        channel: {
          onmessage: null,
          postMessage: (message: unknown) => {
            const data = structuredClone(message);
            this.posted.push(data);
            for (const other of this.open)
              if (other !== entry && other.name === name)
                setTimeout(() => {
                  if (this.open.has(other)) other.channel.onmessage?.({ data });
                }, 0);
          },
          close: () => this.open.delete(entry),
        } as ChannelLike,
      };
      this.open.add(entry);
      return entry.channel;
    };
  }

  crash(owner: string): void {
    for (const e of [...this.open]) if (e.owner === owner) this.open.delete(e);
  }
}

/** Stands in for AccountSocket: records what is streamed; the test plays the server. */
export class FakeSocket implements LeaderSocket {
  readonly registry = new SubscriptionRegistry();
  readonly sent: string[] = [];
  private state: ConnectionState = { status: 'idle', reason: 'new', since: 0 };
  private requestSeq = 0;
  started = false;
  stopped = false;

  constructor(readonly listener: SocketListener & { onRtt(ms: number): void }) {}

  start(): void {
    this.started = true;
    this.setState({ status: 'connecting', attempt: 1, reason: 'starting', since: 0 });
  }
  stop(reason = 'stopped'): void {
    this.stopped = true;
    this.setState({ status: 'disconnected', needsSignIn: false, reason, since: 0 });
  }
  subscribe(sub: Subscription): void {
    const e = this.registry.want(sub);
    e.status = { state: 'pending', requestId: `sub-${++this.requestSeq}` };
    this.sent.push(`subscribe ${JSON.stringify(sub)}`);
  }
  unsubscribe(key: string): void {
    if (this.registry.drop(key)) this.sent.push(`unsubscribe ${key}`);
  }
  getState(): ConnectionState {
    return this.state;
  }
  getStats(): SocketStats {
    return {
      connectionId: 1,
      reconnects: 0,
      resubscribes: 0,
      framesReceived: 0,
      framesDecodedOffThread: 0,
      framesDropped: {},
    };
  }

  /** Authenticated and every pending key acknowledged with `snapshot(sub)`. */
  ackAll(snapshot: (sub: Subscription) => InboundMessage): void {
    this.setState({ status: 'authenticated', expiresAt: 1, reason: 'auth', since: 0 });
    for (const e of this.registry.all())
      if (e.status.state === 'pending') this.ack(e.key, snapshot(e.sub));
    this.setState({ status: 'subscribed', expiresAt: 1, reason: 'all live', since: 0 });
  }
  ack(key: string, msg: InboundMessage): void {
    const e = this.registry.get(key)!;
    e.status = { state: 'active' };
    this.listener.onMessage(msg, this.meta(e.sub));
  }
  emit(sub: Subscription, msg: InboundMessage): void {
    this.listener.onMessage(msg, this.meta(sub));
  }
  /** What AccountSocket does when its token is refused: stops itself and asks for a sign-in. */
  refuseToken(): void {
    this.stopped = true;
    this.setState({ status: 'disconnected', needsSignIn: true, reason: 'INVALID_TOKEN', since: 0 });
  }
  setState(s: ConnectionState): void {
    this.state = s;
    this.listener.onState(s);
  }
  private meta(sub: Subscription): MessageMeta {
    return {
      receivedAt: 0,
      connectionId: 1,
      subscription: sub,
      subscriptionKey: subscriptionKey(sub),
    };
  }
}

export type Heard =
  | { call: 'state'; status: string; reason: string }
  | { call: 'message'; kind: string; key?: string; connectionId: number }
  | { call: 'expect' | 'forget'; key: string };

/** A dispatcher that writes down what it was told. */
export function recordingListener(): TabListener & { heard: Heard[]; stale: string[] } {
  const heard: Heard[] = [];
  const stale: string[] = [];
  return {
    heard,
    stale,
    superseded: (key) => stale.push(key),
    onState: (s) => heard.push({ call: 'state', status: s.status, reason: s.reason }),
    onMessage: (m, meta) =>
      heard.push({
        call: 'message',
        kind: m.kind,
        ...(meta.subscriptionKey ? { key: meta.subscriptionKey } : {}),
        connectionId: meta.connectionId,
      }),
    onDrop: () => {},
    onRtt: () => {},
    expect: (sub) => heard.push({ call: 'expect', key: subscriptionKey(sub) }),
    forget: (key) => heard.push({ call: 'forget', key }),
  };
}

/** Lets queued microtasks and zero-delay timers (channel deliveries, lock grants) run. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}
