/**
 * Keeps "Live" honest: estimates the server's clock from arriving frames, measures each applied
 * update's event-to-paint lag at the flush that paints it, and publishes how far behind the
 * figures are (src/stores/connection/lag-store.ts) when the p95 over the last second passes
 * a second. Publishing is rate-limited; while behind, a timer re-checks so that a burst that
 * simply ends also clears the warning.
 */
import { ClockOffset } from './clock-offset';
import { LagMeter } from '../stores/connection/lag-meter';
import { setBehind } from '../stores/connection/lag-store';

const PUBLISH_EVERY_MS = 250;
const RECHECK_MS = 500;

export type LagWatchTimers = {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
};

const defaultTimers: LagWatchTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class LagWatch {
  private readonly clock = new ClockOffset();
  private readonly meter = new LagMeter();
  private lastPublish = -Infinity;
  private shown: number | undefined;
  private recheck: unknown;

  constructor(
    private readonly now: () => number,
    private readonly timers: LagWatchTimers = defaultTimers,
  ) {}

  /** Every server-stamped frame, as it arrives. */
  observe(serverTime: number, receivedAt: number): void {
    this.clock.observe(serverTime, receivedAt);
  }

  /** The server times of the updates a flush just applied (painted at the end of this frame). */
  painted(serverTimes: ReadonlyArray<number | undefined>): void {
    const t = this.now();
    for (const at of serverTimes)
      if (at !== undefined) this.meter.record(t, t - this.clock.toLocal(at));
    if (t - this.lastPublish >= PUBLISH_EVERY_MS) this.publish(t);
  }

  dispose(): void {
    if (this.recheck !== undefined) this.timers.clear(this.recheck);
    this.recheck = undefined;
    if (this.shown !== undefined) setBehind(undefined);
    this.shown = undefined;
  }

  private publish(t: number): void {
    this.lastPublish = t;
    const behind = this.meter.behindMs(t);
    // Tenths of a second: finer would re-render the badge every frame for nothing.
    const shown = behind === undefined ? undefined : Math.round(behind / 100) * 100;
    if (shown !== this.shown) {
      this.shown = shown;
      setBehind(shown);
    }
    if (shown !== undefined && this.recheck === undefined) {
      this.recheck = this.timers.set(() => {
        this.recheck = undefined;
        this.publish(this.now());
      }, RECHECK_MS);
    }
  }
}
