/**
 * Reconnect delay: 1 s doubling to a 60 s cap (the broker's documented policy), with "equal jitter" — half the
 * delay fixed, half random — so a fleet of clients dropped together does not return together,
 * yet no client retries sooner than half its step (centrifuge-js backoff, AWS architecture blog).
 */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;

export function backoffDelay(
  attempt: number,
  opts: { baseMs?: number; maxMs?: number; random?: () => number } = {},
): number {
  const base = opts.baseMs ?? BACKOFF_BASE_MS;
  const max = opts.maxMs ?? BACKOFF_MAX_MS;
  const random = opts.random ?? Math.random;
  const step = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
