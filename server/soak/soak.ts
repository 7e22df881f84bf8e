/**
 * The soak run: many authenticated clients on loopback against the embedded server in a child
 * process (soak-server.ts, --expose-gc) while its simulator runs at a high rate. The server's
 * heap is sampled after forced GC once warm-up is over and then every `sampleEverySec`; the
 * verdict compares the last sample with the warm-up one against `heapBoundBytes`.
 *
 * Clients are a realistic mix: every one follows an account (4 of 5 of user demo, split over
 * its two accounts, 1 of 5 of user other), every 4th the news firehose, every 5th a P&L series,
 * every 10th its watchlists. `churnPerSec` clients leave and are replaced each second, which is
 * where per-connection state leaks. Every frame a client receives is checked for another
 * user's account, and every 50th is run through the client's own validator.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { clientMessages } from '../../src/protocol';
import { normalizeServerFrame } from '../../src/protocol/normalize';
import type { SoakServerReady, SoakServerSample } from './soak-server';

export type SoakOptions = {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Simulator steps per second (each fans out to every subscriber of what it touched). */
  simRate: number;
  churnPerSec: number;
  sampleEverySec: number;
  heapBoundBytes: number;
  log?: (line: string) => void;
};

export type SoakReport = {
  options: Omit<SoakOptions, 'log'>;
  connectMs: number;
  connectionsAtEnd: number;
  churned: number;
  unexpectedCloses: string[];
  leaks: string[];
  invalidFrames: string[];
  messages: number;
  messagesPerSec: number;
  fanoutMs: { p50: number; p99: number; max: number };
  simEvents: number;
  ordersPlaced: number;
  warmup: SoakServerSample;
  end: SoakServerSample;
  samples: Array<{ atSec: number } & SoakServerSample>;
  maxBufferedBytes: number;
  heapGrowthBytes: number;
  ok: boolean;
};

const USERS = {
  demo: { accounts: ['A-10001', 'A-10002'], foreign: 'A-20001' },
  other: { accounts: ['A-20001'], foreign: 'A-1000' },
} as const;
type User = keyof typeof USERS;

/** Fan-out delays in 1 ms buckets: percentiles without keeping every sample. */
class Histogram {
  private readonly buckets = new Uint32Array(60_001);
  count = 0;
  max = 0;
  add(ms: number): void {
    const b = Math.min(60_000, Math.max(0, Math.round(ms)));
    this.buckets[b]! += 1;
    this.count += 1;
    this.max = Math.max(this.max, b);
  }
  percentile(p: number): number {
    let seen = 0;
    const want = Math.ceil((p / 100) * this.count);
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= want && want > 0) return i;
    }
    return 0;
  }
}

class ServerProcess {
  private waiting = new Map<string, (msg: unknown) => void>();
  private constructor(private readonly child: ChildProcess) {
    child.on('message', (msg: { type: string }) => {
      const w = this.waiting.get(msg.type);
      this.waiting.delete(msg.type);
      w?.(msg);
    });
  }

  static async start(simRate: number): Promise<{ proc: ServerProcess; ready: SoakServerReady }> {
    const entry = fileURLToPath(new URL('./soak-server.ts', import.meta.url));
    const child = fork(entry, [String(simRate)], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const proc = new ServerProcess(child);
    const ready = await proc.next<SoakServerReady>('ready', 30_000);
    return { proc, ready };
  }

  next<T>(type: string, timeoutMs = 30_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`soak server exited (${code})`));
      const t = setTimeout(() => reject(new Error(`soak server: no ${type} in time`)), timeoutMs);
      this.child.once('exit', onExit);
      this.waiting.set(type, (msg) => {
        clearTimeout(t);
        this.child.off('exit', onExit);
        resolve(msg as T);
      });
    });
  }

  async sample(): Promise<SoakServerSample> {
    const answer = this.next<{ sample: SoakServerSample }>('sample');
    this.child.send({ type: 'sample' });
    return (await answer).sample;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const stopped = this.next('stopped', 10_000).catch(() => undefined);
    this.child.send({ type: 'stop' });
    await stopped;
    if (this.alive) this.child.kill();
  }
}

type Client = { ws: WebSocket; user: User; index: number; leaving: boolean };

