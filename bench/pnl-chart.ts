/**
 * The P&L chart: a year of 1-minute candles from the click to the painted chart (the first
 * screen, then the whole range, which the page asks for in two steps), the frames while the
 * year loads, then live candle updates at 20/s (price moves on a held symbol) and their frames.
 *
 * The `limit` line, in the same run: the null client (null-client.ts) receiving and parsing the
 * same range of 1-minute candles in a worker and painting once.
 *
 *   npm run bench:pnl
 */
import {
  ACCOUNT,
  launch,
  ms,
  percentile,
  probeScript,
  readProbe,
  resetProbe,
  signIn,
  SMOKE,
  startBenchServer,
  verdict,
} from './lib';
import type { Page } from '@playwright/test';
import { openNullClient } from './null-client';

const range = SMOKE ? '1M' : '1Y';

const countOf = async (page: Page) =>
  Number((await page.getByTestId('pnl-count').textContent())?.replace(/,/g, ''));
/** When the page showed each step (performance.now()), recorded in the page. */
type Steps = { first?: number; firstCount?: number; whole?: number };

const server = await startBenchServer();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
let firstScreen: number;
let firstCount: number;
let painted: number;
let candles: number;
let loadFrames: number[];
let loadLongest: number;
let frames: number[];
let updates: number;
let resets: number;
let connection: string;
let limit: number;
try {
  await page.addInitScript(probeScript(false));
  await signIn(page, server.httpUrl, `/pnl?account=${ACCOUNT}&range=${range}&interval=1d`);
  await page.getByTestId('pnl-chart').locator('canvas').first().waitFor();
  const chart = page.getByTestId('pnl-chart');
  const dailyCount = await countOf(page);
  await resetProbe(page);
  // Timed in the page: this process also runs the server, whose event loop is busy building
  // the year while the page already shows the first screen, so Playwright's own polling
  // would report late.
  // (A string, not a function: tsx would wrap named functions in a helper the page lacks.)
  await page.evaluate(`(() => {
    const daily = ${dailyCount};
    const steps = (window.__pnlSteps = {});
    const count = () =>
      Number(document.querySelector('[data-testid="pnl-count"]')?.textContent?.replace(/,/g, ''));
    const watch = () => {
      const n = count();
      if (steps.first === undefined && n > 0 && n !== daily) {
        steps.first = performance.now();
        steps.firstCount = n;
      }
      if (steps.first !== undefined && n > 5000 && !document.querySelector('[data-testid="pnl-partial"]'))
        steps.whole = performance.now();
      if (steps.whole === undefined) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  })()`);
  const clicked = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: '1m', exact: true }).click();
  const steps = () => page.evaluate(() => (window as unknown as { __pnlSteps: Steps }).__pnlSteps);
  await page.waitForFunction(
    () => (window as unknown as { __pnlSteps: Steps }).__pnlSteps.whole !== undefined,
    undefined,
    { timeout: 60_000 },
  );
  const { first, whole, firstCount: n } = await steps();
  firstScreen = first! - clicked;
  painted = whole! - clicked;
  firstCount = n!;
  candles = await countOf(page);
  const loading = await readProbe(page);
  loadFrames = loading.frames;
  loadLongest = Math.max(0, ...loading.longTasks.map((t) => t.ms));

  await resetProbe(page);
  const before = Number((await chart.getAttribute('data-updates')) ?? 0);
  const end = Date.now() + (SMOKE ? 1000 : 5000);
  let px = 150;
  while (Date.now() < end) {
    px += 0.01;
    server.sim.setPrice('NVDA', px.toFixed(2));
    await new Promise((r) => setTimeout(r, 50));
  }
  await page.waitForTimeout(200);
  frames = (await readProbe(page)).frames;
  updates = Number((await chart.getAttribute('data-updates')) ?? 0) - before;
  resets = Number((await chart.getAttribute('data-resets')) ?? 0);
  connection = (await page.getByTestId('connection-status').textContent()) ?? '';
  // The floor after the app (its page closed), so both read candles the server has built.
  await page.close();
  const floorPage = await browser.newPage();
  await floorPage.addInitScript(probeScript(true));
  const days = range === '1Y' ? 365 : 31;
  limit = await openNullClient(floorPage, server, {
    topic: 'pnl',
    params: {
      accountId: ACCOUNT,
      interval: '1m',
      startTime: new Date(Date.now() - days * 86_400_000).toISOString(),
    },
  });
  await floorPage.close();
} finally {
  await browser.close();
  await server.close();
}

const worst = Math.max(...frames);
console.log(`\nP&L chart, ${range} of 1-minute candles\n`);
console.log(
  `  click "1m" → first screen (${firstCount.toLocaleString('en-US')} candles) painted: ${ms(firstScreen)}`,
);
console.log(
  `  click "1m" → whole range (${candles.toLocaleString('en-US')} candles) applied and painted: ${ms(painted)} (includes the server building and sending it)`,
);
console.log(
  `  limit (null client: socket open → the same range parsed in a worker → painted): ${ms(limit)}; the app takes ${(painted / limit).toFixed(1)}× (target 1.2×)`,
);
console.log(
  `  while it loaded: frames median ${ms(percentile(loadFrames, 50))}, p99 ${ms(percentile(loadFrames, 99))}, max ${ms(Math.max(...loadFrames))}; longest task ${ms(loadLongest)}`,
);
console.log(
  `  live updates: ${updates} series.update calls in ${SMOKE ? 1 : 5} s; frames median ${ms(percentile(frames, 50))}, p99 ${ms(percentile(frames, 99))}, max ${ms(worst)}`,
);
console.log(
  `  chart redraws (setData) since the page opened: ${resets}; connection: ${connection}`,
);
console.log('\nBudgets:');
console.log(
  verdict(
    `${range} of 1-minute candles: first screen painted ≤ 1 s`,
    firstScreen <= 1000,
    ms(firstScreen),
  ),
);
console.log(
  verdict(
    `${range} of 1-minute candles: the whole range painted ≤ 1 s (budget is for 1Y)`,
    painted <= 1000,
    ms(painted),
  ),
);
console.log(
  verdict('live candles at 20/s with no frame over 50 ms', worst <= 50, `worst frame ${ms(worst)}`),
);
if (SMOKE && !(firstCount > 0 && candles > firstCount && updates > 0)) {
  console.error('smoke: no candles or no live updates');
  process.exit(1);
}
