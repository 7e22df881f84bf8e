/** The positions store; written only by the dispatcher (and the cache hydrator). */
import { createTopicStore } from '../topic-store';
import { initialPositionsState } from './apply-positions';

const positions = createTopicStore(initialPositionsState);

export const positionsStore = positions.store;
export const updatePositions = positions.update;
export const resetPositions = positions.reset;
