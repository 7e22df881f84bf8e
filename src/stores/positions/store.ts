/** The positions store; written only by the dispatcher through these actions. */
import { createStore } from 'zustand/vanilla';
import type { Position } from '../../protocol';
import {
  applyPositionUpdates,
  applyPositionsSnapshot,
  initialPositionsState,
} from './apply-positions';
import type { PositionsState } from './apply-positions';

export const positionsStore = createStore<PositionsState>()(() => initialPositionsState());

export function updatePositions(recipe: (state: PositionsState) => PositionsState): void {
  const prev = positionsStore.getState();
  const next = recipe(prev);
  if (next !== prev) positionsStore.setState(next, true);
}

export function setPositionsSnapshot(accountId: string, positions: readonly Position[]): void {
  updatePositions((s) => applyPositionsSnapshot(s, accountId, positions));
}

export function addPositionUpdates(positions: readonly Position[]): void {
  updatePositions((s) => applyPositionUpdates(s, positions));
}

export function resetPositions(): void {
  positionsStore.setState(initialPositionsState(), true);
}
