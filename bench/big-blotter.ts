/**
 * The blotter with 100,000 orders: sign-in → snapshot applied and painted, DOM rows, frame
 * intervals while scrolling through it, then live account events on that big book (each new
 * order changes the row count, which is what a windowing library recomputed per row).
 *
 * The `limit` line, in the same run: the null client (null-client.ts) receiving and parsing the
 * same snapshot in a worker and painting once.
 *
 *   npm run bench:blotter -- --orders 100000 [--live-rate 1000]
 */
import { ACCOUNT_MESSAGES_PER_ORDER_EVENT, startBurst } from '../server/sim/burst';
import {
  ACCOUNT,
  launch,
  ms,
  numArg,
  percentile,
  probeScript,
  readProbe,
  resetProbe,
  SMOKE,
  startBenchServer,
  verdict,
} from './lib';
import { openNullClient } from './null-client';

const orders = numArg('orders', SMOKE ? 2_000 : 100_000);
/** Account messages per second on the big book after the load. */
const liveRate = numArg('live-rate', 1_000);
const LIVE_SECONDS = SMOKE ? 1 : 8;

const server = await startBenchServer();
// Four order events per order (place, accept, half fill, fill); no client is connected yet.
// The generator runs as fast as the simulator allows, in slices, until the book is big enough.
while (server.sim.accountSnapshot(ACCOUNT).orders.length < orders) {
  await startBurst(server.sim, { accountId: ACCOUNT, ratePerSec: 100_000, durationMs: 2_000 }).done;
}
const count = server.sim.accountSnapshot(ACCOUNT).orders.length;
const snapshotBytes = JSON.stringify(server.sim.accountSnapshot(ACCOUNT)).length;

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
let painted: number;
let rows: number;
let scroll: number[];
let loadTasks: number[];
let loadFrames: number[];
let live: { received: number; applied: number; latencies: number[]; frames: number[] };
let limit: number;
try {
  // The floor first, on the same book, then closed so it costs the app nothing.
  const floorPage = await browser.newPage();
  await floorPage.addInitScript(probeScript(true));
  limit = await openNullClient(floorPage, server);
  await floorPage.close();
  await page.addInitScript(probeScript(false));
  await page.goto(`${server.httpUrl}/orders?account=${ACCOUNT}&status=all`);
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password').fill('demo');
  await resetProbe(page);
  const clicked = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByTestId('orders-shown')
    .filter({ hasText: count.toLocaleString('en-US') })
    .waitFor({ timeout: 60_000 });
  await page.locator('tbody tr[data-ordid]').first().waitFor();
  painted =
    (await page.evaluate(
      () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))),
    )) - clicked;
  rows = await page.locator('tbody tr').count();
  const load = await readProbe(page);
  loadTasks = load.longTasks.filter((t) => t.at >= clicked).map((t) => t.ms);
  loadFrames = load.frames;
  const region = page.getByRole('region', { name: /scrollable/ });
  await region.hover();
  await resetProbe(page);
  const end = Date.now() + (SMOKE ? 1000 : 5000);
  while (Date.now() < end) await page.mouse.wheel(0, 1200);
  scroll = (await readProbe(page)).frames;
  rows = Math.max(rows, await page.locator('tbody tr').count());
  await region.evaluate((el) => el.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await resetProbe(page);
  await startBurst(server.sim, {
    accountId: ACCOUNT,
    ratePerSec: liveRate / ACCOUNT_MESSAGES_PER_ORDER_EVENT,
    durationMs: LIVE_SECONDS * 1000,
    catchUp: true,
  }).done;
  await page.waitForTimeout(500);
  live = await readProbe(page);
} finally {
  await browser.close();
  await server.close();
}

console.log(
  `\nBlotter with ${count.toLocaleString('en-US')} orders (snapshot ${(snapshotBytes / 1e6).toFixed(1)} MB of JSON)\n`,
);
console.log(
  `  sign-in click → snapshot applied and first rows painted: ${ms(painted)} (includes auth and transfer)`,
);
console.log(
  `  while it loaded: longest main-thread task ${ms(Math.max(0, ...loadTasks))} (${loadTasks.length} over 50 ms), longest frame ${ms(Math.max(0, ...loadFrames))}`,
);
console.log(
  `  limit (null client: socket open → same snapshot parsed in a worker → painted): ${ms(limit)}; the app takes ${(painted / limit).toFixed(1)}× (target 1.2×)`,
);
console.log(`  table rows in the DOM: ${rows}`);
console.log(
  `  scrolling: frame interval median ${ms(percentile(scroll, 50))}, p95 ${ms(percentile(scroll, 95))}, max ${ms(Math.max(...scroll))} over ${scroll.length} frames`,
);
console.log(
  `  live on the big book, ${liveRate}/s for ${LIVE_SECONDS} s: received ${live.received}, applied ${live.applied}; event-to-paint p50 ${ms(percentile(live.latencies, 50))}, p99 ${ms(percentile(live.latencies, 99))}; frames median ${ms(percentile(live.frames, 50))}, p99 ${ms(percentile(live.frames, 99))}`,
);
console.log('\nBudgets:');
console.log(verdict('snapshot applied and painted ≤ 1.5 s', painted <= 1500, ms(painted)));
console.log(
  verdict(
    'scrolling median frame ≤ 20 ms',
    percentile(scroll, 50) <= 20,
    ms(percentile(scroll, 50)),
  ),
);
console.log(
  verdict(
    'page keeps responding while it loads: no task over 200 ms',
    Math.max(0, ...loadTasks) <= 200,
    ms(Math.max(0, ...loadTasks)),
  ),
);
console.log(verdict('fewer than 200 row elements', rows < 200, String(rows)));
if (SMOKE && !(live.received > 0 && live.applied === live.received)) {
  console.error('smoke: live events on the book were lost or none arrived');
  process.exit(1);
}
