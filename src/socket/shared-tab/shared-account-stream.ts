/**
 * One socket per browser, not per tab: the AccountSocket surface the app uses, shared
 * by every tab of the same user and socket URL.
 *
 * Election: each tab asks for the group's leader lock (Web Locks). The holder runs the real
 * AccountSocket (leader-hub.ts); the lock is released when that tab closes, crashes or signs
 * out, and the next tab in the lock's queue takes over at once with the union of every tab's
 * intents. Every tab also holds a lock of its own for life, which the leader queues for: it is
 * granted exactly when that tab is gone, so a crashed tab's subscriptions are released too.
 *
 * Fan-out: the leader relays its connection state and every validated message over a
 * BroadcastChannel; each tab (the leader included) feeds them through its TabClient gate to
 * its own dispatcher. Tabs send their intents (whole list + keys lacking a snapshot); every
 * tab keeps the merged table, so whoever leads next already knows what everyone wants.
 */
import type { Subscription } from '../../protocol';
import type { SocketStats } from '../account-socket';
import type { ConnectionState, SocketListener } from '../types';
import { IntentTable } from './intent-table';
import { LeaderHub, type LeaderSocket } from './leader-hub';
import { TabClient, type TabListener } from './tab-client';
import { isTabMessage, type TabMessage } from './tab-messages';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The subset of the Web Locks API used here (navigator.locks satisfies it). */
export type LockManagerLike = {
  request(
    name: string,
    options: { signal?: AbortSignal },
    callback: () => Promise<void> | void,
  ): Promise<unknown>;
};

/** The subset of BroadcastChannel used here. */
export type ChannelLike = {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
};

export type TabRole = 'joining' | 'leader' | 'follower' | 'left';

export type SharedAccountStreamOptions = {
  /** Names the group: derived from the user and the socket URL (group-name.ts). */
  groupName: string | Promise<string>;
  /** Random per tab and session; never reused. */
  tabId: string;
  locks: LockManagerLike;
  openChannel(name: string): ChannelLike;
  createSocket(listener: SocketListener & { onRtt(ms: number): void }): LeaderSocket;
  /** This tab's dispatcher. */
  listener: TabListener;
  now?: () => number;
  onRole?(role: TabRole): void;
  /**
   * Wires "the trader is looking at this tab" (reclaim) and "this page is gone for good"
   * (leave) to the environment; returns the detach function.
   */
  attention?(reclaim: () => void, leave: () => void): () => void;
  log?(msg: string): void;
};

const ignoreAbort = () => {};

export class SharedAccountStream {
  private readonly table = new IntentTable();
  private readonly client: TabClient;
  private readonly now: () => number;
  private readonly abort = new AbortController();
  private hub: LeaderHub | undefined;
  private channel: ChannelLike | undefined;
  private name: string | undefined;
  private leaderId: string | undefined;
  private sawLeader = false;
  private started = false;
  private left = false;
  private publishQueued = false;
  private releaseLocks: Array<() => void> = [];
  private detachAttention: (() => void) | undefined;
  private readonly watched = new Set<string>();
  private state: ConnectionState;
  private readonly stats: SocketStats = {
    connectionId: 0,
    reconnects: 0,
    resubscribes: 0,
    framesReceived: 0,
    framesDecodedOffThread: 0,
    framesDropped: {},
  };

  constructor(private readonly opts: SharedAccountStreamOptions) {
    this.now = opts.now ?? Date.now;
    this.client = new TabClient(opts.listener, { now: this.now });
    this.state = { status: 'idle', reason: 'not started', since: this.now() };
  }

  // ---- the AccountSocket surface the app uses ---------------------------------------------

  /** This tab's wants; an entry is active once its snapshot reached this tab. */
  get registry() {
    return this.client.registry;
  }

  getState(): ConnectionState {
    return this.state;
  }

  /** The leader's socket stats when this tab leads; else what this tab received. */
  getStats(): SocketStats {
    if (this.hub) return this.hub.socket.getStats();
    return { ...this.stats, framesDropped: { ...this.stats.framesDropped } };
  }

  getRole(): TabRole {
    if (this.left) return 'left';
    if (this.hub) return 'leader';
    return this.leaderId ? 'follower' : 'joining';
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.setState({ status: 'connecting', attempt: 1, reason: 'joining the other open tabs' });
    this.opts.onRole?.('joining');
    this.detachAttention = this.opts.attention?.(
      () => this.reclaim(),
      () => this.stop('page closed'),
    );
    void this.join().catch((e: unknown) => this.runAlone(e));
  }

