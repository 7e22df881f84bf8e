/**
 * The registry of intent: what the app wants to be subscribed to, independent of any socket.
 * After every (re)connect the socket replays it; raw frames are never queued across a drop
 * (a stale order replayed later would be a double send), so a reconnect can only ever re-send subscribe requests.
 */
import { subscriptionKey, type Subscription } from '../protocol';

export type EntryStatus =
  | { state: 'pending'; requestId?: string }
  | { state: 'active'; requestId?: string }
  | { state: 'error'; code: string; message: string };

export type RegistryEntry = {
  key: string;
  sub: Subscription;
  status: EntryStatus;
  lastSeq?: number;
};

export class SubscriptionRegistry {
  private readonly entries = new Map<string, RegistryEntry>();

  /** Adds or replaces (same key, new params) and returns the entry, now pending. */
  want(sub: Subscription): RegistryEntry {
    const key = subscriptionKey(sub);
    const entry: RegistryEntry = { key, sub, status: { state: 'pending' } };
    this.entries.set(key, entry);
    return entry;
  }

  drop(key: string): RegistryEntry | undefined {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    return entry;
  }

  get(key: string): RegistryEntry | undefined {
    return this.entries.get(key);
  }

  byRequestId(id: string | undefined): RegistryEntry | undefined {
    if (!id) return undefined;
    for (const e of this.entries.values()) {
      if ('requestId' in e.status && e.status.requestId === id) return e;
    }
    return undefined;
  }

  all(): RegistryEntry[] {
    return [...this.entries.values()];
  }

  /** Every entry back to pending: what a fresh connection must (re)subscribe. */
  resetAll(): void {
    for (const e of this.entries.values()) {
      e.status = { state: 'pending' };
      delete e.lastSeq;
    }
  }

  allActive(): boolean {
    return this.all().every((e) => e.status.state !== 'pending');
  }
}
