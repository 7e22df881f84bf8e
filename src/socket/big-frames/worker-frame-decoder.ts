/**
 * The browser's FrameDecoder: one module Worker running decoding-worker.ts. The worker posts all
 * parts of a frame from one task, so parts of different frames never interleave; a frame still
 * in the worker when the socket is replaced simply resolves to nobody who cares.
 */
import type { NormalizeResult } from '../../protocol';
import { TransferAssembler, type TransferPart } from '../decode-transfer';
import type { FrameDecoder } from '../inbound-queue';

/** undefined where Workers are unavailable (Node, old browsers): frames decode in place. */
export function createWorkerDecoder(): FrameDecoder | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./decoding-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
  let nextId = 0;
  type Waiter = { resolve(r: NormalizeResult): void; reject(e: Error): void };
  const waiting = new Map<number, Waiter>();
  const assembler = new TransferAssembler();
  worker.onmessage = (ev: MessageEvent<TransferPart>) => {
    const done = assembler.add(ev.data);
    if (!done) return;
    waiting.get(ev.data.id)?.resolve(done);
    waiting.delete(ev.data.id);
  };
  const failAll = (why: string) => {
    for (const w of waiting.values()) w.reject(new Error(why));
    waiting.clear();
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    failAll(ev.message || 'decoder worker failed');
  };
  return {
    decode(frame) {
      return new Promise<NormalizeResult>((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, frame });
      });
    },
    dispose() {
      worker.terminate();
      failAll('decoder disposed');
    },
  };
}
