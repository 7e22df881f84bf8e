/**
 * Which of a series' candles the chart holds. lightweight-charts rebuilds a view item for
 * every bar it holds on each data change, so a chart holding a year of 1-minute candles
 * allocates half a million objects per live tick (measured: ~95 MB in 4 s, GC most of the
 * time). A screen shows a few thousand bars at most, so the chart holds the newest
 * CHART_WINDOW candles and is handed more history as the trader scrolls back; the store keeps
 * the whole series for the exact figures (legend, range summary).
 */

/** Candles handed to the chart at first: several screens at the tightest bar spacing. */
export const CHART_WINDOW = 10_000;

/** Scrolling this close (in bars) to the held window's left edge hands over more history. */
export const GROW_MARGIN = 500;

/** Index of the first candle the chart holds for a series of `length` candles. */
export function initialWindowStart(length: number): number {
  return Math.max(0, length - CHART_WINDOW);
}

/**
 * A window [start, length) grown to the left: at least doubled (so scrolling back through a
 * year costs a handful of redraws, not hundreds), and far enough to include candle `need`.
 */
export function grownWindowStart(start: number, length: number, need = start): number {
  const doubled = start - Math.max(length - start, CHART_WINDOW);
  return Math.max(0, Math.min(need - GROW_MARGIN, doubled));
}
