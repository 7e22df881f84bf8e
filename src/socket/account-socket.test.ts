import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serverMessages, type InboundMessage } from '../protocol';
import { normalizeServerFrame } from '../protocol/normalize';
import { FakeWebSocket } from '../testing/fake-websocket';
import { AccountSocket, type AccountSocketOptions, type SocketEnvironment } from './account-socket';
import type { ConnectionState, MessageMeta } from './types';

const flush = () => vi.advanceTimersByTimeAsync(0);

function setup(overrides: Partial<AccountSocketOptions> = {}) {
  FakeWebSocket.reset();
  const states: ConnectionState[] = [];
  const messages: Array<{ msg: InboundMessage; meta: MessageMeta }> = [];
  const drops: string[] = [];
  let n = 0;
  const getToken = vi.fn(async () => `token-${++n}`);
  const socket = new AccountSocket({
    url: 'ws://127.0.0.1/v1/accounts/ws',
    getToken,
    listener: {
      onState: (s) => states.push(s),
      onMessage: (msg, meta) => messages.push({ msg, meta }),
      onDrop: (reason) => drops.push(reason),
    },
    WebSocketImpl: FakeWebSocket,
    environment: null,
    random: () => 1,
    log: () => {},
    ...overrides,
  });
  return { socket, states, messages, drops, getToken, statuses: () => states.map((s) => s.status) };
}

/** Plays the server through open and authSuccess on the newest socket. */
async function serveAuth(expiresInMs = 3_900_000): Promise<FakeWebSocket> {
  const ws = FakeWebSocket.latest();
  ws.open();
  await flush();
  const auth = ws.lastSent('request');
  ws.receive(
    serverMessages.authSuccess(
      auth.id,
      { userId: 'u-1', expiresAt: Date.now() + expiresInMs },
      Date.now(),
    ),
  );
  return ws;
}

function ackAll(ws: FakeWebSocket): void {
  for (const sub of ws.sentOfType('subscribe')) {
    const topic = sub.payload.topic as 'watchlist' | 'news';
    const data = topic === 'watchlist' ? { watchlists: [] } : { articles: [] };
    ws.receive(
      serverMessages.subscribed(sub.id, topic, sub.payload.params ?? {}, data as never, Date.now()),
    );
  }
}

