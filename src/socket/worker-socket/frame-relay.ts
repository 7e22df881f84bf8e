/**
 * The socket worker's inbound side: decodes each frame where it lands and hands the page a
 * batch at a time.
 *
 * Batches, because each WebSocket message costs the page a task of its own before our code
 * runs; the worker takes those, and the page gets one message per `windowMs` (short next to a
 * frame and to the latency budget). Decoding is the page's own `normalizeServerFrame`, so a
 * frame is accepted or dropped for the same reasons either way. A big frame goes in slices
 * (decode-transfer.ts), between batches so order is kept: one clone of the whole would freeze
 * the page.
 */
import { normalizeServerFrame } from '../../protocol/normalize';
import { splitForTransfer, type TransferPart } from '../decode-transfer';
import { OFF_THREAD_MIN_CHARS } from '../inbound-queue';
import { packBatch, type RelayedBatch, type RelayedFrame } from './relay-messages';

export const RELAY_WINDOW_MS = 4;

export type Timers = {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
};

export type RelayOutput = {
  batch(batch: RelayedBatch): void;
  /** One part of a big frame; the first (the head) also carries the raw frame. */
  big(part: TransferPart, raw?: unknown): void;
};

export class FrameRelay {
  private batch: RelayedFrame[] = [];
  private timer: unknown;
  private bigFrames = 0;

  constructor(
    private readonly out: RelayOutput,
    private readonly timers: Timers,
    private readonly now: () => number,
    private readonly windowMs = RELAY_WINDOW_MS,
    private readonly sliceFromChars = OFF_THREAD_MIN_CHARS,
  ) {}

  push(data: unknown): void {
    if (typeof data === 'string' && data.length >= this.sliceFromChars) {
      this.flush();
      // Each part is posted as soon as it is cut, so the page takes in one while the next is made.
      let first = true;
      for (const part of splitForTransfer(++this.bigFrames, normalizeServerFrame(data))) {
        if (first) this.out.big(part, data);
        else this.out.big(part);
        first = false;
      }
      return;
    }
    this.batch.push(
      typeof data === 'string' ? { data, decoded: normalizeServerFrame(data) } : { data },
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
    this.out.batch(packBatch(frames, this.now()));
  }
}
