/**
 * The P&L series behind every candle interval. Before the simulator started, values come from
 * the account's history (account-history.ts: the price walk applied to its holdings); after,
 * from the live values the simulator records per 15 s bucket. Every interval aggregates the
 * same buckets, so a 5m candle equals the aggregate of its 1m candles.
 *
 * What a candle's values are:
 * - intraday intervals (15s … 1h): the account's P&L since the start of the exchange trading
 *   day (New York midnight): equity at that instant minus equity at the day's start. The day's
 *   first candle opens at 0; an intraday candle never spans two days (the day starts on a whole
 *   hour), and the first candle of the next day opens at 0 again.
 * - daily and monthly intervals: cumulative P&L since the start of the history (equity minus
 *   equity at the origin, about 400 days back; flat 0 before it).
 * Buckets hold equity relative to the start in integer cents; no float ever reaches a candle.
 */
import { candleStart, INTERVAL_SECONDS, nextCandleStart } from '../../src/protocol';
import type { Candle, PnlInterval } from '../../src/protocol';
import type { HistorySource } from './account-history';
import { formatCents } from './cents';
import { JsonBytes } from './json-bytes';
import { SessionClock } from './price-walk';

const BUCKET = 15;
/** How many live 15 s buckets are kept (one week); older ones carry the last value forward. */
const MAX_LIVE_BUCKETS = 40_320;
export const MAX_CANDLES = 600_000;
const CUMULATIVE: ReadonlySet<PnlInterval> = new Set(['1d', '1mo']);

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
  private readonly clock = new SessionClock();
  /** The last recorded value: a new live bucket opens at it, so candles join without gaps. */
  private lastValue: number;
  /** History's last value, at the end of the bucket before the start: where live values join. */
  private readonly joinValue: number;

  constructor(
    private readonly accountId: string,
    private readonly history: HistorySource,
  ) {
    this.startBucket = history.startBucket;
    history.warm(this.startBucket - 1);
    this.joinValue = history.value(this.startBucket - 1);
    this.lastValue = this.joinValue;
    // Values are relative to equity at the start, so the start's own value is 0.
    this.record(this.startBucket * BUCKET * 1000, 0);
  }

  private warm(first: number): void {
    if (first < this.startBucket) this.history.warm(first);
  }

  private historyAt(k: number): number {
    return this.history.value(k);
  }

  record(atMs: number, cents: number): void {
    const k = Math.floor(atMs / 1000 / BUCKET);
    const b = this.live.get(k);
    const open = this.lastValue;
    this.lastValue = cents;
    if (b) {
      b.c = cents;
      if (cents > b.h) b.h = cents;
      if (cents < b.l) b.l = cents;
    } else {
      const h = cents > open ? cents : open;
      const l = cents < open ? cents : open;
      this.live.set(k, { o: open, h, l, c: cents });
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

  /** What a candle's values are measured from (see the header): the day's open or the origin. */
  private base(t: number, interval: PnlInterval): number {
    if (CUMULATIVE.has(interval)) return this.historyAt(this.history.originBucket);
    const first = this.clock.dayStartBucket(Math.floor(t / BUCKET));
    // Equity at the day's start is the close of the bucket ending there.
    if (first <= this.startBucket) return this.historyAt(first - 1);
    const b = this.live.get(first);
    return b ? b.o : this.carryBefore(first);
  }

  /** The first bucket a range's values depend on: its own, its day's start or the origin. */
  private firstNeeded(t: number, interval: PnlInterval): number {
    if (CUMULATIVE.has(interval)) return this.history.originBucket;
    // An unparsable start yields no candles and needs no history.
    if (!Number.isFinite(t)) return this.startBucket;
    // A bucket opens at the previous one's close, and a day at the bucket before it.
    return Math.min(Math.floor(t / BUCKET), this.clock.dayStartBucket(Math.floor(t / BUCKET))) - 1;
  }

  private aggregate(t: number, end: number, interval: PnlInterval): void {
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
        if (k === first) {
          // A history bucket moves from the previous bucket's value to its own.
          o = this.historyAt(k - 1);
          h = o;
          l = o;
        }
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
    const base = this.base(t, interval);
    this.o = o - base;
    this.h = h - base;
    this.l = l - base;
    this.c = c - base;
  }

  private candleAt(t: number, end: number, interval: PnlInterval): Candle {
    this.aggregate(t, end, interval);
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
    return this.joinValue;
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
    if (step && (lastT - t) / step >= MAX_CANDLES) {
      const guess = lastT - (MAX_CANDLES - 1) * step;
      // Whole days back from a midnight may land an hour either side of one (clock changes).
      t = interval === '1d' ? candleStart(guess + 12 * 3600, interval) : guess;
    }
    this.warm(this.firstNeeded(t, interval));
    while (t <= lastT) {
      const next = nextCandleStart(t, interval);
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
      this.aggregate(t, end, interval);
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
    this.warm(this.firstNeeded(t, interval));
    return this.candleAt(t, Math.min(nextCandleStart(t, interval), nowS + 1), interval);
  }
}
