/**
 * Auth edge cases, end to end inside the client: the real AccountSocket, the real
 * dev-login token source (its token endpoint faked) and the real dispatcher and stores, with
 * fake timers so minutes pass in milliseconds.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serverMessages } from '../protocol';
import { createDevLogin } from '../lib/auth/token-source';
import { connectionStore } from '../stores/connection/store';
import { ordersStore } from '../stores/orders/store';
import { resetAllStores } from '../stores/reset';
import { FakeWebSocket } from '../testing/fake-websocket';
import { sampleAccountSnapshot } from '../testing/store-samples';
import { AccountSocket } from './account-socket';
import { createDispatcher } from './dispatcher';

const flush = () => vi.advanceTimersByTimeAsync(0);
const TOKEN_TTL_S = 120;

/** The token endpoint: a password grant, then refresh grants that succeed or are refused. */
function fakeTokenEndpoint(refresh: 'ok' | 'refused') {
  let issued = 0;
  const grants: string[] = [];
  const fetch = vi.fn(async (_url: string, init?: { body?: string }) => {
    const body = JSON.parse(init?.body ?? '{}') as { grant_type: string };
    grants.push(body.grant_type);
    if (body.grant_type === 'refresh_token' && refresh === 'refused') {
      return new Response(
        JSON.stringify({ error: 'invalid_grant', error_description: 'refresh token expired' }),
        { status: 400 },
      );
    }
    issued += 1;
    return new Response(
      JSON.stringify({
        access_token: `access-${issued}`,
        refresh_token: `refresh-${issued}`,
        expires_in: TOKEN_TTL_S,
      }),
    );
  });
  vi.stubGlobal('fetch', fetch);
  return { grants };
}

async function setup(refresh: 'ok' | 'refused') {
  FakeWebSocket.reset();
  const endpoint = fakeTokenEndpoint(refresh);
  const tokens = await createDevLogin('http://api.test', 'demo', 'demo');
  const frames: Array<() => void> = [];
  const dispatcher = createDispatcher({
    schedule: (cb) => {
      frames.push(cb);
      return () => {};
    },
  });
  const socket = new AccountSocket({
    url: 'ws://127.0.0.1/v1/accounts/ws',
    getToken: () => tokens.getToken(),
    listener: dispatcher,
    WebSocketImpl: FakeWebSocket,
    environment: null,
    random: () => 1,
    log: () => {},
  });
  const runFrames = () => frames.splice(0).forEach((f) => f());
  return { socket, endpoint, runFrames };
}

/** The server's side of one connection: open, answer the auth, ack the account snapshot. */
async function serve(ws: FakeWebSocket): Promise<string> {
  ws.open();
  await flush();
  const auth = ws.lastSent('request');
  ws.receive(
    serverMessages.authSuccess(
      auth.id,
      { userId: 'u-1', expiresAt: Date.now() + TOKEN_TTL_S * 1000 },
      Date.now(),
    ),
  );
  const s = sampleAccountSnapshot('A-10001');
  for (const sub of ws.sentOfType('subscribe')) {
    ws.receive(
      serverMessages.subscribed(
        sub.id,
        'account',
        sub.payload.params,
        { ...s.info, ...s.balance, positions: s.positions, orders: [], ordersV2: s.orders },
        Date.now(),
      ),
    );
  }
  return auth.payload.body.token as string;
}

/** Every auth token sent on every socket so far. */
const authsSent = () =>
  FakeWebSocket.instances.flatMap((ws) =>
    ws.sentOfType('request').map((f) => f.payload.body.token as string),
  );

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-11-24T15:00:00Z'));
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  resetAllStores();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  resetAllStores();
});

/**
 * Plays a hostile server for 5 simulated minutes: `misbehave` runs on every socket the client
 * opens. Stops early past 50 sockets, so a reconnect loop fails its test instead of spinning.
 */
async function misbehaveFor5Minutes(misbehave: (ws: FakeWebSocket) => Promise<void>) {
  const started = Date.now();
  while (Date.now() - started < 300_000) {
    const ws = FakeWebSocket.latest();
    if (ws.readyState === 0) {
      await misbehave(ws);
      if (FakeWebSocket.instances.length > 50) return;
    }
    await vi.advanceTimersByTimeAsync(500);
  }
}

