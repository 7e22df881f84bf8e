/**
 * Measurement hooks a benchmark installs as `window.__ARIES_PROBE__` before the app loads
 * (bench/). Absent in normal use, where it costs one property read per dispatcher flush.
 */
import type { Topic } from '../protocol';

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
};

export function perfProbe(): PerfProbe | undefined {
  return (globalThis as { __ARIES_PROBE__?: PerfProbe }).__ARIES_PROBE__;
}
