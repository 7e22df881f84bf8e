/**
 * Share of gross exposure per underlying as labelled bars: the numbers are text (read by
 * screen readers and selectable), the bars are decoration. Shorts are drawn in the loss colour.
 */
import { compare } from '../../lib/decimal';
import { formatPercent } from '../../lib/format';
import type { PositionGroup } from './position-groups';

export function AllocationChart({ groups }: { groups: readonly PositionGroup[] }) {
  const byWeight = [...groups].sort((a, b) => compare(b.weight ?? '0', a.weight ?? '0'));
  return (
    <section
      aria-labelledby="allocation-title"
      className="self-start rounded border border-border bg-panel p-3"
    >
      <h2 id="allocation-title" className="mb-2 text-sm font-semibold">
        Allocation <span className="font-normal text-muted">(share of gross exposure)</span>
      </h2>
      <ul className="space-y-1.5 text-xs">
        {byWeight.map((g) => (
          <li key={g.underlying}>
            <div className="flex justify-between">
              <span className="font-mono">
                {g.underlying}
                {g.short && <span className="ml-1 text-loss">short</span>}
              </span>
              <span className="num">{formatPercent(g.weight, { dp: 1 })}</span>
            </div>
            <div aria-hidden className="mt-0.5 h-1.5 rounded bg-border/60">
              <div
                className={`h-full rounded ${g.short ? 'bg-loss' : 'bg-accent'}`}
                // A display width only; the exact share is the text above.
                style={{ width: `${Math.min(100, Number(g.weight ?? 0))}%` }}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
