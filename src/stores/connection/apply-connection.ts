/**
 * Pure reducers for the connection store: the socket's state, round-trip time, per-topic
 * freshness, counters of dropped/ignored frames and the last errors.
 *
 * Freshness per subscription key (`account:A-1`, `pnl:A-1`, `watchlist`, `news`):
 *   loading  subscribed, no snapshot yet
 *   live     a snapshot arrived on the current connection
 *   stale    the connection went down at `since`; only a NEW snapshot for that key makes it
 *            live again (live updates alone never do: the gap may have lost events)
 *   error    the server refused the subscription (e.g. ACCESS_DENIED)
 *   cached   the stores hold this key's last known state from the on-device cache, as of
 *            `asOf` (src/stores/persist); never live: only the server's snapshot replaces it
 */
import type { ConnectionState, ConnectionStatus } from './connection-state';

export type TopicFreshness =
  | Readonly<{ status: 'idle' }>
  | Readonly<{ status: 'loading'; since: number }>
  | Readonly<{ status: 'live'; since: number }>
  | Readonly<{ status: 'stale'; since: number }>
  | Readonly<{ status: 'cached'; since: number; asOf: number }>
  | Readonly<{ status: 'error'; since: number; code: string; message: string }>;

export type ErrorRecord = Readonly<{ at: number; code: string; message: string; key?: string }>;

export type ConnectionStoreState = Readonly<{
  connection: ConnectionState;
  rttMs: number | undefined;
  freshness: ReadonlyMap<string, TopicFreshness>;
  /** Frames dropped by the normaliser, and messages the dispatcher ignored, by reason. */
  drops: Readonly<Record<string, number>>;
  /** Newest last, bounded. */
  lastErrors: readonly ErrorRecord[];
}>;

export const IDLE_FRESHNESS: TopicFreshness = Object.freeze({ status: 'idle' });
export const MAX_ERRORS = 20;

/** States in which the server is talking to us and subscriptions can deliver. */
const UP: ReadonlySet<ConnectionStatus> = new Set([
  'authenticated',
  'subscribed',
  'refreshWarning',
]);
export const isConnectionUp = (s: ConnectionState): boolean => UP.has(s.status);

export function initialConnectionState(now = 0): ConnectionStoreState {
  return {
    connection: { status: 'idle', reason: 'not started', since: now },
    rttMs: undefined,
    freshness: new Map(),
    drops: {},
    lastErrors: [],
  };
}

/** [STORE-FRESH-STALE] Leaving an up state marks every loading/live key stale since then. */
export function applyConnectionState(
  state: ConnectionStoreState,
  next: ConnectionState,
): ConnectionStoreState {
  const wentDown = isConnectionUp(state.connection) && !isConnectionUp(next);
  let freshness = state.freshness;
  if (wentDown) {
    const m = new Map(freshness);
    for (const [key, f] of m) {
      if (f.status === 'live' || f.status === 'loading')
        m.set(key, { status: 'stale', since: next.since });
    }
    freshness = m;
  }
  return { ...state, connection: next, freshness };
}

function setFreshness(
  state: ConnectionStoreState,
  key: string,
  f: TopicFreshness,
): ConnectionStoreState {
  const freshness = new Map(state.freshness);
  freshness.set(key, f);
  return { ...state, freshness };
}

/** [CACHE-FRESH-1] Expecting a key keeps its cached state: cached already means "loading". */
export function markLoading(
  state: ConnectionStoreState,
  key: string,
  now: number,
): ConnectionStoreState {
  if (state.freshness.get(key)?.status === 'cached') return state;
  return setFreshness(state, key, { status: 'loading', since: now });
}

/**
 * [CACHE-FRESH-1] The cache painted `key` as of `asOf`. Only a key with no server data yet
 * (idle or loading) can become cached: a snapshot that won the race is never overwritten.
 */
export function markCached(
  state: ConnectionStoreState,
  key: string,
  asOf: number,
  now: number,
): ConnectionStoreState {
  const current = state.freshness.get(key)?.status ?? 'idle';
  if (current !== 'idle' && current !== 'loading') return state;
  return setFreshness(state, key, { status: 'cached', since: now, asOf });
}

/** True while `key` may still receive cached data (no snapshot, no error yet). */
export function acceptsCache(state: ConnectionStoreState, key: string): boolean {
  const current = state.freshness.get(key)?.status ?? 'idle';
  return current === 'idle' || current === 'loading' || current === 'cached';
}

/** [STORE-FRESH-LIVE] Only a snapshot calls this. */
export function markLive(
  state: ConnectionStoreState,
  key: string,
  now: number,
): ConnectionStoreState {
  return setFreshness(state, key, { status: 'live', since: now });
}

/** One key stale while the link stays up (another tab's params are streamed). */
export function markStale(
  state: ConnectionStoreState,
  key: string,
  now: number,
): ConnectionStoreState {
  const f = state.freshness.get(key);
  if (f?.status !== 'live' && f?.status !== 'loading') return state;
  return setFreshness(state, key, { status: 'stale', since: now });
}

export function markError(
  state: ConnectionStoreState,
  key: string,
  code: string,
  message: string,
  now: number,
): ConnectionStoreState {
  return setFreshness(state, key, { status: 'error', since: now, code, message });
}

/** Unsubscribed: the key no longer has a freshness. */
export function forgetKey(state: ConnectionStoreState, key: string): ConnectionStoreState {
  if (!state.freshness.has(key)) return state;
  const freshness = new Map(state.freshness);
  freshness.delete(key);
  return { ...state, freshness };
}

export function countDrops(
  state: ConnectionStoreState,
  counts: Readonly<Record<string, number>>,
): ConnectionStoreState {
  const entries = Object.entries(counts);
  if (entries.length === 0) return state;
  const drops = { ...state.drops };
  for (const [reason, n] of entries) drops[reason] = (drops[reason] ?? 0) + n;
  return { ...state, drops };
}

export function recordError(state: ConnectionStoreState, error: ErrorRecord): ConnectionStoreState {
  const lastErrors = [...state.lastErrors, error].slice(-MAX_ERRORS);
  return { ...state, lastErrors };
}

export function setRtt(state: ConnectionStoreState, rttMs: number): ConnectionStoreState {
  return state.rttMs === rttMs ? state : { ...state, rttMs };
}
