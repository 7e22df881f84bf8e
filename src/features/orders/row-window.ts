/**
 * Which blotter rows to render: the rows in view plus `overscan` either side, from the scroll
 * offset alone. Rows are `rowHeight` tall; an expanded row adds its legs' height (`extra`).
 *
 * Arithmetic, not measurement: a live blotter changes its row count on every render, so the
 * cost must not grow with the book (here O(expanded rows × log rows) per render).
 */
export type RowWindow = {
  /** Rendered rows, in order, with each one's top offset in px. */
  items: { index: number; start: number }[];
  totalSize: number;
};

export type RowWindowInput = {
  count: number;
  rowHeight: number;
  /** Extra height of expanded rows, by row index (few: the trader opens them one by one). */
  extra: ReadonlyMap<number, number>;
  scrollTop: number;
  viewportHeight: number;
  overscan: number;
};

export function rowWindow(w: RowWindowInput): RowWindow {
  const extras = [...w.extra].filter(([i]) => i < w.count).sort((a, b) => a[0] - b[0]);
  const startOf = (i: number) => {
    let s = i * w.rowHeight;
    for (const [at, px] of extras) {
      if (at >= i) break;
      s += px;
    }
    return s;
  };
  const totalSize = startOf(w.count);
  if (w.count === 0) return { items: [], totalSize };
  // The last row whose top is at or above the scroll offset.
  let lo = 0;
  let hi = w.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (startOf(mid) <= w.scrollTop) lo = mid;
    else hi = mid - 1;
  }
  const bottom = w.scrollTop + w.viewportHeight;
  let last = lo;
  while (last + 1 < w.count && startOf(last + 1) < bottom) last++;
  const items: RowWindow['items'] = [];
  const from = Math.max(0, lo - w.overscan);
  const to = Math.min(w.count - 1, last + w.overscan);
  for (let i = from; i <= to; i++) items.push({ index: i, start: startOf(i) });
  return { items, totalSize };
}
