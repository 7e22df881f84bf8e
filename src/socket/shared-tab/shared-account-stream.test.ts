import { describe, expect, it } from 'vitest';
import type { InboundMessage, Subscription } from '../../protocol';
import { subscriptionKey } from '../../protocol';
import {
  FakeBus,
  FakeLocks,
  FakeSocket,
  recordingListener,
  settle,
  type Heard,
} from '../../testing/fake-tabs';
import {
  accountSnapshotMsg,
  accountSub,
  orderUpdateMsg,
  pnlSnapshotMsg,
  pnlSub,
  sampleAccountSnapshot,
  sampleOrder,
} from '../../testing/store-samples';
import { SharedAccountStream } from './shared-account-stream';

const NEWS: Subscription = { topic: 'news', params: {} };
const WATCHLIST: Subscription = { topic: 'watchlist', params: {} };

function snapshotFor(sub: Subscription): InboundMessage {
  if (sub.topic === 'account') return accountSnapshotMsg(sampleAccountSnapshot());
  if (sub.topic === 'pnl') return pnlSnapshotMsg([]);
  if (sub.topic === 'news')
    return { kind: 'subscribed', topic: 'news', snapshot: { articles: [] } };
  return { kind: 'subscribed', topic: 'watchlist', snapshot: { watchlists: [] } };
}

/** One browser: tabs share its locks and channels; each leader makes a FakeSocket. */
function browser() {
  const locks = new FakeLocks();
  const bus = new FakeBus();
  const sockets: { owner: string; socket: FakeSocket; dead: boolean }[] = [];
  let clock = 1_000;
  const open = (id: string, subs: Subscription[] = []) => {
    const listener = recordingListener();
    const stale = listener.stale;
    const stream = new SharedAccountStream({
      groupName: 'group',
      tabId: id,
      locks: locks.forTab(id),
      openChannel: bus.forTab(id),
      createSocket: (l) => {
        const socket = new FakeSocket(l);
        sockets.push({ owner: id, socket, dead: false });
        return socket;
      },
      listener,
      now: () => ++clock,
      log: () => {},
    });
    stream.start();
    for (const s of subs) stream.subscribe(s);
    return { id, stream, listener, stale };
  };
  type Tab = ReturnType<typeof open>;
  return {
    locks,
    bus,
    open,
    /** The process of `tab` is gone: no bye, no cleanup; the browser frees its locks. */
    crash(tab: Tab) {
      for (const s of sockets) if (s.owner === tab.id) s.dead = true;
      locks.crash(tab.id);
      bus.crash(tab.id);
    },
    live: () => sockets.filter((s) => !s.dead && s.socket.started && !s.socket.stopped),
    socket() {
      const live = this.live();
      if (live.length !== 1) throw new Error(`${live.length} live sockets`);
      return live[0]!.socket;
    },
  };
}

const kinds = (heard: Heard[], key?: string) =>
  heard.flatMap((h) => (h.call === 'message' && (!key || h.key === key) ? [h.kind] : []));
const keysOf = (s: FakeSocket) =>
  s.registry
    .all()
    .map((e) => e.key)
    .sort();

