/**
 * A WebSocket whose socket lives in a worker (worker-entry.ts): to the AccountSocket it is an
 * ordinary WebSocket, except that its message events arrive in batches and carry the frame
 * already decoded (`decoded`), so the page's main thread neither receives nor parses them one
 * by one. See frame-relay.ts for why.
 *
 * One worker serves every socket of the page (reconnects do not start a new one). A worker
 * that fails (cannot load, crashes) closes its sockets with 1006, so the AccountSocket
 * reconnects as for any dropped link, and from then on this constructor hands out the
 * browser's own WebSocket: losing the worker costs speed, never the stream.
 */
import type { WebSocketCtor, WebSocketLike } from '../account-socket';
import { TransferAssembler } from '../decode-transfer';
import { epochNow, noteInboundDelay } from '../inbound-delay';
import { unpackBatch, type PageToWorker, type WorkerToPage } from './relay-messages';

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

/** The part of a Worker this needs; tests pass a fake. */
export type WorkerLike = {
  postMessage(msg: PageToWorker): void;
  onmessage: ((ev: { data: WorkerToPage }) => void) | null;
  onerror: ((ev: { message?: string; preventDefault(): void }) => void) | null;
  terminate(): void;
};

/** The constructor, with the page-wide switch for whole raw big frames. */
export type WorkerWebSocketCtor = WebSocketCtor & { relayRawFrames(on: boolean): void };

export function workerWebSocket(
  startWorker: () => WorkerLike,
  fallback: WebSocketCtor,
  now: () => number = epochNow,
): WorkerWebSocketCtor {
  let worker: WorkerLike | undefined;
  let failed = false;
  let rawFrames = false;
  let nextId = 0;
  const live = new Map<number, RelayedSocket>();

  const fail = (why: string) => {
    console.warn(`[account-socket] the socket worker failed (${why}); using the page's WebSocket`);
    failed = true;
    worker?.terminate();
    worker = undefined;
    for (const s of [...live.values()]) s.closed(1006, `socket worker failed: ${why}`);
  };

  const ensureWorker = (): WorkerLike => {
    if (worker) return worker;
    const w = startWorker();
    if (rawFrames) w.postMessage({ op: 'rawFrames', on: true });
    w.onmessage = (ev) => live.get(ev.data.id)?.receive(ev.data);
    w.onerror = (ev) => {
      ev.preventDefault();
      fail(ev.message || 'error');
    };
    return (worker = w);
  };

  class RelayedSocket implements WebSocketLike {
    onopen: WebSocketLike['onopen'] = null;
    onmessage: WebSocketLike['onmessage'] = null;
    onclose: WebSocketLike['onclose'] = null;
    onerror: WebSocketLike['onerror'] = null;
    readyState = CONNECTING;
    private readonly id = ++nextId;
    private readonly bigFrame = new TransferAssembler();
    private bigRaw: unknown;
    private readonly worker: WorkerLike;

    constructor(url: string) {
      this.worker = ensureWorker();
      live.set(this.id, this);
      this.worker.postMessage({ op: 'open', id: this.id, url });
    }

    send(text: string): void {
      if (this.readyState === CONNECTING) throw new Error('WebSocket is still connecting');
      if (this.readyState === OPEN) this.worker.postMessage({ op: 'send', id: this.id, text });
    }

    close(code?: number, reason?: string): void {
      if (this.readyState >= CLOSING) return;
      this.readyState = CLOSING;
      this.worker.postMessage({
        op: 'close',
        id: this.id,
        ...(code !== undefined ? { code } : {}),
        ...(reason !== undefined ? { reason } : {}),
      });
    }

    receive(msg: WorkerToPage): void {
      switch (msg.op) {
        case 'open':
          this.readyState = OPEN;
          return this.onopen?.({});
        case 'frames':
          noteInboundDelay(now() - msg.postedAt, now());
          // A handler may detach itself mid-batch (a close frame, a teardown): stop there.
          for (const frame of unpackBatch(msg)) {
            if (this.readyState !== OPEN || !this.onmessage) return;
            this.onmessage(frame);
          }
          return;
        case 'big': {
          if (msg.part.kind === 'head') this.bigRaw = msg.raw;
          const decoded = this.bigFrame.add(msg.part);
          if (!decoded) return;
          const data = this.bigRaw;
          this.bigRaw = undefined;
          if (this.readyState === OPEN) this.onmessage?.({ data, decoded });
          return;
        }
        case 'error':
          return this.onerror?.({ message: msg.message });
        case 'close':
          return this.closed(msg.code, msg.reason);
      }
    }

    closed(code: number, reason: string): void {
      if (!live.delete(this.id)) return;
      this.readyState = CLOSED;
      this.onclose?.({ code, reason });
    }
  }

  return class WorkerWebSocket {
    /**
     * Big frames reach the page whole only while this is on (a recording needs every frame as
     * it came); otherwise their start, enough for a drop report (relay-messages.ts).
     */
    static relayRawFrames(on: boolean): void {
      rawFrames = on;
      worker?.postMessage({ op: 'rawFrames', on });
    }

    constructor(url: string) {
      // Returning an object from a constructor hands the caller that object instead.
      if (failed) return new fallback(url);
      try {
        return new RelayedSocket(url);
      } catch {
        // No worker here (a stricter CSP refuses it): the browser's socket, from now on.
        failed = true;
        return new fallback(url);
      }
    }
  } as unknown as WorkerWebSocketCtor;
}
