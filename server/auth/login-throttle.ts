/**
 * Password guessing is slowed per username and per client address. Each failure on a key
 * doubles the delay before its next answer (from `delayMs`, at most `maxDelayMs`); past
 * `maxFailures` the key is locked and every attempt, right password or not, is answered 429
 * with Retry-After, the lock doubling on each further failure up to `maxLockMs`. A success
 * clears the username's record (not the address's: one known account must not unlock a
 * guessing client). Records are forgotten `windowMs` after their last failure and the table
 * is bounded, so a flood of made-up names cannot grow memory without limit.
 */
export type ThrottleLimits = {
  /** Failures per username before it is locked. */
  maxFailures: number;
  /** Failures per client address before it is locked (a shared address serves many users). */
  maxClientFailures: number;
  delayMs: number;
  maxDelayMs: number;
  lockMs: number;
  maxLockMs: number;
  windowMs: number;
  maxEntries: number;
};

type Record = { failures: number; lastFailure: number; lockedUntil: number };

export type ThrottleVerdict = { ok: true; delayMs: number } | { ok: false; retryAfterMs: number };

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

export function createLoginThrottle(limits: ThrottleLimits, now: () => number = Date.now) {
  const records = new Map<string, Record>();

  function get(key: string): Record | undefined {
    const r = records.get(key);
    if (r && now() - r.lastFailure > limits.windowMs && now() >= r.lockedUntil) {
      records.delete(key);
      return undefined;
    }
    return r;
  }

  const keys = (username: string, client: string) => [
    { key: `user:${username.toLowerCase()}`, max: limits.maxFailures },
    { key: `client:${client}`, max: limits.maxClientFailures },
  ];

  return {
    /** Before checking the password: refused while either key is locked; else how long to wait. */
    check(username: string, client: string): ThrottleVerdict {
      let delayMs = 0;
      let retryAfterMs = 0;
      for (const { key } of keys(username, client)) {
        const r = get(key);
        if (!r) continue;
        retryAfterMs = Math.max(retryAfterMs, r.lockedUntil - now());
        delayMs = Math.max(
          delayMs,
          Math.min(limits.maxDelayMs, limits.delayMs * 2 ** (r.failures - 1)),
        );
      }
      return retryAfterMs > 0 ? { ok: false, retryAfterMs } : { ok: true, delayMs };
    },

    failed(username: string, client: string): void {
      for (const { key, max } of keys(username, client)) {
        const r = get(key) ?? { failures: 0, lastFailure: 0, lockedUntil: 0 };
        r.failures += 1;
        r.lastFailure = now();
        if (r.failures >= max) {
          const lock = limits.lockMs * 2 ** (r.failures - max);
          r.lockedUntil = now() + Math.min(limits.maxLockMs, lock);
        }
        records.delete(key); // re-insert: the Map's order is then oldest failure first
        records.set(key, r);
        if (records.size > limits.maxEntries) {
          const oldest = records.keys().next().value;
          if (oldest !== undefined) records.delete(oldest);
        }
      }
    },

    succeeded(username: string): void {
      records.delete(`user:${username.toLowerCase()}`);
    },
  };
}
