import { expect, test } from '@playwright/test';
import { formatQty } from '../src/lib/format';
import {
  control,
  DEMO_ACCOUNT,
  freshWorld,
  screenshot,
  seriousA11yViolations,
  signIn,
} from './fixtures';

const USER = 'u-1001';
const TECH = 1;

test.beforeEach(freshWorld);

test('shows the watchlists with what the account holds in each symbol', async ({
  page,
  request,
}) => {
  await signIn(page, '/watchlist');
  const tech = page.getByRole('region', { name: /^Tech/ });
  await expect(tech.getByRole('rowheader')).toContainText(['AAPL', 'NVDA', 'MSFT']);
  const { positions } = await control(request, `/truth/${DEMO_ACCOUNT}`, undefined, 'GET');
  const aapl = positions.find((p: { symbol: string }) => p.symbol === 'AAPL');
  await expect(tech.locator('tr[data-symbol="AAPL"]')).toContainText(
    formatQty(aapl.qty, { signed: true }),
  );
  await screenshot(page, 'watchlist');
});

test('symbols added and removed on another device appear live with a highlight', async ({
  page,
  request,
}) => {
  await signIn(page, '/watchlist');
  const tech = page.getByRole('region', { name: /^Tech/ });
  await expect(tech.locator('tr[data-symbol="AAPL"]')).toBeVisible();
  await control(request, `/watchlists/${USER}/${TECH}/symbols`, { symbol: 'AMD' });
  const amd = tech.locator('tr[data-symbol="AMD"]');
  await expect(amd).toBeVisible({ timeout: 1000 });
  await expect(amd).toHaveAttribute('data-flashed', '1');
  // Rows that were already there did not flash.
  await expect(tech.locator('tr[data-symbol="AAPL"]')).not.toHaveAttribute('data-flashed');
  await control(request, `/watchlists/${USER}/${TECH}/symbols/AMD`, undefined, 'DELETE');
  await expect(amd).toHaveCount(0, { timeout: 1000 });

  await control(
    request,
    `/watchlists/${USER}`,
    { id: 77, name: 'Index ETFs', symbols: ['SPY', 'QQQ'] },
    'PUT',
  );
  const etfs = page.getByRole('region', { name: /^Index ETFs/ });
  await expect(etfs.getByRole('rowheader')).toHaveText(['SPY', 'QQQ'], { timeout: 1000 });
  await control(
    request,
    `/watchlists/${USER}`,
    { id: 77, name: 'Index ETFs', symbols: [], deleted: true },
    'PUT',
  );
  await expect(etfs).toHaveCount(0, { timeout: 1000 });
});

test("a symbol's links lead to its orders and news", async ({ page }) => {
  await signIn(page, `/watchlist?account=${DEMO_ACCOUNT}`);
  const nvda = page.locator('tr[data-symbol="NVDA"]').first();
  await nvda.getByRole('link', { name: 'Orders in NVDA' }).click();
  await expect(page).toHaveURL(/\/orders\?account=A-10001&status=all&symbol=NVDA/);
  await page.goBack();
  await page
    .locator('tr[data-symbol="NVDA"]')
    .first()
    .getByRole('link', { name: 'News on NVDA' })
    .click();
  await expect(page).toHaveURL(/\/news\?account=A-10001&symbols=NVDA/);
});

test('watchlist page has no serious or critical accessibility violations', async ({ page }) => {
  await signIn(page, '/watchlist');
  await expect(page.locator('tr[data-symbol="AAPL"]').first()).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});
