import Big from 'big.js';
import { expect, test, type Page } from '@playwright/test';
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

const toasts = (page: Page) => page.getByTestId('toast');
/** Toasts whose title is exactly `title` ("Filled: X" must not match "Partially filled: X"). */
const toast = (page: Page, title: string) =>
  toasts(page).filter({ has: page.getByText(title, { exact: true }) });

/** After a toast appeared, give a duplicate time to show up, then count. */
async function expectOnce(page: Page, title: string) {
  await expect(toast(page, title)).toHaveCount(1, { timeout: 1000 });
  await page.waitForTimeout(400);
  await expect(toast(page, title)).toHaveCount(1);
}

async function placeWorking(request: any, over: object = {}) {
  const order = await control(request, '/orders', {
    accountId: DEMO_ACCOUNT,
    symbol: 'GOOGL',
    side: 'BUY',
    type: 'LIMIT',
    qty: '100',
    price: '170.00',
    ...over,
  });
  await control(request, `/orders/${order.ordId}/accept`);
  return order;
}

test('fills, a rejection and an expiry each raise one toast within 1 s; snapshots raise none', async ({
  page,
  request,
}) => {
  await signIn(page);
  await expect(page.getByRole('table', { name: /^Top positions/ })).toBeVisible();
  // The initial snapshot holds filled and closed orders: no toast for history.
  await expect(toasts(page)).toHaveCount(0);

  const order = await placeWorking(request);
  const t0 = Date.now();
  await control(request, `/orders/${order.ordId}/fill`, { qty: '40', price: '169.95' });
  await expect(toast(page, 'Partially filled: GOOGL')).toBeVisible({ timeout: 1000 });
  test.info().annotations.push({
    type: 'fill → toast (ms, incl. control request)',
    description: String(Date.now() - t0),
  });
  await expectOnce(page, 'Partially filled: GOOGL');
  await expect(toast(page, 'Partially filled: GOOGL')).toContainText(
    'Bought 40 at 169.95 · 40 of 100 filled, 60 left',
  );
  await control(request, `/orders/${order.ordId}/fill`, { qty: '60', price: '170.00' });
  await expectOnce(page, 'Filled: GOOGL');
  await expect(toast(page, 'Filled: GOOGL')).toContainText('order complete, 100 avg 169.98');

  const rejected = await control(request, '/orders', {
    accountId: DEMO_ACCOUNT,
    symbol: 'QQQ',
    side: 'SELL',
    type: 'LIMIT',
    qty: '3',
    price: '520.00',
  });
  await control(request, `/orders/${rejected.ordId}/reject`, { reason: 'Outside trading hours' });
  await expectOnce(page, 'Rejected: QQQ');
  await expect(toast(page, 'Rejected: QQQ')).toContainText('Sell 3: Outside trading hours');

  const day = await placeWorking(request, { symbol: 'NFLX', qty: '7', price: '90.00' });
  await control(request, '/orders/expire-day');
  await expectOnce(page, 'Expired: NFLX');
  await expect(toast(page, 'Expired: NFLX')).toContainText('DAY order for 7 expired; 7 unfilled');
  expect(day.timeInForce).toBe('DAY');

  // Keyboard: Escape on a focused toast dismisses it; focus stays in the stack.
  const count = await toasts(page).count();
  await toast(page, 'Expired: NFLX')
    .getByRole('button', { name: /Dismiss alert/ })
    .focus();
  await page.keyboard.press('Escape');
  await expect(toasts(page)).toHaveCount(count - 1);
  await expect(toast(page, 'Expired: NFLX')).toHaveCount(0);
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /Dismiss alert|^$/);
  await page.getByRole('button', { name: /^Dismiss all/ }).click();
  await expect(toasts(page)).toHaveCount(0);

  // Reconnect: a fresh snapshot with all of the above in it raises nothing.
  await control(request, '/connections/drop', { abrupt: true });
  await expect(page.getByTestId('connection-status')).toHaveText(/Reconnecting|Connecting/);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 5000 });
  await page.waitForTimeout(500);
  await expect(toasts(page)).toHaveCount(0);

  // Signing out (no reload) forgets this session's alerts: the next user sees none of them.
  await control(request, `/orders/${(await placeWorking(request, { qty: '1' })).ordId}/fill`, {
    price: '170.00',
  });
  await expect(toasts(page)).toHaveCount(1, { timeout: 1000 });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(toasts(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Alerts' }).click();
  await expect(page.getByRole('dialog')).toContainText('None since this page opened.');
});

