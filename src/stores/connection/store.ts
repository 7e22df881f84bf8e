/** The connection store (state, per-key freshness, drops, errors, rtt); written by the dispatcher. */
import { createTopicStore } from '../topic-store';
import { initialConnectionState } from './apply-connection';

const connection = createTopicStore(() => initialConnectionState(Date.now()));

export const connectionStore = connection.store;
export const updateConnection = connection.update;
export const resetConnection = connection.reset;
