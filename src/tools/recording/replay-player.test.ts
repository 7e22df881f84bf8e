import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serverMessages, type InboundMessage } from '../../protocol';
import { FakeWebSocket } from '../../testing/fake-websocket';
import { AccountSocket, type WebSocketCtor } from '../../socket/account-socket';
import type { ConnectionState, MessageMeta } from '../../socket/types';
import { Recorder } from './recorder';
import { parseRecording } from './recording-format';
import { ReplayPlayer } from './replay-player';
import { tapWebSocket } from './tap-websocket';

const TOKEN =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEwMDEiLCJhdWQiOiJhY2NvdW50cy13cyJ9.c2lnbmF0dXJlLXBhcnQtMTIz';

function app(WebSocketImpl: WebSocketCtor) {
  const messages: InboundMessage[] = [];
  const metas: MessageMeta[] = [];
  const drops: string[] = [];
  const states: ConnectionState[] = [];
  const socket = new AccountSocket({
    url: 'ws://127.0.0.1/v1/accounts/ws',
    getToken: async () => TOKEN,
    listener: {
      onState: (s) => states.push(s),
      onMessage: (m, meta) => {
        messages.push(m);
        metas.push(meta);
      },
      onDrop: (r) => drops.push(r),
    },
    WebSocketImpl,
    environment: null,
    random: () => 0,
    log: () => {},
  });
  socket.subscribe({ topic: 'watchlist', params: {} });
  return { socket, messages, metas, drops, states };
}

const added = (seq: number, symbol: string) =>
  serverMessages.update(
    'watchlist',
    seq,
    { type: 'symbolAdded', data: { watchlistId: 1, watchlistName: 'Tech', symbol } },
    Date.now(),
  );

/** Plays a small live session (two connections, an invalid frame) with the recorder on. */
async function recordSession() {
  FakeWebSocket.reset();
  const rec = new Recorder();
  rec.start();
  const live = app(
    tapWebSocket(FakeWebSocket, {
      opened: (c) => rec.opened(c),
      inbound: (d, c) => rec.inbound(d, c),
      outbound: (t, c) => rec.outbound(t, c),
      closed: (c, code, reason) => rec.closed(c, code, reason),
    }),
  );
  live.socket.start();
  for (let conn = 1; conn <= 2; conn++) {
    const ws = FakeWebSocket.latest();
    ws.open();
    await vi.advanceTimersByTimeAsync(5);
    ws.receive(
      serverMessages.authSuccess(
        ws.lastSent('request').id,
        { userId: 'u-1', expiresAt: Date.now() + 3_600_000 },
        Date.now(),
      ),
    );
    const sub = ws.lastSent('subscribe');
    await vi.advanceTimersByTimeAsync(20);
    ws.receive(
      serverMessages.subscribed(
        sub.id,
        'watchlist',
        {},
        { watchlists: [{ id: 1, name: 'Tech', symbols: ['AAPL'] }] },
        Date.now(),
      ),
    );
    for (let i = 1; i <= 3; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      ws.receive(added(i, `S${conn}${i}`));
    }
    if (conn === 1) {
      ws.receive('{"type":"event", oops');
      await vi.advanceTimersByTimeAsync(500);
      ws.serverClose(1012, 'dropped by control API');
      await vi.advanceTimersByTimeAsync(1000); // backoff (random 0 → 0.5 s)
    }
  }
  rec.stop();
  live.socket.stop();
  const text = rec.fileParts()!.join('');
  return { live, text };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-11-25T09:30:00Z'));
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const shape = (m: InboundMessage) =>
  m.kind === 'update' || m.kind === 'subscribed' ? { ...m, id: undefined } : { kind: m.kind };

describe('record and replay', () => {
  it('[REPLAY-1] a recording replays through the same socket path: same messages, same drops, same reconnect, no token in the file', async () => {
    const { live, text } = await recordSession();
    expect(text).not.toContain(TOKEN);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]*/);
    const recording = parseRecording(text);
    expect(recording.entries.some((e) => e.d === 'close' && e.code === 1012)).toBe(true);

    const player = new ReplayPlayer(recording, { now: () => Date.now() });
    const replay = app(player.WebSocketImpl);
    replay.socket.start();
    await vi.advanceTimersByTimeAsync(20_000);

    expect(player.progress().status).toBe('finished');
    const liveData = live.messages.filter((m) => m.kind === 'update' || m.kind === 'subscribed');
    const replayData = replay.messages.filter(
      (m) => m.kind === 'update' || m.kind === 'subscribed',
    );
    expect(replayData.map(shape)).toEqual(liveData.map(shape));
    expect(replayData).toHaveLength(8);
    expect(replay.drops).toEqual(live.drops);
    expect(replay.drops).toEqual(['not-json']);
    // The recorded drop came back as a reconnect, with its recorded reason.
    const reconnecting = replay.states.find((s) => s.status === 'reconnecting');
    expect(reconnecting?.reason).toContain('dropped by control API');
    expect(replay.socket.getState().status).toBe('subscribed');
    expect(player.progress().sockets).toBe(2);
    replay.socket.stop();
  });

  it('[REPLAY-2] original timing at 1×, ten times faster at 10×, everything at once at max', async () => {
    const { text } = await recordSession();
    const recording = parseRecording(text);
    const run = async (speed: 1 | 10 | 'max', ms: number) => {
      const player = new ReplayPlayer(recording, { now: () => Date.now() });
      player.setSpeed(speed);
      const replay = app(player.WebSocketImpl);
      replay.socket.start();
      await vi.advanceTimersByTimeAsync(ms);
      const n = replay.messages.filter((m) => m.kind === 'update').length;
      replay.socket.stop();
      return n;
    };
    // The first connection's updates come 1, 2 and 3 s after its snapshot.
    expect(await run(1, 1_500)).toBe(1);
    expect(await run(1, 3_200)).toBe(3);
    expect(await run(10, 320)).toBe(3);
    expect(await run('max', 10)).toBe(3); // up to the recorded reconnect, which takes the app's backoff
  });

  it('[REPLAY-3] an ack waits for the app to ask for its stream, and is dropped as live would if it never does', async () => {
    const { text } = await recordSession();
    const recording = parseRecording(text);
    // The app subscribes late (its account list was still loading).
    const late = new ReplayPlayer(recording, { now: () => Date.now(), holdMs: 2000 });
    const replay = app(late.WebSocketImpl);
    replay.socket.unsubscribe('watchlist');
    replay.socket.start();
    await vi.advanceTimersByTimeAsync(800);
    expect(replay.messages.filter((m) => m.kind === 'subscribed')).toHaveLength(0);
    replay.socket.subscribe({ topic: 'watchlist', params: {} });
    await vi.advanceTimersByTimeAsync(100);
    expect(replay.messages.filter((m) => m.kind === 'subscribed')).toHaveLength(1);
    replay.socket.stop();

    // Never asked: after the hold the ack is delivered as recorded and ignored by the socket;
    // its updates reach the dispatcher with no subscription, which ignores and counts them,
    // exactly as live does for a stream nobody asked for.
    const never = new ReplayPlayer(recording, { now: () => Date.now(), holdMs: 2000 });
    const other = app(never.WebSocketImpl);
    other.socket.unsubscribe('watchlist');
    other.socket.start();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(never.progress().status).toBe('finished');
    expect(other.messages.filter((m) => m.kind === 'subscribed')).toEqual([]);
    expect(other.metas.filter((m) => m.subscriptionKey !== undefined)).toEqual([]);
    other.socket.stop();
  });
});
