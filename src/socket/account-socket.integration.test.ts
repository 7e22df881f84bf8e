/**
 * The real AccountSocket, dispatcher and stores against the real embedded server over a real
 * socket. After every scenario the client's stores must equal the server's ground truth.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { control as controlApi, login, startTestServer } from '../../server/conformance/harness';
import type { RunningServer } from '../../server/index';
import type { AccountSnapshot, Order } from '../protocol';
import { balancesStore } from '../stores/balances/store';
import { connectionStore } from '../stores/connection/store';
import { ordersStore } from '../stores/orders/store';
import { positionsStore } from '../stores/positions/store';
import { resetAllStores } from '../stores/reset';
import { AccountSocket, type WebSocketCtor } from './account-socket';
import { createDispatcher, type Dispatcher } from './dispatcher';

const ACCOUNT = 'A-10001';

async function waitUntil(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The control API's answer body (the harness also returns the status, unused here). */
const control = async (server: RunningServer, method: string, path: string, body?: unknown) =>
  (await controlApi(server, method, path, body)).body;

function tokenSource(server: RunningServer, username = 'demo') {
  const calls = { count: 0 };
  const getToken = async () => {
    calls.count++;
    return (await login(server, username)).access_token;
  };
  return { getToken, calls };
}

function clientOrders(accountId: string): Order[] {
  const out: Order[] = [];
  ordersStore.getState().byId.forEach((o) => {
    if (o.accountId === accountId) out.push(o);
  });
  return out.sort((a, b) => a.ordId.localeCompare(b.ordId));
}

/** The client's picture of an account, in the same shape as the server's truth. */
function expectConverged(truth: AccountSnapshot): void {
  expect(clientOrders(truth.info.accountId)).toEqual(
    [...truth.orders].sort((a, b) => a.ordId.localeCompare(b.ordId)),
  );
  const positions = [
    ...(positionsStore.getState().byAccount.get(truth.info.accountId)?.values() ?? []),
  ];
  const bySymbol = (a: { symbol: string }, b: { symbol: string }) =>
    a.symbol.localeCompare(b.symbol);
  expect(positions.sort(bySymbol)).toEqual([...truth.positions].sort(bySymbol));
  expect(balancesStore.getState().balances.get(truth.info.accountId)).toEqual(truth.balance);
}

