/**
 * Pure reducers for P&L candle series, one per subscription key (`pnl:<accountId>`; the
 * protocol replaces the interval on re-subscribe, so the series records its interval and
 * ignores candles of another one, stragglers of the previous subscription).
 *
 * The candles (a CandleList) are kept sorted by `t` and bounded. Each series carries `change`,
 * which tells a chart whether it may call `series.update()` for the tail or must `setData()`
 * again (lightweight-charts can only update the last bar or append).
 */
import type { Candle, PnlInterval } from '../../protocol';
import { CandleList, indexAt } from './candle-list';
import { foldOps } from '../fold';
import type { PnlOp } from '../topic-ops';

/** About 1.1 years of 1-minute candles. Trimmed in chunks of 10% so trimming is rare. */
export const MAX_CANDLES = 600_000;

export type PnlChange =
  /** Everything may differ: redraw from `candles`. */
  | Readonly<{ kind: 'reset'; fromRev: number }>
  /** Only `candles[from…]` changed or were appended since `fromRev`. */
  | Readonly<{ kind: 'tail'; fromRev: number; from: number }>;

export type PnlSeries = Readonly<{
  key: string;
  accountId: string;
  interval: PnlInterval;
  /** The `startTime` the snapshot was asked for: tells a page whether it covers its range. */
  since?: string;
  candles: CandleList;
  rev: number;
  change: PnlChange;
}>;

export type PnlState = Readonly<{
  series: ReadonlyMap<string, PnlSeries>;
  /** Candles ignored: older than the last and matching none, other interval, unknown key. */
  ignored: number;
}>;

export function initialPnlState(): PnlState {
  return { series: new Map(), ignored: 0 };
}

function trim(candles: CandleList, max: number): { candles: CandleList; trimmed: boolean } {
  if (candles.length <= max) return { candles, trimmed: false };
  const keep = Math.max(1, Math.floor(max * 0.9));
  return { candles: CandleList.from(candles.slice(candles.length - keep)), trimmed: true };
}

/** True when every candle has `interval` and `t` rises strictly: the server's own order. */
function isStrictlyOrdered(candles: readonly Candle[], interval: PnlInterval): boolean {
  let prev = -Infinity;
  for (const c of candles) {
    if (c.interval !== interval || c.t <= prev) return false;
    prev = c.t;
  }
  return true;
}

function orderedByT(candles: readonly Candle[], meta: { interval: PnlInterval }): Candle[] {
  const byT = new Map<number, Candle>();
  for (const c of candles) if (c.interval === meta.interval) byT.set(c.t, c);
  return [...byT.values()].sort((a, b) => a.t - b.t);
}

/** [STORE-PNL-SNAP] A snapshot replaces the series (sorted by t, last duplicate wins). */
export function applyPnlSnapshot(
  state: PnlState,
  key: string,
  meta: { accountId: string; interval: PnlInterval; since?: string },
  candles: readonly Candle[],
  max = MAX_CANDLES,
): PnlState {
  const sorted = isStrictlyOrdered(candles, meta.interval) ? candles : orderedByT(candles, meta);
  const prevRev = state.series.get(key)?.rev ?? 0;
  const series: PnlSeries = {
    key,
    accountId: meta.accountId,
    interval: meta.interval,
    since: meta.since,
    candles: trim(CandleList.from(sorted), max).candles,
    rev: prevRev + 1,
    change: { kind: 'reset', fromRev: prevRev },
  };
  const map = new Map(state.series);
  map.set(key, series);
  return { ...state, series: map };
}

/**
 * [STORE-PNL-UPD] Apply live candles for one series in arrival order: the same `t` as the
 * last replaces it, a later `t` appends, an older `t` replaces the candle with that `t` in
 * place or is ignored when there is none.
 */
export function applyCandleUpdates(
  state: PnlState,
  key: string,
  updates: readonly Candle[],
  max = MAX_CANDLES,
): PnlState {
  if (updates.length === 0) return state;
  const prev = state.series.get(key);
  if (!prev) return { ...state, ignored: state.ignored + updates.length };
  let candles = prev.candles;
  let firstChanged = Infinity;
  let ignored = 0;
  for (const c of updates) {
    if (c.interval !== prev.interval || c.accountId !== prev.accountId) {
      ignored += 1;
      continue;
    }
    const last = candles.at(-1);
    if (!last || c.t > last.t) {
      candles = candles.push(c);
      firstChanged = Math.min(firstChanged, candles.length - 1);
      continue;
    }
    const at = c.t === last.t ? candles.length - 1 : indexAt(candles, c.t);
    if (at < 0) {
      ignored += 1;
      continue;
    }
    candles = candles.with(at, c);
    firstChanged = Math.min(firstChanged, at);
  }
  if (candles === prev.candles) {
    return ignored === 0 ? state : { ...state, ignored: state.ignored + ignored };
  }
  const { candles: bounded, trimmed } = trim(candles, max);
  // A bar before the previous last one changed, or the head was trimmed: a chart must redraw.
  const tailOnly = !trimmed && firstChanged >= prev.candles.length - 1;
  const series: PnlSeries = {
    ...prev,
    candles: bounded,
    rev: prev.rev + 1,
    change: tailOnly
      ? { kind: 'tail', fromRev: prev.rev, from: firstChanged }
      : { kind: 'reset', fromRev: prev.rev },
  };
  const map = new Map(state.series);
  map.set(key, series);
  return { series: map, ignored: state.ignored + ignored };
}

/**
 * [STORE-PNL-OPS] A frame's P&L ops, folded per series (fold.ts): a snapshot of one series
 * never cuts another's run of candles, so each series gets one write and one `change`.
 */
export function applyPnlOps(state: PnlState, ops: readonly PnlOp[]): PnlState {
  if (ops.length === 0) return state;
  const byKey = new Map<string, PnlOp[]>();
  for (const op of ops) {
    let keyOps = byKey.get(op.key);
    if (!keyOps) byKey.set(op.key, (keyOps = []));
    keyOps.push(op);
  }
  let s = state;
  for (const [key, keyOps] of byKey) {
    s = foldOps(s, keyOps, {
      pick: (c) => c,
      events: (st, candles) => applyCandleUpdates(st, key, candles),
      snapshot: (st, { candles, ...meta }) => applyPnlSnapshot(st, key, meta, candles),
    });
  }
  return s;
}
