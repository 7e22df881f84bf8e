/**
 * The performance figures as a description list: each term carries how it is computed (on
 * hover and keyboard focus). `compact` is the strip under the P&L chart; the full set is the
 * performance page's.
 */
import type { ReactNode } from 'react';
import { utcDate } from '../../lib/performance/daily-pnl';
import type { DayStats, Streak } from '../../lib/performance/day-stats';
import type { Drawdown } from '../../lib/performance/drawdown';
import { formatWallMinute, zoneLabel } from '../../lib/time';
import { useDisplayZone } from '../../lib/display-zone';
import { negate } from '../../lib/decimal';
import { HelpTerm } from '../ui/help-term';
import { Money } from '../ui/money';

export const FIGURE_HELP = {
  total:
    'Sum of the daily P&L figures in the range: the last close less the close of the day before the range.',
  drawdown:
    'Largest fall of the P&L level from a running peak to a later trough, on candle closes (the order of a candle’s high and low is unknown). Recovered: the first close back at or above that peak.',
  current: 'The fall from the highest close so far to the latest close; zero at a new high.',
  best: 'The day with the largest daily P&L (that day’s last close less the previous day’s).',
  worst: 'The day with the smallest daily P&L (that day’s last close less the previous day’s).',
  winning:
    'Days whose P&L is above zero, below zero, and exactly zero, out of the days in the range.',
  streaks:
    'Longest runs of consecutive days in the range with P&L above zero (winning) or below zero (losing); a flat day ends a run.',
  currentStreak: 'The run the latest day belongs to (today counts as it stands now).',
  average: 'Total P&L of the range divided by its number of days, rounded half-up to the cent.',
  median:
    'The middle daily P&L when the days are ordered by P&L; with an even count, the mean of the two middle ones.',
} as const;

function Figure({
  term,
  help,
  children,
  testId,
  alignHelp,
}: {
  alignHelp?: 'start' | 'end';
  term: string;
  help: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <div className="rounded border border-border bg-panel px-3 py-2">
      <dt className="text-xs text-muted">
        <HelpTerm help={help} align={alignHelp}>
          {term}
        </HelpTerm>
      </dt>
      <dd className="mt-0.5 text-right text-base" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

const Sub = ({ children }: { children: ReactNode }) => (
  <span className="num block text-xs text-muted">{children}</span>
);

function streakText(s: Streak): string {
  if (s.length === 0) return 'none';
  return s.from === s.to ? `${s.from}` : `${s.from} → ${s.to}`;
}

const plural = (n: number, one: string) =>
  `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

export function PerformanceFigures({
  stats,
  drawdown,
  intraday,
  compact = false,
}: {
  stats: DayStats | undefined;
  drawdown: Drawdown | undefined;
  /** The drawdown was measured on intraday candles: show times, not only dates. */
  intraday: boolean;
  compact?: boolean;
}) {
  const zone = useDisplayZone();
  const when = (t: number) =>
    intraday
      ? `${formatWallMinute(t * 1000, zone).replace('T', ' ')} ${zoneLabel(zone, t * 1000)}`
      : utcDate(t);
  return (
    <dl
      className={`grid gap-2 ${compact ? 'grid-cols-2 sm:grid-cols-3 lg:grid-cols-6' : 'grid-cols-2 md:grid-cols-3 xl:grid-cols-4'}`}
      aria-label="Performance figures"
    >
      {!compact && stats && (
        <Figure term="Total P&L" help={FIGURE_HELP.total} testId="perf-total">
          <Money value={stats.total} pnl />
          <Sub>{plural(stats.days, 'day')}</Sub>
        </Figure>
      )}
      <Figure term="Max drawdown" help={FIGURE_HELP.drawdown} testId="perf-drawdown">
        {drawdown ? <Money value={negate(drawdown.amount)} pnl /> : '—'}
        {drawdown?.peak && drawdown.trough && (
          <Sub>
            <span data-testid="perf-drawdown-peak">{when(drawdown.peak.t)}</span> →{' '}
            <span data-testid="perf-drawdown-trough">{when(drawdown.trough.t)}</span>
            <br />
            <span data-testid="perf-drawdown-recovery">
              {drawdown.recovered !== undefined
                ? `recovered ${when(drawdown.recovered)}`
                : 'not recovered'}
            </span>
          </Sub>
        )}
      </Figure>
      {!compact && drawdown && (
        <Figure term="Current drawdown" help={FIGURE_HELP.current} testId="perf-current-drawdown">
          <Money value={negate(drawdown.current)} pnl />
        </Figure>
      )}
      {stats && (
        <>
          <Figure term="Best day" help={FIGURE_HELP.best} testId="perf-best">
            <Money value={stats.best.pnl} pnl />
            <Sub>{stats.best.day}</Sub>
          </Figure>
          <Figure term="Worst day" help={FIGURE_HELP.worst} testId="perf-worst">
            <Money value={stats.worst.pnl} pnl />
            <Sub>{stats.worst.day}</Sub>
          </Figure>
          <Figure term="Winning / losing days" help={FIGURE_HELP.winning} testId="perf-win-loss">
            <span className="num">
              <span className="text-gain">{stats.winning} up</span> ·{' '}
              <span className="text-loss">{stats.losing} down</span>
            </span>
            <Sub>{stats.flat} flat</Sub>
          </Figure>
          {!compact && (
            <>
              <Figure term="Longest streaks" help={FIGURE_HELP.streaks} testId="perf-streaks">
                <span className="num">
                  <span className="text-gain">{plural(stats.longestWinning.length, 'day')} up</span>
                  {' · '}
                  <span className="text-loss">
                    {plural(stats.longestLosing.length, 'day')} down
                  </span>
                </span>
                <Sub>
                  up {streakText(stats.longestWinning)}
                  <br />
                  down {streakText(stats.longestLosing)}
                </Sub>
              </Figure>
              <Figure
                term="Current streak"
                help={FIGURE_HELP.currentStreak}
                testId="perf-current-streak"
              >
                <span
                  className={`num ${stats.current.sign > 0 ? 'text-gain' : stats.current.sign < 0 ? 'text-loss' : ''}`}
                >
                  {stats.current.sign === 0
                    ? 'flat'
                    : `${stats.current.sign > 0 ? '+' : '−'}${plural(stats.current.length, 'day')} ${stats.current.sign > 0 ? 'up' : 'down'}`}
                </span>
              </Figure>
            </>
          )}
          <Figure term="Average day" help={FIGURE_HELP.average} testId="perf-average">
            <Money value={stats.average} pnl />
          </Figure>
          <Figure
            term="Median day"
            help={FIGURE_HELP.median}
            testId="perf-median"
            alignHelp={compact ? 'end' : 'start'}
          >
            <Money value={stats.median} pnl />
          </Figure>
        </>
      )}
    </dl>
  );
}
