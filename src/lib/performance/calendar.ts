/**
 * The calendar heatmap's grid: a year of UTC days as columns of weeks (Monday first), ending
 * with the week of `today`; days after today are absent.
 */
import { abs, compare, div, isZero, sign } from '../decimal';
import type { Decimal } from '../decimal';
import { DAY_SECONDS, dayStart } from './daily-pnl';

export const CALENDAR_WEEKS = 53;

/** 0 = Monday … 6 = Sunday of a day's UTC midnight. */
const weekday = (t: number) => (new Date(t * 1000).getUTCDay() + 6) % 7;

/** The first day the calendar shows (a Monday, 52 weeks before today's week began). */
export function calendarStart(todayT: number): number {
  const today = dayStart(todayT);
  return today - (weekday(today) + (CALENDAR_WEEKS - 1) * 7) * DAY_SECONDS;
}

/** Weeks of seven day starts (Unix seconds), oldest first; undefined after today. */
export function calendarWeeks(todayT: number): (number | undefined)[][] {
  const today = dayStart(todayT);
  const start = calendarStart(todayT);
  const weeks: (number | undefined)[][] = [];
  for (let w = 0; w < CALENDAR_WEEKS; w++) {
    const week: (number | undefined)[] = [];
    for (let d = 0; d < 7; d++) {
      const t = start + (w * 7 + d) * DAY_SECONDS;
      week.push(t <= today ? t : undefined);
    }
    weeks.push(week);
  }
  return weeks;
}

/**
 * Heat level of a day's P&L against the largest absolute day in view: −4 … 4, 0 for flat.
 * Quarters of the largest: up to 25% is level 1, up to 50% level 2, and so on.
 */
export function heatLevel(pnl: Decimal, largest: Decimal): number {
  const s = sign(pnl);
  if (s === 0 || isZero(largest)) return 0;
  const ratio = div(abs(pnl), abs(largest), 6);
  const level = QUARTERS.findIndex((q) => compare(ratio, q) <= 0) + 1 || 4;
  return s * level;
}

const QUARTERS = ['0.25', '0.5', '0.75'];
