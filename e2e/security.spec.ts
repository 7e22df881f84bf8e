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

test('no token is kept in localStorage or IndexedDB; sessionStorage holds only the refresh token', async ({
  page,
}) => {
  // The access token as the server issued it, to look for it verbatim.
  const issued: string[] = [];
  page.on('response', async (res) => {
    if (res.url().endsWith('/v1/oauth2/token') && res.ok()) {
      const body = (await res.json()) as { access_token: string; refresh_token: string };
      issued.push(body.access_token, body.refresh_token);
    }
  });
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}`);
  for (const name of ['Positions', 'Balances', 'P&L', 'Overview'])
    await page.getByRole('link', { name, exact: true }).click();
  // Wait for the account cache to be written (throttled, ≤ 2 s), then read everything stored.
  const stored = async () =>
    page.evaluate(async () => {
      const dump: string[] = [];
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i)!;
        dump.push(`${k}=${localStorage.getItem(k)}`);
      }
      for (const info of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(info.name!);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        for (const store of db.objectStoreNames) {
          const all = await new Promise<unknown[]>((resolve, reject) => {
            const req = db.transaction(store).objectStore(store).getAll();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          dump.push(JSON.stringify(all));
        }
        db.close();
      }
      return { dump: dump.join('\n'), session: sessionStorage.getItem('aries.session') ?? '' };
    });
  await expect.poll(async () => (await stored()).dump).toContain('"accountId":"A-10001"');
  const { dump, session } = await stored();
  expect(issued.length).toBeGreaterThanOrEqual(2);
  const jwt = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
  expect(dump).not.toMatch(jwt);
  for (const token of issued) expect(dump).not.toContain(token);
  // sessionStorage (issue 5's ceiling): the refresh token, never the access token.
  expect(session).toContain('"kind":"refresh"');
  expect(session).not.toContain(issued[0]!);
  expect(page.url()).not.toMatch(jwt);
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

test('sign out returns to a bare sign-in page: no account or filter left in the URL', async ({
  page,
}) => {
  await signIn(page, `/news?account=${DEMO_ACCOUNT}&topics=earnings&symbols=NVDA`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const url = new URL(page.url());
  expect(url.pathname).toBe('/');
  expect(url.search).toBe('');
  // The next user signs in and sees their own first account, not the last one's id.
  await page.getByLabel('Username').fill('other');
  await page.getByLabel('Password').fill('other');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(page.getByText(DEMO_ACCOUNT)).toHaveCount(0);
});
