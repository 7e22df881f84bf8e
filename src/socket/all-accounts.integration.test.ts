/**
 * Every account of the user at once on one real socket against the embedded server: each
 * account is its own subscription, converges to the server's truth on its own, and an account
 * the server refuses fails alone while the others stay live.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { control as controlApi, login, startTestServer } from '../../server/conformance/harness';
import type { RunningServer } from '../../server/index';
import { fetchAccounts } from '../lib/auth/token-source';
import type { AccountSnapshot, Order } from '../protocol';
import { topicKey } from '../protocol';
import { balancesStore } from '../stores/balances/store';
import { connectionStore } from '../stores/connection/store';
import { ordersStore } from '../stores/orders/store';
import { positionsStore } from '../stores/positions/store';
import { resetAllStores } from '../stores/reset';
import { AccountSocket, type WebSocketCtor } from './account-socket';
import { createDispatcher, type Dispatcher } from './dispatcher';

async function waitUntil(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const byOrdId = (a: Order, b: Order) => a.ordId.localeCompare(b.ordId);
const bySymbol = (a: { symbol: string }, b: { symbol: string }) => a.symbol.localeCompare(b.symbol);

function clientOrders(accountId: string): Order[] {
  const out: Order[] = [];
  ordersStore.getState().byId.forEach((o) => o.accountId === accountId && out.push(o));
  return out.sort(byOrdId);
}

const freshness = (accountId: string) =>
  connectionStore.getState().freshness.get(topicKey('account', accountId));

describe('every account at once against the embedded server', () => {
  let server: RunningServer;
  let socket: AccountSocket | undefined;
  let dispatcher: Dispatcher | undefined;

  beforeAll(async () => {
    server = await startTestServer({});
  });
  afterEach(() => {
    socket?.stop();
    dispatcher?.dispose();
    resetAllStores();
  });
  afterAll(() => server.close());

  const truth = async (accountId: string) =>
    (await controlApi(server, 'GET', `/truth/${accountId}`)).body as AccountSnapshot;

  function connect(): AccountSocket {
    dispatcher = createDispatcher({
      schedule: (cb) => {
        const t = setTimeout(cb, 5);
        return () => clearTimeout(t);
      },
    });
    socket = new AccountSocket({
      url: server.wsUrl,
      getToken: async () => (await login(server, 'demo')).access_token,
      listener: dispatcher,
      WebSocketImpl: WebSocket as unknown as WebSocketCtor,
      environment: null,
      log: () => {},
      random: () => 0,
    });
    return socket;
  }

  it('[ALLACCT-INT-1] each listed account is its own subscription on one socket, and each converges to its own truth', async () => {
    const { accounts } = await fetchAccounts(
      server.httpUrl,
      (await login(server, 'demo')).access_token,
    );
    const ids = accounts.map((a) => a.accountId);
    expect(ids.length).toBeGreaterThan(1);
    const s = connect();
    for (const accountId of ids) s.subscribe({ topic: 'account', params: { accountId } });
    s.start();
    await waitUntil('every account live', () =>
      ids.every((id) => freshness(id)?.status === 'live'),
    );
    expect(server.connections()).toBe(1);
    for (const id of ids) {
      const t = await truth(id);
      expect(clientOrders(id)).toEqual([...t.orders].sort(byOrdId));
      expect(
        [...(positionsStore.getState().byAccount.get(id)?.values() ?? [])].sort(bySymbol),
      ).toEqual([...t.positions].sort(bySymbol));
      expect(balancesStore.getState().balances.get(id)).toEqual(t.balance);
    }
  });

  it('[ALLACCT-INT-2] an account the server refuses fails alone: the others stay live and keep streaming', async () => {
    const s = connect();
    for (const accountId of ['A-10001', 'A-20001', 'A-10002'])
      s.subscribe({ topic: 'account', params: { accountId } });
    s.start();
    await waitUntil('A-20001 refused', () => freshness('A-20001')?.status === 'error');
    await waitUntil('the others live', () =>
      ['A-10001', 'A-10002'].every((id) => freshness(id)?.status === 'live'),
    );
    expect(freshness('A-20001')).toMatchObject({ code: 'ACCESS_DENIED' });
    expect(clientOrders('A-20001')).toEqual([]);

    const order = (
      await controlApi(server, 'POST', '/orders', {
        accountId: 'A-10002',
        symbol: 'IBM',
        side: 'BUY',
        type: 'LIMIT',
        qty: '3',
        price: '150.00',
      })
    ).body as Order;
    await waitUntil('the new order', () => ordersStore.getState().byId.has(order.ordId));
    expect(ordersStore.getState().byId.get(order.ordId)?.accountId).toBe('A-10002');
    expect(freshness('A-10001')?.status).toBe('live');
    expect(freshness('A-20001')?.status).toBe('error');
  });
});
