/**
 * A horizontal gauge with role="meter": the value is text and ARIA, the bar is decoration.
 * `warnAt`/`alarmAt` colour it; `higherIsBetter` flips which end is alarming.
 */
import { compare } from '../../lib/decimal';
import type { Decimal } from '../../lib/decimal';
import { formatPercent } from '../../lib/format';

export function Gauge({
  label,
  percent,
  detail,
  warnAt,
  alarmAt,
  higherIsBetter = false,
  testId,
}: {
  label: string;
  /** 0–100 (may exceed 100); undefined when the base is zero. */
  percent: Decimal | undefined;
  detail: string;
  warnAt: Decimal;
  alarmAt: Decimal;
  higherIsBetter?: boolean;
  testId?: string;
}) {
  const beyond = (edge: Decimal) =>
    percent !== undefined &&
    (higherIsBetter ? compare(percent, edge) <= 0 : compare(percent, edge) >= 0);
  const tone = beyond(alarmAt) ? 'bg-loss' : beyond(warnAt) ? 'bg-warn' : 'bg-gain';
  const text = percent === undefined ? 'n/a' : formatPercent(percent, { dp: 1 });
  // Bar width and ARIA value only; the exact figure is the text.
  const shown = percent === undefined ? 0 : Math.min(100, Number(percent));
  return (
    <div className="rounded border border-border bg-panel p-3">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-semibold">{label}</span>
        <span className="num text-lg" data-testid={testId}>
          {text}
        </span>
      </div>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={shown}
        aria-valuetext={`${text}: ${detail}`}
        className="mt-2 h-2 overflow-hidden rounded bg-border/60"
      >
        <div className={`h-full ${tone}`} style={{ width: `${shown}%` }} />
      </div>
      <p className="mt-1 text-xs text-muted">{detail}</p>
    </div>
  );
}
