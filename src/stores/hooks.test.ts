/**
 * Smoke test of the facade hooks through React's server renderer (node env, no DOM). zustand
 * renders a server pass from each store's *initial* state, so this pins the empty-state
 * defaults (stable EMPTY constants, `idle` freshness) and that every hook runs without
 * throwing. Re-render behaviour (stable references) is pinned on the selector functions
 * themselves in the per-store tests.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  accountKey,
  pnlKey,
  useAccountInfo,
  useBalances,
  useConnectionState,
  useNews,
  useOrder,
  useOrderCounts,
  useOrderIds,
  usePnlCandles,
  usePositionTotals,
  usePositions,
  useTopicFreshness,
  useUnreadNewsCount,
  useWatchlists,
} from './index';
import { resetAllStores } from './reset';

const A = 'A-10001';

function Probe(): string {
  const ids = useOrderIds({ accountId: A, statusGroup: 'open' });
  const first = useOrder(ids[0] ?? '');
  const counts = useOrderCounts(A);
  const positions = usePositions(A);
  const totals = usePositionTotals(A);
  const balance = useBalances(A);
  const info = useAccountInfo(A);
  const candles = usePnlCandles(pnlKey(A));
  const fresh = useTopicFreshness(accountKey(A));
  const conn = useConnectionState();
  const lists = useWatchlists();
  const news = useNews({ symbols: ['AAPL'] });
  const unread = useUnreadNewsCount();
  return JSON.stringify({
    ids: ids.length,
    first: first?.ordId,
    counts,
    positions: positions.length,
    mv: totals.marketValue,
    equity: balance?.totalEquity,
    type: info?.accountType,
    candles: candles.length,
    fresh: fresh.status,
    conn: conn.status,
    lists: lists.length,
    news: news.length,
    unread,
  });
}

describe('facade hooks', () => {
  beforeEach(() => resetAllStores());

  it('[HOOKS-1] every facade hook renders, with empty-state defaults before any data', () => {
    const html = renderToString(createElement(Probe));
    const out = JSON.parse(html.replace(/&quot;/g, '"')) as Record<string, unknown>;
    expect(out).toEqual({
      ids: 0,
      counts: { open: 0, filled: 0, closed: 0, all: 0 },
      positions: 0,
      mv: '0',
      candles: 0,
      fresh: 'idle',
      conn: 'idle',
      lists: 0,
      news: 0,
      unread: 0,
    });
  });
});
