/// <reference lib="webworker" />
/**
 * The decoding worker: JSON.parse + normalisation + validation of the big frames, off the
 * page's main thread (see inbound-queue.ts). Same code as the synchronous path, so a frame is
 * accepted or dropped for exactly the same reasons either way.
 */
import { normalizeServerFrame } from '../../protocol/normalize';
import { splitForTransfer } from '../decode-transfer';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (ev: MessageEvent<{ id: number; frame: string }>) => {
  const { id, frame } = ev.data;
  for (const part of splitForTransfer(id, normalizeServerFrame(frame))) self.postMessage(part);
};
