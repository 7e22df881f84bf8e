/** The P&L store; written only by the dispatcher (and the cache hydrator). */
import { createTopicStore } from '../topic-store';
import { initialPnlState } from './apply-pnl';

const pnl = createTopicStore(initialPnlState);

export const pnlStore = pnl.store;
export const updatePnl = pnl.update;
export const resetPnl = pnl.reset;
