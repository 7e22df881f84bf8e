/**
 * The embedded server alone in a child process, for the soak run: its heap is then the
 * server's own, not the clients' or the test runner's. Run with --expose-gc so every sample is
 * taken after a full collection (garbage is not growth). Speaks to its parent over IPC:
 * `ready` once listening; `sample` → memory and gateway figures; `stop` → graceful close.
 */
import { startServer } from '../index';

export type SoakServerSample = {
  heapUsed: number;
  rss: number;
  external: number;
  connections: number;
  /** Largest `bufferedAmount` of any socket seen since the previous sample. */
  maxBufferedBytes: number;
  simEvents: number;
  orders: number;
  gcForced: boolean;
};
export type SoakServerReady = { type: 'ready'; wsUrl: string; httpUrl: string };

const simRate = Number(process.argv[2] ?? 50);
const server = await startServer(
  // The 5 s auth deadline is pinned elsewhere ([AUTH-1]); here, on shared cores, a batch of
  // arrivals may queue past it, which would measure the machine rather than the server.
  { port: 0, host: '127.0.0.1', control: false, simRate, authTimeoutMs: 60_000 },
  { log: (m) => console.error(`[soak-server] ${m}`) },
);
let simEvents = 0;
let orders = 0;
server.sim.subscribe((e) => {
  simEvents += 1;
  if (e.kind === 'order' && e.order.ordStatus === 'PENDING_NEW') orders += 1;
});
let maxBuffered = 0;
// Sampled often enough to catch a backlog between the simulator's 20 ms ticks.
setInterval(() => {
  for (const c of server.gateway.connections)
    maxBuffered = Math.max(maxBuffered, c.socket.bufferedAmount);
}, 10).unref();

function sample(): SoakServerSample {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  const s = {
    heapUsed: m.heapUsed,
    rss: m.rss,
    external: m.external,
    connections: server.connections(),
    maxBufferedBytes: maxBuffered,
    simEvents,
    orders,
    gcForced: gc !== undefined,
  };
  maxBuffered = 0;
  return s;
}

process.on('message', (msg: { type: string }) => {
  if (msg.type === 'sample') process.send?.({ type: 'sample', sample: sample() });
  if (msg.type === 'stop')
    void server.close().then(() => process.send?.({ type: 'stopped' }, () => process.exit(0)));
});
// An orphaned child must not outlive its parent (a crashed test run).
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready', wsUrl: server.wsUrl, httpUrl: server.httpUrl } as SoakServerReady);
