/**
 * Hooks a benchmark (bench/) or an e2e test installs as `window.__ARIES_PROBE__` before the app
 * loads. Absent in normal use, where it costs one property read per dispatcher flush. Nothing
 * in it can reach the server or another user: it tunes this page's timers and reads its stores.
 */
import type { Topic } from '../protocol';
import type { AccountState } from '../stores/account-state';

/** Keepalive and backoff-reset times (ms) a chaos run shortens to stay bounded in time. */
export type SocketTuning = {
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  stableAfterMs?: number;
};

export type PerfProbe = {
  /**
   * The naive baseline: apply every update as it arrives (one store write and one render per
   * message, the common tutorial pattern), for side-by-side comparison with frame batching.
   */
  naive?: boolean;
  /** An update for a subscribed key arrived; `serverTime` is its envelope timestamp (ms epoch). */
  received?(topic: Topic, serverTime: number | undefined): void;
  /** These updates were written to the stores (their envelope timestamps). */
  applied?(topic: Topic, serverTimes: readonly (number | undefined)[]): void;
  /** A flush finished: how long the store writes (and their synchronous selectors) took. */
  flushed?(ms: number): void;
  socket?: SocketTuning;
  /** Given a reader of the stores when the session starts (the chaos e2e compares them). */
  inspect?(read: StoreReader): void;
};

/** What the probe's `inspect` is given: one account as the stores hold it. */
export type StoreReader = { account(accountId: string, pnlKey?: string): AccountState };

export function perfProbe(): PerfProbe | undefined {
  return (globalThis as { __ARIES_PROBE__?: PerfProbe }).__ARIES_PROBE__;
}

/** The probe's socket tuning, keeping only sane values (at least 50 ms). */
export function probeSocketTuning(): SocketTuning {
  const wanted = perfProbe()?.socket ?? {};
  const out: SocketTuning = {};
  for (const k of ['pingIntervalMs', 'pongTimeoutMs', 'stableAfterMs'] as const) {
    const v = wanted[k];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 50) out[k] = v;
  }
  return out;
}
