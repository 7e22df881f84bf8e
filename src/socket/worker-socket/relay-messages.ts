/**
 * What the page and the socket worker say to each other (worker-socket.ts ↔ worker-entry.ts):
 * one definition for both sides, with the packing of a batch of frames. Several sockets share
 * the worker, so every message names its socket by `id`.
 */
import type { NormalizeResult } from '../../protocol';
import type { TransferPart } from '../decode-transfer';

/**
 * Frames as the socket received them (`raw`) and, in `decoded`, the JSON text of an array of
 * the same length holding each one's decoding, or null where a frame was passed on undecoded
 * (big, or not text). Text, not objects: the page parses one string per batch for less than it
 * pays to deserialize the same objects from a structured clone (at 5,000 messages/s the task
 * time around each batch fell ~20%; decode-transfer.ts measured 5× for snapshots); a decoded
 * message is plain JSON data by construction.
 */
export type RelayedBatch = {
  raw: unknown[];
  decoded: string;
  /** When the worker posted it (epochNow), so the page can tell how long it queued. */
  postedAt: number;
};

/** One frame of a batch, as the page hands it on. */
export type RelayedFrame = { data: unknown; decoded?: NormalizeResult };

export type PageToWorker =
  | { op: 'open'; id: number; url: string }
  | { op: 'send'; id: number; text: string }
  | { op: 'close'; id: number; code?: number; reason?: string }
  /** Whether a big decoded frame's head should carry the whole raw frame (a recording). */
  | { op: 'rawFrames'; on: boolean };

export type WorkerToPage =
  | { op: 'open'; id: number }
  | ({ op: 'frames'; id: number } & RelayedBatch)
  /**
   * A big frame, decoded in the worker and sent in parts (decode-transfer.ts) so the page takes
   * it in slices. The head's `raw` is the whole frame when the page records or the frame could
   * not be decoded; otherwise only its start (RAW_EXCERPT_CHARS, for a drop report): copying
   * 100 MB of text into the page costs it a long task for nothing.
   */
  | { op: 'big'; id: number; part: TransferPart; raw?: unknown }
  | { op: 'close'; id: number; code: number; reason: string }
  /** The socket could not be created (a bad URL, a CSP refusal); a close follows. */
  | { op: 'error'; id: number; message: string };

/** What a big decoded frame's head carries of the raw frame when the page does not record. */
export const RAW_EXCERPT_CHARS = 4_096;

/** What of the raw frame a big frame's part carries to the page (see WorkerToPage 'big'). */
export function rawForPage(part: TransferPart, raw: unknown, whole: boolean): unknown {
  if (whole || typeof raw !== 'string') return raw;
  if (part.kind === 'head' && !part.result.ok) return raw;
  return raw.slice(0, RAW_EXCERPT_CHARS);
}

export function packBatch(frames: readonly RelayedFrame[], postedAt: number): RelayedBatch {
  return {
    raw: frames.map((f) => f.data),
    decoded: JSON.stringify(frames.map((f) => f.decoded ?? null)),
    postedAt,
  };
}

export function unpackBatch(batch: RelayedBatch): RelayedFrame[] {
  const decoded = JSON.parse(batch.decoded) as (NormalizeResult | null)[];
  return batch.raw.map((data, i) => {
    const d = decoded[i];
    return d ? { data, decoded: d } : { data };
  });
}
