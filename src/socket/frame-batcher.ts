/**
 * Runs a flush at most once per animation frame, and backs off when flushing is expensive.
 *
 * Grafana Live's `liveTimer` notices when the main thread falls behind and holds messages
 * so they collapse into fewer emissions. Here the next frames are skipped (queued work keeps
 * accumulating and is applied in one larger batch, still one store write per topic) when a
 * flush costs more than `budgetMs`, when a frame comes late, or when the stream is queueing up
 * in front of the page (inbound-delay.ts), instead of re-rendering per frame for a page that
 * can no longer keep up. Never more than MAX_SKIPPED_FRAMES in a row: a render is never staler
 * than that.
 */

import { epochNow, inboundDelayMs } from './inbound-delay';

/** Schedules `cb` once; returns a function that cancels it. */
export type Schedule = (cb: () => void) => () => void;

/** A frame is ~16.7 ms at 60 Hz. */
export const FRAME_MS = 16;
/** A flush costing more than this leaves too little of the frame for React to render. */
export const DEFAULT_FLUSH_BUDGET_MS = 8;
/**
 * A frame that arrives this long after it was requested means the main thread is behind
 * (rendering, not our flush, is the cost): the next frame is skipped so renders halve and the
 * thread catches up, instead of every frame carrying a small batch and a full re-render.
 */
export const LATE_FRAME_MS = 2 * FRAME_MS;
/** Never hold queued work for more than this many frames. */
export const MAX_SKIPPED_FRAMES = 6;
/**
 * The page's inbound queue this far behind (inbound-delay.ts) means rendering is crowding out
 * the stream: renders are held (at most MAX_SKIPPED_FRAMES in a row) until it catches up.
 */
export const BEHIND_MS = 2 * FRAME_MS;
/**
 * Hidden tabs get no animation frames at all; a timer (throttled to ~1/s there) still
 * drains the queue so it cannot grow without bound while the trader looks elsewhere.
 */
export const HIDDEN_TAB_FALLBACK_MS = 500;

/** requestAnimationFrame when present (raced with a timer for hidden tabs), else a 16 ms timer. */
export const defaultSchedule: Schedule = (cb) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    cb();
  };
  const timer = setTimeout(
    run,
    typeof requestAnimationFrame === 'function' ? HIDDEN_TAB_FALLBACK_MS : FRAME_MS,
  );
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : undefined;
  function cancel() {
    clearTimeout(timer);
    if (raf !== undefined && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(raf);
  }
  return () => {
    done = true;
    cancel();
  };
};

export type FrameBatcherStats = {
  /** Flushes run from a frame (not counting `flushNow`). */
  frames: number;
  /** Frames passed over because the previous flush was over budget. */
  skippedFrames: number;
  lastFlushMs: number;
  maxFlushMs: number;
  /** Frames that came late (main thread behind) and so held the next one. */
  lateFrames: number;
  /** Frames held because the inbound queue was behind. */
  behindFrames: number;
};

export type FrameBatcher = {
  /** Make sure a flush runs on an upcoming frame. */
  request(): void;
  /** Flush synchronously now (tests, dispose, a snapshot that must not wait). */
  flushNow(): void;
  dispose(): void;
  stats(): Readonly<FrameBatcherStats>;
};

export function createFrameBatcher(opts: {
  flush: () => void;
  schedule?: Schedule;
  budgetMs?: number;
  clock?: () => number;
  /** How far behind the page is in taking in messages, ms (default: inbound-delay.ts). */
  inboundDelay?: () => number;
}): FrameBatcher {
  const schedule = opts.schedule ?? defaultSchedule;
  const budget = opts.budgetMs ?? DEFAULT_FLUSH_BUDGET_MS;
  const clock = opts.clock ?? (() => performance.now());
  const inboundDelay = opts.inboundDelay ?? (() => inboundDelayMs(epochNow()));
  let cancel: (() => void) | undefined;
  let skip = 0;
  /** Frames held in a row so far (any reason): the cap on how stale a render may get. */
  let held = 0;
  let requestedAt = 0;
  let disposed = false;
  const stats: FrameBatcherStats = {
    frames: 0,
    skippedFrames: 0,
    lastFlushMs: 0,
    maxFlushMs: 0,
    lateFrames: 0,
    behindFrames: 0,
  };

  function timedFlush(): void {
    held = 0;
    const t0 = clock();
    opts.flush();
    const cost = clock() - t0;
    stats.lastFlushMs = cost;
    stats.maxFlushMs = Math.max(stats.maxFlushMs, cost);
    // Over budget: hold the next frames so work collapses into fewer, larger batches.
    skip = cost > budget ? Math.min(MAX_SKIPPED_FRAMES, Math.ceil(cost / FRAME_MS)) : 0;
  }

  function onFrame(): void {
    cancel = undefined;
    if (disposed) return;
    if (skip > 0 && held < MAX_SKIPPED_FRAMES) {
      skip -= 1;
      held += 1;
      stats.skippedFrames += 1;
      request();
      return;
    }
    if (held < MAX_SKIPPED_FRAMES && inboundDelay() > BEHIND_MS) {
      held += 1;
      stats.behindFrames += 1;
      request();
      return;
    }
    stats.frames += 1;
    const wait = clock() - requestedAt;
    timedFlush();
    if (wait > LATE_FRAME_MS && skip === 0) {
      // The later the frame, the more frames to hold (at most MAX_SKIPPED_FRAMES).
      skip = Math.min(MAX_SKIPPED_FRAMES, Math.floor(wait / FRAME_MS) - 1);
      stats.lateFrames += 1;
    }
  }

  function request(): void {
    if (disposed || cancel) return;
    requestedAt = clock();
    cancel = schedule(onFrame);
  }

  return {
    request,
    flushNow() {
      cancel?.();
      cancel = undefined;
      timedFlush();
    },
    dispose() {
      disposed = true;
      cancel?.();
      cancel = undefined;
    },
    stats: () => ({ ...stats }),
  };
}
