/**
 * The test control API under /__control (only with SIM_CONTROL=1): drives exact scenarios
 * and exposes the simulator's ground truth so tests can compare a client's state with it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PNL_INTERVALS, type PnlInterval } from '../../src/protocol';
import type { PlaceOrderInput, Simulator } from '../sim/types';
import { startBurst } from '../sim/burst';
import type { TokenIssuer } from '../auth/tokens';
import type { Gateway } from '../ws/gateway';
import { HttpError, readFields, sendJson } from '../http/json';
import { checkControlRequest } from './control-guard';

export const MALFORMED_KINDS = {
  'not-json': () => '{"type":"event", oops',
  'not-object': () => '[1,2,3]',
  'unknown-type': () => JSON.stringify({ type: 'mystery', payload: {} }),
  'unknown-action': () =>
    JSON.stringify({
      type: 'event',
      timestamp: new Date().toISOString(),
      payload: { action: 'bogus' },
    }),
  'unknown-topic': () =>
    JSON.stringify({
      type: 'event',
      timestamp: new Date().toISOString(),
      payload: { action: 'update', topic: 'weather', type: 'rain', data: {} },
    }),
  'invalid-order': () =>
    JSON.stringify({
      type: 'event',
      timestamp: new Date().toISOString(),
      payload: {
        action: 'update',
        topic: 'account',
        type: 'order',
        seq: 0,
        data: { ordId: 42, qty: 'lots' },
      },
    }),
  binary: () => Buffer.from([0xde, 0xad, 0xbe, 0xef]),
} as const;

type Route = {
  method: string;
  pattern: RegExp;
  run: (m: string[], body: Record<string, unknown>, url: URL) => unknown;
};

export function createControlApi(deps: {
  sim: Simulator;
  gateway: Gateway;
  now: () => number;
  tokens?: Pick<TokenIssuer, 'revoke'>;
}) {
  const { sim, gateway } = deps;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const routes: Route[] = [
    {
      method: 'POST',
      pattern: /^\/orders$/,
      run: (_, b) => sim.placeOrder(b as unknown as PlaceOrderInput),
    },
    { method: 'POST', pattern: /^\/orders\/expire-day$/, run: () => sim.expireDayOrders() },
    { method: 'POST', pattern: /^\/orders\/([^/]+)\/accept$/, run: ([id]) => sim.acceptOrder(id!) },
    {
      method: 'POST',
      pattern: /^\/orders\/([^/]+)\/fill$/,
      run: ([id], b) => sim.fillOrder(id!, str(b.qty), str(b.price)),
    },
    { method: 'POST', pattern: /^\/orders\/([^/]+)\/cancel$/, run: ([id]) => sim.cancelOrder(id!) },
    {
      method: 'POST',
      pattern: /^\/orders\/([^/]+)\/replace$/,
      run: ([id], b) =>
        sim.replaceOrder(id!, {
          ...(str(b.qty) ? { qty: str(b.qty) } : {}),
          ...(str(b.price) ? { price: str(b.price) } : {}),
        }),
    },
    {
      method: 'POST',
      pattern: /^\/orders\/([^/]+)\/reject$/,
      run: ([id], b) => sim.rejectOrder(id!, str(b.reason) ?? 'Rejected by control API'),
    },
    {
      method: 'POST',
      pattern: /^\/prices$/,
      run: (_, b) => {
        sim.setPrice(String(b.symbol), String(b.price));
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/news$/,
      run: (_, b) =>
        sim.publishNews({ ...(b as object), headline: String(b.headline ?? 'Untitled') }),
    },
    {
      method: 'POST',
      pattern: /^\/watchlists\/([^/]+)\/(\d+)\/symbols$/,
      run: ([u, w], b) => {
        sim.addSymbol(u!, Number(w), String(b.symbol));
        return sim.watchlists(u!);
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/watchlists\/([^/]+)\/(\d+)\/symbols\/([^/]+)$/,
      run: ([u, w, s]) => {
        sim.removeSymbol(u!, Number(w), decodeURIComponent(s!));
        return sim.watchlists(u!);
      },
    },
    {
      method: 'PUT',
      pattern: /^\/watchlists\/([^/]+)$/,
      run: ([u], b) => {
        sim.upsertWatchlist(u!, b as never);
        return sim.watchlists(u!);
      },
    },
    {
      method: 'POST',
      pattern: /^\/sessions\/expire$/,
      run: (_, b) => {
        const targets = gateway.authenticated(str(b.userId));
        for (const c of targets) c.expire();
        return { expired: targets.length };
      },
    },
    {
      method: 'POST',
      pattern: /^\/tokens\/revoke$/,
      run: (_, b) => {
        const userId = str(b.userId);
        if (!userId || !deps.tokens) throw new HttpError(400, 'userId is required');
        deps.tokens.revoke(userId);
        return { revoked: userId };
      },
    },
    {
      method: 'POST',
      pattern: /^\/sessions\/refresh-warning$/,
      run: (_, b) => {
        const targets = gateway.authenticated(str(b.userId));
        for (const c of targets) c.warnRefresh();
        return { warned: targets.length };
      },
    },
    {
      method: 'POST',
      pattern: /^\/connections\/drop$/,
      run: (_, b) => {
        const all = [...gateway.connections];
        for (const c of all) {
          if (b.abrupt === true) c.socket.terminate();
          else
            c.close(
              typeof b.code === 'number' ? b.code : 1012,
              str(b.reason) ?? 'dropped by control API',
            );
        }
        return { dropped: all.length };
      },
    },
    {
      method: 'POST',
      pattern: /^\/malformed$/,
      run: (_, b) => {
        const kind = String(b.kind) as keyof typeof MALFORMED_KINDS;
        const make = MALFORMED_KINDS[kind];
        if (!make)
          throw new HttpError(
            400,
            `kind must be one of ${Object.keys(MALFORMED_KINDS).join(', ')}`,
          );
        const targets = gateway.authenticated(str(b.userId));
        for (const c of targets) c.socket.send(make());
        return { sent: targets.length };
      },
    },
    {
      method: 'POST',
      pattern: /^\/sim\/start$/,
      run: (_, b) => {
        sim.start(Number(b.rate ?? 3));
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/sim\/stop$/,
      run: () => {
        sim.stop();
        return { ok: true };
      },
    },
    {
      method: 'POST',
      // Benchmarks: order lifecycles on one account at a fixed rate (see sim/burst.ts).
      pattern: /^\/sim\/burst$/,
      run: async (_, b) => {
        const burst = startBurst(sim, {
          accountId: String(b.accountId ?? 'A-10001'),
          ratePerSec: Math.min(100_000, Math.max(1, Number(b.rate ?? 1000))),
          durationMs: Math.min(600_000, Math.max(10, Number(b.seconds ?? 1) * 1000)),
        });
        return burst.done;
      },
    },
    {
      method: 'POST',
      // Test isolation: every spec starts from the same world. Clients are dropped so they
      // reconnect and take fresh snapshots instead of holding state the server forgot.
      pattern: /^\/sim\/reset$/,
      run: () => {
        sim.reset();
        for (const c of [...gateway.connections]) c.close(1012, 'simulator reset');
        return { ok: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/sim\/step$/,
      run: (_, b) => {
        const count = Math.min(100_000, Math.max(1, Number(b.count ?? 1)));
        for (let i = 0; i < count; i++) sim.step();
        return { steps: count };
      },
    },
    { method: 'GET', pattern: /^\/truth\/watchlists\/([^/]+)$/, run: ([u]) => sim.watchlists(u!) },
    { method: 'GET', pattern: /^\/truth\/([^/]+)$/, run: ([a]) => sim.accountSnapshot(a!) },
    {
      method: 'GET',
      pattern: /^\/truth\/([^/]+)\/candles$/,
      run: ([a], _, url) => {
        const interval = (url.searchParams.get('interval') ?? '1m') as PnlInterval;
        if (!PNL_INTERVALS.includes(interval)) throw new HttpError(400, 'bad interval');
        const start = Date.parse(url.searchParams.get('startTime') ?? '');
        if (Number.isNaN(start)) throw new HttpError(400, 'startTime must be RFC3339');
        return sim.candles(a!, interval, start, deps.now());
      },
    },
    {
      method: 'GET',
      pattern: /^\/connections$/,
      run: () => ({
        count: gateway.connections.size,
        connections: [...gateway.connections].map((c) => ({
          userId: c.userId ?? null,
          subscriptions: [...c.subscriptions.keys()],
        })),
      }),
    },
  ];

  return async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<void> {
    checkControlRequest(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    for (const route of routes) {
      if (route.method !== req.method) continue;
      const match = route.pattern.exec(path);
      if (!match) continue;
      const body = req.method === 'GET' ? {} : await readFields(req);
      sendJson(res, 200, (await route.run(match.slice(1), body, url)) ?? { ok: true });
      return;
    }
    throw new HttpError(404, `no control route ${req.method} ${path}`);
  };
}
