/** The P&L store; written only by the dispatcher through these actions. */
import { createStore } from 'zustand/vanilla';
import type { Candle, PnlInterval } from '../../protocol';
import { applyCandleUpdates, applyPnlSnapshot, initialPnlState } from './apply-pnl';
import type { PnlState } from './apply-pnl';

export const pnlStore = createStore<PnlState>()(() => initialPnlState());

export function updatePnl(recipe: (state: PnlState) => PnlState): void {
  const prev = pnlStore.getState();
  const next = recipe(prev);
  if (next !== prev) pnlStore.setState(next, true);
}

export function setPnlSnapshot(
  key: string,
  meta: { accountId: string; interval: PnlInterval },
  candles: readonly Candle[],
): void {
  updatePnl((s) => applyPnlSnapshot(s, key, meta, candles));
}

export function addCandleUpdates(key: string, candles: readonly Candle[]): void {
  updatePnl((s) => applyCandleUpdates(s, key, candles));
}

export function resetPnl(): void {
  pnlStore.setState(initialPnlState(), true);
}
