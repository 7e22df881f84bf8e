/**
 * The embedded server under many clients: N authenticated sockets each subscribed to
 * `account`, and order lifecycles on that account at a rate that offers `aggregate` update
 * frames per second in total (events × subscribers).
 *
 * The server runs alone on this thread's event loop. The clients run in `--client-threads`
 * worker threads (bench/fanout-clients.ts), so receiving and parsing frames is not charged to
 * the server; on a 2-core machine they still compete with it for CPU, so the figures remain an
 * upper bound on what the server alone would show.
 *
 * Fan-out delay, per frame = when that frame was received by its client socket (before the
 * client parses it) − when the simulator emitted the event, i.e. when the gateway's simulator
 * listener was entered, before any connection's work for it. It therefore includes the
 * server's loop over all N connections, the events queued ahead of it, the kernel, and the
 * client thread's own lag in reading. The frame is matched to its event by the subscription's
 * `seq`: with no account events before the burst, seq k on every connection is the k-th event.
 * The envelope `timestamp` is not used: it is stamped as each connection sends, so it leaves
 * out the time the frame spent behind the others.
 * Also shown: the server's hand-off time per event (emit → the last socket's send() returned).
 *
 * The burst is paced by the wall clock (`catchUp`), so a server that falls behind shows up as
 * delay; the aggregate rate is frames received ÷ (last receive − first emit).
 *
 *   npm run bench:fanout -- --connections 500 --aggregate 20000 --seconds 10 --client-threads 2
 */
import { Worker } from 'node:worker_threads';
import { startServer } from '../server/index';
import { ACCOUNT_MESSAGES_PER_ORDER_EVENT, startBurst } from '../server/sim/burst';
import type { SimEvent } from '../server/sim/types';
import type { ClientsInit, FromClients, ToClients } from './fanout-clients';
import { ACCOUNT, ms, numArg, percentile, SMOKE, verdict } from './lib';

const connections = numArg('connections', SMOKE ? 20 : 500);
const aggregate = numArg('aggregate', SMOKE ? 1000 : 20_000);
const seconds = numArg('seconds', SMOKE ? 1 : 10);
const clientThreads = Math.max(1, Math.min(connections, numArg('client-threads', SMOKE ? 1 : 2)));

const clock = () => performance.timeOrigin + performance.now();

const server = await startServer(
  { port: 0, control: true, simRate: 0, maxSubscriptions: 64 },
  { log: () => {} },
);
const token = await server.issueToken('u-1001');

// Workers do not inherit tsx's loader on Node 20, so each registers it before loading the .ts.
const tsxApi = import.meta.resolve('tsx/esm/api');
const clientsUrl = new URL('./fanout-clients.ts', import.meta.url).href;
function startClients(init: ClientsInit): Worker {
  const boot = `import(${JSON.stringify(tsxApi)}).then((t) => { t.register(); return import(${JSON.stringify(clientsUrl)}); })`;
  return new Worker(boot, { eval: true, workerData: init });
}
function next(w: Worker): Promise<FromClients> {
  return new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
}

const workers = Array.from({ length: clientThreads }, (_, t) => {
  const first = Math.floor((t * connections) / clientThreads);
  const count = Math.floor(((t + 1) * connections) / clientThreads) - first;
  return startClients({ wsUrl: server.wsUrl, token, accountId: ACCOUNT, first, count });
});
const readies = await Promise.all(workers.map(next));
for (const r of readies) if (r.kind === 'failed') throw new Error(`clients: ${r.message}`);
const connectMs = Math.max(...readies.map((r) => (r.kind === 'ready' ? r.connectMs : 0)));

// The gateway's simulator listener calls `this.route(event)` as the event is emitted, so this
// wrapper sees the emit before any connection does, and sees when the last send() returned.
const emittedAt: number[] = [];
const handedOffMs: number[] = [];
const route = server.gateway.route.bind(server.gateway);
const isAccountFrame = (e: SimEvent) =>
  (e.kind === 'order' || e.kind === 'position' || e.kind === 'balance' || e.kind === 'info') &&
  e.accountId === ACCOUNT;
server.gateway.route = (event: SimEvent) => {
  if (!isAccountFrame(event)) return route(event);
  const at = clock();
  emittedAt.push(at);
  route(event);
  // ws's send() hands the frame to the socket synchronously, so by now every subscriber has it.
  handedOffMs.push(clock() - at);
};

const burst = await startBurst(server.sim, {
  accountId: ACCOUNT,
  ratePerSec: aggregate / connections / ACCOUNT_MESSAGES_PER_ORDER_EVENT,
  durationMs: seconds * 1000,
  catchUp: true,
}).done;
const emitted = Float64Array.from(emittedAt);
const results = await Promise.all(
  workers.map((w) => {
    const reply = next(w);
    w.postMessage({ kind: 'finish', emittedAt: emitted, waitMs: 5000 } satisfies ToClients);
    return reply;
  }),
);
const liveAtEnd = server.connections();
await Promise.all(workers.map((w) => w.terminate()));
await server.close();

let received = 0;
let outOfOrder = 0;
let missing = 0;
let closed = 0;
let lastReceivedAt = 0;
const delays: number[] = [];
for (const r of results) {
  if (r.kind !== 'result') throw new Error(`clients: unexpected ${r.kind}`);
  received += r.received;
  outOfOrder += r.outOfOrder;
  missing += r.missing;
  closed += r.closed;
  lastReceivedAt = Math.max(lastReceivedAt, r.lastReceivedAt);
  for (const d of r.delays) delays.push(d);
}
const firstEmit = emittedAt[0] ?? 0;
const windowS = (lastReceivedAt - firstEmit) / 1000;
const offeredPerSec = (emittedAt.length * connections) / seconds;
const receivedPerSec = windowS > 0 ? received / windowS : 0;
const p99 = percentile(delays, 99);
const pcts = (v: number[]) =>
  `p50 ${ms(percentile(v, 50))}, p95 ${ms(percentile(v, 95))}, p99 ${ms(percentile(v, 99))}, max ${ms(percentile(v, 100))}`;

console.log(
  `\nServer fan-out: ${connections} connections over ${clientThreads} client thread(s), ${seconds} s\n`,
);
console.log(`  connect + auth + subscribe all: ${connectMs} ms`);
console.log(
  `  events emitted: ${emittedAt.length} account frames (${burst.orderEvents} order events) → offered ${offeredPerSec.toFixed(0)} frames/s aggregate`,
);
console.log(
  `  frames received: ${received} (${receivedPerSec.toFixed(0)}/s aggregate, first emit → last receive); missing ${missing}, out of order ${outOfOrder}, sockets closed ${closed}, connected at end ${liveAtEnd}`,
);
console.log(`  fan-out delay (emit → client receive): ${pcts(delays)}`);
console.log(
  `  server hand-off per event (emit → last socket's send() returned): ${pcts(handedOffMs)}`,
);
console.log(
  verdict(
    `p99 fan-out delay ≤ 50 ms at ${aggregate}/s aggregate, nothing lost`,
    p99 <= 50 && receivedPerSec >= aggregate * 0.9 && missing === 0 && outOfOrder === 0,
    `${ms(p99)} at ${receivedPerSec.toFixed(0)}/s`,
  ),
);
if (SMOKE && (received === 0 || missing > 0 || outOfOrder > 0)) {
  console.error('smoke: frames were lost, reordered, or none arrived');
  process.exit(1);
}