test('a buying-power threshold set in the Alerts panel alerts exactly once per crossing', async ({
  page,
  request,
}) => {
  await signIn(page);
  const { balance, positions } = await control(request, `/truth/${DEMO_ACCOUNT}`, undefined, 'GET');
  const aapl = positions.find((p: any) => p.symbol === 'AAPL');
  const opening = new Big(aapl.lastPrice);
  const down = opening.minus(50).toFixed(2);
  // AAPL −$50 on 200 shares: equity −10,000, maintenance −2,500 → buying power −15,000.
  const threshold = new Big(balance.netBuyingPower).minus(5000).round(2).toFixed(2);

  await page.getByRole('button', { name: 'Alerts' }).click();
  const panel = page.getByRole('dialog', { name: `Alerts for ${DEMO_ACCOUNT}` });
  await expect(panel).toBeVisible();
  const input = panel.getByLabel('Net buying power falls below ($)');
  await expect(input).toBeFocused();
  await expect(panel).toContainText(`Now ${formatMoney(balance.netBuyingPower)}`);
  await input.fill('abc');
  await page.keyboard.press('Enter');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.fill(`$${Number(threshold).toLocaleString('en-US')}`);
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toHaveText(
    `Saved: Buying power below ${formatMoney(threshold)}.`,
  );
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Alerts' })).toBeFocused();

  const title = `Buying power below ${formatMoney(threshold)}`;
  await control(request, '/prices', { symbol: 'AAPL', price: down }); // cross down
  await expectOnce(page, title);
  const further = opening.minus(51).toFixed(2);
  await control(request, '/prices', { symbol: 'AAPL', price: further }); // further below: silent
  await control(request, '/prices', { symbol: 'AAPL', price: opening.toFixed(2) }); // back above
  await page.waitForTimeout(300);
  await expect(toast(page, title)).toHaveCount(1);
  await control(request, '/prices', { symbol: 'AAPL', price: down }); // second crossing
  await expect(toast(page, title)).toHaveCount(2, { timeout: 1000 });
  await page.waitForTimeout(400);
  await expect(toast(page, title)).toHaveCount(2);
  await expect(toast(page, title).first()).toContainText('Net buying power is $');

  // Preferences survive a reload (per account, in localStorage) and show as a count; the
  // session resumes in the same tab (sessionStorage), so there is no sign-in form.
  await page.reload();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(page.getByRole('button', { name: 'Alerts, 1 threshold set' })).toBeVisible();
  await expect(toasts(page)).toHaveCount(0); // the reload's snapshot is below the line: silent
});

test('desktop notifications only after the button grants permission; never prompted on load', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['notifications']);
  await page.addInitScript(() => {
    const made: { title: string; body?: string }[] = [];
    const asked: number[] = [];
    const Real = window.Notification;
    function Recorder(title: string, options?: NotificationOptions) {
      made.push({ title, ...(options?.body ? { body: options.body } : {}) });
      try {
        return new Real(title, options);
      } catch {
        return { close() {}, onclick: null };
      }
    }
    Object.defineProperty(Recorder, 'permission', { get: () => Real.permission });
    (Recorder as any).requestPermission = (...args: any[]) => {
      asked.push(Date.now());
      return (Real.requestPermission as any)(...args);
    };
    (window as any).Notification = Recorder;
    (window as any).__notifications = { made, asked };
  });
  await signIn(page);
  const record = () => page.evaluate(() => (window as any).__notifications);

  // Permission granted by the browser, but not opted in: toast only.
  const first = await placeWorking(request);
  await control(request, `/orders/${first.ordId}/fill`, { price: '170.00' });
  await expectOnce(page, 'Filled: GOOGL');
  expect(await record()).toEqual({ made: [], asked: [] });

  await page.getByRole('button', { name: 'Alerts' }).click();
  await page.getByRole('button', { name: 'Enable desktop notifications' }).click();
  await expect(page.getByTestId('desktop-status')).toHaveText(/^On:/);
  expect((await record()).asked).toHaveLength(1);
  await page.keyboard.press('Escape');

  const second = await placeWorking(request, { symbol: 'AMD', qty: '10', price: '150.00' });
  await control(request, `/orders/${second.ordId}/fill`, { price: '150.00' });
  await expectOnce(page, 'Filled: AMD');
  await expect
    .poll(async () => (await record()).made)
    .toEqual([{ title: 'Filled: AMD', body: `Bought 10 at 150.00 · ${DEMO_ACCOUNT}` }]);
});

