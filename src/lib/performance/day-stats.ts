/**
 * Statistics of a run of daily P&L figures, exact in decimals: total, best and worst day,
 * winning / losing / flat days, streaks, average and median day. Days are taken in order;
 * a streak is a run of consecutive days in the list with the same sign (a flat day ends both).
 */
import { add, compare, div, sign } from '../decimal';
import type { Decimal } from '../decimal';
import type { DayPnl } from './daily-pnl';
import { createPrefixFold, type Seq } from './prefix-fold';

export type Streak = Readonly<{ length: number; from?: string; to?: string }>;

export type DayStats = Readonly<{
  days: number;
  total: Decimal;
  best: DayPnl;
  worst: DayPnl;
  winning: number;
  losing: number;
  flat: number;
  longestWinning: Streak;
  longestLosing: Streak;
  /** The run the last day belongs to: +n winning, −n losing, 0 after a flat day. */
  current: Readonly<{ sign: -1 | 0 | 1; length: number }>;
  /** total / days, rounded half-up to the cent. */
  average: Decimal;
  /** The middle day's P&L, or the mean of the two middle ones (exact). */
  median: Decimal;
}>;

type Run = { sign: -1 | 0 | 1; length: number; from?: string; to?: string };

type State = {
  n: number;
  total: Decimal;
  best: DayPnl;
  worst: DayPnl;
  winning: number;
  losing: number;
  flat: number;
  longestWinning: Streak;
  longestLosing: Streak;
  run: Run;
  /** P&L of the folded days, ascending: each day is inserted once, when it is complete. */
  sorted: Decimal[];
};

/** Index where `v` goes in ascending `sorted` (after equal values). */
function insertionIndex(sorted: readonly Decimal[], v: Decimal): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(sorted[mid]!, v) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts, extremes and streaks with day `d` folded in (everything but the sorted list). */
function withDay(s: State, d: DayPnl): State {
  const sg = sign(d.pnl);
  const run: Run =
    sg !== 0 && s.run.sign === sg
      ? { ...s.run, length: s.run.length + 1, to: d.day }
      : { sign: sg, length: sg === 0 ? 0 : 1, from: d.day, to: d.day };
  const longer = (best: Streak) => (run.length > best.length ? run : best);
  return {
    ...s,
    n: s.n + 1,
    total: add(s.total, d.pnl),
    best: compare(d.pnl, s.best.pnl) > 0 ? d : s.best,
    worst: compare(d.pnl, s.worst.pnl) < 0 ? d : s.worst,
    winning: s.winning + (sg > 0 ? 1 : 0),
    losing: s.losing + (sg < 0 ? 1 : 0),
    flat: s.flat + (sg === 0 ? 1 : 0),
    longestWinning: sg > 0 ? longer(s.longestWinning) : s.longestWinning,
    longestLosing: sg < 0 ? longer(s.longestLosing) : s.longestLosing,
    run,
  };
}

/** The median of `sorted` with `extra` inserted, without copying the list. */
function medianWith(sorted: readonly Decimal[], extra: Decimal): Decimal {
  const at = insertionIndex(sorted, extra);
  const n = sorted.length + 1;
  const nth = (i: number) => (i < at ? sorted[i]! : i === at ? extra : sorted[i - 1]!);
  const mid = n >>> 1;
  return n % 2 === 1 ? nth(mid) : div(add(nth(mid - 1), nth(mid)), '2');
}

const streakOf = (r: Streak): Streak => ({ length: r.length, from: r.from, to: r.to });

/** Incremental: per live tick it folds today's figure into the stats of the completed days. */
export function createDayStats(): (days: Seq<DayPnl>) => DayStats | undefined {
  return createPrefixFold<DayPnl, State, DayStats>({
    init: (first) => ({
      n: 0,
      total: '0',
      best: first,
      worst: first,
      winning: 0,
      losing: 0,
      flat: 0,
      longestWinning: { length: 0 },
      longestLosing: { length: 0 },
      run: { sign: 0, length: 0 },
      sorted: [],
    }),
    step: (s, d) => {
      Object.assign(s, withDay(s, d));
      s.sorted.splice(insertionIndex(s.sorted, d.pnl), 0, d.pnl);
    },
    finish: (s, last) => {
      const f = withDay(s, last);
      return {
        days: f.n,
        total: f.total,
        best: f.best,
        worst: f.worst,
        winning: f.winning,
        losing: f.losing,
        flat: f.flat,
        longestWinning: streakOf(f.longestWinning),
        longestLosing: streakOf(f.longestLosing),
        current: { sign: f.run.sign, length: f.run.length },
        average: div(f.total, String(f.n), 2),
        median: medianWith(s.sorted, last.pnl),
      };
    },
  });
}

/** One-off (see createDayStats for the incremental one). */
export const dayStats = (days: Seq<DayPnl>): DayStats | undefined => createDayStats()(days);
