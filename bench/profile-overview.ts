/**
 * Where the page's main thread spends a returning trader's reload of the overview (session and
 * account cache kept), on a phone-sized screen with the CPU slowed 4× as Lighthouse's mobile
 * run assumes: a trace of the reload, its long tasks, each with the trace events and the
 * JavaScript functions (sampled, inclusive time) that held it, and the LCP element and time.
 * A diagnostic, not a bench: it has no budget.
 *
 *   npm run build && npx tsx bench/profile-overview.ts [--dist dist] [--slowdown 4] [--tasks 6]
 *       [--grep 'functionName|…'] [--wait 8000] [--min 50]
 *   npx tsx bench/profile-overview.ts --trace saved-trace.json --scale 4
 *
 * --scale 4 reads an unthrottled trace (Lighthouse's) as its simulation does: a task is long
 * when 4× its CPU time passes 50 ms; CPU time, unlike wall time, barely moves with machine load.
 */
import { readFileSync } from 'node:fs';
import { startServer } from '../server/index';
import { ACCOUNT, arg, launch, numArg, signIn } from './lib';

const slowdown = numArg('slowdown', 4);
const taskCount = numArg('tasks', 6);
const dist = arg('dist', 'dist');

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of an X event, µs: what contention for the cores does not inflate. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
};
type CpuNode = {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
};

type RunTaskKey = string;
const shortUrl = (url: string | undefined) => (url ?? '').split('/').pop() ?? '';

