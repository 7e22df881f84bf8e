/**
 * Prices as a seeded random walk in integer cents, one 15-second bucket at a time, with the
 * exchange's sessions: full-size moves in the regular session, quarter-size before and after
 * it, none while the exchange is closed. History is the same walk run backwards from today's
 * prices, so every instant's price is a function of the seed, the start and the bucket.
 */
import { exchangeDay, type ExchangeDay } from '../../src/protocol/exchange-time';
import { STOCK_SYMBOLS } from './market';
import { createRng, type Rng } from './rng';
import type { Scenario } from './scenario';

export const BUCKET_MS = 15_000;
/** Standard deviation of one regular-session bucket's move: about 1.6 % over a session. */
export const REGULAR_SIGMA = 0.0004;
/** Pre-market and after-hours move a quarter as much. */
const EXTENDED_SHARE = 0.25;
/** A uniform step on [−a, a] has standard deviation a / √3. */
const SQRT3 = Math.sqrt(3);

export const CLOSED = 0;
export const EXTENDED = 1;
export const REGULAR = 2;
export type SessionKind = typeof CLOSED | typeof EXTENDED | typeof REGULAR;

export function sessionSigma(kind: SessionKind): number {
  return kind === REGULAR ? REGULAR_SIGMA : kind === EXTENDED ? REGULAR_SIGMA * EXTENDED_SHARE : 0;
}

/** Session and day start by bucket, one exchange day cached (the clock formats a date). */
export class SessionClock {
  private day: ExchangeDay | undefined;

  private dayAt(k: number): ExchangeDay {
    const ms = k * BUCKET_MS;
    const d = this.day;
    if (d && ms >= d.start && ms < d.end) return d;
    return (this.day = exchangeDay(ms));
  }

  kind(k: number): SessionKind {
    const d = this.dayAt(k);
    const ms = k * BUCKET_MS;
    if (!d.weekday || ms < d.pre || ms >= d.close) return CLOSED;
    return ms >= d.regular && ms < d.after ? REGULAR : EXTENDED;
  }

  /**
   * The lowest bucket of the closed stretch containing bucket `k` (within its day), or k + 1
   * when `k` is in a session.
   */
  closedFrom(k: number): number {
    if (this.kind(k) !== CLOSED) return k + 1;
    const d = this.dayAt(k);
    const ms = k * BUCKET_MS;
    return Math.ceil((d.weekday && ms >= d.close ? d.close : d.start) / BUCKET_MS);
  }

  /** The first bucket of the exchange day containing bucket `k`. */
  dayStartBucket(k: number): number {
    return this.dayAt(k).start / BUCKET_MS;
  }
}

/** Every stock's walk, stepped backwards from the start bucket. */
export class BackwardWalk {
  /** Price in cents of each of STOCK_SYMBOLS at bucket `k`. */
  readonly cents: Int32Array;
  k: number;
  private readonly rng: Rng;
  private readonly clock = new SessionClock();

  constructor(
    seed: number,
    startBucket: number,
    startCents: Int32Array,
    private readonly scenario: Scenario,
    /** Buckets from here on are today: the scenario's drift applies to them. */
    private readonly todayFirst: number,
  ) {
    this.cents = Int32Array.from(startCents);
    this.k = startBucket;
    this.rng = createRng((seed ^ 0x5eed_cafe) >>> 0);
  }

  /** The lowest bucket down to which, from `k`, no bucket moves (k + 1: bucket k moves). */
  stillFrom(): number {
    return this.clock.closedFrom(this.k);
  }

  /** Steps back `n` buckets that made no move (see stillFrom). */
  skip(n: number): void {
    this.k -= n;
  }

  /** Steps to bucket k − 1 by undoing the move made during bucket k; false if none was made. */
  back(): boolean {
    const kind = this.clock.kind(this.k);
    const moved = kind !== CLOSED;
    if (moved) {
      const a = sessionSigma(kind) * this.scenario.volatility * SQRT3;
      const drift = kind === REGULAR && this.k >= this.todayFirst ? this.scenario.drift : 0;
      const cents = this.cents;
      for (let i = 0; i < cents.length; i++) {
        const p = cents[i] as number;
        const prev = p - Math.round(p * (drift + a * (2 * this.rng.next() - 1)));
        cents[i] = prev < 1 ? 1 : prev;
      }
    }
    this.k--;
    return moved;
  }
}

/** Today's path: prices of every stock at each bucket from `firstBucket` to the start. */
export function walkToday(
  seed: number,
  startBucket: number,
  startCents: Int32Array,
  scenario: Scenario,
  firstBucket: number,
): (k: number) => Int32Array {
  const n = STOCK_SYMBOLS.length;
  const rows = Math.max(0, startBucket - firstBucket) + 1;
  const path = new Int32Array(rows * n);
  const walk = new BackwardWalk(seed, startBucket, startCents, scenario, firstBucket);
  for (let row = rows - 1; row >= 0; row--) {
    path.set(walk.cents, row * n);
    if (row > 0) walk.back();
  }
  return (k) => {
    const row = Math.min(rows - 1, Math.max(0, k - firstBucket));
    return path.subarray(row * n, row * n + n);
  };
}
