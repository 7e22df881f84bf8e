import { describe, expect, it } from 'vitest';
import type { WatchlistUpdate } from '../../protocol';
import {
  applyWatchlistSnapshot,
  applyWatchlistUpdates,
  initialWatchlistState,
  watchlistSymbolKey,
} from './apply-watchlist';

const add = (symbol: string, watchlistId = 1): WatchlistUpdate => ({
  type: 'symbolAdded',
  change: { watchlistId, watchlistName: 'Tech', symbol },
});
const remove = (symbol: string, watchlistId = 1): WatchlistUpdate => ({
  type: 'symbolRemoved',
  change: { watchlistId, watchlistName: 'Tech', symbol },
});

describe('watchlists', () => {
  const base = applyWatchlistSnapshot(initialWatchlistState(), [
    { id: 1, name: 'Tech', symbols: ['AAPL', 'NVDA'] },
    { id: 2, name: 'Energy', symbols: ['XOM'] },
  ]);

  it('[STORE-WL-1] symbolAdded / symbolRemoved are idempotent', () => {
    const once = applyWatchlistUpdates(base, [add('TSLA')], 1000);
    const twice = applyWatchlistUpdates(once, [add('TSLA')], 2000);
    expect(twice).toBe(once);
    expect(once.lists.get(1)?.symbols).toEqual(['AAPL', 'NVDA', 'TSLA']);
    expect(once.changedAt.get(watchlistSymbolKey(1, 'TSLA'))).toBe(1000);
    const removed = applyWatchlistUpdates(once, [remove('TSLA')], 3000);
    expect(removed.lists.get(1)?.symbols).toEqual(['AAPL', 'NVDA']);
    expect(applyWatchlistUpdates(removed, [remove('TSLA')], 4000)).toBe(removed);
    expect(removed.changedAt.has(watchlistSymbolKey(1, 'TSLA'))).toBe(false);
  });

  it('[STORE-WL-2] `watchlist` replaces, creates and deletes (deleted: true)', () => {
    const s = applyWatchlistUpdates(
      base,
      [
        {
          type: 'watchlist',
          watchlist: { id: 1, name: 'Tech+', symbols: ['NVDA', 'AAPL', 'AMD'] },
        },
        { type: 'watchlist', watchlist: { id: 3, name: 'New', symbols: ['SPY'] } },
        { type: 'watchlist', watchlist: { id: 2, name: 'Energy', symbols: [], deleted: true } },
      ],
      500,
    );
    expect([...s.lists.keys()]).toEqual([1, 3]);
    expect(s.lists.get(1)).toEqual({ id: 1, name: 'Tech+', symbols: ['NVDA', 'AAPL', 'AMD'] });
    expect(s.changedAt.get(watchlistSymbolKey(1, 'AMD'))).toBe(500); // new to an existing list: highlighted
    expect(s.changedAt.has(watchlistSymbolKey(1, 'AAPL'))).toBe(false);
    // Deleting an unknown list, or replacing with identical content, changes nothing.
    const same = applyWatchlistUpdates(
      s,
      [
        { type: 'watchlist', watchlist: { id: 9, name: 'x', symbols: [], deleted: true } },
        { type: 'watchlist', watchlist: { id: 3, name: 'New', symbols: ['SPY'] } },
      ],
      600,
    );
    expect(same).toBe(s);
  });

  it('[STORE-WL-3] symbolAdded to an unknown list creates it; the snapshot clears highlights', () => {
    const s = applyWatchlistUpdates(base, [add('GLD', 7)], 1);
    expect(s.lists.get(7)).toEqual({ id: 7, name: 'Tech', symbols: ['GLD'] });
    const snap = applyWatchlistSnapshot(s, [{ id: 7, name: 'Gold', symbols: ['GLD'] }]);
    expect(snap.changedAt.size).toBe(0);
    expect([...snap.lists.keys()]).toEqual([7]);
  });
});
