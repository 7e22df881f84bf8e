import { describe, expect, it, vi } from 'vitest';
import type { WebSocketCtor, WebSocketLike } from '../account-socket';
import { packBatch, type PageToWorker, type WorkerToPage } from './relay-messages';
import { workerWebSocket, type WorkerLike } from './worker-socket';
import { inboundDelayMs } from '../inbound-delay';
import { splitForTransfer } from '../decode-transfer';
import type { NormalizeResult } from '../../protocol';
import { sampleAccountSnapshot, sampleOrder } from '../../testing/store-samples';

/** A worker the test speaks for: it records what the page posts and replies on demand. */
class FakeWorker implements WorkerLike {
  posted: PageToWorker[] = [];
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  postMessage(msg: PageToWorker) {
    this.posted.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  say(msg: WorkerToPage) {
    this.onmessage?.({ data: msg });
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault: () => {} });
  }
}

/** The fallback: the browser's own WebSocket, as far as the test can tell. */
class NativeSocket implements WebSocketLike {
  static made: string[] = [];
  readyState = 0;
  onopen = null;
  onmessage = null;
  onclose = null;
  onerror = null;
  constructor(readonly url: string) {
    NativeSocket.made.push(url);
  }
  send() {}
  close() {}
}

function setup(now = () => 1_000) {
  const workers: FakeWorker[] = [];
  NativeSocket.made = [];
  const WS = workerWebSocket(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    NativeSocket as unknown as WebSocketCtor,
    now,
  );
  const open = (url = 'ws://x/ws') => {
    const ws = new WS(url);
    const events: string[] = [];
    ws.onopen = () => events.push('open');
    ws.onmessage = (ev) =>
      events.push(
        `msg ${String(ev.data)}${ev.decoded ? ` (${ev.decoded.ok ? 'ok' : 'drop'})` : ''}`,
      );
    ws.onclose = (ev) => events.push(`close ${ev.code} ${ev.reason}`);
    return { ws, events };
  };
  return { WS, workers, open };
}

