/**
 * Figures for the diagnostics and record/replay feature, in Node:
 *   npx tsx scripts/diagnostics-figures.ts [--events 100000]
 * - per-message cost of the diagnostics listener tee (vs the bare listener),
 * - recording cost per frame and file bytes per frame,
 * - replay throughput at `max` through the real AccountSocket + dispatcher + stores.
 * Bounded: one pass of N events each; loopback nothing, no server.
 */
import { performance } from 'node:perf_hooks';
import { serverMessages, type InboundMessage } from '../src/protocol';
import { normalizeServerFrame } from '../src/protocol/normalize';
import { AccountSocket } from '../src/socket/account-socket';
import { createDispatcher } from '../src/socket/dispatcher';
import { SessionDiagnostics } from '../src/tools/diagnostics/session-diagnostics';
import { Recorder } from '../src/tools/recording/recorder';
import { parseRecording } from '../src/tools/recording/recording-format';
import { ReplayPlayer } from '../src/tools/recording/replay-player';
import { newsStore } from '../src/stores/news/store';
import { FakeWebSocket } from '../src/testing/fake-websocket';
import type { SocketListener } from '../src/socket/types';

const arg = process.argv.indexOf('--events');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;

const article = (i: number) =>
  JSON.stringify(
    serverMessages.update(
      'news',
      i + 1,
      {
        type: 'article',
        data: {
          id: `n-${i}`,
          headline: `Headline number ${i} moves the market`,
          summary: 'A summary of ordinary length for a news article in the feed.',
          source: 'Wire',
          url: `https://news.example.com/a/${i}`,
          symbols: ['AAPL', 'MSFT'],
          topics: ['earnings'],
          publishedAt: new Date(1_795_958_700_000 + i).toISOString(),
        },
      },
      1_795_958_700_000 + i,
    ),
  );
const frames = Array.from({ length: N }, (_, i) => article(i));

// 1. The listener tee: what every message pays for diagnostics.
{
  const msgs: InboundMessage[] = frames
    .slice(0, 1000)
    .map(() => ({ kind: 'update', topic: 'news', update: {} }) as unknown as InboundMessage);
  const bare: SocketListener = { onState() {}, onMessage() {}, onDrop() {} };
  const diag = new SessionDiagnostics({
    user: 'bench',
    mode: 'live',
    socketUrl: 'ws://x',
    baseWebSocket: FakeWebSocket,
  });
  const tee = diag.listen(bare);
  const meta = { receivedAt: 0, connectionId: 1 };
  const run = (l: SocketListener) => {
    const t0 = performance.now();
    for (let r = 0; r < N / 1000; r++) for (const m of msgs) l.onMessage(m, meta);
    return performance.now() - t0;
  };
  run(bare);
  run(tee); // warm-up
  const b = run(bare);
  const t = run(tee);
  console.log(
    `listener tee: ${(((t - b) * 1e6) / N).toFixed(0)} ns/message extra (bare ${((b * 1e6) / N).toFixed(0)} ns, tee ${((t * 1e6) / N).toFixed(0)} ns, ${N} messages)`,
  );
  diag.dispose();
}

// 2. Recording: redaction + one JSON line per frame.
let text: string;
{
  let now = 0;
  const rec = new Recorder({ now: () => now, maxBytes: 1e12 });
  rec.start();
  rec.outbound(
    JSON.stringify({ type: 'subscribe', id: 'sub-1', payload: { topic: 'news', params: {} } }),
    1,
  );
  rec.inbound(
    JSON.stringify(serverMessages.subscribed('sub-1', 'news', {}, { articles: [] }, 0)),
    1,
  );
  const t0 = performance.now();
  for (const f of frames) {
    now += 1;
    rec.inbound(f, 1);
  }
  const ms = performance.now() - t0;
  rec.stop();
  // The baseline every received frame costs anyway, measured in the same run (same load).
  const n0 = performance.now();
  for (const f of frames) normalizeServerFrame(f);
  const normMs = performance.now() - n0;
  text = rec.fileParts()!.join('');
  const raw = frames.reduce((a, f) => a + f.length, 0);
  console.log(
    `recording: ${((ms * 1e6) / N).toFixed(0)} ns/frame; file ${(text.length / N).toFixed(0)} B/frame for ${(raw / N).toFixed(0)} B frames; ${(text.length / 1024 / 1024).toFixed(1)} MB for ${N} frames (cap 20 MB ≈ ${Math.floor((20 * 1024 * 1024) / (text.length / N)).toLocaleString('en-US')} such frames); normalising the same frame costs ${((normMs * 1e6) / N).toFixed(0)} ns`,
  );
}

// 3. Replay at max speed through AccountSocket → dispatcher → news store.
await (async () => {
  const recording = parseRecording(text);
  const player = new ReplayPlayer(recording);
  player.setSpeed('max');
  const dispatcher = createDispatcher();
  const socket = new AccountSocket({
    url: 'replay:bench',
    getToken: async () => 'replay',
    listener: dispatcher,
    WebSocketImpl: player.WebSocketImpl,
    environment: null,
    log: () => {},
  });
  socket.subscribe({ topic: 'news', params: {} });
  const t0 = performance.now();
  socket.start();
  while (player.progress().status !== 'finished') await new Promise((r) => setTimeout(r, 5));
  dispatcher.flush();
  const ms = performance.now() - t0;
  const held = newsStore.getState();
  console.log(
    `replay at max: ${N} frames in ${ms.toFixed(0)} ms = ${Math.round(N / (ms / 1000)).toLocaleString('en-US')} frames/s through the socket, dispatcher and news store (${Object.keys(held).length ? 'store written' : 'store empty'})`,
  );
  socket.stop();
  dispatcher.dispose();
})();
process.exit(0);