describe('auth edge cases', () => {
  it('[AUTH-EDGE-1] a token that expires during reconnect backoff is refreshed once; the next attempt uses the fresh one', async () => {
    const t = await setup('ok');
    t.socket.subscribe({ topic: 'account', params: { accountId: 'A-10001' } });
    t.socket.start();
    expect(await serve(FakeWebSocket.latest())).toBe('access-1');
    // The link goes down and stays down (every attempt fails before opening) past the
    // token's lifetime: 1 + 2 + 4 + … s of backoff.
    FakeWebSocket.latest().serverClose(1006);
    for (let waited = 0; waited < (TOKEN_TTL_S + 60) * 1000;) {
      const state = t.socket.getState();
      const delay = state.status === 'reconnecting' ? state.nextAttemptAt - Date.now() : 0;
      await vi.advanceTimersByTimeAsync(delay);
      waited += delay;
      FakeWebSocket.latest().serverClose(1006);
    }
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await serve(FakeWebSocket.latest())).toBe('access-2');
    expect(t.endpoint.grants).toEqual(['password', 'refresh_token']);
    expect(authsSent()).toEqual(['access-1', 'access-2']);
    expect(t.socket.getState().status).toBe('subscribed');
    t.socket.stop();
  });

  it('[AUTH-EDGE-2] the refresh is refused after a drop: sign-in asked once, data kept and marked stale, no retries for minutes', async () => {
    const t = await setup('refused');
    t.socket.subscribe({ topic: 'account', params: { accountId: 'A-10001' } });
    t.socket.start();
    await serve(FakeWebSocket.latest());
    t.runFrames();
    const orders = ordersStore.getState().byId;
    expect(orders.size).toBe(1);
    expect(connectionStore.getState().freshness.get('account:A-10001')?.status).toBe('live');

    // Down while the token expires; the next attempt needs a refresh, which is refused.
    FakeWebSocket.latest().serverClose(1006);
    vi.setSystemTime(Date.now() + TOKEN_TTL_S * 1000);
    await vi.advanceTimersByTimeAsync(1000);
    FakeWebSocket.latest().open();
    await flush();
    t.runFrames();

    const state = t.socket.getState();
    expect(state).toMatchObject({ status: 'disconnected', needsSignIn: true });
    expect(state.reason).toBe('Sign in again: could not get a token (refresh token expired)');
    expect(ordersStore.getState().byId).toBe(orders);
    expect(connectionStore.getState().freshness.get('account:A-10001')?.status).toBe('stale');

    // Five minutes later: nothing more was tried (no hot loop on refused credentials).
    await vi.advanceTimersByTimeAsync(300_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(t.endpoint.grants).toEqual(['password', 'refresh_token']);
    expect(authsSent()).toEqual(['access-1']);
  });

  it('[AUTH-EDGE-5] the refresh is refused mid-session: data keeps streaming until expiry, then sign-in is asked once and the data stays (stale)', async () => {
    const t = await setup('refused');
    t.socket.subscribe({ topic: 'account', params: { accountId: 'A-10001' } });
    t.socket.start();
    await serve(FakeWebSocket.latest());
    t.runFrames();
    const ws = FakeWebSocket.latest();
    // The server's warning comes inside the token's last 30 s, so getToken must refresh.
    vi.setSystemTime(Date.now() + (TOKEN_TTL_S - 20) * 1000);
    ws.receive(serverMessages.refreshAuth(Date.now() + 20_000, Date.now()));
    await flush();
    expect(t.endpoint.grants).toEqual(['password', 'refresh_token']);
    expect(t.socket.getState().status).toBe('refreshWarning');
    expect(connectionStore.getState().freshness.get('account:A-10001')?.status).toBe('live');

    ws.receive(serverMessages.authExpired(Date.now(), Date.now()));
    ws.serverClose(4002, 'session expired');
    t.runFrames();
    expect(t.socket.getState()).toMatchObject({
      status: 'disconnected',
      needsSignIn: true,
      reason: 'Session expired and could not be refreshed: sign in again',
    });
    expect(ordersStore.getState().byId.size).toBe(1);
    expect(connectionStore.getState().freshness.get('account:A-10001')?.status).toBe('stale');
    await vi.advanceTimersByTimeAsync(300_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(t.endpoint.grants).toEqual(['password', 'refresh_token']);
  });

  it('[AUTH-EDGE-3] a server that drops every connection at auth gets at most one auth per backoff step over 5 minutes', async () => {
    const t = await setup('ok');
    t.socket.subscribe({ topic: 'account', params: { accountId: 'A-10001' } });
    t.socket.start();
    await misbehaveFor5Minutes(async (ws) => {
      ws.open();
      await flush();
      ws.serverClose(1011, 'internal error');
    });
    const sockets = FakeWebSocket.instances;
    // Backoff 1, 2, 4 … 60 s (jitter pinned at its maximum): 9 steps fit in 5 minutes.
    expect(sockets.length).toBeLessThanOrEqual(10);
    expect(sockets.every((ws) => ws.sentOfType('request').length === 1)).toBe(true);
    // The token was fetched from the endpoint only when it was due, not per attempt.
    expect(t.endpoint.grants.filter((g) => g === 'refresh_token').length).toBeLessThanOrEqual(3);
    t.socket.stop();
  });

  it('[AUTH-EDGE-4] a server that expires every session at once (4002 right after auth) is retried with backoff, not in a loop', async () => {
    const t = await setup('ok');
    t.socket.subscribe({ topic: 'account', params: { accountId: 'A-10001' } });
    t.socket.start();
    await misbehaveFor5Minutes(async (ws) => {
      await serve(ws);
      ws.receive(serverMessages.authExpired(Date.now(), Date.now()));
      ws.serverClose(4002, 'session expired');
      await flush();
    });
    expect(FakeWebSocket.instances.length).toBeLessThanOrEqual(11);
    t.socket.stop();
  });
});