export async function runSoak(opts: SoakOptions): Promise<SoakReport> {
  const log = opts.log ?? (() => {});
  const { proc, ready } = await ServerProcess.start(opts.simRate);
  const tokens: Record<User, string> = { demo: '', other: '' };
  for (const user of Object.keys(USERS) as User[]) {
    const res = await fetch(`${ready.httpUrl}/v1/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password: user }),
    });
    tokens[user] = ((await res.json()) as { access_token: string }).access_token;
  }

  const fanout = new Histogram();
  const unexpectedCloses: string[] = [];
  const leaks: string[] = [];
  const invalidFrames: string[] = [];
  let messages = 0;
  let received = 0;
  let measuring = false;
  let stopping = false;
  const clients = new Set<Client>();

  function open(index: number): Promise<Client> {
    const user: User = index % 5 === 4 ? 'other' : 'demo';
    const accounts = USERS[user].accounts;
    const accountId = accounts[index % accounts.length]!;
    const ws = new WebSocket(ready.wsUrl);
    const client: Client = { ws, user, index, leaving: false };
    const wanted: Array<[string, object]> = [['account', { accountId }]];
    if (index % 4 === 0) wanted.push(['news', {}]);
    if (index % 5 === 0)
      wanted.push([
        'pnl',
        { accountId, startTime: new Date(Date.now() - 600_000).toISOString(), interval: '1m' },
      ]);
    if (index % 10 === 0) wanted.push(['watchlist', {}]);
    let acks = 0;
    return new Promise((resolve, reject) => {
      ws.once('error', reject);
      ws.on('open', () => ws.send(JSON.stringify(clientMessages.auth(`a${index}`, tokens[user]))));
      ws.on('message', (raw) => {
        const text = String(raw);
        received += 1;
        if (measuring) messages += 1;
        if (text.includes(USERS[user].foreign))
          leaks.push(`${user}#${index}: ${text.slice(0, 200)}`);
        if (received % 50 === 0 && !normalizeServerFrame(text).ok)
          invalidFrames.push(text.slice(0, 200));
        const msg = JSON.parse(text) as { timestamp?: string; payload?: { action?: string } };
        const action = msg.payload?.action;
        if (action === 'update') {
          if (measuring) fanout.add(Date.now() - Date.parse(msg.timestamp ?? ''));
        } else if (action === 'authSuccess') {
          wanted.forEach(([topic, params], k) =>
            ws.send(
              JSON.stringify({
                type: 'subscribe',
                id: `s${index}-${k}`,
                payload: { topic, params },
              }),
            ),
          );
        } else if (action === 'subscribed' && ++acks === wanted.length) {
          resolve(client);
        } else if (action === 'error') {
          reject(new Error(`client ${index}: ${text}`));
        }
      });
      ws.on('close', (code, reason) => {
        clients.delete(client);
        if (!client.leaving && !stopping)
          unexpectedCloses.push(`${user}#${index}: ${code} ${String(reason)}`);
      });
    });
  }

  let nextIndex = 0;
  const t0 = Date.now();
  // In batches, as a fleet of traders' browsers would arrive, not all in one instant.
  while (nextIndex < opts.connections) {
    const batch = Math.min(25, opts.connections - nextIndex);
    const opened = await Promise.allSettled(Array.from({ length: batch }, () => open(nextIndex++)));
    for (const o of opened) {
      if (o.status === 'fulfilled') clients.add(o.value);
      else unexpectedCloses.push(`connect: ${String(o.reason)}`);
    }
  }
  const connectMs = Date.now() - t0;
  log(`${clients.size} clients connected, authenticated and subscribed in ${connectMs} ms`);

  let churned = 0;
  let churnOwed = 0;
  const arriving = new Set<Promise<unknown>>();
  const churn = setInterval(() => {
    // Arrivals slower than departures (a loaded machine) would shrink the fleet: wait for them.
    if (arriving.size >= Math.max(2, opts.churnPerSec * 2)) return;
    churnOwed += opts.churnPerSec;
    const leaving = [...clients].filter((c) => !c.leaving).slice(0, Math.floor(churnOwed));
    churnOwed -= leaving.length;
    for (const c of leaving) {
      c.leaving = true;
      c.ws.close(1000, 'churn');
      churned += 1;
      const arrival = open(nextIndex++)
        .then((n) => clients.add(n))
        .catch((e: unknown) => unexpectedCloses.push(`churn reconnect: ${String(e)}`))
        .finally(() => arriving.delete(arrival));
      arriving.add(arrival);
    }
  }, 1000);

  await sleep(opts.warmupSeconds * 1000);
  const warmup = await proc.sample();
  log(`warm-up over: server heap ${mb(warmup.heapUsed)}, rss ${mb(warmup.rss)}`);
  const samples: SoakReport['samples'] = [];
  measuring = true;
  const measuredFrom = Date.now();
  const steadyMs = (opts.seconds - opts.warmupSeconds) * 1000;
  let maxBufferedBytes = warmup.maxBufferedBytes;
  for (;;) {
    const left = measuredFrom + steadyMs - Date.now();
    if (left <= 0) break;
    await sleep(Math.min(left, opts.sampleEverySec * 1000));
    if (!proc.alive) break;
    const s = await proc.sample();
    maxBufferedBytes = Math.max(maxBufferedBytes, s.maxBufferedBytes);
    const atSec = Math.round((Date.now() - t0) / 1000);
    samples.push({ atSec, ...s });
    log(
      `t=${atSec}s heap ${mb(s.heapUsed)} rss ${mb(s.rss)} connections ${s.connections} msgs ${messages} max buffered ${s.maxBufferedBytes} B`,
    );
  }
  measuring = false;
  const elapsed = (Date.now() - measuredFrom) / 1000;
  // The last sample once churn has settled: every leaver gone, every arrival subscribed.
  clearInterval(churn);
  await Promise.all(arriving);
  for (let i = 0; i < 50; i++) {
    const s = await proc.sample();
    maxBufferedBytes = Math.max(maxBufferedBytes, s.maxBufferedBytes);
    if (s.connections === clients.size) break;
    await sleep(100);
  }
  const end = await proc.sample();
  maxBufferedBytes = Math.max(maxBufferedBytes, end.maxBufferedBytes);
  const connectionsAtEnd = clients.size;

  stopping = true;
  for (const c of clients) c.ws.terminate();
  await proc.stop();

  const heapGrowthBytes = end.heapUsed - warmup.heapUsed;
  const report: SoakReport = {
    options: {
      connections: opts.connections,
      seconds: opts.seconds,
      warmupSeconds: opts.warmupSeconds,
      simRate: opts.simRate,
      churnPerSec: opts.churnPerSec,
      sampleEverySec: opts.sampleEverySec,
      heapBoundBytes: opts.heapBoundBytes,
    },
    connectMs,
    connectionsAtEnd,
    churned,
    unexpectedCloses,
    leaks,
    invalidFrames,
    messages,
    messagesPerSec: messages / elapsed,
    fanoutMs: { p50: fanout.percentile(50), p99: fanout.percentile(99), max: fanout.max },
    simEvents: end.simEvents - warmup.simEvents,
    ordersPlaced: end.orders - warmup.orders,
    warmup,
    end,
    samples,
    maxBufferedBytes,
    heapGrowthBytes,
    ok: false,
  };
  report.ok =
    heapGrowthBytes <= opts.heapBoundBytes &&
    unexpectedCloses.length === 0 &&
    leaks.length === 0 &&
    invalidFrames.length === 0 &&
    connectionsAtEnd === opts.connections &&
    end.connections === opts.connections &&
    messages > 0;
  return report;
}

