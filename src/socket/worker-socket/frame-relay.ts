/**
 * The socket worker's inbound side: decodes each frame where it lands and hands the page a
 * batch at a time.
 *
 * Why batches: every WebSocket message costs the page an IPC receive and a task of its own
 * before any of our code runs (~0.25 ms each in a trace at 3,000 messages/s, more than the
 * decoding), so at thousands of messages a second the page's main thread drowned in them. The
 * worker takes those tasks; the page gets one message per `windowMs`, however many frames it
 * holds. The window is short next to a frame (16 ms) and to the latency budget (100 ms).
 *
 * Decoding is the same `normalizeServerFrame` the page would run, so a frame is accepted or
 * dropped for exactly the same reasons either way. Big frames (a 100,000-order snapshot) are
 * passed on raw: the page's inbound queue decodes them in its own worker and hands the result
 * over in slices (inbound-queue.ts), where one structured clone of the whole would freeze it.
 */
import { normalizeServerFrame } from '../../protocol/normalize';
import { OFF_THREAD_MIN_CHARS } from '../inbound-queue';
import { packBatch, type RelayedBatch, type RelayedFrame } from './relay-messages';

export const RELAY_WINDOW_MS = 4;

export type Timers = {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
};

export class FrameRelay {
  private batch: RelayedFrame[] = [];
  private timer: unknown;

  constructor(
    private readonly post: (batch: RelayedBatch) => void,
    private readonly timers: Timers,
    private readonly now: () => number,
    private readonly windowMs = RELAY_WINDOW_MS,
    private readonly decodeBelowChars = OFF_THREAD_MIN_CHARS,
  ) {}

  push(data: unknown): void {
    this.batch.push(
      typeof data === 'string' && data.length < this.decodeBelowChars
        ? { data, decoded: normalizeServerFrame(data) }
        : { data },
    );
    if (this.timer === undefined) this.timer = this.timers.set(() => this.flush(), this.windowMs);
  }

  /** Posts what is held now: on the timer, and before a close so no frame trails it. */
  flush(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    if (this.batch.length === 0) return;
    const frames = this.batch;
    this.batch = [];
    this.post(packBatch(frames, this.now()));
  }
}
