/** Read-only hooks over the watchlist store. */
import { useStore } from 'zustand';
import type { Watchlist, WatchlistId } from '../../protocol';
import { watchlistSymbolKey } from './apply-watchlist';
import { watchlistStore } from './store';

const cache = new WeakMap<ReadonlyMap<WatchlistId, Watchlist>, readonly Watchlist[]>();

/** Every list, in the server's order (new lists last); stable reference while unchanged. */
export function selectWatchlists(lists: ReadonlyMap<WatchlistId, Watchlist>): readonly Watchlist[] {
  let out = cache.get(lists);
  if (!out) {
    out = [...lists.values()];
    cache.set(lists, out);
  }
  return out;
}

export function useWatchlists(): readonly Watchlist[] {
  return useStore(watchlistStore, (s) => selectWatchlists(s.lists));
}

/** When `symbol` was added to the list by a live event (ms epoch), for a fading highlight. */
export function useWatchlistSymbolChangedAt(
  watchlistId: WatchlistId,
  symbol: string,
): number | undefined {
  return useStore(watchlistStore, (s) => s.changedAt.get(watchlistSymbolKey(watchlistId, symbol)));
}
