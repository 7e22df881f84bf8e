/**
 * What every benchmark needs: the embedded server serving the built app, Debian's Chromium
 * driven by Playwright, a sign-in, an in-page probe, and percentiles. Loopback only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server/index';
import { SOCKET_THREAD_SETTING } from '../src/socket/worker-socket/default-websocket';

export const ACCOUNT = 'A-10001';

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
export const numArg = (name: string, fallback: number) => Number(arg(name, String(fallback)));
export const SMOKE = process.argv.includes('--smoke');

export async function startBenchServer(): Promise<RunningServer> {
  if (!existsSync('dist/index.html')) throw new Error('bench needs the built app: npm run build');
  return startServer(
    // Slow-consumer limit raised so the naive baseline is measured, not disconnected.
    { port: 0, staticDir: 'dist', control: true, simRate: 0, maxBufferedBytes: 512 * 1024 * 1024 },
    { log: () => {} },
  );
}

export async function launch(): Promise<Browser> {
  const path =
    process.env.CHROMIUM_PATH ??
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    ...(path ? { executablePath: path } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
}

export async function signIn(page: Page, base: string, path: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('connection-status').getByText('Live').waitFor();
  await page.mouse.move(0, 0);
}

/**
 * An init script that makes the app open its socket on the page's own thread instead of the
 * socket worker (for `routeWebSocket`, which cannot see a worker's sockets, and for the
 * baselines that measure what the worker saves).
 */
export const MAIN_THREAD_SOCKET = `localStorage.setItem(${JSON.stringify(SOCKET_THREAD_SETTING)}, 'main');`;

/**
 * The in-page probe (see src/socket/perf-probe.ts) plus a rAF loop and a long-task observer.
 *
 * Event-to-paint = when the frame showing the update is painted, minus the server's envelope
 * timestamp (both this machine's clock). A store write made inside an animation-frame callback
 * (the batched dispatcher) is rendered by React in a microtask and painted at the end of that
 * same frame, so it is timed in a microtask after the write. A write made in a socket task (the
 * naive baseline) is painted at the next frame, so it is timed at the next rAF.
 */
export function probeScript(naive: boolean): string {
  return `(() => {
    const s = { received: 0, applied: 0, latencies: [], frames: [], longTasks: [], flushes: [], recvLag: [], since: 0 };
    let nextFrame = [];
    let lastFrame = 0;
    let inFrame = 0;
    const epochNow = () => performance.timeOrigin + performance.now();
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((t) => { inFrame++; try { cb(t); } finally { inFrame--; } });
    const loop = (t) => {
      if (lastFrame) s.frames.push(t - lastFrame);
      lastFrame = t;
      if (nextFrame.length) {
        const painted = epochNow();
        for (const at of nextFrame) s.latencies.push(painted - at);
        nextFrame = [];
      }
      raf(loop);
    };
    raf(loop);
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) s.longTasks.push({ at: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    window.__ARIES_PROBE__ = {
      naive: ${naive},
      received(topic, at) { s.received++; if (at !== undefined) s.recvLag.push(epochNow() - at); },
      flushed(ms) { s.flushes.push(ms); },
      applied(topic, times) {
        s.applied += times.length;
        if (topic !== 'account') return;
        const stamped = times.filter((t) => t !== undefined);
        if (inFrame > 0) queueMicrotask(() => { const now = epochNow(); for (const at of stamped) s.latencies.push(now - at); });
        else nextFrame.push(...stamped);
      },
    };
    window.__benchReset = () => {
      s.received = 0; s.applied = 0; s.latencies = []; s.frames = []; s.longTasks = []; s.flushes = []; s.recvLag = [];
      s.since = performance.now(); nextFrame = [];
    };
    window.__benchStats = () => s;
  })();`;
}

export type ProbeStats = {
  received: number;
  applied: number;
  latencies: number[];
  frames: number[];
  longTasks: { at: number; ms: number }[];
  flushes: number[];
  /** Server send → the socket's message handler, ms. */
  recvLag: number[];
  since: number;
};

export const readProbe = (page: Page): Promise<ProbeStats> =>
  page.evaluate(() => (window as unknown as { __benchStats(): ProbeStats }).__benchStats());
/**
 * Just the counts, dropping the samples gathered so far: a long run that read the whole stats
 * object every few seconds serialised ever longer arrays (a million latencies by the end) and
 * slowed itself to a crawl, and the arrays themselves were counted in the page's heap.
 */
export const readCountsAndDropSamples = (
  page: Page,
): Promise<{ received: number; applied: number }> =>
  page.evaluate(() => {
    const s = (window as unknown as { __benchStats(): ProbeStats }).__benchStats();
    for (const samples of [s.latencies, s.frames, s.longTasks, s.flushes, s.recvLag])
      samples.length = 0;
    return { received: s.received, applied: s.applied };
  });
export const resetProbe = (page: Page): Promise<void> =>
  page.evaluate(() => (window as unknown as { __benchReset(): void }).__benchReset());

/** JS heap in MB after a forced GC (CDP). */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');

/** "met" / "NOT MET" with the figure, as the budgets are reported. */
export function verdict(label: string, ok: boolean, figure: string): string {
  return `  ${ok ? 'met    ' : 'NOT MET'}  ${label}: ${figure}`;
}

/** Resolves once `check` is true (polled), or rejects after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const CLOCK_TICKS_PER_SECOND = Number(
  (() => {
    try {
      return execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim();
    } catch {
      return '100';
    }
  })(),
);

/**
 * CPU time (ms, user + system) of every process this one started, from /proc: Chromium's
 * browser, renderer, GPU and utility processes, not this process (the server, the driver).
 * Linux only; NaN elsewhere.
 */
export function childCpuMs(): number {
  if (!existsSync('/proc/self/stat')) return NaN;
  const parentOf = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid … utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we looked.
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p))
      if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, t] of ticks) if (isDescendant(pid)) total += t;
  return (total / CLOCK_TICKS_PER_SECOND) * 1000;
}