/** Sampled stacks of the renderer's main thread: [time µs, leaf node id], and the node tree. */
function samplesOf(events: TraceEvent[], pid: number, tid: number) {
  const nodes = new Map<number, CpuNode>();
  const samples: Array<[number, number]> = [];
  let t = 0;
  const chunks = events.filter(
    (e) => (e.name === 'Profile' || e.name === 'ProfileChunk') && e.pid === pid,
  );
  const profileIds = new Set(
    chunks.filter((e) => e.name === 'Profile' && e.tid === tid).map((e) => e.id),
  );
  for (const e of chunks) {
    if (!profileIds.has(e.id)) continue;
    const data = e.args?.data as {
      startTime?: number;
      cpuProfile?: { nodes?: CpuNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    if (e.name === 'Profile') t = data.startTime ?? t;
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    (data.cpuProfile?.samples ?? []).forEach((id, i) => {
      t += data.timeDeltas?.[i] ?? 0;
      samples.push([t, id]);
    });
  }
  return { nodes, samples };
}

/** The long tasks of the page's main thread in a trace, and what held each. */
function analyse(events: TraceEvent[]): void {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The page's renderer: the main thread that ran the most tasks.
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !mains.some((m) => m.pid === e.pid && m.tid === e.tid)) continue;
    const k = `${e.pid}:${e.tid}`;
    byThread.set(k, [...(byThread.get(k) ?? []), e]);
  }
  const [key, mainEvents] = [...byThread].sort((a, b) => b[1].length - a[1].length)[0]!;
  const [pid, tid] = key.split(':').map(Number) as [number, number];
  const tasks = mainEvents.filter((e) => e.name === 'RunTask');
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === pid)?.ts ?? tasks[0]!.ts;
  // --scale N: a task is long when N × its CPU time is over 50 ms (Lighthouse's simulation).
  const scale = numArg('scale', 1);
  const long = tasks.filter((e) =>
    e.ts < nav
      ? false
      : scale > 1
        ? (e.tdur ?? 0) * scale > 50_000
        : (e.dur ?? 0) > numArg('min', 50) * 1000,
  );
  const tbt = long.reduce((s, e) => s + (e.dur! / 1000 - 50), 0);
  // The same sum from CPU time, scaled as Lighthouse's simulation scales an unthrottled trace
  // (--scale 4 for a Lighthouse trace): steadier than wall time on a shared machine.
  const after = tasks.filter((e) => e.ts >= nav && e.tdur !== undefined);
  const cpuBlocking = after.reduce((s, e) => s + Math.max(0, (e.tdur! * scale) / 1000 - 50), 0);
  const cpuTotal = after.reduce((s, e) => s + e.tdur! / 1000, 0);
  console.log(
    `main-thread CPU in tasks: ${cpuTotal.toFixed(0)} ms; blocking from CPU time ×${scale}: ${cpuBlocking.toFixed(0)} ms; ` +
      `longest ${(Math.max(0, ...after.map((e) => e.tdur!)) / 1000).toFixed(0)} ms CPU`,
  );
  const { nodes, samples } = samplesOf(events, pid, tid);
  console.log(
    `long tasks after navigation: ${long.length}, blocking sum ${tbt.toFixed(0)} ms: ` +
      long
        .map((e) => `${((e.ts - nav) / 1000).toFixed(0)}+${(e.dur! / 1000).toFixed(0)}`)
        .join('  '),
  );
  const pattern = arg('grep', '');
  if (pattern) {
    // Where the named functions ran, task by task: [task start, task ms, function's inclusive ms].
    const re = new RegExp(pattern);
    const hits = new Map<string, Array<[number, number]>>();
    let prev = samples[0]?.[0] ?? 0;
    for (const [ts, id] of samples) {
      const dt = (ts - prev) / 1000;
      prev = ts;
      const seen = new Set<string>();
      for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        const name = n.callFrame.functionName;
        if (!re.test(name) || seen.has(name)) continue;
        seen.add(name);
        const list = hits.get(name) ?? [];
        list.push([ts, dt]);
        hits.set(name, list);
      }
    }
    for (const [name, list] of hits) {
      const perTask = new Map<RunTaskKey, number>();
      for (const [ts, dt] of list) {
        const t = tasks.find((e) => e.ts <= ts && ts < e.ts + e.dur!);
        const k: RunTaskKey = t
          ? `${((t.ts - nav) / 1000).toFixed(0)}+${(t.dur! / 1000).toFixed(0)}`
          : '?';
        perTask.set(k, (perTask.get(k) ?? 0) + dt);
      }
      console.log(
        `  ${name}: ` +
          [...perTask].map(([k, ms]) => `${ms.toFixed(0)} ms in task ${k}`).join(', '),
      );
    }
  }
  for (const task of [...long].sort((a, b) => b.dur! - a.dur!).slice(0, taskCount)) {
    const end = task.ts + task.dur!;
    const inside = mainEvents.filter((e) => e !== task && e.ts >= task.ts && e.ts < end);
    const byName = new Map<string, number>();
    for (const e of inside) {
      if (e.dur === undefined || e.dur < 3_000) continue;
      const d = e.args?.data ?? {};
      const what =
        (d.functionName as string) || (d.type as string) || (d.url ? shortUrl(String(d.url)) : '');
      const k = `${e.name}${what ? ` ${what}` : ''}`;
      byName.set(k, (byName.get(k) ?? 0) + e.dur / 1000);
    }
    const inclusive = new Map<string, number>();
    let prev = task.ts;
    for (const [ts, id] of samples) {
      if (ts < task.ts || ts >= end) continue;
      const dt = (ts - prev) / 1000;
      prev = ts;
      const seen = new Set<string>();
      for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        const f = n.callFrame;
        const name = `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber}`;
        if (seen.has(name) || name.startsWith('(root)')) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
      }
    }
    console.log(
      `\n  task at ${((task.ts - nav) / 1000).toFixed(0)} ms, ${(task.dur! / 1000).toFixed(0)} ms (${((task.tdur ?? 0) / 1000).toFixed(0)} ms CPU)`,
    );
    for (const [k, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 10))
      console.log(`    event ${ms.toFixed(0).padStart(5)}  ${k}`);
    for (const [k, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 14))
      console.log(`    js    ${ms.toFixed(0).padStart(5)}  ${k}`);
  }
}

const traceFile = arg('trace', '');
if (traceFile) {
  const t = JSON.parse(readFileSync(traceFile, 'utf8')) as { traceEvents: TraceEvent[] };
  analyse(t.traceEvents);
  process.exit(0);
}
const server = await startServer({ port: 0, staticDir: dist, simRate: 0 }, { log: () => {} });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  await page.addInitScript(`
    window.__lcp = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push(Math.round(e.startTime) + ' ms ' + (e.element ? e.element.tagName + ' "' + (e.element.textContent || '').slice(0, 50) + '"' : '?')); }).observe({ type: 'largest-contentful-paint', buffered: true });
  `);
  await signIn(page, server.httpUrl, `/?account=${ACCOUNT}`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'disabled-by-default-v8.cpu_profiler',
      'blink.user_timing',
      'loading',
    ],
  });
  await page.goto(`${server.httpUrl}/`);
  // A fixed wait, not a polling one: polling the page would show up in its trace.
  await page.waitForTimeout(numArg('wait', 8_000));
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  const status = await page.getByTestId('connection-status').textContent();
  const lcp = (await page.evaluate('window.__lcp')) as string[];
  console.log(`\nstatus at the end: ${status ?? '?'}; ${slowdown}× CPU`);
  console.log(`LCP candidates: ${lcp.join(' | ')}`);
  analyse(trace.traceEvents);
} finally {
  await browser.close();
  await server.close();
}
