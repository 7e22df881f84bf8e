/**
 * Several components may want the same stream with different params (the news page's filter
 * over the shell's default feed; the P&L page's range over the overview's sparkline). The
 * protocol keeps one subscription per key and a re-subscribe replaces it, so holds on a key
 * form a stack: the newest hold is what the server streams, and releasing it restores the
 * one below (or unsubscribes when none is left).
 */
import { subscriptionKey } from '../protocol';
import type { Subscription } from '../protocol';

export type StreamTarget = {
  subscribe(sub: Subscription): void;
  unsubscribe(key: string): void;
};

type Hold = { sub: Subscription };

const holdsByTarget = new WeakMap<StreamTarget, Map<string, Hold[]>>();

const sameSub = (a: Subscription, b: Subscription) => JSON.stringify(a) === JSON.stringify(b);

/** Ask for `sub` until the returned release function is called. */
export function holdStream(target: StreamTarget, sub: Subscription): () => void {
  let byKey = holdsByTarget.get(target);
  if (!byKey) holdsByTarget.set(target, (byKey = new Map()));
  const key = subscriptionKey(sub);
  const stack = byKey.get(key) ?? [];
  byKey.set(key, stack);
  const hold: Hold = { sub };
  const top = stack.at(-1);
  stack.push(hold);
  if (!top || !sameSub(top.sub, sub)) target.subscribe(sub);

  let released = false;
  return () => {
    if (released) return;
    released = true;
    const wasTop = stack.at(-1) === hold;
    stack.splice(stack.indexOf(hold), 1);
    if (!wasTop) return;
    const next = stack.at(-1);
    if (!next) {
      byKey.delete(key);
      target.unsubscribe(key);
    } else if (!sameSub(next.sub, sub)) {
      target.subscribe(next.sub);
    }
  };
}

/**
 * Releases a hold after the current synchronous work, so a component that swaps one hold for
 * another in the same React commit (cleanup, then the new effect) re-subscribes in one step:
 * the new hold is on top before the old one goes, so nothing is unsubscribed in between and
 * the data already on screen stays until the new snapshot replaces it.
 */
export function releaseAfterCommit(release: () => void): void {
  queueMicrotask(release);
}
