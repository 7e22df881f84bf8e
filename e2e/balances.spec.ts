import { expect, test } from '@playwright/test';
import { BALANCE_DECIMAL_FIELDS } from '../src/protocol';
import { formatMoney } from '../src/lib/format';
import {
  control,
  DEMO_ACCOUNT,
  freshWorld,
  screenshot,
  seriousA11yViolations,
  signIn,
} from './fixtures';

test.beforeEach(freshWorld);

test('shows every documented balance field, the account and the gauges', async ({
  page,
  request,
}) => {
  await signIn(page, '/balances');
  const { balance, info } = await control(request, `/truth/${DEMO_ACCOUNT}`, undefined, 'GET');
  for (const field of [...BALANCE_DECIMAL_FIELDS, 'pendingOrdersCount']) {
    await expect(page.getByTestId(field), field).toBeVisible();
  }
  await expect(page.getByTestId('totalEquity')).toHaveText(formatMoney(balance.totalEquity));
  await expect(page.getByTestId('maintReq')).toHaveText(formatMoney(balance.maintReq));
  await expect(page.getByTestId('accountType')).toHaveText(info.accountType);
  await expect(page.getByTestId('optionsLevel')).toContainText(/Level \d/);
  await expect(page.getByRole('meter', { name: 'Margin use' })).toHaveAttribute(
    'aria-valuetext',
    /%: Maintenance \$/,
  );
  await expect(page.getByTestId('margin-use')).toHaveText(/^\d+\.\d%$/);
  await screenshot(page, 'balances');
});

test("a field's meaning shows on keyboard focus and Escape hides it", async ({ page }) => {
  await signIn(page, '/balances');
  const term = page.getByText('Maintenance requirement', { exact: true });
  await term.focus();
  const tip = page.getByRole('tooltip', { name: /avoid a margin call/ });
  await expect(tip).toBeVisible();
  await expect(term).toHaveAccessibleDescription(/avoid a margin call/);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
});

test('balances move live when a price moves and an order fills', async ({ page, request }) => {
  await signIn(page, '/balances');
  const equity = page.getByTestId('totalEquity');
  const before = await equity.textContent();
  await control(request, '/prices', { symbol: 'NVDA', price: '150.00' });
  await expect(equity).not.toHaveText(before ?? '', { timeout: 1000 });
  const { balance } = await control(request, `/truth/${DEMO_ACCOUNT}`, undefined, 'GET');
  await expect(equity).toHaveText(formatMoney(balance.totalEquity), { timeout: 1000 });
  const order = await control(request, '/orders', {
    accountId: DEMO_ACCOUNT,
    symbol: 'MSFT',
    side: 'BUY',
    type: 'LIMIT',
    price: '1.00',
    qty: '1',
  });
  await expect(page.getByTestId('pendingOrdersCount')).toHaveText(
    String(balance.pendingOrdersCount + 1),
    { timeout: 1000 },
  );
  await control(request, `/orders/${order.ordId}/cancel`);
  await expect(page.getByTestId('pendingOrdersCount')).toHaveText(
    String(balance.pendingOrdersCount),
    { timeout: 1000 },
  );
});

test('balances page has no serious or critical accessibility violations', async ({ page }) => {
  await signIn(page, '/balances');
  await expect(page.getByTestId('totalEquity')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});
