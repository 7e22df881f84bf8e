/**
 * How far behind the page's main thread is in taking in the stream: the time the newest batch
 * from the socket worker waited in the page's task queue.
 *
 * Chromium keeps animation frames on time by running them ahead of other tasks, so an
 * overloaded page shows no late frames; it just takes in messages later and later (at 5,000
 * messages/s the lag grew to over a second while frames stayed at 16.7 ms). This is the signal
 * that sees it: the frame batcher holds renders while it is high, so the thread spends the
 * frames on the queue instead of on re-rendering for each small batch.
 */

/** A reading older than this says nothing about now (the stream went quiet). */
const FRESH_MS = 250;

let lastDelayMs = 0;
let notedAt = -Infinity;

export function noteInboundDelay(delayMs: number, now: number): void {
  lastDelayMs = Math.max(0, delayMs);
  notedAt = now;
}

export function inboundDelayMs(now: number): number {
  return now - notedAt <= FRESH_MS ? lastDelayMs : 0;
}

/** The same clock in a worker and on its page: epoch milliseconds, sub-millisecond precise. */
export const epochNow = (): number => performance.timeOrigin + performance.now();
