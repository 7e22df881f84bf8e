/** Local or exchange time for every timestamp, remembered across reloads; the day is New York's. */
import { expect, test } from '@playwright/test';
import { control, DEMO_ACCOUNT, freshWorld, signIn } from './fixtures';

// A browser far from New York, so local and exchange readings differ by hours.
test.use({ timezoneId: 'Europe/Berlin' });
test.beforeEach(freshWorld);

const clockIn = (zone: string, iso: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(iso));

test('[TZ-E2E-1] the header switches every timestamp to New York time and remembers it', async ({
  page,
  request,
}) => {
  const order = await control(request, '/orders', {
    accountId: DEMO_ACCOUNT,
    symbol: 'GOOGL',
    side: 'BUY',
    type: 'LIMIT',
    qty: '10',
    price: '170.00',
  });
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}&status=all`);
  const toggle = page.getByTestId('time-zone-toggle');
  await expect(toggle).toHaveText('Local');
  await expect(toggle).toHaveAccessibleName(/^Times in Local .*: switch to New York time \(ET\)$/);

  const timeCell = page.locator(`tr[data-ordid="${order.ordId}"] td`).first();
  await expect(timeCell).toHaveText(clockIn('Europe/Berlin', order.createdAt));
  await expect(page.getByRole('columnheader', { name: /^Time GMT\+1/ })).toBeVisible();

  await toggle.click();
  await expect(toggle).toHaveText('ET');
  await expect(timeCell).toHaveText(clockIn('America/New_York', order.createdAt));
  await expect(timeCell).toHaveAttribute('title', / ET$/);
  await expect(page.getByRole('columnheader', { name: /^Time ET/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /^Updated ET/ })).toBeVisible();

  // Remembered: a reload (the tab's session resumes) keeps New York time.
  await page.reload();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(page.getByTestId('time-zone-toggle')).toHaveText('ET');
  await expect(timeCell).toHaveText(clockIn('America/New_York', order.createdAt));

  // Back to local, and that is remembered too.
  await page.getByTestId('time-zone-toggle').click();
  await page.reload();
  await expect(page.getByTestId('time-zone-toggle')).toHaveText('Local');
  await expect(timeCell).toHaveText(clockIn('Europe/Berlin', order.createdAt));
});

test('[TZ-E2E-2] "Today" starts at New York midnight, shown in either zone', async ({ page }) => {
  await signIn(page, `/pnl?account=${DEMO_ACCOUNT}`);
  const since = page.getByText(/^since /);
  // New York midnight is 06:00 in Berlin (winter) or 06:00 (summer): six hours apart all year
  // except the weeks the two switch clocks on different dates.
  await expect(since).toHaveText(/^since \d{4}-\d\d-\d\d 0[5-7]:00:00 GMT\+[12]$/);
  await page.getByTestId('time-zone-toggle').click();
  await expect(since).toHaveText(/^since \d{4}-\d\d-\d\d 00:00:00 ET$/);
  await expect(page.getByTestId('pnl-legend')).toContainText(/ ET/);
  await expect(page.getByTestId('pnl-chart')).toHaveAttribute('aria-label', /Times in ET\./);
});
