/**
 * The P&L series behind every candle interval. Before the simulator started, P&L comes from a
 * deterministic function of the 15-second bucket (so a year of history costs no memory and
 * is the same on every run); after, from the live P&L recorded per bucket. Every interval
 * aggregates the same 15 s buckets, so a 5m candle equals the aggregate of its 1m candles.
 * Values are integer cents internally: no float ever reaches a candle.
 */
import { candleStart, INTERVAL_SECONDS } from '../../src/protocol';
import type { Candle, PnlInterval } from '../../src/protocol';
import { formatCents } from './cents';
import { JsonBytes } from './json-bytes';

const BUCKET = 15;
/** How many live 15 s buckets are kept (one week); older live buckets fall back to history. */
const MAX_LIVE_BUCKETS = 40_320;
export const MAX_CANDLES = 600_000;
/** History is cached by the day's worth of buckets, filled the first time a request reaches it. */
const CHUNK_BUCKETS = 86_400 / BUCKET;
/**
 * Days of history kept before the start: enough for a 1Y range after a month of uptime. At
 * 4 bytes a bucket that is 400 × 5,760 × 4 B = 9.2 MB per series at most, allocated on the
 * first request that reaches into it; ranges further back are computed as before.
 */
const CACHED_DAYS = 400;

const ascii = (s: string) => Buffer.from(s, 'latin1');
const OPEN_ARRAY = ascii('[');
const CLOSE_ARRAY = ascii(']');
const COMMA = ascii(',');
const OPEN = ascii(',"open":"');
const HIGH = ascii('","high":"');
const LOW = ascii('","low":"');
const CLOSE = ascii('","close":"');
const END = ascii('"}');

type Ohlc = { o: number; h: number; l: number; c: number };

export class PnlSeries {
  private readonly live = new Map<number, Ohlc>();
  private readonly startBucket: number;
  private readonly phase: number;
  private readonly anchor: number;
  /**
   * History per bucket, from cacheBase up to the start. Three sines a bucket are most of a
   * year's build (the x / 37 term is past the argument size V8 reduces cheaply), and a user
   * switching intervals or ranges asks for the same buckets again.
   */
  private cache: Int32Array | undefined;
  private readonly cachedDays = new Uint8Array(CACHED_DAYS);
  private readonly cacheBase: number;

  constructor(
    private readonly accountId: string,
    seed: number,
    startMs: number,
  ) {
    this.startBucket = Math.floor(startMs / 1000 / BUCKET);
    this.phase = (seed % 10_000) / 97;
    this.anchor = this.shape(this.startBucket);
    this.cacheBase = this.startBucket - CACHED_DAYS * CHUNK_BUCKETS;
  }

  /** Synthetic history in cents, anchored so it joins the live series at 0 when it starts. */
  private history(k: number): number {
    return this.shape(k) - this.anchor;
  }

  private shape(k: number): number {
    const x = k + this.phase * 1000;
    return Math.round(
      250_000 * Math.sin(x / 5_760) +
        90_000 * Math.sin(x / 613 + this.phase) +
        20_000 * Math.sin(x / 37),
    );
  }

  /** Fills the cached days that history buckets first..last touch. */
  private warm(first: number, last: number): void {
    const from = Math.max(first, this.cacheBase);
    const to = Math.min(last, this.startBucket - 1);
    // Written so a NaN bound (an unparsable start) also returns, as candles() yields nothing then.
    if (!(from <= to)) return;
    // Within ±720,000 cents, so int32 holds every value; a -0 becomes 0, which prints the same.
    const cache = (this.cache ??= new Int32Array(CACHED_DAYS * CHUNK_BUCKETS));
    const lastDay = Math.floor((to - this.cacheBase) / CHUNK_BUCKETS);
    for (let day = Math.floor((from - this.cacheBase) / CHUNK_BUCKETS); day <= lastDay; day++) {
      if (this.cachedDays[day] === 1) continue;
      const i0 = day * CHUNK_BUCKETS;
      for (let i = i0; i < i0 + CHUNK_BUCKETS; i++) cache[i] = this.history(this.cacheBase + i);
      this.cachedDays[day] = 1;
    }
  }

  private historyAt(k: number): number {
    const i = k - this.cacheBase;
    if (i >= 0 && this.cache && this.cachedDays[Math.floor(i / CHUNK_BUCKETS)] === 1) {
      return this.cache[i] as number;
    }
    return this.history(k);
  }

  record(atMs: number, cents: number): void {
    const k = Math.floor(atMs / 1000 / BUCKET);
    const b = this.live.get(k);
    if (b) {
      b.c = cents;
      if (cents > b.h) b.h = cents;
      if (cents < b.l) b.l = cents;
    } else {
      this.live.set(k, { o: cents, h: cents, l: cents, c: cents });
      if (this.live.size > MAX_LIVE_BUCKETS) {
        const oldest = this.live.keys().next().value;
        if (oldest !== undefined) this.live.delete(oldest);
      }
    }
  }

  private lastLive = 0;

  private bucket(k: number): Ohlc {
    if (k < this.startBucket) {
      const v = this.historyAt(k);
      return { o: v, h: v, l: v, c: v };
    }
    const b = this.live.get(k);
    if (b) {
      this.lastLive = b.c;
      return b;
    }
    // A quiet bucket carries the last known value forward.
    return { o: this.lastLive, h: this.lastLive, l: this.lastLive, c: this.lastLive };
  }

