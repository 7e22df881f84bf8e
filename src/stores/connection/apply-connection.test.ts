import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../socket/types';
import {
  applyConnectionState,
  countDrops,
  initialConnectionState,
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
});
