/** The daily series as CSV (RFC 4180): one row a day, exact decimal strings as the wire sent them. */
import type { DayPnl } from './daily-pnl';

export const DAILY_CSV_HEADER = 'date_utc,close_pnl,day_pnl';

export function dailyCsv(days: readonly DayPnl[]): string {
  return (
    [DAILY_CSV_HEADER, ...days.map((d) => `${d.day},${d.close},${d.pnl}`)].join('\r\n') + '\r\n'
  );
}
