/**
 * Where the page's main thread spends a year of 1-minute P&L candles: a CPU profile from the
 * click on "1m" to the whole range painted, saved for tree reading. A diagnostic, not a bench.
 *
 *   npm run build && npx tsx bench/profile-pnl.ts --out /tmp/pnl.cpuprofile
 */
import { writeFileSync } from 'node:fs';
import { ACCOUNT, launch, signIn, startBenchServer } from './lib';

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1]! : 'pnl.cpuprofile';
const server = await startBenchServer();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(page, server.httpUrl, `/pnl?account=${ACCOUNT}&range=1Y&interval=1d`);
  await page.getByTestId('pnl-chart').locator('canvas').first().waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.getByRole('button', { name: '1m', exact: true }).click();
  await page.waitForFunction(
    () =>
      Number(document.querySelector('[data-testid="pnl-count"]')?.textContent?.replace(/,/g, '')) >
        5000 && !document.querySelector('[data-testid="pnl-partial"]'),
    undefined,
    { timeout: 120_000, polling: 50 },
  );
  const elapsed = Date.now() - t0;
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(out, JSON.stringify(profile));
  console.log(`whole range painted ${elapsed} ms after the click; profile in ${out}`);
} finally {
  await browser.close();
  await server.close();
}
