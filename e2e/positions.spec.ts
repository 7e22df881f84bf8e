import { expect, test } from '@playwright/test';
import {
  control,
  DEMO_ACCOUNT,
  freshWorld,
  screenshot,
  seriousA11yViolations,
  signIn,
} from './fixtures';

test.beforeEach(freshWorld);

test('shows positions grouped by underlying with totals that match the server', async ({
  page,
  request,
}) => {
  await signIn(page, '/positions');
  await expect(page.getByRole('heading', { name: 'Positions' })).toBeVisible();
  const truth = await control(request, `/truth/${DEMO_ACCOUNT}`, undefined, 'GET');
  // AAPL stock and its options sit under one AAPL heading.
  const inAapl = truth.positions.filter(
    (p: { symbol: string; underlying?: string }) => p.symbol === 'AAPL' || p.underlying === 'AAPL',
  ).length;
  expect(inAapl).toBeGreaterThan(1);
  const aapl = page.getByRole('rowheader', { name: new RegExp(`^AAPL · ${inAapl} positions`) });
  await expect(aapl).toBeVisible();
  await expect(
    page.getByRole('row', { name: /AAPL \d{4}-\d\d-\d\d [\d.]+ Call/ }).first(),
  ).toBeVisible();
  await expect(page.getByTestId('positions-count')).toHaveText(`${truth.positions.length} open`);
  const total = page.getByTestId('positions-total');
  await expect(total).toContainText('100.00%');
  await expect(page.getByRole('region', { name: /Allocation/ })).toContainText('AAPL');
  await screenshot(page, 'positions');
});

test('a position opens and closes live, and the totals follow', async ({ page, request }) => {
  await signIn(page, '/positions');
  const total = page.getByTestId('positions-total');
  const row = page.locator('tr[data-symbol="AMD"]');
  // The seeded book may hold AMD already: sell it flat first, so the position opens from zero.
  const held = (await control(request, `/truth/${DEMO_ACCOUNT}`, undefined, 'GET')).positions.find(
    (p: { symbol: string }) => p.symbol === 'AMD',
  );
  if (held) {
    const flatten = await control(request, '/orders', {
      accountId: DEMO_ACCOUNT,
      symbol: 'AMD',
      side: held.qty.startsWith('-') ? 'BUY' : 'SELL',
      type: 'MARKET',
      qty: held.qty.replace('-', ''),
    });
    await control(request, `/orders/${flatten.ordId}/fill`, { price: '120.00' });
    await expect(row).toHaveCount(0, { timeout: 1000 });
  }
  await expect(total).toBeVisible();
  const before = await total.textContent();
  const buy = await control(request, '/orders', {
    accountId: DEMO_ACCOUNT,
    symbol: 'AMD',
    side: 'BUY',
    type: 'MARKET',
    qty: '25',
  });
  await control(request, `/orders/${buy.ordId}/fill`, { price: '120.00' });
  await expect(row).toContainText('+25', { timeout: 1000 });
  await expect(total).not.toHaveText(before ?? '', { timeout: 1000 });
  await control(request, '/prices', { symbol: 'AMD', price: '130.00' });
  // 25 × (130 − 120) = +$250.00 unrealized, signed and green.
  await expect(row).toContainText('+$250.00', { timeout: 1000 });
  await expect(row.locator('.text-gain')).toHaveText('+$250.00');
  const sell = await control(request, '/orders', {
    accountId: DEMO_ACCOUNT,
    symbol: 'AMD',
    side: 'SELL',
    type: 'MARKET',
    qty: '25',
  });
  await control(request, `/orders/${sell.ordId}/fill`, { price: '130.00' });
  await expect(row).toHaveCount(0, { timeout: 1000 });
});

test('sort is in the URL and survives a reload (the tab’s session resumes)', async ({ page }) => {
  await signIn(page, `/positions?account=${DEMO_ACCOUNT}`);
  await page.getByRole('button', { name: /^Symbol/ }).click();
  await expect(page).toHaveURL(/sort=symbol&dir=asc/);
  await page.reload(); // the tab's session resumes (sessionStorage)
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(page.getByRole('columnheader', { name: /Symbol/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  const firstGroup = page.locator('tbody').first();
  await expect(firstGroup).toContainText('AAPL');
});

test('positions page has no serious or critical accessibility violations', async ({ page }) => {
  await signIn(page, '/positions');
  await expect(page.getByTestId('positions-total')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});
