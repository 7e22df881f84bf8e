/**
 * An account's equity before the simulator started, bucket by bucket: the price walk run
 * backwards from today's prices, applied to the holdings of that instant. Going back, each of
 * today's fills is undone (its quantity leaves the holdings, its cash returns), so the morning
 * the book describes is the morning the chart shows; before today the overnight holdings hold.
 * Values are integer cents relative to equity at the start.
 */
import { STOCK_SYMBOLS, optionCents } from './market';
import { BUCKET_MS, BackwardWalk } from './price-walk';
import type { Scenario } from './scenario';

/** A stock (strike 0, kind 'stock') or an option on one, by its index in STOCK_SYMBOLS. */
export interface Instrument {
  underlying: number;
  kind: 'stock' | 'call' | 'put';
  strikeCents: number;
}

export interface HistoryFill {
  atMs: number;
  instrument: number;
  /** Signed: positive bought. */
  qty: number;
  priceCents: number;
}

export interface HistoryModel {
  seed: number;
  scenario: Scenario;
  startMs: number;
  /** Start of the exchange day the simulator started in. */
  todayMs: number;
  /** How far back history reaches; before that the account's P&L is flat. */
  originMs: number;
  /** Each stock's price at the start, in cents. */
  startCents: Int32Array;
  instruments: Instrument[];
  /** Quantity held of each instrument at the start. */
  qty: number[];
  cashCents: number;
  /** Today's fills before the start. */
  fills: HistoryFill[];
}

/** Where a series' values before its start come from. */
export interface HistorySource {
  readonly startBucket: number;
  readonly originBucket: number;
  /** Makes value() ready for every bucket from `first` to the start. */
  warm(first: number): void;
  /** Equity minus equity at the start, in cents; before the origin, the origin's value. */
  value(k: number): number;
}

export class AccountHistory implements HistorySource {
  readonly startBucket: number;
  readonly originBucket: number;
  /** Values newest first: cache[startBucket − 1 − k], grown as requests reach further back. */
  private cache = new Int32Array(0);
  /** The lowest bucket computed so far; the walk, holdings and cash stand there. */
  private filledFrom: number;
  private readonly walk: BackwardWalk;
  private readonly qty: number[];
  private cash: number;
  private readonly fills: HistoryFill[];
  private nextFill = 0;
  private readonly startEquity: number;
  private equity: number;
  /** Indices of the instruments held at the bucket the walk stands at (most were traded flat). */
  private held: number[] = [];

  constructor(private readonly model: HistoryModel) {
    this.startBucket = Math.floor(model.startMs / BUCKET_MS);
    this.originBucket = Math.min(this.startBucket, Math.floor(model.originMs / BUCKET_MS));
    this.filledFrom = this.startBucket;
    const todayFirst = Math.floor(model.todayMs / BUCKET_MS);
    this.walk = new BackwardWalk(
      model.seed,
      this.startBucket,
      model.startCents,
      model.scenario,
      todayFirst,
    );
    this.qty = [...model.qty];
    this.cash = model.cashCents;
    this.fills = [...model.fills].sort((x, y) => y.atMs - x.atMs);
    this.findHeld();
    this.startEquity = this.equityNow();
    this.equity = this.startEquity;
  }

  private findHeld(): void {
    this.held = [];
    for (let i = 0; i < this.qty.length; i++) if (this.qty[i] !== 0) this.held.push(i);
  }

  private equityNow(): number {
    const { instruments } = this.model;
    const cents = this.walk.cents;
    const held = this.held;
    let sum = this.cash;
    for (let j = 0; j < held.length; j++) {
      const i = held[j] as number;
      const q = this.qty[i] as number;
      const ins = instruments[i] as Instrument;
      const spot = cents[ins.underlying] as number;
      sum +=
        ins.kind === 'stock'
          ? q * spot
          : q * 100 * optionCents(spot, ins.strikeCents, ins.kind === 'call');
    }
    return sum;
  }

  warm(first: number): void {
    const to = Math.max(first, this.originBucket);
    if (!(this.filledFrom > to)) return;
    this.grow(this.startBucket - to);
    while (this.filledFrom > to) {
      // A closed stretch with no fill in it: one value for all of it, no walking bucket by bucket.
      const still = this.walk.stillFrom();
      const fill = this.fills[this.nextFill];
      const fillBucket = fill ? Math.floor(fill.atMs / BUCKET_MS) : -Infinity;
      const lo = Math.max(still - 1, to, fillBucket);
      if (lo < this.filledFrom - 1) {
        this.cache.fill(
          this.equity - this.startEquity,
          this.startBucket - this.filledFrom,
          this.startBucket - lo,
        );
        this.walk.skip(this.filledFrom - lo);
        this.filledFrom = lo;
        continue;
      }
      const changed = this.walk.back();
      let traded = false;
      const k = this.filledFrom - 1;
      // Holdings at bucket k are those after every fill up to its end: undo the later ones.
      for (; this.nextFill < this.fills.length; this.nextFill++) {
        const f = this.fills[this.nextFill] as HistoryFill;
        if (Math.floor(f.atMs / BUCKET_MS) <= k) break;
        const mult = this.model.instruments[f.instrument]?.kind === 'stock' ? 1 : 100;
        this.qty[f.instrument] = (this.qty[f.instrument] as number) - f.qty;
        this.cash += f.qty * f.priceCents * mult;
        traded = true;
      }
      if (traded) this.findHeld();
      if (changed || traded) this.equity = this.equityNow();
      this.cache[this.startBucket - 1 - k] = this.equity - this.startEquity;
      this.filledFrom = k;
    }
  }

  value(k: number): number {
    return this.cache[
      this.startBucket - 1 - (k < this.originBucket ? this.originBucket : k)
    ] as number;
  }

  /** Room for `n` buckets back from the start: a day at first, doubling, never past the origin. */
  private grow(n: number): void {
    if (n <= this.cache.length) return;
    const most = this.startBucket - this.originBucket;
    const size = Math.min(most, Math.max(n, 2 * this.cache.length, 5_760));
    const next = new Int32Array(size);
    next.set(this.cache);
    this.cache = next;
  }
}

/** The index of a symbol in STOCK_SYMBOLS (the walk's order). */
export function stockIndex(symbol: string): number {
  const i = STOCK_SYMBOLS.indexOf(symbol);
  if (i < 0) throw new Error(`unknown stock ${symbol}`);
  return i;
}
