import { describe, expect, it } from 'vitest';
import { serverMessages } from '../../protocol';
import { normalizeServerFrame } from '../../protocol/normalize';
import { FrameRelay } from './frame-relay';
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
  const clock = manualTimers();
  const relay = new FrameRelay(
    (b) => posts.push(unpackBatch(b)),
    clock.timers,
    () => 0,
    4,
    decodeBelowChars,
  );
  return { relay, posts, clock };
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

  it('[RELAY-3] big and non-text frames are passed on raw, for the page to decode in its own way', () => {
    const t = setup(100);
    const big = JSON.stringify({ ...serverMessages.pong('b', 0), pad: 'x'.repeat(200) });
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    t.relay.push(big);
    t.relay.push(bytes);
    t.relay.flush();
    expect(t.posts[0]).toEqual([{ data: big }, { data: bytes }]);
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
