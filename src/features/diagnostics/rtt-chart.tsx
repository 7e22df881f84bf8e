/** Ping round trips over the last hour as a small SVG line, with min / median / max. */
import { sparklinePath } from '../../components/ui/sparkline';
import type { DiagnosticsReport } from '../../stores';

export function RttChart({ rtt }: { rtt: DiagnosticsReport['rtt'] }) {
  const w = 320;
  const h = 64;
  const values = rtt.samples.map((s) => s.ms);
  // The newest sample is marked, so a single round trip is visible too.
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const lastX = values.length > 1 ? w - 4 : w / 2;
  const lastY = values.length > 1 ? 4 + (h - 8) - ((values.at(-1)! - min) / span) * (h - 8) : h / 2;
  const summary =
    values.length === 0
      ? 'No round trips measured yet (the app pings every 30 s).'
      : `${values.length} round trips: min ${rtt.minMs} ms, median ${rtt.medianMs} ms, max ${rtt.maxMs} ms; last ${values.at(-1)} ms.`;
  return (
    <figure className="space-y-2">
      <svg
        role="img"
        aria-label={`Round-trip time chart. ${summary}`}
        viewBox={`0 0 ${w} ${h}`}
        width={w}
        height={h}
        className="max-w-full overflow-visible rounded border border-border bg-surface"
        data-testid="rtt-chart"
      >
        {values.length > 0 && <circle cx={lastX} cy={lastY} r={3} fill="var(--accent)" />}
        {values.length > 1 && (
          <path
            d={sparklinePath(values, w - 8, h - 8)}
            transform="translate(4,4)"
            fill="none"
            stroke="var(--accent)"
            strokeWidth={1.5}
            strokeLinejoin="round"
          />
        )}
      </svg>
      <figcaption className="num text-sm text-muted">{summary}</figcaption>
    </figure>
  );
}