describe('workerWebSocket', () => {
  it('[WSOCK-1] one worker serves every socket; open, frames (with their decoding) and close arrive as a WebSocket would give them', () => {
    const t = setup();
    const a = t.open();
    const b = t.open('ws://y/ws');
    expect(t.workers).toHaveLength(1);
    const w = t.workers[0]!;
    expect(w.posted).toEqual([
      { op: 'open', id: 1, url: 'ws://x/ws' },
      { op: 'open', id: 2, url: 'ws://y/ws' },
    ]);
    expect(a.ws.readyState).toBe(0);
    w.say({ op: 'open', id: 1 });
    expect(a.ws.readyState).toBe(1);
    w.say({
      op: 'frames',
      id: 1,
      ...packBatch(
        [
          { data: 'f1', decoded: { ok: true, message: { kind: 'pong', id: 'p' } } },
          { data: 'f2', decoded: { ok: false, reason: 'not-json', detail: 'x' } },
          { data: 'big' },
        ],
        0,
      ),
    });
    w.say({ op: 'close', id: 1, code: 4002, reason: 'expired' });
    expect(a.events).toEqual([
      'open',
      'msg f1 (ok)',
      'msg f2 (drop)',
      'msg big',
      'close 4002 expired',
    ]);
    expect(a.ws.readyState).toBe(3);
    expect(b.events).toEqual([]);
  });

  it('[WSOCK-2] send goes to the worker once open, throws while connecting (as a WebSocket does), is dropped once closing', () => {
    const t = setup();
    const { ws } = t.open();
    const w = t.workers[0]!;
    expect(() => ws.send('early')).toThrow(/connecting/);
    w.say({ op: 'open', id: 1 });
    ws.send('auth');
    ws.close(1000, 'bye');
    ws.send('late');
    expect(w.posted.slice(1)).toEqual([
      { op: 'send', id: 1, text: 'auth' },
      { op: 'close', id: 1, code: 1000, reason: 'bye' },
    ]);
    expect(ws.readyState).toBe(2);
  });

  it('[WSOCK-3] a handler that detaches mid-batch (a teardown) gets no more frames of it', () => {
    const t = setup();
    const { ws, events } = t.open();
    const w = t.workers[0]!;
    w.say({ op: 'open', id: 1 });
    ws.onmessage = (ev) => {
      events.push(String(ev.data));
      ws.onmessage = null;
      ws.close();
    };
    w.say({ op: 'frames', id: 1, ...packBatch([{ data: 'a' }, { data: 'b' }, { data: 'c' }], 0) });
    expect(events).toEqual(['open', 'a']);
  });

  it('[WSOCK-4] a worker that fails closes its sockets with 1006 (the app reconnects) and later sockets are the browser’s own', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = setup();
    const a = t.open();
    t.workers[0]!.say({ op: 'open', id: 1 });
    t.workers[0]!.crash('boom');
    expect(a.events).toEqual(['open', 'close 1006 socket worker failed: boom']);
    expect(t.workers[0]!.terminated).toBe(true);
    const next = new t.WS('ws://x/again');
    expect(next).toBeInstanceOf(NativeSocket);
    expect(NativeSocket.made).toEqual(['ws://x/again']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('[WSOCK-5] a worker that cannot even start (a CSP refusal) costs nothing: the browser’s socket is used', () => {
    NativeSocket.made = [];
    const WS = workerWebSocket(
      () => {
        throw new Error('refused by worker-src');
      },
      NativeSocket as unknown as WebSocketCtor,
    );
    expect(new WS('ws://x/ws')).toBeInstanceOf(NativeSocket);
    expect(new WS('ws://x/ws2')).toBeInstanceOf(NativeSocket);
    expect(NativeSocket.made).toEqual(['ws://x/ws', 'ws://x/ws2']);
  });

  it('[WSOCK-6] each batch tells how long it waited in the page’s queue (the frame batcher holds renders on it)', () => {
    let now = 10_000;
    const t = setup(() => now);
    t.open();
    const w = t.workers[0]!;
    w.say({ op: 'open', id: 1 });
    w.say({ op: 'frames', id: 1, ...packBatch([{ data: 'a' }], now - 180) });
    expect(inboundDelayMs(now)).toBe(180);
    now += 1_000; // nothing since: the reading is stale, not a standing lag
    expect(inboundDelayMs(now)).toBe(0);
  });

  it('[WSOCK-7] a big frame’s parts become one message event, with the raw frame and its whole decoding, in order', () => {
    const t = setup();
    const seen: Array<{ data: unknown; orders?: number }> = [];
    const { ws } = t.open();
    ws.onmessage = (ev) =>
      seen.push({
        data: ev.data,
        ...(ev.decoded?.ok && ev.decoded.message.kind === 'subscribed'
          ? { orders: (ev.decoded.message.snapshot as { orders: unknown[] }).orders.length }
          : {}),
      });
    const w = t.workers[0]!;
    w.say({ op: 'open', id: 1 });
    const result: NormalizeResult = {
      ok: true,
      message: {
        kind: 'subscribed',
        id: 's1',
        topic: 'account',
        snapshot: sampleAccountSnapshot('A-1', {
          orders: Array.from({ length: 4_500 }, (_, i) => sampleOrder({ ordId: `O-${i}` })),
        }),
      },
    };
    w.say({ op: 'frames', id: 1, ...packBatch([{ data: 'before' }], 0) });
    [...splitForTransfer(1, result)].forEach((part, i) =>
      w.say(
        i === 0
          ? { op: 'big', id: 1, part: structuredClone(part), raw: 'the big text' }
          : { op: 'big', id: 1, part: structuredClone(part) },
      ),
    );
    w.say({ op: 'frames', id: 1, ...packBatch([{ data: 'after' }], 0) });
    expect(seen).toEqual([
      { data: 'before' },
      { data: 'the big text', orders: 4_500 },
      { data: 'after' },
    ]);
  });
});

describe('workerWebSocket: whole raw big frames', () => {
  it('[WSOCK-RAW-3] the switch reaches the running worker, and a worker started later', () => {
    const t = setup();
    t.WS.relayRawFrames(true); // no worker yet: remembered
    t.open();
    const w = t.workers[0]!;
    expect(w.posted[0]).toEqual({ op: 'rawFrames', on: true });
    t.WS.relayRawFrames(false);
    expect(w.posted.at(-1)).toEqual({ op: 'rawFrames', on: false });
  });
});
