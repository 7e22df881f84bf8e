/**
 * The virtualised blotter: a real <table> (screen readers get rows, headers and aria-rowcount)
 * whose body holds only the rows in view plus spacer rows, so 100,000 orders cost ~25 rows of
 * DOM. Row heights are fixed per kind, so positions are computed, never measured
 * (row-window.ts).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { OrderSort, OrderSortColumn } from '../../stores';
import { getOrder } from '../../stores';
import { SortHeader } from '../../components/ui/sort-header';
import { useDisplayZone } from '../../lib/display-zone';
import { zoneLabel } from '../../lib/time';
import { blotterColumns } from './order-columns';
import { LEG_ROW_HEIGHT, OrderRow, ROW_HEIGHT } from './order-row';
import { rowWindow } from './row-window';
import { useScrollViewport } from './use-scroll-viewport';

/** Rows rendered beyond each edge of the view, so scrolling never shows a gap. */
const OVERSCAN = 6;

export function BlotterTable({
  ids,
  sort,
  onSort,
  caption,
  withAccount = false,
}: {
  ids: readonly string[];
  sort: OrderSort;
  onSort: (by: OrderSortColumn) => void;
  caption: string;
  /** Every account at once: an Account column first. */
  withAccount?: boolean;
}) {
  const columns = blotterColumns(withAccount);
  const scrollRef = useRef<HTMLDivElement>(null);
  const zone = useDisplayZone();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((id: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const viewport = useScrollViewport(scrollRef);
  const extra = useMemo(() => {
    const m = new Map<number, number>();
    for (const id of expanded) {
      const index = ids.indexOf(id);
      const legs = getOrder(id)?.legs.length ?? 0;
      if (index >= 0 && legs > 0) m.set(index, legs * LEG_ROW_HEIGHT);
    }
    return m;
  }, [expanded, ids]);
  const { items, totalSize } = rowWindow({
    count: ids.length,
    rowHeight: ROW_HEIGHT,
    extra,
    scrollTop: viewport.scrollTop,
    viewportHeight: viewport.height,
    overscan: OVERSCAN,
  });
  const top = items[0]?.start ?? 0;
  const last = items.at(-1);
  const bottom = last
    ? totalSize - last.start - ROW_HEIGHT - (extra.get(last.index) ?? 0)
    : totalSize;

  return (
    <div
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label={`${caption}, scrollable`}
      // Containment: a blotter repaint or relayout never touches the rest of the page.
      style={{ contain: 'strict' }}
      className="h-[calc(100vh-15rem)] min-h-80 overflow-auto rounded border border-border"
    >
      <table
        className={`w-full ${withAccount ? 'min-w-[82.5rem]' : 'min-w-[76rem]'} table-fixed border-collapse text-sm`}
        aria-rowcount={ids.length + 1}
      >
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={c.width === 'auto' ? undefined : { width: c.width }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-panel text-xs text-muted">
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <SortHeader
                key={c.id}
                column={c.id}
                label={c.clock ? `${c.header} ${zoneLabel(zone)}` : c.header}
                numeric={c.numeric}
                sort={sort}
                onSort={onSort}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden style={{ height: top }}>
              <td colSpan={columns.length} />
            </tr>
          )}
          {items.map((item) => {
            const id = ids[item.index] as string;
            return (
              <OrderRow
                key={id}
                ordId={id}
                rowIndex={item.index + 2}
                expanded={expanded.has(id)}
                withAccount={withAccount}
                onToggle={toggle}
              />
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden style={{ height: bottom }}>
              <td colSpan={columns.length} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
