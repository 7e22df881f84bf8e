/** The watchlist store; written only by the dispatcher through these actions. */
import { createStore } from 'zustand/vanilla';
import type { Watchlist, WatchlistUpdate } from '../../protocol';
import {
  applyWatchlistSnapshot,
  applyWatchlistUpdates,
  initialWatchlistState,
} from './apply-watchlist';
import type { WatchlistState } from './apply-watchlist';

export const watchlistStore = createStore<WatchlistState>()(() => initialWatchlistState());

export function updateWatchlists(recipe: (state: WatchlistState) => WatchlistState): void {
  const prev = watchlistStore.getState();
  const next = recipe(prev);
  if (next !== prev) watchlistStore.setState(next, true);
}

export function setWatchlistSnapshot(watchlists: readonly Watchlist[]): void {
  updateWatchlists((s) => applyWatchlistSnapshot(s, watchlists));
}

export function addWatchlistUpdates(updates: readonly WatchlistUpdate[], now = Date.now()): void {
  updateWatchlists((s) => applyWatchlistUpdates(s, updates, now));
}

export function resetWatchlists(): void {
  watchlistStore.setState(initialWatchlistState(), true);
}
