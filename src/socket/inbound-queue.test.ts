import { describe, expect, it } from 'vitest';
import { serverMessages } from '../protocol';
import type { NormalizeResult } from '../protocol';
import { normalizeServerFrame } from '../protocol/normalize';
import { InboundQueue, type FrameDecoder } from './inbound-queue';

/** A decoder whose decodes finish only when the test says so. */
function manualDecoder() {
  const calls: Array<{ frame: string; finish(): void; fail(e: Error): void }> = [];
  const decoder: FrameDecoder = {
    decode: (frame) =>
      new Promise<NormalizeResult>((resolve, reject) => {
        calls.push({ frame, finish: () => resolve(normalizeServerFrame(frame)), fail: reject });
      }),
    dispose: () => {},
  };
  return { decoder, calls };
}

const pong = (id: string) => JSON.stringify(serverMessages.pong(id, 0));
// Longer than the test threshold of 100 characters: decoded off-thread.
const big = (id: string) => JSON.stringify({ ...serverMessages.pong(id, 0), pad: 'x'.repeat(200) });
const tick = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const seen: Array<{ id: string | undefined; tag: number; at: number }> = [];
  const drops: string[] = [];
  const { decoder, calls } = manualDecoder();
  const q = new InboundQueue(
    (r, at, tag) => {
      if (r.ok) seen.push({ id: (r.message as { id?: string }).id, tag, at });
      else drops.push(`${r.reason}: ${r.detail}`);
    },
    () => decoder,
    100,
  );
  return { q, seen, drops, calls, ids: () => seen.map((s) => s.id) };
}

describe('InboundQueue', () => {
  it('[INQ-1] a small frame with nothing queued is handled before push returns', () => {
    const t = setup();
    t.q.push(pong('a'), 5, 1);
    expect(t.seen).toEqual([{ id: 'a', tag: 1, at: 5 }]);
    expect(t.calls).toHaveLength(0);
  });

  it('[INQ-2] frames behind a big one wait for it: arrival order is kept', async () => {
    const t = setup();
    t.q.push(pong('1'), 1, 1);
    t.q.push(big('2'), 2, 1);
    t.q.push(pong('3'), 3, 1);
    t.q.push(big('4'), 4, 1);
    t.q.push(pong('5'), 5, 1);
    expect(t.ids()).toEqual(['1']);
    expect(t.calls).toHaveLength(1);
    t.calls[0]!.finish();
    await tick();
    expect(t.ids()).toEqual(['1', '2', '3']);
    t.calls[1]!.finish();
    await tick();
    expect(t.ids()).toEqual(['1', '2', '3', '4', '5']);
    expect(t.seen.map((s) => s.at)).toEqual([1, 2, 3, 4, 5]);
    expect(t.q.decodedOffThread).toBe(2);
    expect(t.q.size).toBe(0);
    t.q.push(pong('6'), 6, 1);
    expect(t.ids().at(-1)).toBe('6');
  });

  it('[INQ-3] clear() discards the frame being decoded and everything behind it', async () => {
    const t = setup();
    t.q.push(big('old-snapshot'), 1, 1);
    t.q.push(pong('old-update'), 2, 1);
    t.q.clear();
    t.q.push(pong('new'), 3, 2);
    t.calls[0]!.finish();
    await tick();
    expect(t.ids()).toEqual(['new']);
  });

  it('[INQ-4] a failed decoder loses nothing: that frame and later big ones are decoded in place', async () => {
    const t = setup();
    t.q.push(big('2'), 1, 1);
    t.q.push(pong('3'), 2, 1);
    t.calls[0]!.fail(new Error('worker crashed'));
    await tick();
    expect(t.drops).toEqual([]);
    expect(t.ids()).toEqual(['2', '3']);
    expect(t.q.failed).toBe('worker crashed');
    expect(t.q.decodedOffThread).toBe(0);
    t.q.push(big('4'), 3, 1);
    expect(t.ids()).toEqual(['2', '3', '4']);
    expect(t.calls).toHaveLength(1);
  });

  it('[INQ-5] without a decoder every frame is decoded in place, in order', () => {
    const seen: string[] = [];
    const q = new InboundQueue(
      (r) => r.ok && seen.push(String((r.message as { id?: string }).id)),
      undefined,
      10,
    );
    q.push(big('a'), 1, 1);
    q.push(pong('b'), 2, 1);
    expect(seen).toEqual(['a', 'b']);
  });

  it('[INQ-6] the decoder (worker) is started at the first big frame, not before', () => {
    let made = 0;
    const q = new InboundQueue(
      () => {},
      () => {
        made++;
        return manualDecoder().decoder;
      },
      100,
    );
    for (let i = 0; i < 10; i++) q.push(pong(String(i)), i, 1);
    expect(made).toBe(0);
    q.push(big('b'), 11, 1);
    q.push(big('c'), 12, 1);
    expect(made).toBe(1);
  });

  it('[INQ-7] a frame decoded before it arrived (the socket worker) is used as is, and still waits behind a big one', async () => {
    const t = setup();
    // A decoded result that differs from what the raw text would decode to: proves it is used.
    const predecoded = (id: string) => normalizeServerFrame(pong(id));
    t.q.push('not json at all', 1, 1, predecoded('a'));
    expect(t.ids()).toEqual(['a']);
    expect(t.drops).toEqual([]);
    t.q.push(big('b'), 2, 1);
    t.q.push('not json either', 3, 1, predecoded('c'));
    expect(t.ids()).toEqual(['a']);
    t.calls[0]!.finish();
    await tick();
    expect(t.ids()).toEqual(['a', 'b', 'c']);
    expect(t.q.decodedOffThread).toBe(3);
  });
});
