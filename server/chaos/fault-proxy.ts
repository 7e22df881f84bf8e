/**
 * A fault-injecting WebSocket proxy for chaos tests: clients connect to it, it connects each
 * one to the real server and forwards frames both ways, and, while faults are on, a seeded RNG
 * decides per server frame whether to delay it (order kept), inject a malformed or unknown
 * frame before it, stall the link past the client's ping deadline, or drop the connection.
 * It knows nothing of the protocol beyond "frames"; the malformed frames are fixed strings.
 */
import { WebSocketServer, WebSocket } from 'ws';
import { createRng } from '../sim/rng';

export type FaultOptions = {
  seed: number;
  /** Per server frame. */
  dropChance?: number;
  stallChance?: number;
  injectChance?: number;
  /** Extra delay per frame, uniform in [0, maxDelayMs]; frames keep their order. */
  maxDelayMs?: number;
  /** How long a stall holds everything (both directions). Must exceed the client's pong timeout. */
  stallMs?: number;
};

export type FaultStats = {
  connections: number;
  forwarded: number;
  delayed: number;
  injected: number;
  stalls: number;
  drops: number;
};

export const INJECTED_FRAMES = [
  '{"type":"event", oops',
  '[1,2,3]',
  '{"type":"mystery","payload":{}}',
  '{"type":"event","timestamp":"2026-11-24T15:00:00Z","payload":{"action":"update","topic":"account","seq":1,"type":"order","data":{"bogus":true}}}',
  '{"type":"event","timestamp":"2026-11-24T15:00:00Z","payload":{"action":"teleport","data":{}}}',
  '',
];

export type FaultProxy = {
  url: string;
  stats: FaultStats;
  /** Turn faults on or off (off: a transparent proxy, for the final convergence). */
  setFaults(on: boolean): void;
  close(): Promise<void>;
};

export async function startFaultProxy(
  upstreamUrl: string,
  opts: FaultOptions,
): Promise<FaultProxy> {
  const rng = createRng(opts.seed);
  const stats: FaultStats = {
    connections: 0,
    forwarded: 0,
    delayed: 0,
    injected: 0,
    stalls: 0,
    drops: 0,
  };
  let faults = true;
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const address = wss.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  wss.on('connection', (client) => {
    stats.connections += 1;
    const upstream = new WebSocket(upstreamUrl);
    const pendingUp: string[] = [];
    let stalledUntil = 0;
    let lastDelivery = 0; // when the previous server frame is due, so delays keep order
    let closed = false;

    const closeBoth = (abrupt: boolean) => {
      if (closed) return;
      closed = true;
      if (abrupt) {
        client.terminate();
        upstream.terminate();
      } else {
        client.close();
        upstream.close();
      }
    };
    const toClient = (data: string, at: number) => {
      const send = () => {
        if (!closed && client.readyState === WebSocket.OPEN) client.send(data);
      };
      const wait = at - Date.now();
      if (wait > 0) setTimeout(send, wait);
      else send();
    };

    upstream.on('open', () => {
      for (const m of pendingUp.splice(0)) upstream.send(m);
    });
    client.on('message', (raw) => {
      // A stalled link swallows the client's frames too (its pings get no pongs).
      if (Date.now() < stalledUntil) return;
      // ws hands over Buffers; the protocol is text frames only.
      const data = String(raw);
      if (upstream.readyState === WebSocket.OPEN) upstream.send(data);
      else pendingUp.push(data);
    });
    upstream.on('message', (raw) => {
      const data = String(raw);
      const now = Date.now();
      if (faults) {
        const r = rng.next();
        if (r < (opts.dropChance ?? 0)) {
          stats.drops += 1;
          return closeBoth(rng.next() < 0.5);
        }
        if (r < (opts.dropChance ?? 0) + (opts.stallChance ?? 0) && now >= stalledUntil) {
          stats.stalls += 1;
          stalledUntil = now + (opts.stallMs ?? 1500);
        }
        if (rng.next() < (opts.injectChance ?? 0)) {
          stats.injected += 1;
          toClient(
            INJECTED_FRAMES[Math.floor(rng.next() * INJECTED_FRAMES.length)]!,
            Math.max(now, lastDelivery),
          );
        }
      }
      const delay = faults ? Math.floor(rng.next() * (opts.maxDelayMs ?? 0)) : 0;
      if (delay > 0) stats.delayed += 1;
      // During a stall nothing arrives; what the server sent then arrives late, in order.
      lastDelivery = Math.max(lastDelivery, now + delay, stalledUntil);
      stats.forwarded += 1;
      toClient(data, lastDelivery);
    });
    client.on('close', () => closeBoth(false));
    upstream.on('close', () => closeBoth(false));
    client.on('error', () => closeBoth(true));
    upstream.on('error', () => closeBoth(true));
  });

  return {
    url: `ws://127.0.0.1:${port}`,
    stats,
    setFaults(on) {
      faults = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
