import { expect, test } from '@playwright/test';
import { control, DEMO_ACCOUNT, freshWorld, signIn } from './fixtures';

test.beforeEach(freshWorld);

// Collected in the page from the first byte, so a violation during start-up is caught too.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
});

const violations = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

test('the app is served with a strict CSP and every page runs under it without violations', async ({
  page,
  request,
}) => {
  const res = await request.get('/');
  const header = res.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self'");
  expect(header).toContain("frame-ancestors 'none'");
  expect(header).not.toContain('unsafe-inline');
  await signIn(page, `/?account=${DEMO_ACCOUNT}`);
  for (const name of [
    'Orders',
    'Positions',
    'Balances',
    'P&L',
    'Watchlist',
    'News',
    'Diagnostics',
    'Overview',
  ]) {
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
  await expect(page.getByTestId('pnl-chart')).toHaveCount(0); // back on the overview
  expect(await violations(page)).toEqual([]);
});

test('hostile news cannot run script, even with markup in every field', async ({
  page,
  request,
}) => {
  await signIn(page, '/news?all=1');
  const payload = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
  const posted = await control(request, '/news', {
    headline: payload,
    summary: payload,
    source: payload,
    url: 'javascript:window.__pwned=3',
    symbols: ['NVDA'],
    topics: ['<b>macro</b>'],
  });
  const item = page.locator(`article[data-news-id="${posted.id}"]`);
  await expect(item).toBeVisible({ timeout: 1000 });
  await expect(item.getByRole('heading')).toHaveText(payload);
  await item.click(); // marks read; any handler smuggled in would fire now
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
    undefined,
  );
  await expect(item.locator('script, img')).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
});

test('a production host the CSP would block is refused at sign-in with the reason', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Production' }).click();
  await page.getByLabel('Socket URL').fill('wss://other-broker.example/v1/accounts/ws');
  await page.getByLabel('API base').fill('https://other-broker.example');
  await page.getByLabel('Access token').fill('x.y.z');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('this build may only connect to 127.0.0.1');
  await expect(page.getByRole('alert')).toContainText('wss://api.aries.com');
  expect(await violations(page)).toEqual([]);
});
