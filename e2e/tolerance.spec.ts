/**
 * Production spellings end to end in the built app: a link that rewrites every server frame
 * into a tolerated spelling still populates every page and stays Live; a watchlist snapshot
 * the app cannot read fails that page alone (Live with a warning) until its retry heals it;
 * watchlists with opaque string ids show and update.
 */
import { expect, test, type Page } from '@playwright/test';
import { spellingsFor, type Frame } from '../src/protocol/tolerance-corpus';
import { createRng } from '../server/sim/rng';
import { control, DEMO_ACCOUNT, freshWorld, signIn, socketOnMainThread } from './fixtures';

test.beforeEach(freshWorld);

/** Routes the page's socket through `rewrite` (server → page frames only). */
async function rewriteServerFrames(page: Page, rewrite: (text: string) => string[]) {
  await socketOnMainThread(page);
  await page.routeWebSocket('**/v1/accounts/ws', (ws) => {
    const server = ws.connectToServer();
    server.onMessage((m) => {
      for (const out of rewrite(String(m))) ws.send(out);
    });
  });
}

test('[E2E-TOL-1] a server speaking any mix of tolerated spellings: every page populated and Live', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Every frame crosses the test's own rewriting proxy: each reload takes a little longer.
  const slow = { timeout: 20_000 };
  const rng = createRng(14);
  await rewriteServerFrames(page, (text) => {
    const frame = JSON.parse(text) as Frame;
    const options = spellingsFor(frame);
    const pick = Math.floor(rng.next() * (options.length + 1));
    const out = pick === 0 ? [frame] : options[pick - 1]!.respell(frame);
    return out.map((f) => JSON.stringify(f));
  });
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}`);
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  for (const [path, text] of [
    ['/positions', 'AAPL'],
    ['/balances', 'Total equity'],
    ['/watchlist', 'Tech'],
    ['/news', 'News'],
  ] as const) {
    await page.goto(`${path}?account=${DEMO_ACCOUNT}`);
    await expect(page.getByTestId('connection-status')).toHaveText('Live', slow);
    await expect(page.getByRole('main')).toContainText(text);
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
    await expect(page.getByText(/this app cannot read/)).toHaveCount(0);
  }
  await expect(page.locator('main article').first()).toBeVisible();
  await page.goto(`/pnl?account=${DEMO_ACCOUNT}`);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', slow);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('[E2E-HEALTH-1] an unreadable watchlist snapshot fails that page alone, Live with a warning, then heals', async ({
  page,
}) => {
  let spoiled = 0;
  await rewriteServerFrames(page, (text) => {
    const frame = JSON.parse(text) as Frame;
    if (
      spoiled === 0 &&
      frame.payload?.action === 'subscribed' &&
      frame.payload.topic === 'watchlist'
    ) {
      spoiled += 1;
      frame.payload.data.watchlists[0].symbols = [42];
    }
    return [JSON.stringify(frame)];
  });
  await page.goto('/watchlist');
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Either the failure is still showing, or the retry (≤ 1 s) already healed it: both are Live.
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  expect(spoiled).toBe(1);
  await expect(page.getByRole('region', { name: /^Tech/ })).toBeVisible();
  await expect(page.getByTestId('connection-warnings')).toHaveCount(0);
  await expect(page.getByText(/this app cannot read/)).toHaveCount(0);
});

test('[E2E-HEALTH-2] while a stream is failed its page says why and the badge counts it', async ({
  page,
}) => {
  // Every watchlist snapshot is unreadable: the page keeps saying so, the rest stays Live.
  await rewriteServerFrames(page, (text) => {
    const frame = JSON.parse(text) as Frame;
    if (frame.payload?.action === 'subscribed' && frame.payload.topic === 'watchlist')
      frame.payload.data.watchlists[0].symbols = [42];
    return [JSON.stringify(frame)];
  });
  await signIn(page, '/watchlist');
  await expect(
    page.getByText(/The server sent watchlists this app cannot read: .*watchlists\.0\.symbols\.0/),
  ).toBeVisible();
  await expect(page.getByTestId('connection-warnings')).toHaveText('· 1 warning');
  await page.goto(`/orders?account=${DEMO_ACCOUNT}`);
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(page.getByText(/this app cannot read/)).toHaveCount(0);
  await page.goto('/diagnostics');
  await expect(page.getByTestId('diag-invalid')).toContainText('watchlists.0.symbols.0');
});

test('[E2E-WL-ID-1] watchlists with opaque string ids show and update live', async ({
  page,
  request,
}) => {
  await signIn(page, '/watchlist');
  await control(
    request,
    '/watchlists/u-1001',
    { id: 'W-1', name: 'Opaque', symbols: ['SPY'] },
    'PUT',
  );
  const list = page.getByRole('region', { name: /^Opaque/ });
  await expect(list.getByRole('rowheader')).toContainText(['SPY']);
  await control(request, '/watchlists/u-1001/W-1/symbols', { symbol: 'QQQ' });
  await expect(list.getByRole('rowheader')).toContainText(['SPY', 'QQQ']);
});
