/**
 * Never "Live" while behind: a burst far past what the page can paint makes the badge and a
 * banner say how far behind the figures are, and both clear once it has caught up.
 */
import { expect, test } from '@playwright/test';
import { control, DEMO_ACCOUNT, freshWorld, screenshot, signIn } from './fixtures';

test.beforeEach(freshWorld);

test('[E2E-LAG-1] a burst past the ceiling shows "N s behind" and a banner, both clear after', async ({
  page,
  request,
}) => {
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}&status=all`);
  const lag = page.getByTestId('connection-lag');
  const banner = page.getByTestId('lag-banner');
  await expect(lag).toHaveCount(0);
  // 4,000 order events/s (10,000 account messages/s) for 6 s: twice the ceiling and more.
  const burst = control(request, '/sim/burst', {
    accountId: DEMO_ACCOUNT,
    rate: 4_000,
    seconds: 6,
  });
  await expect(lag).toHaveText(/^· \d+\.\d s behind$/, { timeout: 15_000 });
  await expect(banner).toContainText('s behind the server');
  // Still connected: the socket is live, the figures are late.
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await screenshot(page, 'lag-behind');
  await burst;
  await expect(lag).toHaveCount(0, { timeout: 60_000 });
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
});
