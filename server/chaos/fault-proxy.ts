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

/** The fault mix of the chaos runs (Node and Chromium), tuned for a socket pinging every 300 ms. */
export const CHAOS_FAULT_MIX: Omit<FaultOptions, 'seed'> = {
  dropChance: 0.004,
  stallChance: 0.002,
  injectChance: 0.02,
  maxDelayMs: 30,
  stallMs: 900,
};

/** What to do with one server frame on a link. */
export type FrameFate =
  | { drop: true; abrupt: boolean }
  | { drop: false; deliverAt: number; inject?: { frame: string; at: number } };

/** One connection's faults: stalls and the delivery order are per link. */
export type FaultLink = {
  /** A stalled link swallows the client's frames too (its pings get no pongs). */
  clientPasses(now: number): boolean;
  serverFrame(now: number): FrameFate;
};

export type Faults = {
  stats: FaultStats;
  /** Turn faults on or off (off: transparent, for the final convergence). */
  setFaults(on: boolean): void;
  link(): FaultLink;
};

/**
 * The seeded fault decisions, apart from any transport: one RNG for every link, so a seed
 * replays the same run. The proxy below and the Chromium chaos spec (a Playwright WebSocket
 * route) both apply them.
 */
export function createFaults(opts: FaultOptions): Faults {
  const rng = createRng(opts.seed);
  const stats: FaultStats = {
    connections: 0,
    forwarded: 0,
    delayed: 0,
    injected: 0,
    stalls: 0,
    drops: 0,
  };
  let on = true;
  return {
    stats,
    setFaults(v) {
      on = v;
    },
    link() {
      stats.connections += 1;
      let stalledUntil = 0;
      let lastDelivery = 0; // when the previous server frame is due, so delays keep order
      return {
        clientPasses: (now) => now >= stalledUntil,
        serverFrame(now) {
          let inject: { frame: string; at: number } | undefined;
          if (on) {
            const r = rng.next();
            if (r < (opts.dropChance ?? 0)) {
              stats.drops += 1;
              return { drop: true, abrupt: rng.next() < 0.5 };
            }
            if (r < (opts.dropChance ?? 0) + (opts.stallChance ?? 0) && now >= stalledUntil) {
              stats.stalls += 1;
              stalledUntil = now + (opts.stallMs ?? 1500);
            }
            if (rng.next() < (opts.injectChance ?? 0)) {
              stats.injected += 1;
              const frame = INJECTED_FRAMES[Math.floor(rng.next() * INJECTED_FRAMES.length)]!;
              inject = { frame, at: Math.max(now, lastDelivery) };
            }
          }
          const delay = on ? Math.floor(rng.next() * (opts.maxDelayMs ?? 0)) : 0;
          if (delay > 0) stats.delayed += 1;
          // During a stall nothing arrives; what the server sent then arrives late, in order.
          lastDelivery = Math.max(lastDelivery, now + delay, stalledUntil);
          stats.forwarded += 1;
          return inject
            ? { drop: false, deliverAt: lastDelivery, inject }
            : { drop: false, deliverAt: lastDelivery };
        },
      };
    },
  };
}

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
  const faults = createFaults(opts);
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const address = wss.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  wss.on('connection', (client) => {
    const link = faults.link();
    const upstream = new WebSocket(upstreamUrl);
    const pendingUp: string[] = [];
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
      if (!link.clientPasses(Date.now())) return;
      // ws hands over Buffers; the protocol is text frames only.
      const data = String(raw);
      if (upstream.readyState === WebSocket.OPEN) upstream.send(data);
      else pendingUp.push(data);
    });
    upstream.on('message', (raw) => {
      const fate = link.serverFrame(Date.now());
      if (fate.drop) return closeBoth(fate.abrupt);
      if (fate.inject) toClient(fate.inject.frame, fate.inject.at);
      toClient(String(raw), fate.deliverAt);
    });
    client.on('close', () => closeBoth(false));
    upstream.on('close', () => closeBoth(false));
    client.on('error', () => closeBoth(true));
    upstream.on('error', () => closeBoth(true));
  });

  return {
    url: `ws://127.0.0.1:${port}`,
    stats: faults.stats,
    setFaults: faults.setFaults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
