/**
 * How far behind the server the painted figures are: event-to-paint lag per applied update
 * (paint time minus the update's server time on this machine's clock), summarised as the p95
 * over the last second. Recording is O(1) per update (a coarse histogram per quarter second),
 * so a burst of thousands a second costs nothing extra to watch.
 */
/** Behind when the p95 lag over the last second passes this. */
export const BEHIND_AFTER_MS = 1_000;
const SLOT_MS = 250;
const SLOTS = 4;
const BUCKET_MS = 50;
/** Lags beyond this share the last bucket: "at least a minute behind" is precise enough. */
const BUCKETS = 60_000 / BUCKET_MS;

type Slot = { start: number; count: number; buckets: Uint32Array };

export class LagMeter {
  private readonly slots: Slot[] = Array.from({ length: SLOTS }, () => ({
    start: -Infinity,
    count: 0,
    buckets: new Uint32Array(BUCKETS),
  }));

  record(at: number, lagMs: number): void {
    const start = Math.floor(at / SLOT_MS) * SLOT_MS;
    const slot = this.slots[(start / SLOT_MS) % SLOTS]!;
    if (slot.start !== start) {
      slot.start = start;
      slot.count = 0;
      slot.buckets.fill(0);
    }
    const bucket = Math.min(BUCKETS - 1, Math.max(0, Math.floor(lagMs / BUCKET_MS)));
    slot.buckets[bucket]! += 1;
    slot.count += 1;
  }

  /** p95 lag (upper edge of its bucket) over the last second up to `now`; 0 with no updates. */
  p95(now: number): number {
    const live = this.slots.filter((s) => s.start > now - SLOT_MS * SLOTS && s.start <= now);
    const total = live.reduce((n, s) => n + s.count, 0);
    if (total === 0) return 0;
    const rank = Math.ceil(total * 0.95);
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      for (const s of live) seen += s.buckets[b]!;
      if (seen >= rank) return (b + 1) * BUCKET_MS;
    }
    return BUCKETS * BUCKET_MS;
  }

  /** The lag to show, or undefined while the figures are current. */
  behindMs(now: number): number | undefined {
    const p95 = this.p95(now);
    return p95 > BEHIND_AFTER_MS ? p95 : undefined;
  }
}
