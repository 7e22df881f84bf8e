/**
 * Where the page's main thread spends a big account snapshot: a CPU profile from the sign-in
 * click to the first painted rows, summed by function (self time), heaviest first. `(idle)` is
 * time the page waited on the socket worker. A diagnostic, not a bench: it has no budget.
 *
 *   npm run build && npx tsx bench/profile-snapshot.ts [--orders 100000] [--top 25]
 */
import { startBurst } from '../server/sim/burst';
import { ACCOUNT, launch, numArg, startBenchServer } from './lib';

const orders = numArg('orders', 100_000);
const top = numArg('top', 25);

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
};
type Profile = {
  nodes: Array<Node & { children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
};

const nameOf = (n: Node) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber}`;

/**
 * The longest stretches of back-to-back busy samples (a long task, near enough), each with the
 * functions that held most of it, counting a function once per sample wherever it is on the
 * stack (inclusive time).
 */
function busiestStretches(p: Profile, count: number): string[] {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const idle = new Set(
    p.nodes
      .filter((n) => ['(idle)', '(program)'].includes(n.callFrame.functionName))
      .map((n) => n.id),
  );
  const stretches: Array<{ ms: number; samples: Array<[number, number]> }> = [];
  let current: { ms: number; samples: Array<[number, number]> } | undefined;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    if (idle.has(id)) {
      current = undefined;
      return;
    }
    if (!current) stretches.push((current = { ms: 0, samples: [] }));
    current.ms += dt;
    current.samples.push([id, dt]);
  });
  return stretches
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((st) => {
      const inclusive = new Map<string, number>();
      for (const [id, dt] of st.samples) {
        const seen = new Set<string>();
        for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
          const name = nameOf(byId.get(n)!);
          if (seen.has(name)) continue;
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
        }
      }
      const heavy = [...inclusive]
        .filter(([name]) => !name.startsWith('(root)'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([name, ms]) => `      ${ms.toFixed(0).padStart(6)}  ${name}`);
      return [`  ${st.ms.toFixed(0)} ms busy:`, ...heavy].join('\n');
    });
}

/** Self time per function, in ms, heaviest first. */
function selfTimes(p: Profile): Array<[string, number]> {
  const byNode = new Map<number, number>();
  p.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const n of p.nodes) {
    const key = nameOf(n);
    byName.set(key, (byName.get(key) ?? 0) + (byNode.get(n.id) ?? 0) / 1000);
  }
  return [...byName].sort((a, b) => b[1] - a[1]);
}

const server = await startBenchServer();
while (server.sim.accountSnapshot(ACCOUNT).orders.length < orders) {
  await startBurst(server.sim, { accountId: ACCOUNT, ratePerSec: 100_000, durationMs: 2_000 }).done;
}
const count = server.sim.accountSnapshot(ACCOUNT).orders.length;
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${server.httpUrl}/orders?account=${ACCOUNT}&status=all`);
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password').fill('demo');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByTestId('orders-shown')
    .filter({ hasText: count.toLocaleString('en-US') })
    .waitFor({ timeout: 120_000 });
  await page.locator('tbody tr[data-ordid]').first().waitFor();
  const elapsed = Date.now() - t0;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const total = selfTimes(profile);
  console.log(`\n${count.toLocaleString('en-US')} orders painted ${elapsed} ms after the click`);
  console.log(`\nPage main thread, self time (ms):`);
  for (const [name, t] of total.slice(0, top))
    console.log(`  ${t.toFixed(0).padStart(7)}  ${name}`);
  console.log(`\nLongest busy stretches (inclusive ms per function):`);
  for (const stretch of busiestStretches(profile, 3)) console.log(stretch);
} finally {
  await browser.close();
  await server.close();
}
