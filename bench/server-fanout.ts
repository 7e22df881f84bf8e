/**
 * The embedded server under many clients: N authenticated sockets each subscribed to
 * `account`, order lifecycles at a rate that makes `aggregate` sends per second in total.
 * Fan-out delay = client receive time − the envelope timestamp the server stamped at send.
 * The clients run in a worker-free child of this process's event loop, so the figure is an
 * upper bound (the same 2 cores run server and clients).
 *
 *   npm run bench:fanout -- --connections 500 --aggregate 20000 --seconds 10
 */
import WebSocket from 'ws';
import { clientMessages } from '../src/protocol';
import { startServer } from '../server/index';
import { startBurst } from '../server/sim/burst';
import { ACCOUNT, ms, numArg, percentile, SMOKE, verdict } from './lib';

const connections = numArg('connections', SMOKE ? 20 : 500);
const aggregate = numArg('aggregate', SMOKE ? 1000 : 20_000);
const seconds = numArg('seconds', SMOKE ? 1 : 10);

const server = await startServer(
  { port: 0, control: true, simRate: 0, maxSubscriptions: 64 },
  { log: () => {} },
);
const token = await server.issueToken('u-1001');
const delays: number[] = [];
let received = 0;
let measuring = false;

function connect(i: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(server.wsUrl);
    ws.on('error', reject);
    ws.on('open', () => ws.send(JSON.stringify(clientMessages.auth(`a${i}`, token))));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { timestamp?: string; payload?: { action?: string } };
      const action = msg.payload?.action;
      if (action === 'authSuccess')
        ws.send(
          JSON.stringify(clientMessages.subscribe(`s${i}`, 'account', { accountId: ACCOUNT })),
        );
      else if (action === 'subscribed') resolve(ws);
      else if (action === 'update' && measuring) {
        received += 1;
        const sentAt = Date.parse(msg.timestamp ?? '');
        if (Number.isFinite(sentAt)) delays.push(Date.now() - sentAt);
      }
    });
  });
}

const t0 = Date.now();
const sockets: WebSocket[] = [];
for (let i = 0; i < connections; i += 50) {
  sockets.push(
    ...(await Promise.all(
      Array.from({ length: Math.min(50, connections - i) }, (_, k) => connect(i + k)),
    )),
  );
}
const connectMs = Date.now() - t0;

// Each order event fans out ~1.75 account messages to every subscriber.
const orderRate = aggregate / connections / 1.75;
measuring = true;
const started = Date.now();
await startBurst(server.sim, {
  accountId: ACCOUNT,
  ratePerSec: orderRate,
  durationMs: seconds * 1000,
}).done;
await new Promise((r) => setTimeout(r, 500));
const elapsed = (Date.now() - started) / 1000;
measuring = false;
for (const ws of sockets) ws.terminate();
await server.close();

const p99 = percentile(delays, 99);
console.log(`\nServer fan-out: ${connections} connections, ${seconds} s\n`);
console.log(`  connect + auth + subscribe all: ${connectMs} ms`);
console.log(`  messages received: ${received} (${(received / elapsed).toFixed(0)}/s aggregate)`);
console.log(
  `  fan-out delay p50 ${ms(percentile(delays, 50))}, p95 ${ms(percentile(delays, 95))}, p99 ${ms(p99)}, max ${ms(percentile(delays, 100))}`,
);
console.log(
  verdict(
    `p99 fan-out delay ≤ 50 ms at ${aggregate}/s aggregate`,
    p99 <= 50 && received / elapsed >= aggregate * 0.9,
    `${ms(p99)} at ${(received / elapsed).toFixed(0)}/s`,
  ),
);
if (SMOKE && received === 0) {
  console.error('smoke: no messages arrived');
  process.exit(1);
}
