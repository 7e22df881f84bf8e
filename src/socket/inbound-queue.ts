/**
 * Keeps inbound frames in arrival order while the big ones are decoded off the main thread.
 *
 * A 100,000-order snapshot is ~46 MB of JSON: parsing and validating it in the socket's task
 * froze the page for seconds. Frames at least `offThreadMinChars` long go to the decoder (a
 * Web Worker in the browser); every frame that arrives while one is being decoded waits
 * behind it, so an update can never overtake the snapshot it follows. Small frames with an
 * empty queue take the synchronous path: the common case pays nothing.
 */
import type { NormalizeResult } from '../protocol';
import { normalizeServerFrame } from '../protocol/normalize';

export type FrameDecoder = {
  decode(frame: string): Promise<NormalizeResult>;
  dispose(): void;
};

/** Frames this long (UTF-16 units) are decoded off-thread: ~1 MB, a few thousand orders. */
export const OFF_THREAD_MIN_CHARS = 1 << 20;

type Pending = { data: unknown; receivedAt: number; tag: number; decoded?: NormalizeResult };

/** `data` is the raw frame, for diagnostics of the ones that fail. */
export type DecodedHandler = (
  result: NormalizeResult,
  receivedAt: number,
  tag: number,
  data: unknown,
) => void;

export class InboundQueue {
  private readonly pending: Pending[] = [];
  private draining = false;
  /** Bumped by clear(): a decode that finishes after it belongs to a discarded generation. */
  private generation = 0;
  decodedOffThread = 0;
  /** Why off-thread decoding was given up, if it was. */
  failed: string | undefined;
  private decoder: FrameDecoder | undefined;

  /**
   * `makeDecoder` runs at the first big frame, not before: most accounts never send one, so
   * most sessions never download or start the worker.
   */
  constructor(
    private readonly onDecoded: DecodedHandler,
    private makeDecoder: (() => FrameDecoder | undefined) | undefined,
    private readonly offThreadMinChars = OFF_THREAD_MIN_CHARS,
  ) {}

  /**
   * `tag` travels with the frame to the handler (the socket passes its connection id).
   * `decoded`: the frame was decoded before it got here (the socket worker); it still waits its
   * turn behind a big frame being decoded.
   */
  push(data: unknown, receivedAt: number, tag: number, decoded?: NormalizeResult): void {
    if (
      this.pending.length === 0 &&
      !this.draining &&
      (decoded !== undefined || !this.wantsOffThread(data))
    ) {
      if (decoded !== undefined) this.decodedOffThread++;
      this.onDecoded(decoded ?? normalizeServerFrame(data), receivedAt, tag, data);
      return;
    }
    this.pending.push(
      decoded === undefined ? { data, receivedAt, tag } : { data, receivedAt, tag, decoded },
    );
    if (!this.draining) void this.drain();
  }

  /** Forgets every queued frame (the socket they came from is gone). */
  clear(): void {
    this.pending.length = 0;
    this.generation++;
    this.draining = false;
  }

  get size(): number {
    return this.pending.length;
  }

  dispose(): void {
    this.clear();
    this.decoder?.dispose();
  }

  private wantsOffThread(data: unknown): boolean {
    return (
      this.failed === undefined &&
      (this.decoder !== undefined || this.makeDecoder !== undefined) &&
      typeof data === 'string' &&
      data.length >= this.offThreadMinChars
    );
  }

  private getDecoder(): FrameDecoder | undefined {
    if (!this.decoder && this.makeDecoder) {
      this.decoder = this.makeDecoder();
      this.makeDecoder = undefined;
    }
    return this.decoder;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    const generation = this.generation;
    while (this.pending.length > 0) {
      const next = this.pending.shift()!;
      let result: NormalizeResult;
      const decoder =
        next.decoded === undefined && this.wantsOffThread(next.data)
          ? this.getDecoder()
          : undefined;
      // Decoded before it got here (the socket worker), or now in the decoding worker.
      const offThread =
        next.decoded ??
        (decoder
          ? await decoder.decode(next.data as string).then(
              (r) => r,
              (e: unknown) => {
                // A worker that cannot start or dies (a stricter CSP, a crash) must not cost a
                // frame: this one and every later one are decoded here instead.
                this.failed = e instanceof Error ? e.message : String(e);
                this.decoder = undefined;
                decoder.dispose();
                return undefined;
              },
            )
          : undefined);
      if (generation !== this.generation) return;
      if (offThread) {
        this.decodedOffThread++;
        result = offThread;
      } else {
        result = normalizeServerFrame(next.data);
      }
      this.onDecoded(result, next.receivedAt, next.tag, next.data);
      if (generation !== this.generation) return;
    }
    this.draining = false;
  }
}
