import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serverMessages, type Subscription } from '../../protocol';
import { FakeLocks, recordingListener, settle } from '../../testing/fake-tabs';
import { FakeWebSocket } from '../../testing/fake-websocket';
import { AccountSocket } from '../account-socket';
import { createAccountStream } from './create-account-stream';
import { groupName } from './group-name';
import { SharedAccountStream } from './shared-account-stream';

const URL = 'ws://127.0.0.1:8787/v1/accounts/ws';
const NEWS: Subscription = { topic: 'news', params: {} };
const WATCHLIST: Subscription = { topic: 'watchlist', params: {} };

beforeEach(() => {
  FakeWebSocket.reset();
  vi.stubGlobal('WebSocket', FakeWebSocket);
});
afterEach(() => vi.unstubAllGlobals());

describe('createAccountStream', () => {
  it('[TAB-17] without Web Locks, BroadcastChannel or a known user it is this tab’s own AccountSocket, as before', () => {
    const base = { url: URL, getToken: async () => 't', listener: recordingListener() };
    const locks = new FakeLocks().forTab('x');
    const { subtle } = crypto;
    expect(
      createAccountStream({ ...base, userId: 'u-1' }, { BroadcastChannel, subtle }),
    ).toBeInstanceOf(AccountSocket);
    expect(createAccountStream({ ...base, userId: 'u-1' }, { locks, subtle })).toBeInstanceOf(
      AccountSocket,
    );
    expect(
      createAccountStream({ ...base, userId: undefined }, { locks, BroadcastChannel, subtle }),
    ).toBeInstanceOf(AccountSocket);
    const shared = createAccountStream(
      { ...base, userId: 'u-1' },
      { locks, BroadcastChannel, subtle },
    );
    expect(shared).toBeInstanceOf(SharedAccountStream);
    shared.stop();
  });

  it('[TAB-18] the group is per user and socket URL, and its name does not reveal the user', async () => {
    const a = await groupName('u-1001', URL);
    expect(await groupName('u-1001', URL)).toBe(a);
    expect(await groupName('u-2001', URL)).not.toBe(a);
    expect(await groupName('u-1001', 'wss://api.aries.com/v1/accounts/ws')).not.toBe(a);
    expect(a).not.toContain('u-1001');
  });

  it('[TAB-19] two tabs over a real BroadcastChannel: one WebSocket, the token only on it, both tabs fed', async () => {
    const locks = new FakeLocks();
    const features = (tab: string) => ({
      locks: locks.forTab(tab),
      BroadcastChannel,
      subtle: crypto.subtle,
    });
    const tabs = ['1', '2'].map((tab) => {
      const listener = recordingListener();
      const stream = createAccountStream(
        { url: URL, getToken: async () => 'SECRET-TOKEN', userId: 'u-1', listener },
        features(tab),
      );
      stream.start();
      return { stream, listener };
    });
    tabs[0]!.stream.subscribe(NEWS);
    tabs[1]!.stream.subscribe(WATCHLIST);
    // Everything said between the tabs, heard by a bystander on the group's channel.
    const heard: unknown[] = [];
    const spy = new BroadcastChannel(`${await groupName('u-1', URL)}:bus`);
    spy.onmessage = (ev: MessageEvent<unknown>) => heard.push(ev.data);
    try {
      await settle(20);
      expect(FakeWebSocket.instances).toHaveLength(1);
      const ws = FakeWebSocket.latest();
      ws.open();
      await settle();
      const auth = ws.lastSent('request');
      expect(JSON.stringify(auth)).toContain('SECRET-TOKEN');
      ws.receive(
        serverMessages.authSuccess(
          auth.id,
          { userId: 'u-1', expiresAt: Date.now() + 60_000 },
          Date.now(),
        ),
      );
      for (const sub of ws.sentOfType('subscribe')) {
        const topic = sub.payload.topic as 'news' | 'watchlist';
        const data = topic === 'watchlist' ? { watchlists: [] } : { articles: [] };
        ws.receive(serverMessages.subscribed(sub.id, topic, {}, data as never, Date.now()));
      }
      await settle(20);
      const snapshots = tabs.map((t) =>
        t.listener.heard.flatMap((h) => (h.call === 'message' ? [h.key] : [])),
      );
      expect(snapshots).toEqual([['news'], ['watchlist']]);
      expect(tabs.map((t) => t.stream.getState().status)).toEqual(['subscribed', 'subscribed']);
      expect(heard.length).toBeGreaterThan(0);
      expect(JSON.stringify(heard)).not.toContain('SECRET-TOKEN');
    } finally {
      spy.close();
      for (const t of tabs) t.stream.stop();
    }
  });
});
