import Big from 'big.js';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { formatMoney, formatPercent, formatQty } from '../src/lib/format';
import {
  control,
  DEMO_ACCOUNT,
  freshWorld,
  screenshot,
  seriousA11yViolations,
  signIn,
} from './fixtures';

test.beforeEach(freshWorld);

const BUYING_POWER = [
  'netBuyingPower',
  'stockBuyingPower',
  'optionBuyingPower',
  'dayTradeBuyingPower',
  'dayTradeOvernightRegTBuyingPower',
] as const;

/** The server's truth, reduced with big.js here (not the app's code) to what the panel shows. */
async function expectedRisk(request: APIRequestContext, accountId = DEMO_ACCOUNT) {
  const { balance, positions } = await control(request, `/truth/${accountId}`, undefined, 'GET');
  const equity = new Big(balance.totalEquity);
  const margin = new Big(balance.maintReq).times(100).div(equity).round(2).toFixed();
  const largest = [...positions].sort((a: any, b: any) =>
    new Big(b.marketValue).abs().cmp(new Big(a.marketValue).abs()),
  )[0];
  const concentration = new Big(largest.marketValue)
    .abs()
    .times(100)
    .div(equity)
    .round(2)
    .toFixed();
  const options = new Map<string, { contracts: Big; shares: Big; value: Big }>();
  for (const p of positions) {
    if (p.securityType !== 'OPTION') continue;
    const o = options.get(p.underlying) ?? {
      contracts: new Big(0),
      shares: new Big(0),
      value: new Big(0),
    };
    o.contracts = o.contracts.plus(p.qty);
    o.shares = o.shares.plus(new Big(p.qty).times(p.multiplier ?? '100'));
    o.value = o.value.plus(p.marketValue);
    options.set(p.underlying, o);
  }
  return { balance, margin, concentration, largest, options, equity };
}

async function expectPanelMatches(page: Page, request: APIRequestContext) {
  const want = await expectedRisk(request);
  await expect(page.getByTestId('risk-margin-use')).toHaveText(
    formatPercent(want.margin, { dp: 1 }),
    { timeout: 1000 },
  );
  await expect(page.getByTestId('risk-concentration')).toHaveText(
    formatPercent(want.concentration, { dp: 1 }),
    { timeout: 1000 },
  );
  for (const field of BUYING_POWER) {
    await expect(page.getByTestId(`risk-${field}`)).toHaveText(formatMoney(want.balance[field]));
  }
  const table = page.getByTestId('risk-options');
  for (const [underlying, o] of want.options) {
    const row = table.getByRole('row', { name: new RegExp(`^${underlying}\\b`) });
    const cells = row.getByRole('cell');
    await expect(cells.nth(0)).toHaveText(formatQty(o.contracts.toFixed(), { signed: true }));
    await expect(cells.nth(3)).toHaveText(formatQty(o.shares.toFixed(), { signed: true }));
    await expect(cells.nth(4)).toHaveText(formatMoney(o.value.toFixed()));
    await expect(cells.nth(5)).toHaveText(
      formatPercent(o.value.abs().times(100).div(want.equity).round(2).toFixed(), { dp: 2 }),
    );
  }
  return want;
}

test('the risk panel equals figures computed from the server truth, and follows a price move', async ({
  page,
  request,
}) => {
  await signIn(page);
  const risk = page.getByRole('region', { name: 'Risk' });
  await expect(risk).toBeVisible();
  const want = await expectPanelMatches(page, request);
  // The seeded margin account holds options on several underlyings; the panel lists each once.
  expect(want.options.size).toBeGreaterThan(1);
  await expect(page.getByTestId('risk-options').locator('tbody tr')).toHaveCount(want.options.size);
  await expect(page.getByRole('meter', { name: 'Concentration' })).toHaveAttribute(
    'aria-valuetext',
    new RegExp(`Largest position ${want.largest.symbol}`),
  );
  await expect(page.getByTestId('risk-pdt-status')).toHaveText('Unlimited day trades');
  await expect(page.getByTestId('risk-pdt-equity')).toHaveText(formatMoney(want.balance.PDT));
  await expect(page.getByTestId('risk-pdt-explained')).toContainText('at least $25,000');

  // A live price move changes equity, margin, buying power and concentration together.
  await control(request, '/prices', { symbol: 'AAPL', price: '150.00' });
  await expect(page.getByTestId('risk-netBuyingPower')).not.toHaveText(
    formatMoney(want.balance.netBuyingPower),
    { timeout: 1000 },
  );
  await expectPanelMatches(page, request);
  await page.getByText('Shares controlled').focus(); // the explained header, as a keyboard user
  await expect(page.getByRole('tooltip', { name: /Contracts × multiplier/ })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, 'risk');
});

test('below $25,000 of PDT equity the panel counts the day trades left, from the server', async ({
  page,
  request,
}) => {
  await signIn(page);
  const truth = async () =>
    (await control(request, `/truth/${DEMO_ACCOUNT}`, undefined, 'GET')).balance;
  // Crash the biggest long stock holdings, one at a time, until PDT equity is under $25,000.
  const { positions } = await control(request, `/truth/${DEMO_ACCOUNT}`, undefined, 'GET');
  const longStocks = positions
    .filter((p: any) => p.securityType === 'EQUITY' && new Big(p.qty).gt(0))
    .sort((a: any, b: any) => new Big(b.marketValue).cmp(new Big(a.marketValue)));
  let balance = await truth();
  for (const p of longStocks) {
    if (new Big(balance.PDT).lt(25000)) break;
    await control(request, '/prices', { symbol: p.symbol, price: '10.00' });
    balance = await truth();
  }
  expect(new Big(balance.PDT).lt(25000)).toBe(true);
  await expect(page.getByTestId('risk-pdt-status')).toHaveText(
    `Limited day trades: ${balance.pdtCreditRemaining} left`,
    { timeout: 1000 },
  );
  await expect(page.getByTestId('risk-pdt-equity')).toHaveText(formatMoney(balance.PDT));
  await expect(page.getByText('Short of $25,000 by')).toBeVisible();

  // A round trip (buy, then sell to flat) is a day trade: one fewer left.
  for (const side of ['BUY', 'SELL']) {
    const o = await control(request, '/orders', {
      accountId: DEMO_ACCOUNT,
      symbol: 'AMD',
      side,
      type: 'MARKET',
      qty: '1',
    });
    await control(request, `/orders/${o.ordId}/fill`, { price: '90.00' });
  }
  // The morning's book may have used every day trade already; then the count stays at zero.
  const after = Math.max(0, Number(balance.pdtCreditRemaining) - 1);
  balance = await truth();
  expect(Number(balance.pdtCreditRemaining)).toBe(after);
  await expect(page.getByTestId('risk-pdt-status')).toHaveText(
    `Limited day trades: ${after} left`,
    { timeout: 1000 },
  );
  await expect(page.getByTestId('risk-pdt-explained')).toContainText(
    `${after} of 3 day trades left in the rolling 5 business days`,
  );
  await screenshot(page, 'risk-pdt-limited');
});

test('a cash account: PDT explained as not applicable, no options exposure', async ({ page }) => {
  await signIn(page, '/?account=A-10002');
  await expect(page.getByTestId('risk-pdt-status')).toHaveText('Not applicable');
  await expect(page.getByTestId('risk-pdt-explained')).toContainText(
    'applies to margin accounts only',
  );
  await expect(page.getByTestId('risk-options')).toContainText('No option positions.');
  expect(await seriousA11yViolations(page)).toEqual([]);
});
