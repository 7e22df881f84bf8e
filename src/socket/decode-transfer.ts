/**
 * How a decoded frame crosses from the decoding worker to the page in pieces.
 *
 * Posting a 100,000-order snapshot as one message makes the page deserialize it in one task
 * (hundreds of ms). Instead the worker sends the message with its big snapshot arrays emptied,
 * then those arrays in slices; each slice is its own task, so the page keeps painting. A slice
 * travels as JSON text: parsing text is several times cheaper for the page than deserializing
 * the same objects from a structured clone (1.1 s vs ~0.2 s for 100,000 orders), and the
 * decoded message is plain JSON data by construction.
 */
import type { NormalizeResult } from '../protocol';

export const TRANSFER_SLICE = 2_000;

export type TransferHead = { kind: 'head'; id: number; result: NormalizeResult; slices: number };
export type TransferSlice = { kind: 'slice'; id: number; field: string; json: string };
export type TransferPart = TransferHead | TransferSlice;

/**
 * Splits `result` into a head and slices of every snapshot array longer than `slice`, lazily:
 * each slice is serialised when it is asked for, so a caller that posts each part as it comes
 * lets the page parse one slice while the next is being written.
 */
export function* splitForTransfer(
  id: number,
  result: NormalizeResult,
  slice = TRANSFER_SLICE,
): Generator<TransferPart, void, undefined> {
  if (!result.ok || result.message.kind !== 'subscribed') {
    yield { kind: 'head', id, result, slices: 0 };
    return;
  }
  const snapshot: Record<string, unknown> = { ...result.message.snapshot };
  const cut: Array<[field: string, items: unknown[]]> = [];
  let slices = 0;
  for (const [field, value] of Object.entries(snapshot)) {
    if (!Array.isArray(value) || value.length <= slice) continue;
    snapshot[field] = [];
    cut.push([field, value]);
    slices += Math.ceil(value.length / slice);
  }
  yield {
    kind: 'head',
    id,
    result: { ...result, message: { ...result.message, snapshot } as typeof result.message },
    slices,
  };
  for (const [field, items] of cut) {
    for (let i = 0; i < items.length; i += slice) {
      yield { kind: 'slice', id, field, json: JSON.stringify(items.slice(i, i + slice)) };
    }
  }
}

/** Reassembles what splitForTransfer cut, in the order the slices arrived (their order). */
export class TransferAssembler {
  private head: TransferHead | undefined;
  private received = 0;

  /** Feeds one part; returns the whole result once its last slice is in. */
  add(part: TransferPart): NormalizeResult | undefined {
    if (part.kind === 'head') {
      this.head = part;
      this.received = 0;
    } else {
      if (!this.head || part.id !== this.head.id || !this.head.result.ok) return undefined;
      const snapshot = (this.head.result.message as { snapshot: Record<string, unknown[]> })
        .snapshot;
      const target = snapshot[part.field]!;
      for (const item of JSON.parse(part.json) as unknown[]) target.push(item);
      this.received++;
    }
    if (this.received < this.head!.slices) return undefined;
    const done = this.head!.result;
    this.head = undefined;
    return done;
  }
}
