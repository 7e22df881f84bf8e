import { describe, expect, it } from 'vitest';
import { rowWindow, type RowWindowInput } from './row-window';

const base: RowWindowInput = {
  count: 100_000,
  rowHeight: 32,
  extra: new Map(),
  scrollTop: 0,
  viewportHeight: 320,
  overscan: 2,
};
const indexes = (w: RowWindowInput) => rowWindow(w).items.map((i) => i.index);

describe('rowWindow', () => {
  it('[ROWWIN-1] the rows in view plus overscan, clipped at both ends; total height of every row', () => {
    expect(indexes(base)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(rowWindow(base).totalSize).toBe(3_200_000);
    const mid = rowWindow({ ...base, scrollTop: 32 * 500 + 10 });
    expect(mid.items.map((i) => i.index)).toEqual(
      Array.from({ length: 15 }, (_, k) => 498 + k), // 500..510 in view (partly 510), ±2
    );
    expect(mid.items[0]).toEqual({ index: 498, start: 498 * 32 });
    expect(indexes({ ...base, scrollTop: 3_200_000 - 320 }).at(-1)).toBe(99_999);
    expect(rowWindow({ ...base, count: 0 })).toEqual({ items: [], totalSize: 0 });
  });

  it('[ROWWIN-2] expanded rows push everything below them down by their extra height', () => {
    const extra = new Map([
      [3, 100],
      [10, 52],
      [200_000, 999], // beyond the book (stale): ignored
    ]);
    const w = rowWindow({ ...base, extra, overscan: 0 });
    expect(w.totalSize).toBe(3_200_000 + 152);
    expect(w.items.find((i) => i.index === 4)!.start).toBe(4 * 32 + 100);
    // 320 px: rows 0–2 (96 px), row 3 with its legs (132 px), rows 4–5, and the top of 6.
    expect(w.items.map((i) => i.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Scrolled into the middle of row 3's legs: row 3 is still the first in view.
    expect(indexes({ ...base, extra, overscan: 0, scrollTop: 3 * 32 + 60 })[0]).toBe(3);
    const below = rowWindow({ ...base, extra, overscan: 0, scrollTop: 20 * 32 + 152 });
    expect(below.items[0]).toEqual({ index: 20, start: 20 * 32 + 152 });
  });

  it('[ROWWIN-3] agrees with summing row heights one by one, wherever it is scrolled', () => {
    const extra = new Map([
      [5, 26],
      [6, 78],
      [40, 26],
    ]);
    const heights = Array.from({ length: 60 }, (_, i) => 32 + (extra.get(i) ?? 0));
    const tops = heights.map((_, i) => heights.slice(0, i).reduce((a, b) => a + b, 0));
    for (let scrollTop = 0; scrollTop < tops[59]!; scrollTop += 7) {
      const w = rowWindow({ ...base, count: 60, extra, overscan: 0, scrollTop });
      const expected = tops
        .map((top, i) => ({ index: i, start: top }))
        .filter((r) => r.start + heights[r.index]! > scrollTop && r.start < scrollTop + 320);
      expect(w.items).toEqual(expected);
    }
  });
});
