/**
 * The client's real inbound path in one call, for tests that play a server frame by frame:
 * FakeWebSocket → normalise → AccountSocket → dispatcher → stores. `digest()` is every store's
 * state as comparable JSON, so two sessions can be proven to end the same.
 */
import { vi } from 'vitest';
import { serverMessages, subscriptionKey, type Subscription } from '../protocol';
import { AccountSocket } from '../socket/account-socket';
import { createDispatcher } from '../socket/dispatcher';
import { balancesStore } from '../stores/balances/store';
import { connectionStore } from '../stores/connection/store';
import { newsStore } from '../stores/news/store';
import { ordersStore } from '../stores/orders/store';
import { pnlStore } from '../stores/pnl/store';
import { positionsStore } from '../stores/positions/store';
import { resetAllStores } from '../stores/reset';
import { watchlistStore } from '../stores/watchlist/store';
import { FakeWebSocket } from './fake-websocket';

export const SESSION_T = Date.parse('2026-11-24T15:00:00Z');

export type ClientSession = Awaited<ReturnType<typeof startClientSession>>;

/**
 * Signs in and subscribes `subs` (acks are the test's to send: `requestId(sub)` names each).
 * Needs fake timers (`vi.useFakeTimers()`).
 */
export async function startClientSession(
  subs: Subscription[],
  /** How the server spells a frame (default: as ours writes it), the first auth answer too. */
  spell: (frame: Record<string, unknown>) => unknown[] = (f) => [f],
) {
  FakeWebSocket.reset();
  resetAllStores();
  const frames: Array<() => void> = [];
  const dispatcher = createDispatcher({
    schedule: (cb) => {
      frames.push(cb);
      return () => {};
    },
  });
  const socket = new AccountSocket({
    url: 'ws://127.0.0.1/v1/accounts/ws',
    getToken: async () => 'token',
    listener: dispatcher,
    WebSocketImpl: FakeWebSocket,
    environment: null,
    random: () => 0,
    log: () => {},
  });
  for (const sub of subs) socket.subscribe(sub);
  socket.start();
  const ws = FakeWebSocket.latest();
  ws.open();
  await vi.advanceTimersByTimeAsync(0);
  const welcome = serverMessages.authSuccess(
    ws.lastSent('request').id,
    { userId: 'u-1', expiresAt: SESSION_T + 3_900_000 },
    SESSION_T,
  );
  for (const f of spell(welcome)) ws.receive(f);
  const flush = () => frames.splice(0).forEach((f) => f());
  return {
    socket,
    ws,
    /** The id of the latest subscribe request for `sub`'s key. */
    requestId(sub: Subscription): string {
      const key = subscriptionKey(sub);
      const sent = ws
        .sentOfType('subscribe')
        .filter(
          (f) =>
            subscriptionKey({ topic: f.payload.topic, params: f.payload.params ?? {} }) === key,
        );
      const last = sent.at(-1);
      if (!last) throw new Error(`no subscribe was sent for ${key}`);
      return last.id as string;
    },
    /** Plays frames (objects are sent as JSON text) and runs the frame the dispatcher asked for. */
    feed(...texts: unknown[]): void {
      for (const t of texts) ws.receive(t);
      flush();
    },
    dispose(): void {
      socket.stop();
      dispatcher.dispose();
    },
  };
}

/** Every store's state as JSON (maps and lists in a stable order). */
export function storeDigest(): string {
  const orders = [...ordersStore.getState().byId.values()].sort((a, b) =>
    a.ordId.localeCompare(b.ordId),
  );
  const positions = [...positionsStore.getState().byAccount].map(([k, m]) => [k, [...m]]);
  const { balances, info } = balancesStore.getState();
  const pnl = [...pnlStore.getState().series].map(([k, s]) => [
    k,
    { accountId: s.accountId, interval: s.interval, since: s.since, candles: [...s.candles] },
  ]);
  const watchlists = [...watchlistStore.getState().lists];
  const news = newsStore.getState().articles;
  const freshness = [...connectionStore.getState().freshness].map(([k, f]) => [k, f.status]);
  const errors = connectionStore.getState().lastErrors.map((e) => [e.code, e.message, e.key]);
  return JSON.stringify({
    orders,
    positions,
    balances: [...balances],
    info: [...info],
    pnl,
    watchlists,
    news,
    freshness,
    errors,
  });
}
