/**
 * A chaos session: the real client (AccountSocket → dispatcher → stores) talks to the real
 * embedded server through the fault proxy while the simulator runs busy; then faults stop, the
 * client settles, and every store is compared with the server's ground truth. Used by the
 * chaos integration test (short) and `npm run chaos` (long). Node only.
 */
import WebSocket from 'ws';
import { login, startTestServer } from '../../server/conformance/harness';
import { startFaultProxy, type FaultStats } from '../../server/chaos/fault-proxy';
import { createRng } from '../../server/sim/rng';
import type { Candle, Order, Position, Watchlist } from '../protocol';
import { AccountSocket, type WebSocketCtor } from '../socket/account-socket';
import { createDispatcher } from '../socket/dispatcher';
import { balancesStore } from '../stores/balances/store';
import { ordersStore } from '../stores/orders/store';
import { pnlStore } from '../stores/pnl/store';
import { positionsStore } from '../stores/positions/store';
import { resetAllStores } from '../stores/reset';
import { watchlistStore } from '../stores/watchlist/store';

const ACCOUNT = 'A-10001';
const USER = 'u-1001';

export type ChaosReport = {
  seed: number;
  seconds: number;
  faults: FaultStats;
  reconnects: number;
  framesDroppedAsInvalid: number;
  simEvents: number;
  /** One line per difference between a store and the server's truth; must be empty. */
  mismatches: string[];
};

const byKey = <T>(list: readonly T[], key: (x: T) => string) =>
  new Map(list.map((x) => [key(x), x] as const));

/** JSON with keys sorted, so equal objects built in a different key order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function diff<T>(what: string, client: readonly T[], server: readonly T[], key: (x: T) => string) {
  const out: string[] = [];
  const c = byKey(client, key);
  const s = byKey(server, key);
  for (const [k, v] of s) {
    if (!c.has(k)) out.push(`${what} ${k}: missing on the client`);
    else if (canonical(c.get(k)) !== canonical(v))
      out.push(`${what} ${k}: client ${canonical(c.get(k))} ≠ server ${canonical(v)}`);
  }
  for (const k of c.keys()) if (!s.has(k)) out.push(`${what} ${k}: extra on the client`);
  return out;
}

async function waitUntil(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`chaos: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function runChaosSession(opts: {
  seed: number;
  seconds: number;
  /** Simulator steps per second while faults run. */
  rate?: number;
}): Promise<ChaosReport> {
  const server = await startTestServer();
  const proxy = await startFaultProxy(server.wsUrl, {
    seed: opts.seed,
    dropChance: 0.004,
    stallChance: 0.002,
    injectChance: 0.02,
    maxDelayMs: 30,
    stallMs: 900,
  });
  const dispatcher = createDispatcher({
    schedule: (cb) => {
      const t = setTimeout(cb, 5);
      return () => clearTimeout(t);
    },
  });
  const jitter = createRng(opts.seed ^ 0x5eed);
  const socket = new AccountSocket({
    url: proxy.url,
    getToken: async () => (await login(server, 'demo')).access_token,
    listener: dispatcher,
    WebSocketImpl: WebSocket as unknown as WebSocketCtor,
    environment: null,
    log: () => {},
    // A stall must be noticed quickly and backoff must stay short for a bounded run.
    pingIntervalMs: 300,
    pongTimeoutMs: 400,
    stableAfterMs: 300,
    random: () => jitter.next() * 0.2,
  });
  let simEvents = 0;
  const off = server.sim.subscribe(() => (simEvents += 1));
  const startTime = new Date(Date.now() - 30 * 60_000).toISOString();
  try {
    socket.subscribe({ topic: 'account', params: { accountId: ACCOUNT } });
    socket.subscribe({ topic: 'watchlist', params: {} });
    socket.subscribe({ topic: 'pnl', params: { accountId: ACCOUNT, interval: '1m', startTime } });
    proxy.setFaults(false);
    socket.start();
    await waitUntil('first subscription', () => socket.getState().status === 'subscribed', 10_000);

    proxy.setFaults(true);
    server.sim.start(opts.rate ?? 150);
    await new Promise((r) => setTimeout(r, opts.seconds * 1000));
    server.sim.stop();
    proxy.setFaults(false);

    // Settle: every subscription acknowledged on a connection that has lasted 1.5 s (pings
    // keep frames flowing, so "no frames" never happens; the simulator is stopped).
    let conn = -1;
    let since = Date.now();
    await waitUntil(
      'the client to settle',
      () => {
        const id = socket.getStats().connectionId;
        if (id !== conn || socket.getState().status !== 'subscribed') {
          conn = id;
          since = Date.now();
        }
        return socket.getState().status === 'subscribed' && Date.now() - since > 1500;
      },
      30_000,
    );
    dispatcher.flush();

    const truth = server.sim.accountSnapshot(ACCOUNT);
    const clientOrders: Order[] = [];
    ordersStore.getState().byId.forEach((o) => o.accountId === ACCOUNT && clientOrders.push(o));
    const clientPositions: Position[] = [
      ...(positionsStore.getState().byAccount.get(ACCOUNT)?.values() ?? []),
    ];
    const clientLists: Watchlist[] = [...watchlistStore.getState().lists.values()];
    const clientCandles: readonly Candle[] =
      pnlStore.getState().series.get(`pnl:${ACCOUNT}`)?.candles ?? [];
    // A minute that began after the last event has a server candle nobody was sent yet.
    const lastT = clientCandles.at(-1)?.t ?? Infinity;
    const serverCandles = server.sim
      .candles(ACCOUNT, '1m', Date.parse(startTime), Date.now())
      .filter((c) => c.t <= lastT);
    const mismatches = [
      ...diff('order', clientOrders, truth.orders, (o) => o.ordId),
      ...diff('position', clientPositions, truth.positions, (p) => p.symbol),
      ...diff(
        'balance',
        [balancesStore.getState().balances.get(ACCOUNT)].filter((b) => !!b),
        [truth.balance],
        (b) => b.accountId,
      ),
      ...diff('watchlist', clientLists, server.sim.watchlists(USER), (w) => String(w.id)),
      ...diff('candle', clientCandles, serverCandles, (c) => String(c.t)),
    ];
    const dropped = socket.getStats().framesDropped;
    return {
      seed: opts.seed,
      seconds: opts.seconds,
      faults: { ...proxy.stats },
      reconnects: socket.getStats().connectionId - 1,
      framesDroppedAsInvalid: Object.values(dropped).reduce((a, b) => a + (b ?? 0), 0),
      simEvents,
      mismatches,
    };
  } finally {
    off();
    socket.stop();
    dispatcher.dispose();
    resetAllStores();
    await proxy.close();
    await server.close();
  }
}

export function formatChaosReport(r: ChaosReport): string {
  const f = r.faults;
  return [
    `chaos seed ${r.seed}, ${r.seconds} s, ${r.simEvents} simulator events`,
    `  faults: ${f.drops} drops, ${f.stalls} stalls past the ping deadline, ${f.injected} malformed/unknown frames injected, ${f.delayed} frames delayed; ${f.forwarded} frames forwarded over ${f.connections} connections`,
    `  client: ${r.reconnects} reconnects, ${r.framesDroppedAsInvalid} frames dropped as invalid`,
    `  mismatches with the server's truth: ${r.mismatches.length}`,
    ...r.mismatches.slice(0, 20).map((m) => `    ${m}`),
  ].join('\n');
}
