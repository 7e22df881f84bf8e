import { expect, test, type Page } from '@playwright/test';
import { control, freshWorld, screenshot, seriousA11yViolations, signIn } from './fixtures';

test.beforeEach(freshWorld);

// The overview also holds the risk panel's options-exposure table.
const topPositions = (page: Page) => page.getByRole('table', { name: /^Top positions/ });

test('signs in as demo and shows the live account snapshot', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('A-10001');
  await expect(page.getByTestId('Total equity')).toHaveText(/^\$[\d,]+\.\d{2}$/);
  await expect(topPositions(page)).toContainText('AAPL');
  await screenshot(page, 'overview');
});

test('a scripted fill moves positions and balances without a reload', async ({ page, request }) => {
  await signIn(page);
  // The opening book may already hold some AMZN: the fill adds 700 to whatever that is.
  const truth = await control(request, '/truth/A-10001', undefined, 'GET');
  const held = Number(
    (truth.positions as { symbol: string; qty: string }[]).find((p) => p.symbol === 'AMZN')?.qty ??
      0,
  );
  const before = await page.getByTestId('Total equity').textContent();
  const openBefore = Number(await page.getByTestId('Open orders').textContent());
  const order = await control(request, '/orders', {
    accountId: 'A-10001',
    symbol: 'AMZN',
    side: 'BUY',
    type: 'MARKET',
    qty: '700',
  });
  await expect(page.getByTestId('Open orders')).toHaveText(String(openBefore + 1));
  await control(request, `/orders/${order.ordId}/fill`, { price: '150.00' });
  await expect(page.getByTestId('Open orders')).toHaveText(String(openBefore), { timeout: 1000 });
  const row = page.getByRole('row', { name: /AMZN/ });
  await expect(row).toContainText(`+${(held + 700).toLocaleString('en-US')}`, { timeout: 1000 });
  await control(request, '/prices', { symbol: 'AMZN', price: '250.00' });
  await expect(page.getByTestId('Total equity')).not.toHaveText(before ?? '', { timeout: 1000 });
});

test('a dropped connection shows stale and reconnecting, then live again with no duplicate rows', async ({
  page,
  request,
}) => {
  await signIn(page);
  // The panels are revealed in a transition after Live: count once the count holds still.
  let rows = -1;
  await expect
    .poll(
      async () => {
        const n = await page.getByRole('row').count();
        const settled = n > 0 && n === rows;
        rows = n;
        return settled;
      },
      { intervals: [300] },
    )
    .toBe(true);
  await control(request, '/connections/drop', { abrupt: true });
  await expect(page.getByText(/Data is stale/)).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveText(/Reconnecting|Connecting/);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 5000 });
  await expect(page.getByText(/Data is stale/)).toHaveCount(0);
  await expect(page.getByRole('row')).toHaveCount(rows);
});

test("another user's account in the URL is refused clearly", async ({ page }) => {
  await signIn(page, '/?account=A-20001');
  await expect(page.getByRole('alert')).toHaveText("You don't have access to account A-20001.");
});

test('sign-in and overview have no serious or critical accessibility violations', async ({
  page,
}) => {
  await page.goto('/');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await signIn(page);
  await expect(topPositions(page)).toContainText('AAPL');
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('the light theme is remembered and passes the same accessibility check', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).toHaveClass(/light/);
  await expect(topPositions(page)).toContainText('AAPL');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, 'overview-light');
  await page.goto('/positions'); // a new load: the tab's session resumes
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(page.locator('html')).toHaveClass(/light/);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('a changed row’s highlight keeps its figures readable at its brightest, in both themes', async ({
  page,
  request,
}) => {
  await signIn(page, '/positions');
  for (const theme of ['dark', 'light'] as const) {
    if (theme === 'light')
      await page.getByRole('button', { name: 'Switch to light theme' }).click();
    const row = page.locator('tr[data-symbol="NVDA"]');
    const flashes = Number((await row.getAttribute('data-flashed')) ?? 0);
    await control(request, '/prices', {
      symbol: 'NVDA',
      price: theme === 'dark' ? '181.00' : '95.00',
    });
    await expect(row).toHaveAttribute('data-flashed', String(flashes + 1));
    // Hold every highlight at its first keyframe, where its colour is strongest.
    await page.evaluate(() =>
      document.getAnimations().forEach((a) => {
        a.pause();
        a.currentTime = 0;
      }),
    );
    expect(await seriousA11yViolations(page), theme).toEqual([]);
    await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
  }
});

test('[HEADER-1] the header fits on one line at 1280 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  const tops = await page
    .locator('header > *:not(.sr-only)')
    .evaluateAll((items) => items.map((e) => Math.round(e.getBoundingClientRect().top)));
  expect(tops.length).toBeGreaterThanOrEqual(4);
  expect(Math.max(...tops) - Math.min(...tops), `tops ${tops.join(', ')}`).toBeLessThanOrEqual(8);
  await page.locator('header').screenshot({ path: 'e2e/artifacts/header-1280.png' });
});