  stop(reason = 'stopped'): void {
    if (this.left) return;
    const hub = this.hub;
    this.leave({ status: 'disconnected', needsSignIn: false, reason });
    hub?.stop(reason);
  }

  subscribe(sub: Subscription): void {
    this.client.want(sub);
    this.intentsChanged();
  }

  unsubscribe(key: string): void {
    this.client.drop(key);
    this.intentsChanged();
  }

  /** The trader is looking at this tab: its params win conflicting keys (intent-table.ts). */
  reclaim(): void {
    if (this.client.registry.all().length === 0) return;
    this.client.reclaim();
    this.intentsChanged();
  }

  // ---- joining and leading ----------------------------------------------------------------

  private async join(): Promise<void> {
    const name = await this.opts.groupName;
    if (this.left) return;
    this.name = name;
    const signal = this.abort.signal;
    // Held for life: the leader queues for it to learn when this tab is gone, crash included.
    await new Promise<void>((granted, failed) => {
      this.opts.locks
        .request(`${name}:tab:${this.opts.tabId}`, { signal }, () => {
          granted();
          return new Promise<void>((release) => this.releaseLocks.push(release));
        })
        .catch((e: unknown) => (this.left ? granted() : failed(e)));
    });
    if (this.left) return;
    const channel = this.opts.openChannel(`${name}:bus`);
    this.channel = channel;
    channel.onmessage = (ev) => {
      if (this.channel === channel) this.onTabMessage(ev.data);
    };
    this.publishNow();
    this.opts.locks.request(`${name}:leader`, { signal }, () => this.lead()).catch(ignoreAbort);
  }

  /**
   * Sharing failed to set up (a lock refused, e.g. in a sandboxed frame): this tab streams on
   * its own, as without sharing, rather than not at all.
   */
  private runAlone(e: unknown): void {
    if (this.left || this.hub) return;
    this.log(`cannot share the connection with other tabs, using this tab's own: ${String(e)}`);
    this.channel?.close();
    this.channel = undefined;
    for (const tab of this.table.tabIds()) if (tab !== this.opts.tabId) this.table.remove(tab);
    this.startHub();
  }

  private lead(): Promise<void> {
    if (this.left) return Promise.resolve();
    const previous = this.leaderId;
    // The lock is free only when the previous leader is gone: its intents go with it.
    if (previous && previous !== this.opts.tabId) this.table.remove(previous);
    this.startHub();
    return new Promise<void>((release) => this.releaseLocks.push(release));
  }

  private startHub(): void {
    this.leaderId = this.opts.tabId;
    this.sawLeader = true;
    this.table.set(this.opts.tabId, this.client.intents());
    const self = this.opts.tabId;
    this.hub = new LeaderHub(this.table, (l) => this.opts.createSocket(l), {
      onState: (s) => this.onLeaderState(s),
      onMessage: (msg, meta) => {
        this.client.onMessage(self, msg, meta);
        // Cloning every message of a burst for nobody would tax a lone tab: relay only what
        // another tab wants (a tab that joins later asks for a snapshot anyway).
        const key = meta.subscriptionKey;
        if (
          key === undefined ? this.table.tabIds().length > 1 : this.table.wantedByOthers(key, self)
        )
          this.post({ t: 'msg', from: self, msg, meta });
      },
      // The raw frame stays in this tab (diagnostics); other tabs get the reason only.
      onDrop: (reason, detail, frame) => {
        this.client.onDrop(reason, detail, frame);
        this.post({ t: 'drop', from: self, reason, detail });
      },
      onRtt: (ms) => {
        this.client.onRtt(ms);
        this.post({ t: 'rtt', from: self, ms });
      },
    });
    for (const tab of this.table.tabIds()) this.watchTab(tab);
    // Announce first: followers accept state and messages only from the tab they follow.
    this.post({
      t: 'leader',
      from: self,
      state: {
        status: 'connecting',
        attempt: 1,
        reason: 'another tab took over',
        since: this.now(),
      },
    });
    this.opts.onRole?.('leader');
    this.hub.start();
  }

  private onLeaderState(state: ConnectionState): void {
    if (state.status === 'disconnected' && state.needsSignIn) {
      // This tab's credentials failed; the others' may not have. Hand the connection over
      // instead of telling every tab to sign in.
      this.hub = undefined;
      this.leave(state);
      return;
    }
    this.setState(state);
    this.post({ t: 'state', from: this.opts.tabId, state });
  }