export function formatSoakReport(r: SoakReport): string {
  const o = r.options;
  const lines = [
    `Soak: ${o.connections} connections, ${o.seconds} s (${o.warmupSeconds} s warm-up), sim ${o.simRate} steps/s, churn ${o.churnPerSec}/s, on ${cpuLine()}`,
    `  connect + auth + subscribe all: ${r.connectMs} ms; connections at end: ${r.connectionsAtEnd} clients / ${r.end.connections} on the server (fewest in any sample: ${Math.min(...r.samples.map((x) => x.connections), r.end.connections)}); churned ${r.churned}`,
    `  sim events: ${r.simEvents} (${r.ordersPlaced} new orders); messages delivered: ${r.messages} (${r.messagesPerSec.toFixed(0)}/s aggregate)`,
    `  fan-out delay (client receipt − server stamp): p50 ${r.fanoutMs.p50} ms, p99 ${r.fanoutMs.p99} ms, max ${r.fanoutMs.max} ms`,
    `  server heap after GC: warm-up ${mb(r.warmup.heapUsed)}, end ${mb(r.end.heapUsed)}, growth ${mb(r.heapGrowthBytes)} (bound ${mb(o.heapBoundBytes)})${r.end.gcForced ? '' : ' [GC not forced!]'}`,
    `  server rss: warm-up ${mb(r.warmup.rss)}, end ${mb(r.end.rss)}; max bufferedAmount of any socket: ${r.maxBufferedBytes} B`,
    `  unexpected closes: ${r.unexpectedCloses.length}; cross-user frames: ${r.leaks.length}; invalid frames (1 in 50 checked): ${r.invalidFrames.length}`,
    ...r.unexpectedCloses.slice(0, 5).map((l) => `    close: ${l}`),
    ...r.leaks.slice(0, 5).map((l) => `    leak: ${l}`),
    ...r.invalidFrames.slice(0, 5).map((l) => `    invalid: ${l}`),
    `  verdict: ${r.ok ? 'PASS' : 'FAIL'}`,
  ];
  return lines.join('\n');
}

function cpuLine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}`;
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
