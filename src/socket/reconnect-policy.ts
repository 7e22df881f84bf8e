/**
 * When and how the socket reconnects: what a close means, and the backoff between attempts,
 * which resets only after a connection has stayed authenticated a while (dYdX's rule, so a
 * server that accepts and drops at once does not get hammered).
 */
import { CLOSE_CODES } from '../protocol';
import { backoffDelay } from './backoff';

/** Backoff resets only after a connection has stayed authenticated this long. */
export const STABLE_AFTER_MS = 10_000;

export type AfterClose =
  /** Retrying the same credentials would only loop: ask the trader to sign in. */
  | { kind: 'sign-in'; reason: string }
  /** The session expired after it had lasted: reconnect at once with a fresh token. */
  | { kind: 'reconnect-now' }
  | { kind: 'backoff'; reason: string };

export function afterClose(
  close: { code: number; reason: string },
  session: { refreshFailed: boolean; ageMs: number; stableAfterMs: number },
): AfterClose {
  const why = close.reason || `closed (${close.code})`;
  if (close.code === CLOSE_CODES.tooManyInvalidTokens)
    return { kind: 'sign-in', reason: `Sign in again: ${why}` };
  if (close.code !== CLOSE_CODES.sessionExpired) return { kind: 'backoff', reason: why };
  if (session.refreshFailed)
    return { kind: 'sign-in', reason: 'Session expired and could not be refreshed: sign in again' };
  // At once only after a session that lasted: one that ends as soon as it starts (a server
  // or clock fault) would otherwise be a reconnect loop ([AUTH-EDGE-4]).
  if (session.ageMs < session.stableAfterMs)
    return { kind: 'backoff', reason: 'Session ended as soon as it started' };
  return { kind: 'reconnect-now' };
}

/** Attempts in a row since the last stable connection, and the delay before the next one. */
export class ReconnectBackoff {
  private attempts = 0;

  constructor(private readonly random: () => number = Math.random) {}

  /** The attempt a connect now would be (1 after a stable connection). */
  get nextAttempt(): number {
    return this.attempts + 1;
  }

  /** Counts a failed attempt; returns its number and the delay before retrying. */
  next(): { attempt: number; delayMs: number } {
    this.attempts += 1;
    return {
      attempt: this.attempts,
      delayMs: backoffDelay(this.attempts, { random: this.random }),
    };
  }

  reset(): void {
    this.attempts = 0;
  }
}
