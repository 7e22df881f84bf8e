/** Read-only hooks over the connection store. */
import { useStore } from 'zustand';
import type { ConnectionState } from './connection-state';
import { IDLE_FRESHNESS } from './apply-connection';
import type { ErrorRecord, TopicFreshness } from './apply-connection';
import { connectionStore } from './store';

export function useConnectionState(): ConnectionState {
  return useStore(connectionStore, (s) => s.connection);
}

/** Freshness of one subscription key; `{status:'idle'}` when never subscribed. */
export function useTopicFreshness(key: string): TopicFreshness {
  return useStore(connectionStore, (s) => s.freshness.get(key) ?? IDLE_FRESHNESS);
}

/** Last measured ping round trip in ms. */
export function useRtt(): number | undefined {
  return useStore(connectionStore, (s) => s.rttMs);
}

/** Drop/ignore counters by reason (diagnostics page). */
export function useDropCounts(): Readonly<Record<string, number>> {
  return useStore(connectionStore, (s) => s.drops);
}

export function useLastErrors(): readonly ErrorRecord[] {
  return useStore(connectionStore, (s) => s.lastErrors);
}
