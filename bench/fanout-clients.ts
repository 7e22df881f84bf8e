/**
 * A worker thread of bench/server-fanout.ts: a share of its client sockets, kept off the
 * server's event loop so that receiving and parsing 20,000 frames a second does not count as
 * server time. Each connection authenticates, subscribes to `account`, then notes when every
 * update arrives, by `seq`. The parent sends the emit times at the end; delays are worked out
 * here so that nothing crosses threads while the server is being measured.
 */
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { clientMessages } from '../src/protocol';

export type ClientsInit = {
  wsUrl: string;
  token: string;
  accountId: string;
  /** Index of this worker's first connection, so ids stay unique across workers. */
  first: number;
  count: number;
};
export type ToClients = { kind: 'finish'; emittedAt: Float64Array; waitMs: number };
export type FromClients =
  | { kind: 'ready'; connectMs: number }
  | { kind: 'failed'; message: string }
  | {
      kind: 'result';
      /** Receive time − emit time of every update that arrived in order, ms. */
      delays: Float64Array;
      received: number;
      /** Updates whose seq was not the next one expected (a gap, a repeat, or a seq no emit matches). */
      outOfOrder: number;
      /** Updates the server emitted that never arrived. */
      missing: number;
      /** Sockets the server closed before the end. */
      closed: number;
      lastReceivedAt: number;
    };

// Epoch ms with sub-ms resolution; the parent uses the same, and both derive from one clock.
const clock = () => performance.timeOrigin + performance.now();

const init = workerData as ClientsInit;
const port = parentPort!;
const post = (m: FromClients, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

type Client = { ws: WebSocket; receivedAt: number[]; outOfOrder: number; closed: boolean };
const clients: Client[] = [];
let received = 0;
let lastReceivedAt = 0;

function connect(i: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(init.wsUrl);
    const client: Client = { ws, receivedAt: [], outOfOrder: 0, closed: false };
    ws.on('error', reject);
    ws.on('close', () => (client.closed = true));
    ws.on('open', () => ws.send(JSON.stringify(clientMessages.auth(`a${i}`, init.token))));
    ws.on('message', (raw) => {
      // Stamped before parsing: the parse is the client's cost, not the server's delay.
      const at = clock();
      const msg = JSON.parse(String(raw)) as { payload?: { action?: string; seq?: number } };
      const action = msg.payload?.action;
      if (action === 'update') {
        received += 1;
        lastReceivedAt = at;
        if (msg.payload?.seq === client.receivedAt.length + 1) client.receivedAt.push(at);
        else client.outOfOrder += 1;
      } else if (action === 'authSuccess') {
        ws.send(
          JSON.stringify(
            clientMessages.subscribe(`s${i}`, 'account', { accountId: init.accountId }),
          ),
        );
      } else if (action === 'subscribed') resolve(client);
      else reject(new Error(`connection ${i}: unexpected ${String(raw).slice(0, 200)}`));
    });
  });
}

async function finish(emittedAt: Float64Array, waitMs: number): Promise<void> {
  const expected = emittedAt.length;
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline && clients.some((c) => !c.closed && c.receivedAt.length < expected))
    await new Promise((r) => setTimeout(r, 20));
  const delays: number[] = [];
  let outOfOrder = 0;
  let missing = 0;
  let closed = 0;
  for (const c of clients) {
    outOfOrder += c.outOfOrder;
    if (c.closed) closed += 1;
    missing += Math.max(0, expected - c.receivedAt.length);
    c.receivedAt.forEach((at, k) => {
      // A seq beyond what was emitted means the two sides disagree on numbering.
      if (k < expected) delays.push(at - emittedAt[k]!);
      else outOfOrder += 1;
    });
  }
  const out = Float64Array.from(delays);
  post({ kind: 'result', delays: out, received, outOfOrder, missing, closed, lastReceivedAt }, [
    out.buffer,
  ]);
}

port.on('message', (m: ToClients) => {
  if (m.kind === 'finish') void finish(m.emittedAt, m.waitMs);
});

try {
  const t0 = Date.now();
  // In batches, as a real fleet would reconnect; 500 simultaneous handshakes is not the test.
  for (let i = 0; i < init.count; i += 50) {
    const batch = Array.from({ length: Math.min(50, init.count - i) }, (_, k) =>
      connect(init.first + i + k),
    );
    clients.push(...(await Promise.all(batch)));
  }
  post({ kind: 'ready', connectMs: Date.now() - t0 });
} catch (e) {
  post({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
}
