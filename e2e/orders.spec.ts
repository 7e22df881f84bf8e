import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  control,
  DEMO_ACCOUNT,
  freshWorld,
  screenshot,
  seriousA11yViolations,
  signIn,
} from './fixtures';

const rowOf = (page: Page, ordId: string) => page.locator(`tr[data-ordid="${ordId}"]`);

test.beforeEach(freshWorld);

test('the blotter shows the snapshot and follows an order from working to filled live', async ({
  page,
  request,
}) => {
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}&status=all`);
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await expect(page.getByRole('row', { name: /AMZN/ }).first()).toBeVisible();

  const order = await control(request, '/orders', {
    accountId: DEMO_ACCOUNT,
    symbol: 'GOOGL',
    side: 'BUY',
    type: 'LIMIT',
    qty: '100',
    price: '170.00',
  });
  await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: /^Open/ }).click();
  const row = rowOf(page, order.ordId);
  await expect(row).toContainText('GOOGL', { timeout: 1000 });
  await control(request, `/orders/${order.ordId}/accept`);
  await expect(row).toContainText('Working', { timeout: 1000 });

  await control(request, `/orders/${order.ordId}/fill`, { qty: '40', price: '169.95' });
  await expect(row).toContainText('Partially filled', { timeout: 1000 });
  await expect(row.locator('td').nth(5)).toHaveText('40'); // Filled column
  await expect(row.locator('td').nth(6)).toHaveText('60'); // Leaves
  // The change is flashed (Web Animations on the row).
  await expect(row).toHaveAttribute('data-flashed', /\d+/);

  await control(request, `/orders/${order.ordId}/fill`, { qty: '60', price: '170.00' });
  await expect(row).toHaveCount(0, { timeout: 1000 }); // left "Open"
  await page
    .getByRole('group', { name: 'Status' })
    .getByRole('button', { name: /^Filled/ })
    .click();
  await expect(page).toHaveURL(/status=filled/);
  await expect(rowOf(page, order.ordId)).toContainText('Filled');
  // 40 @ 169.95 + 60 @ 170.00 → 169.98 average, from the server's exact decimals.
  await expect(rowOf(page, order.ordId)).toContainText('169.98');
});

test('a rejection shows its reason, and multi-leg orders expand to their legs', async ({
  page,
  request,
}) => {
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}&status=all`);
  const rejected = await control(request, '/orders', {
    accountId: DEMO_ACCOUNT,
    symbol: 'QQQ',
    side: 'SELL',
    type: 'LIMIT',
    qty: '3',
    price: '520.00',
  });
  await control(request, `/orders/${rejected.ordId}/reject`, { reason: 'Outside trading hours' });
  await expect(rowOf(page, rejected.ordId)).toContainText('Rejected: Outside trading hours', {
    timeout: 1000,
  });

  const spread = await control(request, '/orders', {
    accountId: DEMO_ACCOUNT,
    symbol: 'AAPL',
    side: 'BUY',
    type: 'LIMIT',
    qty: '2',
    price: '1.25',
    legs: [
      {
        symbol: 'AAPL  261218C00230000',
        side: 'BUY',
        ratioQty: '1',
        positionEffect: 'OPEN',
        securityType: 'OPTION',
        maturity: '2026-12-18',
        strikePrice: '230',
        putCall: 'CALL',
      },
      {
        symbol: 'AAPL  261218C00240000',
        side: 'SELL',
        ratioQty: '1',
        positionEffect: 'OPEN',
        securityType: 'OPTION',
        maturity: '2026-12-18',
        strikePrice: '240',
        putCall: 'CALL',
      },
    ],
  });
  const toggle = rowOf(page, spread.ordId).getByRole('button', { name: /2 legs/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false', { timeout: 1000 });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('row', { name: /Leg 1 of row/ })).toContainText('230.00 CALL');
  await expect(page.getByRole('row', { name: /Leg 2 of row/ })).toContainText('SELL');
  await screenshot(page, 'orders');
});

test('filters and sorting live in the URL; CSV exports exactly the rows shown', async ({
  page,
}) => {
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}&status=all`);
  await page.getByLabel('Symbol').fill('am');
  await expect(page).toHaveURL(/symbol=AM/);
  const rows = page.locator('tbody tr[data-ordid]');
  await expect(rows.first()).toBeVisible();
  // A multi-leg row's symbol cell starts with its expand marker (order-row.tsx).
  for (const text of await rows.locator('th').allTextContents()) {
    expect(text).toMatch(/^(?:[▸▾] )?AM/);
  }

  const qtyHeader = page.getByRole('columnheader', { name: 'Qty' });
  await qtyHeader.getByRole('button').click();
  await expect(qtyHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=qty&dir=desc/);
  await qtyHeader.getByRole('button').click();
  await expect(qtyHeader).toHaveAttribute('aria-sort', 'ascending');

  // A reload keeps the view (deep link); the tab's session resumes (sessionStorage).
  await page.reload();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(page.getByLabel('Symbol')).toHaveValue('AM');
  await expect(page.getByRole('columnheader', { name: 'Qty' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );

  const shown = Number((await page.getByTestId('orders-shown').textContent())?.split(' ')[0]);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path()) as string, 'utf8')
    .trim()
    .split('\r\n');
  expect(csv[0]).toMatch(/^Time,Symbol,Side/);
  expect(csv).toHaveLength(shown + 1);
  for (const line of csv.slice(1)) expect(line.split(',')[1]).toMatch(/^AM/);
});

test('thousands of orders stay virtualised: few DOM rows, scrolling reaches the end', async ({
  page,
  request,
}) => {
  // Setup, not the behaviour under test: 20,000 simulator steps (each recomputes balances in
  // big.js) take 10–30 s on 2 shared cores, so this test gets room beyond the default 30 s.
  test.setTimeout(90_000);
  // Many simulator steps create and advance orders across the demo accounts.
  await control(request, '/sim/step', { count: 20000 });
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}&status=all&sort=createdAt&dir=asc`);
  const shown = Number(
    (await page.getByTestId('orders-shown').textContent())?.split(' ')[0]?.replace(/,/g, ''),
  );
  expect(shown).toBeGreaterThan(500);
  expect(await page.locator('tbody tr').count()).toBeLessThan(200);
  const table = page.getByRole('table');
  await expect(table).toHaveAttribute('aria-rowcount', String(shown + 1));
  const region = page.getByRole('region', { name: /scrollable/ });
  await region.focus();
  await page.keyboard.press('End');
  const last = page.locator('tbody tr[data-ordid]').last();
  await expect(last).toHaveAttribute('aria-rowindex', String(shown + 1));
  expect(await page.locator('tbody tr').count()).toBeLessThan(200);
});

test('the blotter has no serious or critical accessibility violations', async ({ page }) => {
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}&status=all`);
  await expect(page.locator('tbody tr[data-ordid]').first()).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});
