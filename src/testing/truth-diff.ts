/**
 * Compares what a client holds with the server's ground truth, field by field, for the chaos
 * runs (Node: src/testing/chaos-session.ts; Chromium: e2e/chaos.spec.ts). Plain data in, one
 * line per difference out: an empty list means the client converged exactly.
 */
import type { AccountState } from '../stores/account-state';

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
  const c = new Map(client.map((x) => [key(x), x] as const));
  const s = new Map(server.map((x) => [key(x), x] as const));
  for (const [k, v] of s) {
    if (!c.has(k)) out.push(`${what} ${k}: missing on the client`);
    else if (canonical(c.get(k)) !== canonical(v))
      out.push(`${what} ${k}: client ${canonical(c.get(k))} ≠ server ${canonical(v)}`);
  }
  for (const k of c.keys()) if (!s.has(k)) out.push(`${what} ${k}: extra on the client`);
  return out;
}

export function diffWithTruth(client: AccountState, truth: AccountState): string[] {
  // A candle that began after the client's last one exists on the server only because time
  // moved on after the stream stopped: nobody was sent it yet.
  const lastT = client.candles.at(-1)?.t ?? Infinity;
  const opt = <T>(x: T | undefined) => (x === undefined ? [] : [x]);
  return [
    ...diff('order', client.orders, truth.orders, (o) => o.ordId),
    ...diff('position', client.positions, truth.positions, (p) => p.symbol),
    ...diff('balance', opt(client.balance), opt(truth.balance), (b) => b.accountId),
    ...diff('watchlist', client.watchlists, truth.watchlists, (w) => String(w.id)),
    ...diff(
      'candle',
      client.candles,
      truth.candles.filter((c) => c.t <= lastT),
      (c) => String(c.t),
    ),
  ];
}
