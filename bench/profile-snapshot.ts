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
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/** Self time per function, in ms, heaviest first. */
function selfTimes(p: Profile): Array<[string, number]> {
  const byNode = new Map<number, number>();
  p.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const n of p.nodes) {
    const file = n.callFrame.url.split('/').pop() ?? '';
    const key = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber}`;
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
} finally {
  await browser.close();
  await server.close();
}