  /** Queues for `tabId`'s life lock; granted when that tab is gone. */
  private watchTab(tabId: string): void {
    if (!this.name || tabId === this.opts.tabId || this.watched.has(tabId)) return;
    this.watched.add(tabId);
    this.opts.locks
      .request(`${this.name}:tab:${tabId}`, { signal: this.abort.signal }, () => {
        this.watched.delete(tabId);
        this.forgetTab(tabId);
        // Said on the dead tab's behalf, so whoever leads next does not resume its streams.
        this.post({ t: 'bye', from: tabId });
      })
      .catch(ignoreAbort);
  }

  private forgetTab(tabId: string): void {
    if (this.table.remove(tabId)) this.hub?.sync();
  }

  // ---- the channel ------------------------------------------------------------------------

  private onTabMessage(data: unknown): void {
    if (this.left || !isTabMessage(data)) return;
    const m = data;
    const fromLeader = !this.hub && m.from === this.leaderId;
    switch (m.t) {
      case 'intents': {
        const known = this.table.has(m.from);
        this.table.set(m.from, m.intents);
        if (!this.hub) return;
        this.watchTab(m.from);
        if (!known) this.post({ t: 'leader', from: this.opts.tabId, state: this.state });
        this.hub.sync();
        this.hub.resnapshot(m.from, m.missing);
        return;
      }
      case 'bye':
        this.forgetTab(m.from);
        if (fromLeader) {
          this.leaderId = undefined;
          this.stats.reconnects++;
          this.setState({
            status: 'connecting',
            attempt: 1,
            reason: 'the tab holding the connection closed; another takes over',
          });
        }
        return;
      case 'leader': {
        if (this.hub || m.from === this.leaderId) {
          if (fromLeader) this.setState(m.state);
          return;
        }
        const previous = this.leaderId;
        const rejoin = this.sawLeader;
        this.leaderId = m.from;
        this.sawLeader = true;
        if (previous) this.table.remove(previous);
        this.opts.onRole?.('follower');
        this.setState(m.state);
        // After a takeover every snapshot is to be fetched again; say so to the new leader.
        if (rejoin) this.publishNow();
        return;
      }
      case 'state':
        if (fromLeader) this.setState(m.state);
        return;
      case 'msg':
        if (!fromLeader) return;
        this.stats.framesReceived++;
        this.stats.lastMessageAt = this.now();
        this.stats.connectionId = m.meta.connectionId;
        this.client.onMessage(m.from, m.msg, m.meta);
        return;
      case 'drop':
        if (!fromLeader) return;
        this.stats.framesDropped[m.reason] = (this.stats.framesDropped[m.reason] ?? 0) + 1;
        this.client.onDrop(m.reason, m.detail);
        return;
      case 'rtt':
        if (!fromLeader) return;
        this.stats.rttMs = m.ms;
        this.client.onRtt(m.ms);
        return;
    }
  }

  private intentsChanged(): void {
    if (this.left) return;
    if (this.hub) {
      this.table.set(this.opts.tabId, this.client.intents());
      this.hub.sync();
      this.hub.resnapshot(this.opts.tabId, this.client.missing());
    }
    // Several holds change in one render: say it once.
    if (this.publishQueued) return;
    this.publishQueued = true;
    queueMicrotask(() => {
      this.publishQueued = false;
      this.publishNow();
    });
  }

  private publishNow(): void {
    this.post({
      t: 'intents',
      from: this.opts.tabId,
      intents: this.client.intents(),
      missing: this.client.missing(),
    });
  }

  private post(message: TabMessage): void {
    if (!this.channel) return;
    try {
      this.channel.postMessage(message);
    } catch (e) {
      this.log(`could not relay to the other tabs: ${String(e)}`);
    }
  }

  /** Leaves the group for good: the others forget this tab and, if it led, one takes over. */
  private leave(final: DistributiveOmit<ConnectionState, 'since'>): void {
    if (this.left) return;
    this.post({ t: 'bye', from: this.opts.tabId });
    this.left = true;
    this.hub = undefined;
    this.detachAttention?.();
    this.abort.abort();
    for (const release of this.releaseLocks.splice(0)) release();
    this.channel?.close();
    this.channel = undefined;
    this.setState(final);
    this.opts.onRole?.('left');
  }

  private setState(next: DistributiveOmit<ConnectionState, 'since'> | ConnectionState): void {
    this.state = { since: this.now(), ...next } as ConnectionState;
    this.client.onState(this.state);
  }

  private log(msg: string): void {
    (this.opts.log ?? ((m: string) => console.warn(`[shared-tab] ${m}`)))(msg);
  }
}
