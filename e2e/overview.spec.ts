import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

async function signIn(page: Page, path = '/') {
  await page.goto(path);
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
}

const control = (request: APIRequestContext, path: string, data?: object) =>
  request.post(`/__control${path}`, data ? { data } : {}).then((r) => r.json());

test.beforeEach(async ({ request }) => {
  await control(request, '/sim/stop');
});

test('signs in as demo and shows the live account snapshot', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('A-10001');
  await expect(page.getByTestId('Total equity')).toHaveText(/^\$[\d,]+\.\d{2}$/);
  await expect(page.getByRole('table')).toContainText('AAPL');
  mkdirSync('e2e/artifacts', { recursive: true });
  await page.screenshot({ path: 'e2e/artifacts/overview.png', fullPage: true });
});

test('a scripted fill moves positions and balances without a reload', async ({ page, request }) => {
  await signIn(page);
  const before = await page.getByTestId('Total equity').textContent();
  const order = await control(request, '/orders', {
    accountId: 'A-10001',
    symbol: 'AMZN',
    side: 'BUY',
    type: 'MARKET',
    qty: '7',
  });
  await expect(page.getByTestId('Open orders')).toHaveText('3');
  await control(request, `/orders/${order.ordId}/fill`, { price: '150.00' });
  await expect(page.getByTestId('Open orders')).toHaveText('2', { timeout: 1000 });
  const row = page.getByRole('row', { name: /AMZN/ });
  await expect(row).toContainText('+7', { timeout: 1000 });
  await control(request, '/prices', { symbol: 'AMZN', price: '250.00' });
  await expect(page.getByTestId('Total equity')).not.toHaveText(before ?? '', { timeout: 1000 });
});

test('a dropped connection shows stale and reconnecting, then live again with no duplicate rows', async ({
  page,
  request,
}) => {
  await signIn(page);
  const rows = await page.getByRole('row').count();
  await control(request, '/connections/drop', { abrupt: true });
  await expect(page.getByText(/Data is stale/)).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveText(/Reconnecting|Connecting/);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 5000 });
  await expect(page.getByText(/Data is stale/)).toHaveCount(0);
  expect(await page.getByRole('row').count()).toBe(rows);
});

test("another user's account in the URL is refused clearly", async ({ page }) => {
  await signIn(page, '/?account=A-20001');
  await expect(page.getByRole('alert')).toHaveText("You don't have access to account A-20001.");
});

test('sign-in and overview have no serious or critical accessibility violations', async ({
  page,
}) => {
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  await page.goto('/');
  expect(await serious()).toEqual([]);
  await signIn(page);
  await expect(page.getByRole('table')).toContainText('AAPL');
  expect(await serious()).toEqual([]);
});
