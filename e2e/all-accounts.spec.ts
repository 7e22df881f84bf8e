/**
 * Every account at once (`?account=all`): the combined blotter and the positions by account
 * against the server's truth for each of the user's accounts (read from the accounts list,
 * never a fixed count), a live change on one account, the switcher and the palette entry, axe.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import Big from 'big.js';
import { formatMoney } from '../src/lib/format';
import type { AccountSnapshot } from '../src/protocol';
import { control, freshWorld, screenshot, seriousA11yViolations, signIn } from './fixtures';

test.beforeEach(freshWorld);

/** The demo user's accounts as the app lists them, each with the server's truth. */
async function accountsWithTruth(
  request: APIRequestContext,
): Promise<{ accountId: string; truth: AccountSnapshot }[]> {
  const token = await request.post('/v1/oauth2/token', {
    data: { username: 'demo', password: 'demo' },
  });
  const { access_token } = (await token.json()) as { access_token: string };
  const listed = await request.get('/v1/accounts', {
    headers: { authorization: `Bearer ${access_token}` },
  });
  const { accounts } = (await listed.json()) as { accounts: { accountId: string }[] };
  expect(accounts.length).toBeGreaterThan(1);
  return Promise.all(
    accounts.map(async ({ accountId }) => ({
      accountId,
      truth: (await control(request, `/truth/${accountId}`, undefined, 'GET')) as AccountSnapshot,
    })),
  );
}

const money = (values: readonly string[]) =>
  formatMoney(values.reduce((s, v) => s.plus(v), new Big(0)).toString());

async function expectEveryAccountLive(page: Page, ids: readonly string[]): Promise<void> {
  for (const id of ids)
    await expect(page.getByTestId(`account-status-${id}`)).toHaveAttribute('data-status', 'live');
}

test('[ALLACCT-E2E-1] the combined blotter lists every account’s orders with an Account column, and filters by account', async ({
  page,
  request,
}) => {
  const accounts = await accountsWithTruth(request);
  await signIn(page, '/orders?account=all&status=all');
  await expectEveryAccountLive(
    page,
    accounts.map((a) => a.accountId),
  );
  await expect(page.getByRole('columnheader', { name: /^Account/ })).toBeVisible();
  const total = accounts.reduce((n, a) => n + a.truth.orders.length, 0);
  await expect(page.getByTestId('orders-shown')).toHaveText(
    `${total.toLocaleString('en-US')} shown`,
  );

  const filter = page.getByRole('combobox', { name: 'Account filter' });
  for (const { accountId, truth } of accounts) {
    await filter.selectOption(accountId);
    await expect(page).toHaveURL(new RegExp(`acct=${accountId}`));
    await expect(page.getByTestId('orders-shown')).toHaveText(
      `${truth.orders.length.toLocaleString('en-US')} shown`,
    );
    const cells = page.locator('tr[data-ordid] td:first-child');
    await expect(cells.first()).toHaveText(accountId);
    expect(new Set(await cells.allTextContents())).toEqual(new Set([accountId]));
    // Newest first: the account's newest order heads the list.
    const newest = [...truth.orders].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    if (newest) await expect(page.locator(`tr[data-ordid="${newest.ordId}"]`)).toBeVisible();
  }
  await filter.selectOption('');
  await expect(page.getByTestId('orders-shown')).toHaveText(
    `${total.toLocaleString('en-US')} shown`,
  );
  await screenshot(page, 'all-accounts-orders');
});

