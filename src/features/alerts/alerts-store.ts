/**
 * UI state of the alerts feature (toasts, thresholds in effect, desktop opt-in, recent
 * history). Not account data, so it lives with the feature, not in src/stores.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useEffect } from 'react';
import type { Alert, Thresholds } from './alert-engine';
import { loadDesktopEnabled, saveDesktopEnabled } from './desktop-notifications';
import { loadThresholds, saveThresholds } from './thresholds';
import {
  EMPTY_QUEUE,
  dismissAll,
  dismissToast,
  expireToasts,
  pauseToasts,
  pushToast,
  resumeToasts,
} from './toast-queue';
import type { ToastQueue } from './toast-queue';

export const HISTORY_MAX = 50;

export type AlertRecord = Readonly<{ at: number; alert: Alert }>;

type AlertsState = Readonly<{
  queue: ToastQueue;
  thresholds: ReadonlyMap<string, Thresholds>;
  desktop: boolean;
  /** Newest first. */
  history: readonly AlertRecord[];
}>;

const store = createStore<AlertsState>()(() => ({
  queue: EMPTY_QUEUE,
  thresholds: new Map(),
  desktop: loadDesktopEnabled(),
  history: [],
}));

const setQueue = (f: (q: ToastQueue) => ToastQueue) => {
  const q = store.getState().queue;
  const next = f(q);
  if (next !== q) store.setState({ queue: next });
};

export function raiseAlerts(alerts: readonly Alert[], now = Date.now()): void {
  const s = store.getState();
  let queue = s.queue;
  for (const a of alerts) queue = pushToast(queue, a, now);
  const history = [...alerts.map((alert) => ({ at: now, alert })).reverse(), ...s.history].slice(
    0,
    HISTORY_MAX,
  );
  store.setState({ queue, history });
}

export const dismiss = (id: number) => setQueue((q) => dismissToast(q, id));
export const dismissEveryToast = () => setQueue(dismissAll);
export const pause = () => setQueue((q) => pauseToasts(q, Date.now()));
export const resume = () => setQueue((q) => resumeToasts(q, Date.now()));
export const expire = () => setQueue((q) => expireToasts(q, Date.now()));

/** Thresholds in effect for an account (read from storage the first time). */
export function thresholdsOf(accountId: string): Thresholds {
  const held = store.getState().thresholds.get(accountId);
  if (held) return held;
  const loaded = loadThresholds(accountId);
  const thresholds = new Map(store.getState().thresholds);
  thresholds.set(accountId, loaded);
  store.setState({ thresholds });
  return loaded;
}

export function setThresholds(accountId: string, t: Thresholds): void {
  saveThresholds(accountId, t);
  const thresholds = new Map(store.getState().thresholds);
  thresholds.set(accountId, t);
  store.setState({ thresholds });
}

export function setDesktop(on: boolean): void {
  saveDesktopEnabled(on);
  store.setState({ desktop: on });
}

export const getDesktop = (): boolean => store.getState().desktop;

/** Sign-out: the next session (maybe another user) must not see this one's alerts. */
export function clearAlerts(): void {
  store.setState({ queue: EMPTY_QUEUE, history: [], thresholds: new Map() });
}

export const useToastQueue = (): ToastQueue => useStore(store, (s) => s.queue);
export const useDesktop = (): boolean => useStore(store, (s) => s.desktop);
export const useAlertHistory = (): readonly AlertRecord[] => useStore(store, (s) => s.history);
const NO_THRESHOLDS: Thresholds = {};
export function useThresholds(accountId: string): Thresholds {
  const held = useStore(store, (s) => s.thresholds.get(accountId));
  // Loading from storage writes the store, so it happens after render, not during it.
  useEffect(() => void thresholdsOf(accountId), [accountId]);
  return held ?? NO_THRESHOLDS;
}
