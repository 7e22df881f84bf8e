/**
 * A chaos session: the real client (AccountSocket → dispatcher → stores) talks to the real
 * embedded server through the fault proxy while the simulator runs busy; then faults stop, the
 * client settles, and every store is compared with the server's ground truth. Used by the
 * chaos integration test (short) and `npm run chaos` (long). Node only.
 */
import WebSocket from 'ws';
import { login, startTestServer } from '../../server/conformance/harness';
import { CHAOS_FAULT_MIX, startFaultProxy, type FaultStats } from '../../server/chaos/fault-proxy';
import { createRng } from '../../server/sim/rng';
import { AccountSocket, type WebSocketCtor } from '../socket/account-socket';
import { createDispatcher } from '../socket/dispatcher';
import { readAccountState } from '../stores/account-state';
import { resetAllStores } from '../stores/reset';
import { diffWithTruth } from './truth-diff';

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
    ...CHAOS_FAULT_MIX,
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

    // Settle: every subscription live on a connection that has lasted 1.5 s (pings
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
        // A stream failed by an unreadable frame is settled only once its retry is live again.
        const allLive = socket.registry.all().every((e) => e.status.state === 'active');
        return socket.getState().status === 'subscribed' && allLive && Date.now() - since > 1500;
      },
      30_000,
    );
    dispatcher.flush();

    const truth = server.sim.accountSnapshot(ACCOUNT);
    const mismatches = diffWithTruth(readAccountState(ACCOUNT, `pnl:${ACCOUNT}`), {
      orders: truth.orders,
      positions: truth.positions,
      balance: truth.balance,
      watchlists: server.sim.watchlists(USER),
      candles: server.sim.candles(ACCOUNT, '1m', Date.parse(startTime), Date.now()),
    });
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
