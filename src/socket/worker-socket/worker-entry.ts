/// <reference lib="webworker" />
/**
 * The socket worker: holds the page's WebSockets, so the per-message IPC and task, the parse
 * and the validation happen here and the page receives one batch of decoded frames per relay
 * window (frame-relay.ts). Everything else (auth, keepalive, backoff, subscriptions) stays in
 * the page's AccountSocket, which sees an ordinary WebSocket (worker-socket.ts).
 */
import { epochNow } from '../inbound-delay';
import { FrameRelay } from './frame-relay';
import { rawForPage, type PageToWorker, type WorkerToPage } from './relay-messages';

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: WorkerToPage) => self.postMessage(msg);
const timers = {
  set: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clear: (handle: unknown) => clearTimeout(handle as number),
};
const sockets = new Map<number, { ws: WebSocket; relay: FrameRelay }>();
let rawFrames = false;

function open(id: number, url: string): void {
  let ws: WebSocket;
  try {
    ws = new WebSocket(url);
  } catch (e) {
    post({ op: 'error', id, message: e instanceof Error ? e.message : String(e) });
    post({ op: 'close', id, code: 1006, reason: `Cannot connect: ${String(e)}` });
    return;
  }
  const relay = new FrameRelay(
    {
      batch: (batch) => post({ op: 'frames', id, ...batch }),
      big: (part, raw) =>
        post(
          raw === undefined
            ? { op: 'big', id, part }
            : { op: 'big', id, part, raw: rawForPage(part, raw, rawFrames) },
        ),
    },
    timers,
    epochNow,
  );
  sockets.set(id, { ws, relay });
  ws.onopen = () => post({ op: 'open', id });
  ws.onmessage = (ev: MessageEvent) => relay.push(ev.data);
  ws.onclose = (ev) => {
    relay.flush();
    sockets.delete(id);
    post({ op: 'close', id, code: ev.code, reason: ev.reason });
  };
}

self.onmessage = (ev: MessageEvent<PageToWorker>) => {
  const msg = ev.data;
  switch (msg.op) {
    case 'open':
      return open(msg.id, msg.url);
    case 'rawFrames':
      rawFrames = msg.on;
      return;
    case 'send': {
      const s = sockets.get(msg.id);
      if (s && s.ws.readyState === WebSocket.OPEN) s.ws.send(msg.text);
      return;
    }
    case 'close': {
      const s = sockets.get(msg.id);
      if (!s) return;
      // The page has let go: no frame is wanted any more, only the close event (as a
      // browser's own socket would fire it).
      s.ws.onopen = s.ws.onmessage = null;
      try {
        s.ws.close(msg.code, msg.reason);
      } catch {
        // A code the browser refuses must not take the worker (and every socket) down.
        s.ws.close();
      }
      return;
    }
  }
};
