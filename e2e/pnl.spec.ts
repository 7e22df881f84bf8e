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

const count = async (page: import('@playwright/test').Page) =>
  Number((await page.getByTestId('pnl-count').textContent())?.replace(/,/g, ''));

test("draws today's P&L candles with an exact OHLC legend", async ({ page }) => {
  await signIn(page, '/pnl');
  await expect(page.getByRole('button', { name: 'Today', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('button', { name: '1m', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('pnl-chart').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('pnl-close')).toHaveText(/^[+−]?\$[\d,]+\.\d{2}$/);
  expect(await count(page)).toBeGreaterThan(0);
  await screenshot(page, 'pnl');
});

test('a price move updates the live candle in place, without redrawing the series', async ({
  page,
  request,
}) => {
  await signIn(page, '/pnl');
  const chart = page.getByTestId('pnl-chart');
  await expect(chart).toHaveAttribute('data-resets', /\d+/);
  const resets = await chart.getAttribute('data-resets');
  const close = page.getByTestId('pnl-close');
  const before = await close.textContent();
  await control(request, '/prices', { symbol: 'NVDA', price: '175.00' });
  await expect(close).not.toHaveText(before ?? '', { timeout: 1000 });
  await expect(chart).toHaveAttribute('data-updates', /[1-9]/);
  await expect(chart).toHaveAttribute('data-resets', resets ?? '');
});

test('interval and range live in the URL and resubscribe', async ({ page }) => {
  await signIn(page, `/pnl?account=${DEMO_ACCOUNT}`);
  const todayCount = await count(page);
  await page.getByRole('button', { name: '5m', exact: true }).click();
  await expect(page).toHaveURL(/interval=5m/);
  await expect(page.getByRole('button', { name: '5m', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(() => count(page)).toBeLessThan(todayCount);
  await page.getByRole('button', { name: '1Y', exact: true }).click();
  await expect(page).toHaveURL(/interval=1d&range=1Y/);
  // A year of daily candles (the simulator's history covers it).
  await expect.poll(() => count(page)).toBeGreaterThan(300);
  await page.getByRole('button', { name: 'Custom', exact: true }).click();
  await expect(page).toHaveURL(/range=custom/);
  await page.getByLabel('From').fill('2026-01-05T09:30');
  await expect(page).toHaveURL(/from=2026-01-05T09%3A30/);
  // Deep link: the view is restored from the URL after a reload.
  await page.reload(); // the tab's session resumes (sessionStorage)
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(page.getByRole('button', { name: 'Custom', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByLabel('From')).toHaveValue('2026-01-05T09:30');
});

test('a long range of fine candles loads in two steps: one screen at once, then the whole range', async ({
  page,
}) => {
  const pnlSubscriptions: { startTime: string }[] = [];
  let unsubscribed = 0;
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      const msg = JSON.parse(String(payload)) as {
        type: string;
        payload?: { topic?: string; params?: { startTime: string; interval: string } };
      };
      if (msg.payload?.topic !== 'pnl') return;
      if (msg.type === 'unsubscribe') unsubscribed += 1;
      if (msg.type === 'subscribe' && msg.payload.params?.interval === '1m')
        pnlSubscriptions.push(msg.payload.params);
    }),
  );
  await signIn(page, `/pnl?account=${DEMO_ACCOUNT}&range=1M&interval=1m`);
  // A month of 1-minute candles is 43,200: the whole range replaces the first screen.
  await expect.poll(() => count(page), { timeout: 15_000 }).toBeGreaterThan(40_000);
  await expect(page.getByTestId('pnl-partial')).toHaveCount(0);
  await expect(page.getByTestId('pnl-change')).toHaveText(/^[+−]?\$[\d,]+\.\d{2}$/);
  expect(pnlSubscriptions).toHaveLength(2);
  const [quick, whole] = pnlSubscriptions.map((p) => Date.parse(p.startTime));
  expect(quick! - whole!).toBeGreaterThan(20 * 86_400_000);
  // Re-subscribing replaces the stream in place: nothing was unsubscribed in between.
  expect(unsubscribed).toBe(0);
  const chart = page.getByTestId('pnl-chart');
  await expect(chart).toHaveAttribute('data-resets', '2');
  // The chart holds the newest 10,000 candles; going back to the first hands it the rest.
  await expect(chart).toHaveAttribute('data-held', '10000');
  await chart.focus();
  await page.keyboard.press('Home');
  await expect(chart).toHaveAttribute('data-held', String(await count(page)));
  // …and the legend reads the first candle of the range, which the chart scrolled to.
  const since = (await page.getByText(/^since /).textContent())!.slice(6, 16);
  await expect(page.getByTestId('pnl-legend')).toContainText(since);
  await expect(page.getByTestId('pnl-legend')).not.toContainText('live');
});

test('the keyboard walks the candles and the chart follows the window size', async ({ page }) => {
  await signIn(page, '/pnl?interval=15m');
  const chart = page.getByTestId('pnl-chart');
  await expect(page.getByTestId('pnl-legend')).toContainText('live');
  await chart.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('pnl-legend')).not.toContainText('live');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('pnl-legend')).toContainText('live');
  const canvas = chart.locator('canvas').first();
  const wide = (await canvas.boundingBox())?.width ?? 0;
  await page.setViewportSize({ width: 700, height: 700 });
  await expect.poll(async () => (await canvas.boundingBox())?.width ?? 0).toBeLessThan(wide - 100);
});

test('P&L page has no serious or critical accessibility violations', async ({ page }) => {
  await signIn(page, '/pnl');
  await expect(page.getByTestId('pnl-close')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});
