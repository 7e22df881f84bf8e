/**
 * A tiny P&L line for the overview. Plain SVG: pulling the chart library into the first
 * route for 60 points would cost ~50 KB gzip of start-up time.
 */
import { signOf } from '../../lib/format';

/** SVG path through `values`, scaled into w×h (y grows downward); '' for no data. */
export function sparklinePath(values: readonly number[], w: number, h: number): string {
  if (values.length === 0) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = values.length > 1 ? w / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const x = values.length > 1 ? i * step : w / 2;
      const y = h - ((v - min) / span) * h;
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

export function Sparkline({
  closes,
  label,
  width = 240,
  height = 48,
}: {
  /** Decimal strings; converted to numbers for drawing only. */
  closes: readonly string[];
  label: string;
  width?: number;
  height?: number;
}) {
  const last = closes.at(-1);
  const tone = signOf(last) === 'negative' ? 'var(--loss)' : 'var(--gain)';
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className="overflow-visible"
    >
      <path
        d={sparklinePath(closes.map(Number), width, height)}
        fill="none"
        stroke={tone}
        strokeWidth={1.5}
        strokeLinejoin="round"
      />
    </svg>
  );
}
