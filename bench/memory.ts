/**
 * Memory under a long stream: heap after the snapshot vs after N account events (price moves
 * on held symbols: positions, balances and P&L candles change, no new orders, so any growth is
 * the pipeline's own — queues, logs, news, caches — not the trader's data).
 *
 *   npm run bench:memory -- --events 1000000
 */
import {
  ACCOUNT,
  heapMb,
  launch,
  numArg,
  probeScript,
  readCountsAndDropSamples,
  resetProbe,
  signIn,
  SMOKE,
  startBenchServer,
  verdict,
} from './lib';

const target = numArg('events', SMOKE ? 5_000 : 1_000_000);
/** Price moves per second; each makes ~3 account events. Paced so the page keeps up. */
const movesPerSec = numArg('moves', 600);
const HELD = ['AAPL', 'MSFT', 'NVDA', 'TSLA', 'SPY'];

const server = await startBenchServer();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
let before: number;
let after: number;
let received: number;
let applied: number;
const started = Date.now();
try {
  await page.addInitScript(probeScript(false));
  await signIn(page, server.httpUrl, `/?account=${ACCOUNT}`);
  await page.getByRole('table', { name: /Top positions/ }).waitFor();
  await resetProbe(page);
  before = await heapMb(page);
  let i = 0;
  let reported = 0;
  for (;;) {
    // Price moves in 10 ms slices, so the server's event loop keeps sending between them.
    for (let k = 0; k < movesPerSec / 100; k++, i++) {
      const symbol = HELD[i % HELD.length]!;
      server.sim.setPrice(symbol, (100 + ((i * 7) % 1000) / 100).toFixed(2));
    }
    await new Promise((r) => setTimeout(r, 10));
    if (i % (movesPerSec * 2) === 0) {
      const s = await readCountsAndDropSamples(page);
      received = s.received;
      if (received >= target) break;
      if (!SMOKE && received - reported >= 100_000) {
        reported = received;
        console.error(`  … ${received.toLocaleString('en-US')} events`);
      }
    }
  }
  await page.waitForTimeout(500);
  const s = await readCountsAndDropSamples(page);
  received = s.received;
  applied = s.applied;
  after = await heapMb(page);
} finally {
  await browser.close();
  await server.close();
}

const growth = after - before;
console.log(
  `\nMemory over ${received.toLocaleString('en-US')} account events (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
);
console.log(
  `  heap after snapshot ${before.toFixed(1)} MB, after the stream ${after.toFixed(1)} MB (Δ ${growth.toFixed(1)} MB)`,
);
console.log(`  events received ${received}, applied ${applied}`);
console.log('\nBudgets:');
console.log(
  verdict(
    `heap within 50 MB of its post-snapshot size after ${target.toLocaleString('en-US')} events`,
    growth <= 50 && received >= target,
    `Δ ${growth.toFixed(1)} MB`,
  ),
);
console.log(verdict('events received = applied', received === applied, `${received} / ${applied}`));
if (SMOKE && received === 0) process.exit(1);
