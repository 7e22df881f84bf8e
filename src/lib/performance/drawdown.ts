/**
 * Maximum drawdown of a P&L path: the largest fall from a running peak to a later trough,
 * measured on closes (a candle's high and low have no order within it, so a fall inside one
 * candle is not knowable). Recovery is the first point after the trough back at or above
 * that peak. Ties keep the earliest drawdown.
 */
import { compare, sub } from '../decimal';
import type { Decimal } from '../decimal';
import { createPrefixFold, type Seq } from './prefix-fold';

export type Point = { t: number; value: Decimal };

export type Drawdown = Readonly<{
  /** peak − trough, ≥ 0; "0" when the path never fell. */
  amount: Decimal;
  peak?: Point;
  trough?: Point;
  /** When the path first came back to the peak's level; undefined while it has not. */
  recovered?: number;
  /** The fall from the running peak to the last point, ≥ 0. */
  current: Decimal;
  /** The highest point so far. */
  high: Point;
}>;

type State = {
  high: Point;
  /** The lowest value since `high` was reached. */
  low: Decimal;
  amount: Decimal;
  peak?: Point;
  trough?: Point;
  recovered?: number;
  last: Point;
};

function step(s: State, p: Point): void {
  s.last = p;
  if (compare(p.value, s.high.value) > 0) {
    s.high = p;
    s.low = p.value;
  }
  // `amount` already covers the fall to `low` (it was measured there), so only a new low can
  // deepen it: the exact subtraction runs for those, not for each of a year's candles.
  let fall: Decimal | undefined;
  if (compare(p.value, s.low) < 0) {
    s.low = p.value;
    fall = sub(s.high.value, p.value);
  }
  if (fall !== undefined && compare(fall, s.amount) > 0) {
    s.amount = fall;
    s.peak = s.high;
    s.trough = p;
    s.recovered = undefined;
  } else if (s.peak && s.recovered === undefined && compare(p.value, s.peak.value) >= 0) {
    s.recovered = p.t;
  }
}

const result = (s: State): Drawdown => ({
  amount: s.amount,
  peak: s.peak,
  trough: s.trough,
  recovered: s.recovered,
  current: sub(s.high.value, s.last.value),
  high: s.high,
});

/**
 * Incremental drawdown over a series of items: `base` is where the path starts (the first
 * candle's open; the close before a range of days), `point` reads each item's close.
 */
export function createDrawdown<T>(
  base: (first: T) => Point,
  point: (item: T) => Point,
): (items: Seq<T>) => Drawdown | undefined {
  return createPrefixFold<T, State, Drawdown>({
    init: (first) => {
      const b = base(first);
      return { high: b, low: b.value, amount: '0', last: b };
    },
    step: (s, item) => step(s, point(item)),
    finish: (s, last) => {
      const copy = { ...s };
      step(copy, point(last));
      return result(copy);
    },
  });
}

/** Drawdown of plain points, the first being the start. */
export function drawdownOf(points: readonly Point[]): Drawdown | undefined {
  const [first, ...rest] = points;
  if (!first) return undefined;
  const s: State = { high: first, low: first.value, amount: '0', last: first };
  for (const p of rest) step(s, p);
  return result(s);
}