test('[ALLACCT-E2E-2] positions are grouped by account with subtotals and a grand total equal to the server’s', async ({
  page,
  request,
}) => {
  const accounts = await accountsWithTruth(request);
  await signIn(page, '/positions?account=all');
  const all = accounts.flatMap((a) => a.truth.positions);
  await expect(page.getByTestId('positions-count')).toHaveText(`${all.length} open`);
  for (const { accountId, truth } of accounts) {
    const sub = page.getByTestId(`account-subtotal-${accountId}`);
    const n = truth.positions.length;
    await expect(sub).toContainText(`${accountId} · ${n} ${n === 1 ? 'position' : 'positions'}`);
    await expect(sub).toContainText(money(truth.positions.map((p) => p.marketValue)));
  }
  const total = page.getByTestId('positions-total');
  await expect(total).toContainText(`All accounts (${all.length})`);
  await expect(total).toContainText(money(all.map((p) => p.marketValue)));
  await expect(total).toContainText('100.00%');
  await screenshot(page, 'all-accounts-positions');

  await page.goto('/balances?account=all');
  for (const { accountId } of accounts) {
    await expect(page.getByRole('columnheader', { name: new RegExp(accountId) })).toBeVisible();
  }
  const equity = page.locator('tr[data-field="totalEquity"]');
  for (const { truth } of accounts)
    await expect(equity).toContainText(formatMoney(truth.balance.totalEquity));
});

test('[ALLACCT-E2E-3] a live order on one account appears under that account; every account stays live', async ({
  page,
  request,
}) => {
  const accounts = await accountsWithTruth(request);
  const last = accounts.at(-1)!.accountId;
  await signIn(page, '/orders?account=all');
  await expectEveryAccountLive(
    page,
    accounts.map((a) => a.accountId),
  );
  const order = await control(request, '/orders', {
    accountId: last,
    symbol: 'IBM',
    side: 'BUY',
    type: 'LIMIT',
    qty: '7',
    price: '150.00',
  });
  const row = page.locator(`tr[data-ordid="${order.ordId}"]`);
  await expect(row.locator('td').first()).toHaveText(last, { timeout: 2000 });
  await expect(row).toContainText('IBM');
  // The palette finds it too, naming its account.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill(order.ordId);
  await expect(
    palette.getByRole('option', { name: new RegExp(`${order.ordId} · IBM BUY 7 .* · ${last}`) }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expectEveryAccountLive(
    page,
    accounts.map((a) => a.accountId),
  );
});

test('[ALLACCT-E2E-4] “All accounts” is in the header switcher and in the command palette', async ({
  page,
}) => {
  await signIn(page, '/positions');
  const switcher = page.getByRole('combobox', { name: 'Account', exact: true });
  await switcher.selectOption('all');
  await expect(page).toHaveURL(/\/positions\?account=all$/);
  await expect(page.getByRole('heading', { name: /Positions · all accounts/ })).toBeVisible();
  await switcher.selectOption({ index: 0 });
  await expect(page).not.toHaveURL(/account=all/);

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('all accounts');
  await expect(palette.getByRole('option', { name: 'Switch to all accounts' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/positions\?account=all$/);
  await expect(page.getByRole('heading', { name: /Positions · all accounts/ })).toBeVisible();
});

test('[ALLACCT-E2E-5] the all-accounts pages have no serious or critical accessibility violations, in both themes', async ({
  page,
  request,
}) => {
  // Six pages, two themes, one axe run each.
  test.setTimeout(120_000);
  const ids = (await accountsWithTruth(request)).map((a) => a.accountId);
  await signIn(page, '/?account=all');
  const nav = page.getByRole('navigation', { name: 'Pages' });
  for (const theme of ['dark', 'light']) {
    if (theme === 'light')
      await page.getByRole('button', { name: 'Switch to light theme' }).click();
    // Through the nav (no reload): each link keeps `?account=all`.
    for (const name of ['Overview', 'Orders', 'Positions', 'Balances', 'P&L', 'News']) {
      await nav.getByRole('link', { name: new RegExp(`^${name}`) }).click();
      await expect(page).toHaveURL(/\?account=all$/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectEveryAccountLive(page, ids);
      expect(await seriousA11yViolations(page), `${name} ${theme}`).toEqual([]);
    }
  }
});