  /** OHLC in cents of the last aggregate: fields, not an object, to allocate nothing per candle. */
  private o = 0;
  private h = 0;
  private l = 0;
  private c = 0;

  private aggregate(t: number, end: number): void {
    let o = 0;
    let h = -Infinity;
    let l = Infinity;
    let c = 0;
    const first = Math.floor(t / BUCKET);
    const last = Math.floor((end - 1) / BUCKET);
    // Seed the carry-forward value for live buckets from the nearest earlier bucket.
    if (first >= this.startBucket) this.lastLive = this.carryBefore(first);
    for (let k = first; k <= last; k++) {
      // History buckets are one value each: computed inline, no object per bucket, because a
      // year of 1m candles walks two million of them.
      if (k < this.startBucket) {
        const v = this.historyAt(k);
        if (k === first) o = v;
        if (v > h) h = v;
        if (v < l) l = v;
        c = v;
        continue;
      }
      const b = this.bucket(k);
      if (k === first) o = b.o;
      if (b.h > h) h = b.h;
      if (b.l < l) l = b.l;
      c = b.c;
    }
    this.o = o;
    this.h = h;
    this.l = l;
    this.c = c;
  }

  private candleAt(t: number, end: number, interval: PnlInterval): Candle {
    this.aggregate(t, end);
    return {
      accountId: this.accountId,
      interval,
      t,
      open: formatCents(this.o),
      high: formatCents(this.h),
      low: formatCents(this.l),
      close: formatCents(this.c),
    };
  }

  private carryBefore(k: number): number {
    for (let j = k - 1; j >= this.startBucket && j > k - MAX_LIVE_BUCKETS; j--) {
      const b = this.live.get(j);
      if (b) return b.c;
    }
    return 0;
  }

  private nextStart(t: number, interval: PnlInterval): number {
    if (interval !== '1mo') return t + INTERVAL_SECONDS[interval];
    const d = new Date(t * 1000);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
  }

  /** Calls `visit` with each candle's start and end (Unix seconds), oldest first. */
  private eachCandle(
    interval: PnlInterval,
    startMs: number,
    nowMs: number,
    visit: (t: number, end: number) => void,
  ): void {
    const nowS = Math.floor(nowMs / 1000);
    let t = candleStart(Math.floor(startMs / 1000), interval);
    const lastT = candleStart(nowS, interval);
    // Never more than MAX_CANDLES: keep the newest ones.
    const step = interval === '1mo' ? 0 : INTERVAL_SECONDS[interval];
    if (step && (lastT - t) / step >= MAX_CANDLES) t = lastT - (MAX_CANDLES - 1) * step;
    this.warm(Math.floor(t / BUCKET), Math.floor(nowS / BUCKET));
    while (t <= lastT) {
      const next = this.nextStart(t, interval);
      visit(t, Math.min(next, nowS + 1));
      t = next;
    }
  }

  candles(interval: PnlInterval, startMs: number, nowMs: number): Candle[] {
    const out: Candle[] = [];
    this.eachCandle(interval, startMs, nowMs, (t, end) => {
      out.push(this.candleAt(t, end, interval));
    });
    return out;
  }

  /**
   * The UTF-8 bytes of `JSON.stringify(this.candles(interval, startMs, nowMs))`, written
   * directly: a year of 1m candles as objects and strings costs more in allocation and GC than
   * writing its 65 MB of JSON does.
   */
  candlesJson(interval: PnlInterval, startMs: number, nowMs: number): Buffer {
    // Same keys in the same order as candleAt. Only accountId can need escaping or be non-ASCII,
    // and it is the same in every candle; prices and t are ASCII digits, '-' and '.'.
    const head = Buffer.from(
      `{"accountId":${JSON.stringify(this.accountId)},"interval":${JSON.stringify(interval)},"t":`,
    );
    const out = new JsonBytes(2 + 128 * this.count(interval, startMs, nowMs));
    let comma = false;
    out.bytes(OPEN_ARRAY);
    this.eachCandle(interval, startMs, nowMs, (t, end) => {
      this.aggregate(t, end);
      if (comma) out.bytes(COMMA);
      comma = true;
      out.bytes(head);
      out.integer(t);
      out.bytes(OPEN);
      out.cents(this.o);
      out.bytes(HIGH);
      out.cents(this.h);
      out.bytes(LOW);
      out.cents(this.l);
      out.bytes(CLOSE);
      out.cents(this.c);
      out.bytes(END);
    });
    out.bytes(CLOSE_ARRAY);
    return out.done();
  }

  /** About how many candles a request yields; sizes the buffer (1mo counted as 28 days). */
  private count(interval: PnlInterval, startMs: number, nowMs: number): number {
    const step = interval === '1mo' ? 28 * 86_400 : INTERVAL_SECONDS[interval];
    const n = Math.ceil((nowMs - startMs) / 1000 / step) + 1;
    return n >= 1 ? Math.min(MAX_CANDLES, n) : 1;
  }

  current(interval: PnlInterval, atMs: number): Candle {
    const nowS = Math.floor(atMs / 1000);
    const t = candleStart(nowS, interval);
    this.warm(Math.floor(t / BUCKET), Math.floor(nowS / BUCKET));
    return this.candleAt(t, Math.min(this.nextStart(t, interval), nowS + 1), interval);
  }
}
