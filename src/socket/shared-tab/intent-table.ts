/**
 * Every tab's subscription intents, merged into what the one shared socket should stream.
 *
 * Reference counting falls out of the shape: a key is streamed while at least one tab wants
 * it and is unsubscribed from the server only when the last tab lets go.
 *
 * Conflicts (two tabs want the same key with different params, e.g. `/pnl` over one week in
 * one tab and the overview's intraday sparkline in another): the protocol keeps one
 * subscription per key, so exactly one tab's params can be streamed. The newest CLAIM wins;
 * a tab claims its keys when it subscribes them and again whenever it is focused or becomes
 * visible, so the tab the trader is looking at is the one served. A tab whose params lost
 * drops those messages and shows its data as stale until it claims again (tab-client.ts).
 * Ties (same millisecond) go to the larger tab id, so every tab computes the same winner.
 */
import { subscriptionKey, type Subscription } from '../../protocol';
import { stableKey } from './stable-key';

export type Intent = { sub: Subscription; claimedAt: number };

type Claim = Intent & { tabId: string };

export class IntentTable {
  private readonly tabs = new Map<string, ReadonlyMap<string, Intent>>();

  /** Replaces everything `tabId` wants (a tab always sends its whole list: lost or repeated messages cannot skew a count). */
  set(tabId: string, intents: readonly Intent[]): void {
    this.tabs.set(tabId, new Map(intents.map((i) => [subscriptionKey(i.sub), i])));
  }

  /** Returns whether the tab was known. */
  remove(tabId: string): boolean {
    return this.tabs.delete(tabId);
  }

  has(tabId: string): boolean {
    return this.tabs.has(tabId);
  }

  tabIds(): string[] {
    return [...this.tabs.keys()];
  }

  /** What `tabId` wants for `key`, if anything. */
  intentOf(tabId: string, key: string): Intent | undefined {
    return this.tabs.get(tabId)?.get(key);
  }

  /** Whether a tab other than `self` wants `key` (with any params). */
  wantedByOthers(key: string, self: string): boolean {
    for (const [tabId, intents] of this.tabs) if (tabId !== self && intents.has(key)) return true;
    return false;
  }

  /** How many tabs want `key` (with any params). */
  wanters(key: string): number {
    let n = 0;
    for (const intents of this.tabs.values()) if (intents.has(key)) n++;
    return n;
  }

  /** Per key, the subscription the server should stream: the newest claim. */
  desired(): Map<string, Subscription> {
    const best = new Map<string, Claim>();
    for (const [tabId, intents] of this.tabs) {
      for (const [key, intent] of intents) {
        const cur = best.get(key);
        if (
          !cur ||
          intent.claimedAt > cur.claimedAt ||
          (intent.claimedAt === cur.claimedAt && tabId > cur.tabId)
        )
          best.set(key, { ...intent, tabId });
      }
    }
    return new Map([...best].map(([key, c]) => [key, c.sub]));
  }
}

export type SyncPlan = { subscribe: Subscription[]; unsubscribe: string[] };

/** What to send so the socket streams `desired`, given what it streams (`current`). */
export function planSync(
  current: ReadonlyMap<string, Subscription>,
  desired: ReadonlyMap<string, Subscription>,
): SyncPlan {
  const subscribe: Subscription[] = [];
  for (const [key, sub] of desired) {
    const cur = current.get(key);
    if (!cur || stableKey(cur) !== stableKey(sub)) subscribe.push(sub);
  }
  const unsubscribe = [...current.keys()].filter((key) => !desired.has(key));
  return { subscribe, unsubscribe };
}