const symbolAdded = (seq: number, symbol = 'AMD') =>
  serverMessages.update(
    'watchlist',
    seq,
    { type: 'symbolAdded', data: { watchlistId: 1, watchlistName: 'Tech', symbol } },
    Date.now(),
  );

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-11-24T15:00:00Z'));
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('AccountSocket', () => {
  it('[SOCK-1] connecting → connected → authenticated → subscribed; auth sent at once on open', async () => {
    const t = setup();
    t.socket.subscribe({ topic: 'watchlist', params: {} });
    t.socket.start();
    const ws = await serveAuth();
    expect(ws.sent[0]).toMatchObject({
      type: 'request',
      payload: { method: 'post', path: '/auth', body: { token: 'token-1' } },
    });
    expect(ws.sentOfType('subscribe')).toHaveLength(1);
    ackAll(ws);
    expect(t.statuses()).toEqual(['connecting', 'connected', 'authenticated', 'subscribed']);
    expect(t.states.every((s) => s.reason.length > 0)).toBe(true);
    expect(t.messages[0]?.meta.subscriptionKey).toBe('watchlist');
  });

  it('[SOCK-2][FN-3] getToken() is called on every attempt, never cached', async () => {
    const t = setup();
    t.socket.start();
    await serveAuth();
    FakeWebSocket.latest().serverClose(1006);
    await vi.advanceTimersByTimeAsync(1000);
    const ws2 = await serveAuth();
    expect(t.getToken).toHaveBeenCalledTimes(2);
    expect(ws2.lastSent('request').payload.body.token).toBe('token-2');
  });

  it('[FN-1] error then close schedules exactly one reconnect', async () => {
    const t = setup();
    t.socket.start();
    await serveAuth();
    FakeWebSocket.latest().serverClose(1006); // fires onerror and onclose
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('[FN-2] after N drops exactly one socket is live and old sockets are ignored', async () => {
    const t = setup({ stableAfterMs: 10_000 });
    t.socket.subscribe({ topic: 'watchlist', params: {} });
    t.socket.start();
    for (let i = 0; i < 5; i++) {
      const ws = await serveAuth();
      ackAll(ws);
      ws.serverClose(1012);
      await vi.advanceTimersByTimeAsync(60_000);
    }
    const live = await serveAuth();
    ackAll(live);
    const stale = FakeWebSocket.instances.slice(0, -1);
    expect(stale.every((ws) => ws.readyState === 3)).toBe(true);
    const before = t.messages.length;
    stale[0]!.receive(symbolAdded(1));
    expect(t.messages.length).toBe(before);
    live.receive(symbolAdded(1));
    expect(t.messages.length).toBe(before + 1);
  });

  it('[FN-6] after a reconnect only auth and the registry subscriptions are sent, each once', async () => {
    const t = setup();
    t.socket.subscribe({ topic: 'watchlist', params: {} });
    t.socket.subscribe({ topic: 'news', params: { symbols: ['AAPL'] } });
    t.socket.unsubscribe('watchlist');
    t.socket.start();
    ackAll(await serveAuth());
    FakeWebSocket.latest().serverClose(1006);
    await vi.advanceTimersByTimeAsync(1000);
    const ws = await serveAuth();
    expect(ws.sent.map((f) => f.type)).toEqual(['request', 'subscribe']);
    expect(ws.lastSent('subscribe').payload).toEqual({
      topic: 'news',
      params: { symbols: ['AAPL'] },
    });
  });

  it('[SOCK-3] backoff 1 s, 2 s, 4 s … and reset after a stable connection', async () => {
    const t = setup({ stableAfterMs: 10_000 });
    t.socket.start();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      FakeWebSocket.latest().serverClose(1006);
      const s = t.socket.getState();
      expect(s.status).toBe('reconnecting');
      if (s.status === 'reconnecting') delays.push(s.nextAttemptAt - Date.now());
      await vi.advanceTimersByTimeAsync(60_000);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    await serveAuth();
    await vi.advanceTimersByTimeAsync(10_000);
    FakeWebSocket.latest().serverClose(1006);
    const s = t.socket.getState();
    expect(s.status === 'reconnecting' && s.attempt).toBe(1);
  });

  it('[SOCK-4] refreshAuth → refreshWarning → re-auth on the same socket → subscribed', async () => {
    const t = setup();
    t.socket.subscribe({ topic: 'watchlist', params: {} });
    t.socket.start();
    const ws = await serveAuth(400_000);
    ackAll(ws);
    ws.receive(serverMessages.refreshAuth(Date.now() + 300_000, Date.now()));
    expect(t.socket.getState().status).toBe('refreshWarning');
    await flush();
    const reauth = ws.lastSent('request');
    expect(reauth.payload.body.token).toBe('token-2');
    ws.receive(
      serverMessages.authSuccess(
        reauth.id,
        { userId: 'u-1', expiresAt: Date.now() + 3_900_000 },
        Date.now(),
      ),
    );
    expect(t.socket.getState().status).toBe('subscribed');
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(ws.sentOfType('subscribe')).toHaveLength(1);
  });

  it('[SOCK-14] server clock skew: times the server states in its own clock never expire the session locally', async () => {
    // Keepalive is pinned elsewhere ([SOCK-7]); here the fake server does not answer pings.
    const t = setup({ pingIntervalMs: 10 * 3_600_000 });
    t.socket.subscribe({ topic: 'watchlist', params: {} });
    t.socket.start();
    // The server's clock runs two hours behind ours: by our clock the session "expired" at once.
    const skew = -2 * 3_600_000;
    const ws = FakeWebSocket.latest();
    ws.open();
    await flush();
    ws.receive(
      serverMessages.authSuccess(
        ws.lastSent('request').id,
        { userId: 'u-1', expiresAt: Date.now() + skew + 3_900_000 },
        Date.now() + skew,
      ),
    );
    ackAll(ws);
    // An hour of ours passes; only the server's own events move the session along.
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(t.socket.getState().status).toBe('subscribed');
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(t.getToken).toHaveBeenCalledTimes(1);
  });

  it('[FN-8] a refresh that finishes after a drop is not applied to the new socket', async () => {
    let release: (token: string) => void = () => {};
    const t = setup();
    t.socket.start();
    const ws = await serveAuth();
    t.getToken.mockImplementationOnce(() => new Promise<string>((r) => (release = r)));
    ws.receive(serverMessages.refreshAuth(Date.now() + 300_000, Date.now()));
    ws.serverClose(1006);
    await vi.advanceTimersByTimeAsync(1000);
    const ws2 = FakeWebSocket.latest();
    ws2.open();
    release('late-refresh-token');
    await flush();
    expect(ws2.sentOfType('request').map((f) => f.payload.body.token)).toEqual(['token-2']);
  });

  it('[SOCK-5] authExpired + close 4002 → expired → reconnect at once with a fresh token', async () => {
    const t = setup({ stableAfterMs: 5_000 });
    t.socket.start();
    const ws = await serveAuth();
    // A session that lasted; one ending at once backs off instead ([AUTH-EDGE-4]).
    await vi.advanceTimersByTimeAsync(5_000);
    ws.receive(serverMessages.authExpired(Date.now(), Date.now()));
    expect(t.socket.getState().status).toBe('expired');
    ws.serverClose(4002, 'session expired');
    expect(FakeWebSocket.instances).toHaveLength(2);
    const ws2 = await serveAuth();
    expect(ws2.lastSent('request').payload.body.token).toBe('token-2');
  });

  it('[FN-3b] INVALID_TOKEN stops the socket and asks for sign-in; no retry loop', async () => {
    const t = setup();
    t.socket.start();
    const ws = FakeWebSocket.latest();
    ws.open();
    await flush();
    ws.receive(
      serverMessages.error(
        ws.lastSent('request').id,
        'INVALID_TOKEN',
        'token has expired',
        Date.now(),
      ),
    );
    const s = t.socket.getState();
    expect(s.status === 'disconnected' && s.needsSignIn).toBe(true);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(t.getToken).toHaveBeenCalledTimes(1);
  });

  it('[SOCK-6] getToken rejecting on connect → disconnected, needsSignIn', async () => {
    const t = setup({ getToken: () => Promise.reject(new Error('refresh token expired')) });
    t.socket.start();
    FakeWebSocket.latest().open();
    await flush();
    const s = t.socket.getState();
    expect(s.status === 'disconnected' && s.needsSignIn).toBe(true);
  });

  it('[SOCK-7][FN-4] keepalive: ping every 30 s, RTT measured, no pong in 10 s → reconnect', async () => {
    const rtts: number[] = [];
    const t = setup();
    t.socket.start();
    const ws = await serveAuth();
    await vi.advanceTimersByTimeAsync(30_000);
    const ping = ws.lastSent('ping');
    await vi.advanceTimersByTimeAsync(42);
    ws.receive(serverMessages.pong(ping.id, Date.now()));
    rtts.push(t.socket.getStats().rttMs ?? -1);
    expect(rtts).toEqual([42]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(ws.sentOfType('ping')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.socket.getState().status).toBe('reconnecting');
    expect(ws.closedWith).toBeDefined();
  });

  it('[FN-5] a pong deadline that fires late (throttled timers) sends a fresh ping instead of failing', async () => {
    const t = setup();
    t.socket.start();
    const ws = await serveAuth();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(ws.sentOfType('ping')).toHaveLength(1);
    // The page slept: the clock moved 5 minutes while no timer ran.
    vi.setSystemTime(Date.now() + 300_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.socket.getState().status).not.toBe('reconnecting');
    expect(ws.sentOfType('ping')).toHaveLength(2);
    ws.receive(serverMessages.pong(ws.lastSent('ping').id, Date.now()));
    expect(t.socket.getState().status).toBe('subscribed');
  });

  it('[SOCK-8] a seq gap resubscribes for a fresh snapshot', async () => {
    const t = setup();
    t.socket.subscribe({ topic: 'watchlist', params: {} });
    t.socket.start();
    const ws = await serveAuth();
    ackAll(ws);
    ws.receive(symbolAdded(1));
    ws.receive(symbolAdded(3));
    expect(ws.sentOfType('subscribe')).toHaveLength(2);
    expect(t.socket.getStats().resubscribes).toBe(1);
    expect(t.messages.filter((m) => m.msg.kind === 'update')).toHaveLength(1);
  });

  it('[SOCK-9] invalid frames are counted and dropped, never thrown', async () => {
    const t = setup();
    t.socket.start();
    const ws = await serveAuth();
    expect(() => {
      ws.receive('{nope');
      ws.receive('[1]');
      ws.receive({ type: 'event', payload: { action: 'bogus' } });
    }).not.toThrow();
    expect(t.drops).toEqual(['not-json', 'not-object', 'unknown-action']);
    expect(t.socket.getStats().framesDropped['not-json']).toBe(1);
  });

  /**
   * A socket whose decoder finishes only when told, fed a 1.6 MB watchlist snapshot (over
   * OFF_THREAD_MIN_CHARS, so it goes to the decoder) and then a small update behind it.
   */
  async function bigSnapshotThenUpdate() {
    const finishers: Array<() => void> = [];
    const t = setup({
      createDecoder: () => ({
        decode: (frame) =>
          new Promise((resolve) => finishers.push(() => resolve(normalizeServerFrame(frame)))),
        dispose: () => {},
      }),
    });
    t.socket.subscribe({ topic: 'watchlist', params: {} });
    t.socket.start();
    const ws = await serveAuth();
    const sub = ws.lastSent('subscribe');
    const lists = Array.from({ length: 40_000 }, (_, i) => ({
      id: i,
      name: `L${i}`,
      symbols: ['AAPL'],
    }));
    ws.receive(
      serverMessages.subscribed(sub.id, 'watchlist', {}, { watchlists: lists }, Date.now()),
    );
    ws.receive(symbolAdded(1));
    return { t, ws, finishDecoding: () => finishers[0]!() };
  }

  it('[SOCK-15] a big frame decoded off-thread keeps its place: the update behind it waits', async () => {
    const { t, finishDecoding } = await bigSnapshotThenUpdate();
    expect(t.messages.map((m) => m.msg.kind)).toEqual([]);
    finishDecoding();
    await flush();
    expect(t.messages.map((m) => m.msg.kind)).toEqual(['subscribed', 'update']);
    expect(t.socket.getStats().framesDecodedOffThread).toBe(1);
  });

  it('[SOCK-16] frames still being decoded when the socket drops are never delivered', async () => {
    const { t, ws, finishDecoding } = await bigSnapshotThenUpdate();
    ws.serverClose(1006, 'gone');
    finishDecoding();
    await flush();
    expect(t.messages.map((m) => m.msg.kind)).toEqual([]);
    expect(t.statuses()).toContain('reconnecting');
  });

  it('[SOCK-10] a listener that throws does not break the socket', async () => {
    const t = setup();
    const socket = new AccountSocket({
      url: 'ws://x',
      getToken: async () => 't',
      listener: {
        onState: () => {
          throw new Error('boom');
        },
        onMessage: () => {},
        onDrop: () => {},
      },
      WebSocketImpl: FakeWebSocket,
      environment: null,
      log: () => {},
    });
    socket.start();
    await serveAuth();
    expect(socket.getState().status).toBe('subscribed');
    expect(t.states).toEqual([]);
  });

  it('[SOCK-11] offline waits for the network; online reconnects at once; visible checks the link', async () => {
    const handlers: Record<string, () => void> = {};
    const env: SocketEnvironment = {
      onOnline: (cb) => ((handlers.online = cb), () => {}),
      onOffline: (cb) => ((handlers.offline = cb), () => {}),
      onVisible: (cb) => ((handlers.visible = cb), () => {}),
      isOnline: () => true,
    };
    const t = setup({ environment: env });
    t.socket.start();
    const ws = await serveAuth();
    handlers.visible!();
    expect(ws.sentOfType('ping')).toHaveLength(1);
    ws.serverClose(1006);
    handlers.offline!();
    expect(t.socket.getState()).toMatchObject({ status: 'disconnected', needsSignIn: false });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    handlers.online!();
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('[SOCK-12] re-subscribing the same key replaces params; a stale ack is ignored', async () => {
    const t = setup();
    t.socket.subscribe({ topic: 'news', params: { symbols: ['AAPL'] } });
    t.socket.start();
    const ws = await serveAuth();
    const first = ws.lastSent('subscribe');
    t.socket.subscribe({ topic: 'news', params: { symbols: ['TSLA'] } });
    expect(t.socket.registry.all()).toHaveLength(1);
    ws.receive(
      serverMessages.subscribed(
        first.id,
        'news',
        first.payload.params,
        { articles: [] },
        Date.now(),
      ),
    );
    expect(t.messages).toHaveLength(0);
    ackAll(ws);
    expect(t.messages.at(-1)?.meta.subscription).toEqual({
      topic: 'news',
      params: { symbols: ['TSLA'] },
    });
  });

  it('[SOCK-17] a stream added to a live link is "streaming", not a reconnect', async () => {
    const t = setup();
    t.socket.subscribe({ topic: 'watchlist', params: {} });
    t.socket.start();
    const ws = await serveAuth();
    ackAll(ws);
    // The first connect's "authenticated" is not streaming yet: nothing was live.
    expect(t.states.find((s) => s.status === 'authenticated')).not.toHaveProperty('streaming');
    t.socket.subscribe({ topic: 'news', params: {} });
    expect(t.socket.getState()).toMatchObject({ status: 'authenticated', streaming: true });
    ackAll(ws);
    expect(t.socket.getState().status).toBe('subscribed');
  });

  it('[SOCK-13] stop() closes with 1000 and never reconnects', async () => {
    const t = setup();
    t.socket.start();
    const ws = await serveAuth();
    t.socket.stop();
    expect(ws.closedWith?.code).toBe(1000);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(t.socket.getState().status).toBe('disconnected');
  });
});
