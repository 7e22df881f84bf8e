/**
 * Pure reducers for watchlists (user-level, by opaque id: an integer or any string). Symbol events are idempotent: a
 * repeated add or a remove of an absent symbol returns the same state. `changedAt` records
 * when a symbol appeared in a list (ms epoch, passed in as `now`) for a brief highlight.
 */
import type { Watchlist, WatchlistId, WatchlistUpdate } from '../../protocol';
import { foldOps } from '../fold';
import type { WatchlistOp } from '../topic-ops';

export type WatchlistState = Readonly<{
  lists: ReadonlyMap<WatchlistId, Watchlist>;
  /** `watchlistSymbolKey(id, symbol)` → when it was added by a live event. */
  changedAt: ReadonlyMap<string, number>;
}>;

/** JSON, not a separator: an opaque string id may contain any character. */
export const watchlistSymbolKey = (watchlistId: WatchlistId, symbol: string): string =>
  JSON.stringify([watchlistId, symbol]);

export function initialWatchlistState(): WatchlistState {
  return { lists: new Map(), changedAt: new Map() };
}

/** [STORE-WL-SNAP] The snapshot replaces every list; no highlights. */
export function applyWatchlistSnapshot(
  _state: WatchlistState,
  watchlists: readonly Watchlist[],
): WatchlistState {
  const lists = new Map<WatchlistId, Watchlist>();
  for (const w of watchlists)
    lists.set(w.id, { id: w.id, name: w.name, symbols: dedupe(w.symbols) });
  return { lists, changedAt: new Map() };
}

/** [STORE-WL-UPD] Apply events in order; idempotent add/remove; `watchlist` replaces or deletes. */
export function applyWatchlistUpdates(
  state: WatchlistState,
  updates: readonly WatchlistUpdate[],
  now: number,
): WatchlistState {
  let lists: Map<WatchlistId, Watchlist> | undefined;
  let changedAt: Map<string, number> | undefined;
  const getLists = () => (lists ??= new Map(state.lists));
  const getChanged = () => (changedAt ??= new Map(state.changedAt));
  for (const u of updates) {
    const held = lists ?? state.lists;
    switch (u.type) {
      case 'symbolAdded': {
        const { watchlistId, watchlistName, symbol } = u.change;
        const list = held.get(watchlistId);
        if (list?.symbols.includes(symbol)) break;
        getLists().set(watchlistId, {
          id: watchlistId,
          name: list?.name ?? watchlistName,
          symbols: [...(list?.symbols ?? []), symbol],
        });
        getChanged().set(watchlistSymbolKey(watchlistId, symbol), now);
        break;
      }
      case 'symbolRemoved': {
        const { watchlistId, symbol } = u.change;
        const list = held.get(watchlistId);
        if (!list || !list.symbols.includes(symbol)) break;
        getLists().set(watchlistId, { ...list, symbols: list.symbols.filter((s) => s !== symbol) });
        const key = watchlistSymbolKey(watchlistId, symbol);
        if ((changedAt ?? state.changedAt).has(key)) getChanged().delete(key);
        break;
      }
      case 'watchlist': {
        const w = u.watchlist;
        const list = held.get(w.id);
        if (w.deleted) {
          if (!list) break;
          getLists().delete(w.id);
          for (const s of list.symbols) {
            const key = watchlistSymbolKey(w.id, s);
            if ((changedAt ?? state.changedAt).has(key)) getChanged().delete(key);
          }
          break;
        }
        const symbols = dedupe(w.symbols);
        if (list && list.name === w.name && sameList(list.symbols, symbols)) break;
        getLists().set(w.id, { id: w.id, name: w.name, symbols });
        const before = new Set(list?.symbols ?? []);
        // Highlight symbols new to an existing list; a brand-new list is not a "change" per row.
        if (list)
          for (const s of symbols)
            if (!before.has(s)) getChanged().set(watchlistSymbolKey(w.id, s), now);
        break;
      }
    }
  }
  if (!lists && !changedAt) return state;
  return { lists: lists ?? state.lists, changedAt: changedAt ?? state.changedAt };
}

function dedupe(symbols: readonly string[]): string[] {
  return [...new Set(symbols)];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** A frame's watchlist ops (fold.ts); `now` stamps the symbols the events add. */
export function applyWatchlistOps(
  state: WatchlistState,
  ops: readonly WatchlistOp[],
  now: number,
): WatchlistState {
  return foldOps(state, ops, {
    pick: (u) => u,
    events: (s, updates) => applyWatchlistUpdates(s, updates, now),
    snapshot: (s, snap) => applyWatchlistSnapshot(s, snap.watchlists),
  });
}
