/**
 * A year of daily P&L as a heatmap grid: weeks are columns, weekdays rows. One day is in the
 * tab order at a time; arrow keys move by a day (↑/↓) or a week (←/→), Home/End jump to the
 * first and last day, Enter opens the day's intraday chart on the P&L page.
 */
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { abs, compare } from '../../lib/decimal';
import { formatMoney } from '../../lib/format';
import { calendarWeeks, heatLevel } from '../../lib/performance/calendar';
import { DAY_SECONDS, utcDate, type DayPnl } from '../../lib/performance/daily-pnl';
import { Money } from '../../components/ui/money';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const SHARE = ['0%', '30%', '50%', '72%', '95%'];

function cellColor(day: DayPnl | undefined, largest: string): string | undefined {
  if (!day) return undefined;
  const level = heatLevel(day.pnl, largest);
  if (level === 0) return 'var(--border)';
  const tone = level > 0 ? 'var(--gain)' : 'var(--loss)';
  return `color-mix(in srgb, ${tone} ${SHARE[Math.abs(level)]}, var(--panel))`;
}

/** The P&L page from that day's start, in 15-minute candles, the chart opened on that day. */
function dayLink(t: number, search: string): string {
  // The custom range's start is an exchange wall-clock minute: that day's midnight.
  const from = `${utcDate(t)}T00:00`;
  const params = new URLSearchParams(search);
  params.set('range', 'custom');
  params.set('from', from);
  params.set('interval', '15m');
  params.set('day', utcDate(t));
  return `/pnl?${params.toString()}`;
}

export function PnlCalendar({
  days,
  nowS,
  search,
}: {
  days: readonly DayPnl[];
  nowS: number;
  search: string;
}) {
  const weeks = useMemo(() => calendarWeeks(nowS), [nowS]);
  const first = weeks[0]![0]!;
  const last = weeks
    .flat()
    .filter((t) => t !== undefined)
    .at(-1)!;
  const byT = useMemo(() => new Map(days.map((d) => [d.t, d])), [days]);
  const largest = useMemo(() => {
    let max = '0';
    for (const d of days) if (d.t >= first && compare(abs(d.pnl), max) > 0) max = abs(d.pnl);
    return max;
  }, [days, first]);
  const [focused, setFocused] = useState(last);
  const grid = useRef<HTMLTableElement>(null);
  const shown = byT.get(focused);

  const move = (to: number) => {
    const t = Math.max(first, Math.min(last, to));
    setFocused(t);
    grid.current?.querySelector<HTMLElement>(`[data-t="${t}"]`)?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const step: Record<string, number> = {
      ArrowUp: focused - DAY_SECONDS,
      ArrowDown: focused + DAY_SECONDS,
      ArrowLeft: focused - 7 * DAY_SECONDS,
      ArrowRight: focused + 7 * DAY_SECONDS,
      Home: first,
      End: last,
    };
    const to = step[e.key];
    if (to === undefined) return;
    e.preventDefault();
    move(to);
  };

  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <table
          ref={grid}
          role="grid"
          aria-labelledby="perf-calendar-title"
          aria-describedby="perf-calendar-help"
          onKeyDown={onKeyDown}
          className="border-separate border-spacing-[3px] text-xs"
          data-testid="perf-calendar"
        >
          <thead>
            <tr>
              <td />
              {weeks.map((week, i) => {
                const monday = week[0]!;
                const month = new Date(monday * 1000).getUTCMonth();
                const prev = i > 0 ? new Date(weeks[i - 1]![0]! * 1000).getUTCMonth() : -1;
                return (
                  <th
                    key={monday}
                    scope="col"
                    className="relative h-4 p-0 text-left font-normal text-muted"
                  >
                    <span className="sr-only">Week of {utcDate(monday)}</span>
                    <span aria-hidden="true" className="absolute top-0 left-0 whitespace-nowrap">
                      {month !== prev ? MONTHS[month] : ''}
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((name, row) => (
              <tr key={name}>
                <th scope="row" className="pr-1 text-right font-normal text-muted">
                  {name}
                </th>
                {weeks.map((week) => {
                  const t = week[row];
                  if (t === undefined) return <td key={`${week[0]}-${row}`} role="gridcell" />;
                  const day = byT.get(t);
                  const label = `${utcDate(t)}: ${day ? `${formatMoney(day.pnl, { signed: true })} day P&L` : 'no P&L'}`;
                  return (
                    <td key={t} role="gridcell" className="p-0">
                      <Link
                        to={dayLink(t, search)}
                        data-t={t}
                        tabIndex={t === focused ? 0 : -1}
                        aria-label={label}
                        title={label}
                        onFocus={() => setFocused(t)}
                        onMouseEnter={() => setFocused(t)}
                        className={`block size-3.5 rounded-sm border ${day ? 'border-transparent' : 'border-border'} ${t === focused ? 'outline-2 outline-offset-1 outline-accent' : ''}`}
                        style={{ backgroundColor: cellColor(day, largest) }}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="perf-calendar-help" className="text-xs text-muted">
        Arrow keys move by a day (↑ ↓) or a week (← →); Enter opens the day on the P&amp;L chart.
        Shades are quarters of the largest day in view.
      </p>
      <p aria-live="polite" className="text-sm" data-testid="perf-calendar-day">
        <span className="num text-muted">{utcDate(focused)}</span>{' '}
        {shown ? (
          <>
            day P&amp;L <Money value={shown.pnl} pnl />{' '}
            <span className="text-muted">
              · close <Money value={shown.close} pnl />
            </span>
          </>
        ) : (
          <span className="text-muted">no P&amp;L candle</span>
        )}
      </p>
    </div>
  );
}