describe('AccountSocket against the embedded server', () => {
  let server: RunningServer;
  let socket: AccountSocket | undefined;
  let dispatcher: Dispatcher | undefined;

  const connect = (opts: { username?: string; getToken?: () => Promise<string> } = {}) => {
    dispatcher = createDispatcher({
      schedule: (cb) => {
        const t = setTimeout(cb, 5);
        return () => clearTimeout(t);
      },
    });
    const tokens = tokenSource(server, opts.username);
    socket = new AccountSocket({
      url: server.wsUrl,
      getToken: opts.getToken ?? tokens.getToken,
      listener: dispatcher,
      WebSocketImpl: WebSocket as unknown as WebSocketCtor,
      environment: null,
      log: () => {},
      // Drops here come faster than the default 10 s stability window; keep backoff short.
      stableAfterMs: 200,
      random: () => 0,
    });
    return { socket, tokens };
  };

  beforeAll(async () => {
    server = await startTestServer({ sessionTtlMs: 3000, refreshWarningMs: 1500 });
  });
  afterEach(() => {
    socket?.stop();
    dispatcher?.dispose();
    resetAllStores();
  });
  afterAll(() => server.close());

  const truth = () => control(server, 'GET', `/truth/${ACCOUNT}`) as Promise<AccountSnapshot>;

  it('[INT-1] full lifecycle: connect, authenticate, subscribe; the stores equal the server', async () => {
    const { socket } = connect();
    socket.subscribe({ topic: 'account', params: { accountId: ACCOUNT } });
    socket.subscribe({ topic: 'watchlist', params: {} });
    socket.start();
    await waitUntil('subscribed', () => socket.getState().status === 'subscribed');
    await waitUntil('orders', () => clientOrders(ACCOUNT).length > 0);
    expectConverged(await truth());
  });

  it('[INT-2] ten forced drops mid-burst: one connection, no duplicate orders, stores equal the server', async () => {
    const { socket } = connect();
    socket.subscribe({ topic: 'account', params: { accountId: ACCOUNT } });
    socket.start();
    await waitUntil('subscribed', () => socket.getState().status === 'subscribed');
    for (let i = 0; i < 10; i++) {
      await control(server, 'POST', '/sim/step', { count: 150 });
      const before = socket.getStats().connectionId;
      await control(server, 'POST', '/connections/drop', { abrupt: i % 2 === 0 });
      await control(server, 'POST', '/sim/step', { count: 50 });
      await waitUntil(
        `resubscribed after drop ${i + 1}`,
        () => socket.getStats().connectionId > before && socket.getState().status === 'subscribed',
        10_000,
      );
      // Let the connection count as stable so the next drop starts backoff from 1 s again.
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 100));
    const connections = await control(server, 'GET', '/connections');
    expect(connections.count).toBe(1);
    dispatcher!.flush();
    const t = await truth();
    expectConverged(t);
    expect(new Set(clientOrders(ACCOUNT).map((o) => o.ordId)).size).toBe(t.orders.length);
  }, 60_000);

  it('[INT-3] re-auth on the refresh warning keeps one connection through several TTLs', async () => {
    const { socket, tokens } = connect();
    socket.subscribe({ topic: 'account', params: { accountId: ACCOUNT } });
    const seen = new Set<string>();
    const stop = connectionStore.subscribe((s) => seen.add(s.connection.status));
    socket.start();
    await waitUntil('subscribed', () => socket.getState().status === 'subscribed');
    await new Promise((r) => setTimeout(r, 7000));
    stop();
    expect(socket.getStats().connectionId).toBe(1);
    expect(seen.has('refreshWarning')).toBe(true);
    expect(seen.has('reconnecting')).toBe(false);
    expect(seen.has('expired')).toBe(false);
    expect(tokens.calls.count).toBeGreaterThanOrEqual(4);
    expect(socket.getState().status).toBe('subscribed');
  }, 15_000);

  it('[INT-4] forced expiry → reconnect with a fresh token → subscribed again', async () => {
    const { socket, tokens } = connect();
    socket.subscribe({ topic: 'account', params: { accountId: ACCOUNT } });
    socket.start();
    await waitUntil('subscribed', () => socket.getState().status === 'subscribed');
    await control(server, 'POST', '/sessions/expire', {});
    await waitUntil('second connection', () => socket.getStats().connectionId === 2);
    await waitUntil('subscribed again', () => socket.getState().status === 'subscribed');
    expect(tokens.calls.count).toBe(2);
  });

  it('[INT-5] an invalid token asks for sign-in and does not loop', async () => {
    let calls = 0;
    const { socket } = connect({ getToken: async () => (calls++, 'not-a-token') });
    socket.start();
    await waitUntil('disconnected', () => socket.getState().status === 'disconnected');
    const state = socket.getState();
    expect(state.status === 'disconnected' && state.needsSignIn).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(calls).toBe(1);
  });

  it("[INT-6] ACCESS_DENIED for another user's account is an error for that key only", async () => {
    const { socket } = connect();
    socket.subscribe({ topic: 'account', params: { accountId: 'A-20001' } });
    socket.subscribe({ topic: 'watchlist', params: {} });
    socket.start();
    await waitUntil(
      'freshness error',
      () => connectionStore.getState().freshness.get('account:A-20001')?.status === 'error',
    );
    expect(connectionStore.getState().freshness.get('account:A-20001')).toMatchObject({
      code: 'ACCESS_DENIED',
    });
    expect(clientOrders('A-20001')).toEqual([]);
    expect(socket.registry.get('account:A-20001')?.status).toMatchObject({
      state: 'error',
      code: 'ACCESS_DENIED',
    });
  });

  it('[INT-7] malformed frames from the server are counted and dropped; stores stay correct', async () => {
    const { socket } = connect();
    socket.subscribe({ topic: 'account', params: { accountId: ACCOUNT } });
    socket.start();
    await waitUntil('subscribed', () => socket.getState().status === 'subscribed');
    for (const kind of [
      'not-json',
      'not-object',
      'unknown-type',
      'unknown-action',
      'invalid-order',
      'binary',
      'unknown-topic',
    ]) {
      await control(server, 'POST', '/malformed', { kind });
    }
    await control(server, 'POST', '/sim/step', { count: 20 });
    await waitUntil(
      'drops',
      () => Object.values(socket.getStats().framesDropped).reduce((a, b) => a + (b ?? 0), 0) === 7,
    );
    expect(socket.getState().status).toBe('subscribed');
    // The unreadable order was the account's: it re-subscribed for a fresh snapshot.
    await waitUntil(
      'a fresh snapshot after the unreadable order',
      () =>
        socket.getStats().resubscribes > 0 &&
        connectionStore.getState().freshness.get(`account:${ACCOUNT}`)?.status === 'live',
    );
    await new Promise((r) => setTimeout(r, 50));
    dispatcher!.flush();
    expectConverged(await truth());
  });
});
