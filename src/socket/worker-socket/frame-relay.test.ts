import { describe, expect, it } from 'vitest';
import { serverMessages } from '../../protocol';
import { normalizeServerFrame } from '../../protocol/normalize';
import { FrameRelay } from './frame-relay';
import { sampleAccountSnapshot, sampleOrder } from '../../testing/store-samples';
import { TransferAssembler, type TransferPart } from '../decode-transfer';
import { unpackBatch, type RelayedFrame } from './relay-messages';

/** Timers the test fires by hand. */
function manualTimers() {
  const due: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  return {
    due,
    timers: {
      set: (fn: () => void, ms: number) => {
        const t = { fn, ms, cleared: false };
        due.push(t);
        return t;
      },
      clear: (h: unknown) => void ((h as { cleared: boolean }).cleared = true),
    },
    fire: () => due.filter((t) => !t.cleared).forEach((t) => ((t.cleared = true), t.fn())),
  };
}

function setup(decodeBelowChars = 100) {
  const posts: RelayedFrame[][] = [];
  /** Everything posted, in order: 'batch' or the kind of a big frame's part. */
  const sequence: string[] = [];
  const parts: Array<{ part: TransferPart; raw?: unknown }> = [];
  const clock = manualTimers();
  const relay = new FrameRelay(
    {
      batch: (b) => {
        posts.push(unpackBatch(b));
        sequence.push('batch');
      },
      big: (part, raw) => {
        parts.push(raw === undefined ? { part } : { part, raw });
        sequence.push(part.kind);
      },
    },
    clock.timers,
    () => 0,
    4,
    decodeBelowChars,
  );
  return { relay, posts, clock, parts, sequence };
}

const pong = (id: string) => JSON.stringify(serverMessages.pong(id, 0));

describe('FrameRelay (socket worker)', () => {
  it('[RELAY-1] frames arriving within the window reach the page as one batch, in order, one timer', () => {
    const t = setup();
    for (const id of ['1', '2', '3']) t.relay.push(pong(id));
    expect(t.posts).toEqual([]);
    expect(t.clock.due).toHaveLength(1);
    expect(t.clock.due[0]!.ms).toBe(4);
    t.clock.fire();
    expect(t.posts).toHaveLength(1);
    expect(t.posts[0]!.map((f) => f.data)).toEqual([pong('1'), pong('2'), pong('3')]);
    t.relay.push(pong('4'));
    t.clock.fire();
    expect(t.posts.map((p) => p.length)).toEqual([3, 1]);
  });

  it('[RELAY-2] each frame carries exactly what the page would have decoded, drops included', () => {
    const t = setup();
    const frames = [pong('a'), '{"type":', JSON.stringify({ type: 'mystery' }), '[1,2]'];
    for (const f of frames) t.relay.push(f);
    t.relay.flush();
    expect(t.posts[0]).toEqual(frames.map((f) => ({ data: f, decoded: normalizeServerFrame(f) })));
    expect(t.posts[0]!.filter((f) => f.decoded?.ok === false)).toHaveLength(3);
  });

  it('[RELAY-3] a big frame is decoded here too and sent in slices after what came before it; binary frames pass raw', () => {
    const t = setup(100);
    const orders = Array.from({ length: 5_000 }, (_, i) => sampleOrder({ ordId: `O-${i}` }));
    const { info, balance, positions } = sampleAccountSnapshot('A-10001');
    const big = JSON.stringify(
      serverMessages.subscribed(
        's1',
        'account',
        { accountId: 'A-10001' },
        { ...info, ...balance, positions, orders: [], ordersV2: orders },
        0,
      ),
    );
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    t.relay.push(pong('before'));
    t.relay.push(big);
    t.relay.push(bytes);
    t.relay.flush();
    expect(t.sequence).toEqual(['batch', 'head', 'slice', 'slice', 'slice', 'batch']);
    expect(t.parts[0]!.raw).toBe(big);
    expect(t.parts.slice(1).every((p) => p.raw === undefined)).toBe(true);
    const assembler = new TransferAssembler();
    const results = t.parts.map((p) => assembler.add(p.part));
    const decoded = normalizeServerFrame(big);
    expect(decoded.ok).toBe(true);
    expect(results.at(-1)).toEqual(decoded);
    expect(t.posts[1]).toEqual([{ data: bytes }]);
  });

  it('[RELAY-4] flush (before a close) posts what is held at once and cancels the timer; an empty flush posts nothing', () => {
    const t = setup();
    t.relay.push(pong('x'));
    t.relay.flush();
    expect(t.posts).toHaveLength(1);
    expect(t.clock.due[0]!.cleared).toBe(true);
    t.relay.flush();
    t.clock.fire();
    expect(t.posts).toHaveLength(1);
  });
});
