/**
 * P&L candles folded into days. A candle's values are the account's running P&L (equity less
 * the simulator's baseline, in account currency): `close` is the level at the candle's end.
 * A day's P&L is therefore the change of that level over the day: its last close less the
 * previous day's last close; the series' first day counts from its first candle's `open`.
 * Days are the exchange's (New York) calendar days, as the server's `1d` candles are; any
 * interval of a day or shorter folds the same way, since such candles never straddle its
 * midnight. A day is keyed by its date's UTC midnight, so day arithmetic stays whole days.
 */
import type { Candle } from '../../protocol';
import { exchangeDate, exchangeDay } from '../../protocol/exchange-time';
import { sub } from '../decimal';
import type { Decimal } from '../decimal';
import { createPrefixFold, type Seq } from './prefix-fold';

export type DayPnl = Readonly<{
  /** The exchange's date, "2026-11-23". */
  day: string;
  /** The day's key: Unix seconds of its date's UTC midnight. */
  t: number;
  /** The P&L level at the day's end (or now, for today). */
  close: Decimal;
  /** close − the previous day's close. */
  pnl: Decimal;
}>;

export const DAY_SECONDS = 86_400;

// Candles arrive in order, so the day of the last lookup answers nearly every call without
// asking the time-zone database.
let lastDay = { from: 0, to: 0, key: 0 };

/** The key of the exchange day containing instant `t` (Unix seconds). */
export function dayStart(t: number): number {
  if (t >= lastDay.from && t < lastDay.to) return lastDay.key;
  const { start, end } = exchangeDay(t * 1000);
  lastDay = { from: start / 1000, to: end / 1000, key: Date.parse(exchangeDate(t * 1000)) / 1000 };
  return lastDay.key;
}
export const utcDate = (t: number): string => new Date(t * 1000).toISOString().slice(0, 10);

/** The last day folded so far; `done` memoizes it as a DayPnl, so a completed day keeps one identity. */
type OpenDay = { t: number; base: Decimal; close: Decimal; done?: DayPnl };
type State = { days: DayPnl[]; len: number; open: OpenDay };

const closeDay = (d: OpenDay): DayPnl => ({
  day: utcDate(d.t),
  t: d.t,
  close: d.close,
  pnl: sub(d.close, d.base),
});

/** Incremental: per live tick it folds one candle and copies the list of days (a few hundred). */
export function createDailyPnl(): (candles: Seq<Candle>) => readonly DayPnl[] {
  const fold = createPrefixFold<Candle, State, readonly DayPnl[]>({
    init: (first) => ({
      days: [],
      len: 0,
      open: { t: dayStart(first.t), base: first.open, close: first.open },
    }),
    step: (s, c) => {
      const t = dayStart(c.t);
      if (t === s.open.t) {
        s.open.close = c.close;
        s.open.done = undefined;
        return;
      }
      // Written at len, not pushed: a finish may have left an entry past len in the shared array.
      s.days[s.len++] = s.open.done ?? closeDay(s.open);
      s.open = { t, base: s.open.close, close: c.close };
    },
    finish: (s, last) => {
      const t = dayStart(last.t);
      const done = s.days.slice(0, s.len);
      if (t === s.open.t) return [...done, closeDay({ ...s.open, close: last.close })];
      s.open.done ??= closeDay(s.open);
      return [...done, s.open.done, closeDay({ t, base: s.open.close, close: last.close })];
    },
  });
  return (candles) => fold(candles) ?? [];
}

/** One-off (see createDailyPnl for the incremental one). */
export const dailyPnl = (candles: Seq<Candle>): readonly DayPnl[] => createDailyPnl()(candles);
