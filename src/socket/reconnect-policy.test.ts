import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../protocol';
import { afterClose, ReconnectBackoff } from './reconnect-policy';

const lasted = { refreshFailed: false, ageMs: 60_000, stableAfterMs: 10_000 };

describe('afterClose (what a close means)', () => {
  it('[RECON-1] too many invalid tokens, or an expiry after a failed refresh: sign in', () => {
    expect(afterClose({ code: CLOSE_CODES.tooManyInvalidTokens, reason: 'x' }, lasted)).toEqual({
      kind: 'sign-in',
      reason: 'Sign in again: x',
    });
    expect(
      afterClose(
        { code: CLOSE_CODES.sessionExpired, reason: '' },
        { ...lasted, refreshFailed: true },
      ).kind,
    ).toBe('sign-in');
  });

  it('[RECON-2] an expiry after a session that lasted reconnects at once; a young one backs off', () => {
    expect(afterClose({ code: CLOSE_CODES.sessionExpired, reason: '' }, lasted)).toEqual({
      kind: 'reconnect-now',
    });
    expect(
      afterClose({ code: CLOSE_CODES.sessionExpired, reason: '' }, { ...lasted, ageMs: 50 }),
    ).toEqual({ kind: 'backoff', reason: 'Session ended as soon as it started' });
  });

  it('[RECON-3] any other close backs off, with the reason or the code', () => {
    expect(afterClose({ code: 1006, reason: '' }, lasted)).toEqual({
      kind: 'backoff',
      reason: 'closed (1006)',
    });
  });
});

describe('ReconnectBackoff', () => {
  it('[RECON-4] attempts count up with growing delays until reset', () => {
    const b = new ReconnectBackoff(() => 1);
    expect(b.nextAttempt).toBe(1);
    expect(b.next()).toEqual({ attempt: 1, delayMs: 1_000 });
    expect(b.next()).toEqual({ attempt: 2, delayMs: 2_000 });
    expect(b.nextAttempt).toBe(3);
    b.reset();
    expect(b.next().attempt).toBe(1);
  });
});
