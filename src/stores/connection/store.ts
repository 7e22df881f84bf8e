/** The connection store; written only by the dispatcher through these actions. */
import { createStore } from 'zustand/vanilla';
import type { ConnectionState } from './connection-state';
import {
  applyConnectionState,
  initialConnectionState,
  markError,
  markLive,
  markLoading,
  markCached,
  recordError,
  setRtt,
  countDrops,
  forgetKey,
} from './apply-connection';
import type { ConnectionStoreState, ErrorRecord } from './apply-connection';

export const connectionStore = createStore<ConnectionStoreState>()(() =>
  initialConnectionState(Date.now()),
);

export function updateConnection(
  recipe: (state: ConnectionStoreState) => ConnectionStoreState,
): void {
  const prev = connectionStore.getState();
  const next = recipe(prev);
  if (next !== prev) connectionStore.setState(next, true);
}

export const setConnectionState = (s: ConnectionState): void =>
  updateConnection((st) => applyConnectionState(st, s));
export const setTopicLoading = (key: string, now = Date.now()): void =>
  updateConnection((st) => markLoading(st, key, now));
export const setTopicLive = (key: string, now = Date.now()): void =>
  updateConnection((st) => markLive(st, key, now));
export const setTopicCached = (key: string, asOf: number, now = Date.now()): void =>
  updateConnection((st) => markCached(st, key, asOf, now));
export const setTopicError = (key: string, code: string, message: string, now = Date.now()): void =>
  updateConnection((st) => markError(st, key, code, message, now));
export const forgetTopic = (key: string): void => updateConnection((st) => forgetKey(st, key));
export const addDropCounts = (counts: Readonly<Record<string, number>>): void =>
  updateConnection((st) => countDrops(st, counts));
export const addError = (e: ErrorRecord): void => updateConnection((st) => recordError(st, e));
export const setRoundTrip = (rttMs: number): void => updateConnection((st) => setRtt(st, rttMs));

export function resetConnection(): void {
  connectionStore.setState(initialConnectionState(Date.now()), true);
}
