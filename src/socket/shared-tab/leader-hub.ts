/**
 * The leader tab's side: the one real socket, fed the merged intents of every tab, and a
 * listener that hands each validated message to this tab and to every other tab.
 *
 * A tab that joins (or lost its snapshots in a leader change) says which keys it lacks; the
 * leader re-subscribes those keys so the server sends a fresh snapshot, which every tab on
 * that key applies (a snapshot replaces state, so the others just converge again). The
 * server's truth is the only source: nothing is cached and replayed from a tab's memory.
 */
import type { AccountStream } from '../account-socket';
import { forwardListener } from '../forward-listener';
import type { SocketListener } from '../types';
import { planSync, type IntentTable } from './intent-table';
import { stableKey } from './stable-key';

/** The part of AccountSocket the hub drives. */
export type LeaderSocket = AccountStream;

/** Where the hub sends what the socket says: this tab, and the others. */
export type HubOutput = SocketListener & { onRtt(ms: number): void };

export class LeaderHub {
  readonly socket: LeaderSocket;

  constructor(
    private readonly table: IntentTable,
    createSocket: (listener: HubOutput) => LeaderSocket,
    output: HubOutput,
  ) {
    // No expect/forget reach the output: which keys a tab shows is each tab's own business
    // (tab-client.ts), and HubOutput has none to forward to.
    this.socket = createSocket(forwardListener(output));
  }

  /** Starts with the union of every intent known so far (a takeover resumes them all at once). */
  start(): void {
    this.sync();
    this.socket.start();
  }

  stop(reason: string): void {
    this.socket.stop(reason);
  }

  /** Makes the socket stream exactly the merged intents: subscribe new or changed, drop unwanted. */
  sync(): void {
    const current = new Map(this.socket.registry.all().map((e) => [e.key, e.sub]));
    const plan = planSync(current, this.table.desired());
    for (const sub of plan.subscribe) this.socket.subscribe(sub);
    for (const key of plan.unsubscribe) this.socket.unsubscribe(key);
  }

  /**
   * `tabId` lacks the snapshot of `keys`. A key whose snapshot is still on its way (pending)
   * reaches every tab anyway; one already delivered is asked for again. A key streamed with
   * another tab's params is skipped: a snapshot would not be this tab's data.
   */
  resnapshot(tabId: string, keys: readonly string[]): void {
    for (const key of keys) {
      const entry = this.socket.registry.get(key);
      const intent = this.table.intentOf(tabId, key);
      if (!entry || !intent || entry.status.state === 'pending') continue;
      if (stableKey(entry.sub) !== stableKey(intent.sub)) continue;
      this.socket.subscribe(entry.sub);
    }
  }
}
