/**
 * The P&L chart: a year of 1-minute candles from the click to the painted chart, then live
 * candle updates at 20/s (price moves on a held symbol) and the frames while they arrive.
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

const range = SMOKE ? '1W' : '1Y';
const server = await startBenchServer();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
let painted: number;
let candles: number;
let frames: number[];
let updates: number;
let resets: number;
let connection: string;
try {
  await page.addInitScript(probeScript(false));
  await signIn(page, server.httpUrl, `/pnl?account=${ACCOUNT}&range=${range}&interval=1d`);
  await page.getByTestId('pnl-chart').locator('canvas').first().waitFor();
  const chart = page.getByTestId('pnl-chart');
  const clicked = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: '1m', exact: true }).click();
  await page.waitForFunction(
    () =>
      Number(document.querySelector('[data-testid="pnl-count"]')?.textContent?.replace(/,/g, '')) >
      5000,
    undefined,
    { timeout: 30_000 },
  );
  painted =
    (await page.evaluate(
      () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))),
    )) - clicked;
  candles = Number((await page.getByTestId('pnl-count').textContent())?.replace(/,/g, ''));

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
} finally {
  await browser.close();
  await server.close();
}

const worst = Math.max(...frames);
console.log(`\nP&L chart, ${range} of 1-minute candles\n`);
console.log(
  `  click "1m" → ${candles.toLocaleString('en-US')} candles applied and painted: ${ms(painted)} (includes the server building and sending the snapshot)`,
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
    `${range} of 1-minute candles painted ≤ 1 s (budget is for 1Y)`,
    painted <= 1000,
    ms(painted),
  ),
);
console.log(
  verdict('live candles at 20/s with no frame over 50 ms', worst <= 50, `worst frame ${ms(worst)}`),
);
if (SMOKE && !(candles > 0 && updates > 0)) {
  console.error('smoke: no candles or no live updates');
  process.exit(1);
}
