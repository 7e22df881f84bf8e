/**
 * A P&L series' candles as an immutable list that shares all but its last chunk between
 * versions. A year of 1-minute candles is half a million of them and the live candle changes
 * many times a second: copying the whole array per change would allocate megabytes each time
 * and bring on major GC pauses. Replacing the live candle or appending one copies one chunk of
 * at most CHUNK candles.
 *
 * Reads look like a read-only array's (`length`, `at`, `slice`, iteration), so code that only
 * reads takes either (see CandleSeq).
 */
import type { Candle } from '../../protocol';

/** Power of two: an index splits into chunk and offset with a shift and a mask. */
const SHIFT = 12;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

/** What readers of a series need; a `readonly Candle[]` is one too. */
export type CandleSeq = {
  readonly length: number;
  at(index: number): Candle | undefined;
  slice(start?: number, end?: number): Candle[];
};

export class CandleList implements CandleSeq, Iterable<Candle> {
  static readonly EMPTY = new CandleList([], 0);

  /** Every chunk but the last holds exactly CHUNK candles. */
  private constructor(
    private readonly chunks: readonly (readonly Candle[])[],
    readonly length: number,
  ) {}

  static from(candles: readonly Candle[]): CandleList {
    if (candles.length === 0) return CandleList.EMPTY;
    const chunks: Candle[][] = [];
    for (let i = 0; i < candles.length; i += CHUNK) chunks.push(candles.slice(i, i + CHUNK));
    return new CandleList(chunks, candles.length);
  }

  /** Candle `index` (negative counts from the end, as Array.prototype.at). */
  at(index: number): Candle | undefined {
    const i = index < 0 ? this.length + index : index;
    if (i < 0 || i >= this.length) return undefined;
    return this.chunks[i >>> SHIFT]![i & MASK];
  }

  /** A list with candle `index` (0 ≤ index < length) replaced. */
  with(index: number, candle: Candle): CandleList {
    if (index < 0 || index >= this.length) throw new RangeError(`no candle ${index}`);
    const k = index >>> SHIFT;
    const chunk = this.chunks[k]!.slice();
    chunk[index & MASK] = candle;
    const chunks = this.chunks.slice();
    chunks[k] = chunk;
    return new CandleList(chunks, this.length);
  }

  /** A list with `candle` appended. */
  push(candle: Candle): CandleList {
    const chunks = this.chunks.slice();
    const last = chunks.at(-1);
    if (!last || last.length === CHUNK) chunks.push([candle]);
    else chunks[chunks.length - 1] = [...last, candle];
    return new CandleList(chunks, this.length + 1);
  }

  /** Candles [start, end) as a new array; arguments as Array.prototype.slice. */
  slice(start = 0, end = this.length): Candle[] {
    const from = clamp(start < 0 ? this.length + start : start, this.length);
    const to = clamp(end < 0 ? this.length + end : end, this.length);
    const out: Candle[] = [];
    for (let i = from; i < to; i++) out.push(this.chunks[i >>> SHIFT]![i & MASK]!);
    return out;
  }

  *[Symbol.iterator](): Iterator<Candle> {
    for (const chunk of this.chunks) yield* chunk;
  }
}

const clamp = (i: number, length: number) => Math.max(0, Math.min(length, i));

/** Index of the first candle starting at or after `t` (candles sorted by t); length if none. */
export function firstAtOrAfter(
  candles: { readonly length: number; at(index: number): { t: number } | undefined },
  t: number,
): number {
  let lo = 0;
  let hi = candles.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (candles.at(mid)!.t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the candle starting at `t` (candles sorted by t), or -1. */
export function indexAt(candles: CandleSeq, t: number): number {
  const i = firstAtOrAfter(candles, t);
  return candles.at(i)?.t === t ? i : -1;
}
