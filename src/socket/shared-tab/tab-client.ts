/**
 * One tab's view of the shared stream: what this tab wants, and the gate between the relayed
 * messages (from the leader, which may be this very tab) and this tab's own dispatcher.
 *
 * - A key is fed to the dispatcher only once this tab has its snapshot on the current leader
 *   connection: updates that arrive before it are dropped (the snapshot will include them),
 *   so a joining tab never builds state from a partial stream and never shows it as live.
 * - Messages streamed with params other than this tab's (another tab's claim won, see
 *   intent-table.ts) are not this tab's data: they are dropped, and a key that was live is
 *   marked stale until a snapshot with this tab's params arrives.
 * - When the leader's connection leaves an up state, or the leader changes, every key needs a
 *   new snapshot; the dispatcher marks them stale from the state change itself.
 * - Each leader connection gets a local connection id that only grows, so the dispatcher's
 *   "ignore an old connection" rule keeps working across leaders (each counts from 1).
 */
import { subscriptionKey, updateSubscriptionKey } from '../../protocol';
import type { DropReason, InboundMessage, Subscription } from '../../protocol';
import { SubscriptionRegistry } from '../subscription-registry';
import type { ConnectionState, MessageMeta, SocketListener } from '../types';
import type { Intent } from './intent-table';
import { stableKey } from './stable-key';

export type TabListener = SocketListener & {
  expect(sub: Subscription): void;
  forget(key: string): void;
  onRtt(ms: number): void;
  superseded(key: string): void;
};

const UP = new Set(['authenticated', 'subscribed', 'refreshWarning']);

export class TabClient {
  /** This tab's wants; `active` = its snapshot arrived on the current leader connection. */
  readonly registry = new SubscriptionRegistry();
  private readonly claims = new Map<string, number>();
  private readonly connIds = new Map<string, number>();
  private lastConnId = 0;
  private up = false;

  constructor(
    private readonly listener: TabListener,
    private readonly opts: { now: () => number },
  ) {}

  want(sub: Subscription): void {
    const entry = this.registry.want(sub);
    this.claims.set(entry.key, this.opts.now());
    this.listener.expect(sub);
  }

  drop(key: string): void {
    if (!this.registry.drop(key)) return;
    this.claims.delete(key);
    this.listener.forget(key);
  }

  /** The trader is looking at this tab: its params should win every conflict from now on. */
  reclaim(): void {
    const at = this.opts.now();
    for (const key of this.claims.keys()) this.claims.set(key, at);
  }

  intents(): Intent[] {
    return this.registry.all().map((e) => ({ sub: e.sub, claimedAt: this.claims.get(e.key) ?? 0 }));
  }

  /** Keys still waiting for their snapshot (or refusal) on the current connection. */
  missing(): string[] {
    return this.registry
      .all()
      .filter((e) => e.status.state === 'pending')
      .map((e) => e.key);
  }

  onState(state: ConnectionState): void {
    const up = UP.has(state.status);
    if (this.up && !up) this.registry.resetAll();
    this.up = up;
    this.listener.onState(state);
  }

  /** A message as the leader tab `leaderTab` received it (meta.connectionId is its count). */
  onMessage(leaderTab: string, msg: InboundMessage, meta: MessageMeta): void {
    const local: MessageMeta = { ...meta, connectionId: this.localConnection(leaderTab, meta) };
    switch (msg.kind) {
      case 'subscribed': {
        const entry = this.ownEntry(meta.subscriptionKey);
        if (entry === null) return this.listener.onMessage(msg, local);
        if (!entry) return;
        if (!this.isMine(entry.sub, meta.subscription)) {
          if (entry.status.state === 'active') this.listener.superseded(entry.key);
          entry.status = { state: 'pending' };
          return;
        }
        entry.status = { state: 'active' };
        return this.listener.onMessage(msg, local);
      }
      case 'update': {
        const entry = this.registry.get(meta.subscriptionKey ?? updateSubscriptionKey(msg));
        if (!entry || entry.status.state !== 'active') return;
        if (!this.isMine(entry.sub, meta.subscription)) return;
        return this.listener.onMessage(msg, local);
      }
      case 'error': {
        const entry = this.ownEntry(meta.subscriptionKey);
        if (entry === null) return this.listener.onMessage(msg, local);
        if (!entry || !this.isMine(entry.sub, meta.subscription)) return;
        entry.status = { state: 'error', code: msg.code, message: msg.message };
        return this.listener.onMessage(msg, local);
      }
      case 'unsubscribed':
        // The leader unsubscribes only when no tab wants the key; this tab forgot it itself.
        return;
      default:
        return this.listener.onMessage(msg, local);
    }
  }

  onDrop(reason: DropReason, detail: string, frame?: unknown): void {
    this.listener.onDrop(reason, detail, frame);
  }

  onRtt(ms: number): void {
    this.listener.onRtt(ms);
  }

  /** The entry for a keyed message; null when the message has no key (connection-level). */
  private ownEntry(key: string | undefined) {
    return key === undefined ? null : this.registry.get(key);
  }

  private isMine(mine: Subscription, served: Subscription | undefined): boolean {
    return served !== undefined && subscriptionKey(served) === subscriptionKey(mine)
      ? stableKey(served) === stableKey(mine)
      : false;
  }

  private localConnection(leaderTab: string, meta: MessageMeta): number {
    const id = `${leaderTab}#${meta.connectionId}`;
    let local = this.connIds.get(id);
    if (local === undefined) this.connIds.set(id, (local = ++this.lastConnId));
    return local;
  }
}
