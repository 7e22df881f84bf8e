import { describe, expect, it } from 'vitest';
import type { ConnectionState } from './connection-state';
import {
  applyConnectionState,
  countDrops,
  initialConnectionState,
  markCached,
  markError,
  markLive,
  markLoading,
  markStale,
  recordError,
  MAX_ERRORS,
} from './apply-connection';

const subscribed = (since: number): ConnectionState => ({
  status: 'subscribed',
  reason: 'ok',
  since,
  expiresAt: 0,
});
const reconnecting = (since: number): ConnectionState => ({
  status: 'reconnecting',
  reason: 'closed 1006',
  since,
  attempt: 1,
  nextAttemptAt: since + 1000,
});

describe('connection store reducers', () => {
  it('[STORE-FRESH-1] leaving an up state marks loading/live keys stale; errors stay', () => {
    let s = applyConnectionState(initialConnectionState(), subscribed(1));
    s = markLive(s, 'account:A', 2);
    s = markLoading(s, 'news', 3);
    s = markError(s, 'account:X', 'ACCESS_DENIED', 'no', 4);
    s = applyConnectionState(s, reconnecting(10));
    expect(s.freshness.get('account:A')).toEqual({ status: 'stale', since: 10 });
    expect(s.freshness.get('news')).toEqual({ status: 'stale', since: 10 });
    expect(s.freshness.get('account:X')?.status).toBe('error');
    // Coming back up does not make anything live: only a snapshot does.
    s = applyConnectionState(s, subscribed(20));
    expect(s.freshness.get('account:A')?.status).toBe('stale');
    // A second down transition does not move `since`.
    s = applyConnectionState(s, { status: 'connected', reason: 'socket open', since: 25 });
    s = applyConnectionState(s, reconnecting(30));
    expect(s.freshness.get('account:A')).toEqual({ status: 'stale', since: 10 });
  });

  it('[STORE-FRESH-KEY] one key can go stale while the link stays up; errors and unknown keys are left alone', () => {
    let s = applyConnectionState(initialConnectionState(), subscribed(1));
    s = markLive(s, 'pnl:A', 2);
    s = markError(s, 'account:X', 'ACCESS_DENIED', 'no', 3);
    s = markStale(s, 'pnl:A', 5);
    expect(s.freshness.get('pnl:A')).toEqual({ status: 'stale', since: 5 });
    expect(markStale(s, 'account:X', 6)).toBe(s);
    expect(markStale(s, 'news', 6)).toBe(s);
    expect(s.connection.status).toBe('subscribed');
  });

  it('[STORE-DIAG-1] drop counts add up; last errors are bounded', () => {
    let s = countDrops(initialConnectionState(), { 'not-json': 2 });
    s = countDrops(s, { 'not-json': 1, oversize: 1 });
    expect(s.drops).toEqual({ 'not-json': 3, oversize: 1 });
    for (let i = 0; i < MAX_ERRORS + 5; i++)
      s = recordError(s, { at: i, code: 'X', message: `${i}` });
    expect(s.lastErrors.length).toBe(MAX_ERRORS);
    expect(s.lastErrors[MAX_ERRORS - 1]?.message).toBe(`${MAX_ERRORS + 4}`);
  });

  it('[CACHE-FRESH-1] cached: set only on a key without server data, kept while expected or down, replaced by a snapshot or an error', () => {
    let s = applyConnectionState(initialConnectionState(), subscribed(1));
    s = markCached(s, 'account:A', 500, 2);
    expect(s.freshness.get('account:A')).toEqual({ status: 'cached', since: 2, asOf: 500 });
    s = markLoading(s, 'account:A', 3); // subscribing does not demote it to a bare skeleton
    expect(s.freshness.get('account:A')?.status).toBe('cached');
    s = applyConnectionState(s, reconnecting(4)); // never "stale since": it was never live
    expect(s.freshness.get('account:A')?.status).toBe('cached');
    s = markLive(s, 'account:A', 5);
    expect(s.freshness.get('account:A')?.status).toBe('live');
    // A live, stale or refused key is never painted over by the cache.
    expect(markCached(s, 'account:A', 600, 6)).toBe(s);
    s = markError(s, 'account:X', 'ACCESS_DENIED', 'no', 7);
    expect(markCached(s, 'account:X', 600, 8)).toBe(s);
    s = markLoading(s, 'pnl:A', 9);
    s = markCached(s, 'pnl:A', 600, 10);
    expect(markError(s, 'pnl:A', 'X', 'y', 11).freshness.get('pnl:A')?.status).toBe('error');
  });
});
