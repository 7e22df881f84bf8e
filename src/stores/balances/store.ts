/** The balances + account info store; written only by the dispatcher (and the cache hydrator). */
import { createTopicStore } from '../topic-store';
import { initialBalancesState } from './apply-balances';

const balances = createTopicStore(initialBalancesState);

export const balancesStore = balances.store;
export const updateBalances = balances.update;
export const resetBalances = balances.reset;
