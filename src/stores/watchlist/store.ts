/** The watchlist store; written only by the dispatcher. */
import { createTopicStore } from '../topic-store';
import { initialWatchlistState } from './apply-watchlist';

const watchlists = createTopicStore(initialWatchlistState);

export const watchlistStore = watchlists.store;
export const updateWatchlists = watchlists.update;
export const resetWatchlists = watchlists.reset;
