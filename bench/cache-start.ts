/**
 * Instant start: on a reload of the orders page, time from navigation to the first painted
 * rows from the on-device cache ("Last known at …") and to the first painted live snapshot.
 *
 *   npm run bench:cache -- [--runs 7]     (npm run build first)
 *
 * Two kinds of reload, each `runs` times, in one signed-in tab:
 *   held  the socket opens but the server never answers (a slow or broken link): only the
 *         cache can paint; this is what a trader sees before the network delivers.
 *   live  the socket goes through on loopback: the cache paints, then the snapshot replaces it
 *         (on loopback the snapshot may win the race, and then the cache never shows).
 * Times are the in-page clock (performance.now(), 0 = navigation start) at the first animation
 * frame that shows the state. The socket is opened on the page's thread here (not in the socket
 * worker), because holding it needs `routeWebSocket`, which cannot see a worker's sockets.
 */
import type { Page, WebSocketRoute } from '@playwright/test';
import {
  ACCOUNT,
  launch,
  MAIN_THREAD_SOCKET,
  ms,
  numArg,
  percentile,
  signIn,
  SMOKE,
  startBenchServer,
  verdict,
} from './lib';

const runs = SMOKE ? 1 : numArg('runs', 7);

/** Installed before the app: records the first frame with cached rows, and with live rows. */
const PROBE = `(() => {
  const t = { cached: NaN, live: NaN };
  window.__cacheTimes = t;
  const tick = () => {
    const rows = document.querySelector('tr[data-ordid]');
    if (rows) {
      const cached = document.querySelector('[data-testid="cached-banner"]');
      const status = document.querySelector('[data-testid="connection-status"]')?.textContent;
      if (cached && Number.isNaN(t.cached)) t.cached = performance.now();
      if (!cached && status === 'Live' && Number.isNaN(t.live)) t.live = performance.now();
    }
    if (Number.isNaN(t.live)) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

type Times = { cached: number; live: number };
const times = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cacheTimes: Times }).__cacheTimes);

const server = await startBenchServer();
const browser = await launch();
const held: number[] = [];
const liveCached: number[] = [];
const liveSnapshot: number[] = [];
try {
  const page = await (await browser.newContext()).newPage();
  let hold = false;
  const silent: WebSocketRoute[] = [];
  await page.routeWebSocket('**/v1/accounts/ws', (ws) => {
    if (hold) silent.push(ws);
    else ws.connectToServer();
  });
  await page.addInitScript(PROBE);
  await page.addInitScript(MAIN_THREAD_SOCKET);
  await signIn(page, server.httpUrl, `/orders?account=${ACCOUNT}&status=all`);
  await page.locator('tr[data-ordid]').first().waitFor();
  // The throttled writer saves within ~2 s of the snapshot.
  await page.waitForTimeout(2_500);

  for (let i = 0; i < runs; i++) {
    hold = true;
    await page.reload();
    await page.waitForFunction(() => {
      const t = (window as unknown as { __cacheTimes: Times }).__cacheTimes;
      return !Number.isNaN(t.cached);
    });
    held.push((await times(page)).cached);
    hold = false;
    for (const ws of silent.splice(0)) await ws.close({ code: 1011, reason: 'bench' });

    await page.reload();
    await page.waitForFunction(
      () => !Number.isNaN((window as unknown as { __cacheTimes: Times }).__cacheTimes.live),
      undefined,
      { timeout: 15_000 },
    );
    const t = await times(page);
    liveCached.push(t.cached);
    liveSnapshot.push(t.live);
  }
} finally {
  await browser.close();
  await server.close();
}

const painted = liveCached.filter((v) => Number.isFinite(v));
console.log(`\nReload of /orders (${runs} runs each; ms from navigation start, median / max)`);
console.log(
  `  link held   → cached rows painted:  ${ms(percentile(held, 50))} / ${ms(Math.max(...held))}`,
);
console.log(
  `  link live   → cached rows painted:  ${painted.length ? `${ms(percentile(painted, 50))} / ${ms(Math.max(...painted))}` : 'never (snapshot first)'}  (${painted.length}/${runs} runs showed the cache)`,
);
console.log(
  `  link live   → live snapshot painted: ${ms(percentile(liveSnapshot, 50))} / ${ms(Math.max(...liveSnapshot))}`,
);
console.log('\nBudgets:');
console.log(
  verdict(
    'cached rows painted ≤ 500 ms after navigation',
    percentile(held, 50) <= 500,
    ms(percentile(held, 50)),
  ),
);
console.log(
  verdict(
    'cache never slows the live snapshot past 1 s',
    percentile(liveSnapshot, 50) <= 1000,
    ms(percentile(liveSnapshot, 50)),
  ),
);