test('toasts auto-dismiss, but not while hovered or focused', async ({ page, request }) => {
  await page.clock.install();
  await signIn(page);
  const order = await placeWorking(request);
  await control(request, `/orders/${order.ordId}/fill`, { price: '170.00' });
  const filled = toast(page, 'Filled: GOOGL');
  await expect(filled).toBeVisible({ timeout: 1000 });
  await filled.hover();
  await page.clock.runFor(20_000); // well past a fill's 8 s
  await expect(filled).toBeVisible();
  await page.mouse.move(0, 0);
  await page.clock.runFor(7_000);
  await expect(filled).toBeVisible(); // the paused time did not count
  await page.clock.runFor(1_500);
  await expect(filled).toHaveCount(0);

  const second = await placeWorking(request, { symbol: 'AMD', qty: '10', price: '150.00' });
  await control(request, `/orders/${second.ordId}/fill`, { price: '150.00' });
  const amd = toast(page, 'Filled: AMD');
  await expect(amd).toBeVisible({ timeout: 1000 });
  await amd.getByRole('button', { name: /Dismiss alert/ }).focus();
  await page.clock.runFor(20_000);
  await expect(amd).toBeVisible();
  await page.keyboard.press('Tab'); // focus leaves the stack
  await page.clock.runFor(8_500);
  await expect(amd).toHaveCount(0);
});

test('toasts and the Alerts panel pass axe; screenshot', async ({ page, request }) => {
  await signIn(page);
  const order = await placeWorking(request);
  await control(request, `/orders/${order.ordId}/fill`, { qty: '25', price: '169.90' });
  const rejected = await control(request, '/orders', {
    accountId: DEMO_ACCOUNT,
    symbol: 'TSLA',
    side: 'BUY',
    type: 'LIMIT',
    qty: '5',
    price: '240.00',
  });
  await control(request, `/orders/${rejected.ordId}/reject`, {
    reason: 'Insufficient buying power',
  });
  await expect(toasts(page)).toHaveCount(2, { timeout: 1000 });
  await page.getByRole('button', { name: 'Alerts' }).click();
  await page.getByLabel("Today's P&L falls below ($)").fill('-2500');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, 'alerts');
});

test('[ALERT-FOLD-E2E] a burst of fills folds into one toast that counts them, instead of a toast per fill', async ({
  page,
  request,
}) => {
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}&status=all`);
  // ~170 order lifecycles in 2 s, each with fills (server/sim/burst.ts).
  await control(request, '/sim/burst', { accountId: DEMO_ACCOUNT, rate: 170, seconds: 2 });
  const more = page.getByTestId('toast-more');
  await expect(more).toHaveCount(1);
  await expect(more).toContainText(/^\+[\d,]+ more fills$/);
  const folded = Number((await more.locator('.num').textContent())!.replace(/,/g, ''));
  expect(folded).toBeGreaterThan(50);
  // The stack holds the first few fills and the folding toast, never one toast per fill.
  expect(await toasts(page).count()).toBeLessThanOrEqual(3);
  await screenshot(page, 'alerts-burst');
});