describe('SharedAccountStream', () => {
  it('[TAB-8] three tabs: one socket streams the union of their intents and every tab gets its keys', async () => {
    const b = browser();
    const a = b.open('a', [accountSub(), NEWS]);
    const t2 = b.open('b', [accountSub()]);
    const t3 = b.open('c', [WATCHLIST]);
    await settle();
    expect(b.live()).toHaveLength(1);
    expect(a.stream.getRole()).toBe('leader');
    expect([t2.stream.getRole(), t3.stream.getRole()]).toEqual(['follower', 'follower']);
    const socket = b.socket();
    expect(keysOf(socket)).toEqual(['account:A-10001', 'news', 'watchlist']);

    socket.ackAll(snapshotFor);
    socket.emit(accountSub(), orderUpdateMsg(sampleOrder()));
    await settle();
    expect(kinds(a.listener.heard)).toEqual(['subscribed', 'subscribed', 'update']);
    expect(kinds(t2.listener.heard)).toEqual(['subscribed', 'update']);
    expect(kinds(t3.listener.heard)).toEqual(['subscribed']);
    expect(t2.stream.getState().status).toBe('subscribed');
  });

  it('[TAB-22] every account in every tab: the leader streams each account once, however many tabs show them', async () => {
    const b = browser();
    const all = [accountSub('A-10001'), accountSub('A-10002'), NEWS, WATCHLIST];
    const tabs = [b.open('a', all), b.open('b', all), b.open('c', [accountSub('A-10002')])];
    await settle();
    expect(b.live()).toHaveLength(1);
    const socket = b.socket();
    expect(keysOf(socket)).toEqual(['account:A-10001', 'account:A-10002', 'news', 'watchlist']);
    const subscribes = socket.sent.filter((s) => s.startsWith('subscribe'));
    expect(subscribes.filter((s) => s.includes('"A-10001"'))).toHaveLength(1);
    expect(subscribes.filter((s) => s.includes('"A-10002"'))).toHaveLength(1);

    socket.ackAll(snapshotFor);
    socket.emit(accountSub('A-10002'), orderUpdateMsg(sampleOrder({ accountId: 'A-10002' })));
    await settle();
    for (const t of tabs) expect(kinds(t.listener.heard, 'account:A-10002')).toContain('update');
    expect(kinds(tabs[2]!.listener.heard, 'account:A-10001')).toEqual([]);

    // One tab leaving the all-accounts view releases nothing another tab still shows.
    tabs[1]!.stream.unsubscribe('account:A-10001');
    tabs[2]!.stream.unsubscribe('account:A-10002');
    await settle();
    expect(socket.sent.filter((s) => s.startsWith('unsubscribe'))).toEqual([]);
    tabs[0]!.stream.unsubscribe('account:A-10001');
    await settle();
    expect(socket.sent.filter((s) => s.startsWith('unsubscribe'))).toEqual([
      'unsubscribe account:A-10001',
    ]);
  });

  it('[TAB-9] a tab joining a live key gets a fresh snapshot (one resubscribe) before any update', async () => {
    const b = browser();
    const a = b.open('a', [accountSub()]);
    await settle();
    const socket = b.socket();
    socket.ackAll(snapshotFor);
    const sentBefore = socket.sent.length;
    const late = b.open('late', [accountSub()]);
    await settle();
    expect(socket.sent.slice(sentBefore)).toEqual([`subscribe ${JSON.stringify(accountSub())}`]);
    socket.emit(accountSub(), orderUpdateMsg(sampleOrder())); // before the new ack: not applicable
    await settle();
    expect(kinds(late.listener.heard)).toEqual([]);
    socket.ack('account:A-10001', snapshotFor(accountSub()));
    socket.emit(accountSub(), orderUpdateMsg(sampleOrder()));
    await settle();
    expect(kinds(late.listener.heard)).toEqual(['subscribed', 'update']);
    // The leader tab re-applies the same server snapshot: it converges, nothing doubles.
    expect(kinds(a.listener.heard)).toEqual(['subscribed', 'update', 'subscribed', 'update']);
  });

  it('[TAB-10] a key leaves the server only when the last tab lets go', async () => {
    const b = browser();
    const a = b.open('a', [accountSub(), NEWS]);
    const t2 = b.open('b', [accountSub()]);
    await settle();
    const socket = b.socket();
    t2.stream.unsubscribe('account:A-10001');
    await settle();
    expect(socket.sent.filter((s) => s.startsWith('unsubscribe'))).toEqual([]);
    a.stream.unsubscribe('account:A-10001');
    await settle();
    expect(socket.sent.filter((s) => s.startsWith('unsubscribe'))).toEqual([
      'unsubscribe account:A-10001',
    ]);
    expect(keysOf(socket)).toEqual(['news']);
  });

  it('[TAB-11] the leader crashes: the next tab opens one socket with the others’ union, followers go stale until new snapshots', async () => {
    const b = browser();
    const a = b.open('a', [WATCHLIST]);
    const t2 = b.open('b', [accountSub()]);
    const t3 = b.open('c', [accountSub(), NEWS]);
    await settle();
    b.socket().ackAll(snapshotFor);
    await settle();
    b.crash(a);
    await settle();
    expect(t2.stream.getRole()).toBe('leader');
    const socket = b.socket();
    expect(keysOf(socket)).toEqual(['account:A-10001', 'news']); // not the dead tab's watchlist
    const since = t3.listener.heard.length;
    socket.ackAll(snapshotFor);
    socket.emit(accountSub(), orderUpdateMsg(sampleOrder()));
    await settle();
    const after = t3.listener.heard.slice(since);
    expect(
      after.filter((h) => h.call === 'message').map((h) => h.call === 'message' && h.kind),
    ).toEqual(['subscribed', 'subscribed', 'update']);
    // Between the crash and the first new snapshot the follower was told the link is down.
    const downAt = t3.listener.heard.findIndex(
      (h) => h.call === 'state' && h.status === 'connecting' && h.reason.includes('took over'),
    );
    expect(downAt).toBeGreaterThan(-1);
    expect(downAt).toBeLessThan(since);
    const ids = t3.listener.heard.flatMap((h) => (h.call === 'message' ? [h.connectionId] : []));
    expect(ids.at(-1)!).toBeGreaterThan(ids[0]!);
  });

  it('[TAB-12] a follower crashes: the leader releases the keys only it wanted', async () => {
    const b = browser();
    b.open('a', [accountSub()]);
    const t2 = b.open('b', [accountSub(), NEWS]);
    await settle();
    const socket = b.socket();
    expect(keysOf(socket)).toEqual(['account:A-10001', 'news']);
    b.crash(t2);
    await settle();
    expect(keysOf(socket)).toEqual(['account:A-10001']);
  });

  it('[TAB-13] conflicting params: the newest claim is streamed; the other tab drops it and shows stale until it reclaims', async () => {
    const b = browser();
    const today = pnlSub('A-10001', '1m');
    const week = pnlSub('A-10001', '5m');
    const a = b.open('a', [today]);
    await settle();
    const socket = b.socket();
    socket.ackAll(snapshotFor);
    const t2 = b.open('b', [week]);
    await settle();
    expect(socket.registry.get('pnl:A-10001')?.sub).toEqual(week);
    socket.ackAll(snapshotFor);
    await settle();
    expect(a.stale).toEqual(['pnl:A-10001']);
    expect(kinds(t2.listener.heard)).toEqual(['subscribed']);
    expect(kinds(a.listener.heard)).toEqual(['subscribed']); // the 5m snapshot was not applied

    a.stream.reclaim(); // the trader looks at tab a again
    await settle();
    expect(socket.registry.get('pnl:A-10001')?.sub).toEqual(today);
    socket.ackAll(snapshotFor);
    await settle();
    expect(kinds(a.listener.heard)).toEqual(['subscribed', 'subscribed']);
    expect(t2.stale).toEqual(['pnl:A-10001']);
  });

  it('[TAB-14] the leader’s own credentials fail: it leaves and another tab takes over; no follower is told to sign in', async () => {
    const b = browser();
    const a = b.open('a', [accountSub()]);
    const t2 = b.open('b', [accountSub()]);
    await settle();
    b.socket().refuseToken();
    await settle();
    expect(a.stream.getRole()).toBe('left');
    expect(a.stream.getState()).toMatchObject({ status: 'disconnected', needsSignIn: true });
    expect(t2.stream.getRole()).toBe('leader');
    expect(b.live().map((s) => s.owner)).toEqual(['b']);
    expect(t2.listener.heard.some((h) => h.call === 'state' && h.status === 'disconnected')).toBe(
      false,
    );
  });

  it('[TAB-15] signing out in the leader tab stops its socket and hands over at once', async () => {
    const b = browser();
    const a = b.open('a', [accountSub()]);
    const t2 = b.open('b', [NEWS]);
    await settle();
    const first = b.socket();
    a.stream.stop('signed out');
    await settle();
    expect(first.stopped).toBe(true);
    expect(t2.stream.getRole()).toBe('leader');
    expect(keysOf(b.socket())).toEqual(['news']);
    expect(b.locks.heldNames().some((n) => n.includes(':tab:a'))).toBe(false);
  });

  it('[TAB-20] the leader relays only keys another tab wants: a lone tab clones nothing per message', async () => {
    const b = browser();
    b.open('a', [accountSub(), NEWS]);
    const t2 = b.open('b', [NEWS]);
    await settle();
    const socket = b.socket();
    socket.ackAll(snapshotFor);
    socket.emit(accountSub(), orderUpdateMsg(sampleOrder()));
    await settle();
    const relayed = () =>
      b.bus.posted.flatMap((m) => {
        const msg = m as { t: string; meta?: { subscriptionKey?: string } };
        return msg.t === 'msg' ? [msg.meta?.subscriptionKey] : [];
      });
    expect(relayed()).toEqual(['news']);
    t2.stream.stop();
    await settle();
    socket.emit(NEWS, { kind: 'subscribed', topic: 'news', snapshot: { articles: [] } });
    expect(relayed()).toEqual(['news']);
  });

  it('[TAB-21] when a lock is refused (sandboxed frame) the tab streams on its own instead of not at all', async () => {
    let made: FakeSocket | undefined;
    const listener = recordingListener();
    const stream = new SharedAccountStream({
      groupName: 'group',
      tabId: 'solo',
      locks: {
        request: () => Promise.reject(new Error('SecurityError: locks are not allowed here')),
      },
      openChannel: new FakeBus().forTab('solo'),
      createSocket: (l) => (made = new FakeSocket(l)),
      listener,
      log: () => {},
    });
    stream.start();
    stream.subscribe(NEWS);
    await settle();
    expect(stream.getRole()).toBe('leader');
    expect(made?.started).toBe(true);
    expect(keysOf(made!)).toEqual(['news']);
    made!.ackAll(snapshotFor);
    expect(kinds(listener.heard)).toEqual(['subscribed']);
  });

  it('[TAB-16] relayed messages are structured-clonable and carry no credentials', async () => {
    const b = browser();
    b.open('a', [accountSub()]);
    b.open('b', [accountSub()]);
    await settle();
    b.socket().ackAll(snapshotFor);
    await settle();
    const text = JSON.stringify(b.bus.posted);
    expect(b.bus.posted.length).toBeGreaterThan(3);
    expect(text).not.toMatch(/token|Bearer/i);
    expect(subscriptionKey(accountSub())).toBe('account:A-10001');
  });
});
