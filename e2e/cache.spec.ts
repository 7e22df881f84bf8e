/**
 * Instant start: the last known state is painted from IndexedDB while the socket
 * cannot deliver, marked "Last known at …" and never Live; the server's snapshot replaces it;
 * sign-out deletes it; another user never sees it.
 */
import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import {
  control,
  DEMO_ACCOUNT,
  freshWorld,
  screenshot,
  seriousA11yViolations,
  signIn,
  socketOnMainThread,
} from './fixtures';

test.beforeEach(freshWorld);

// CSP violations from the first byte of every load, reloads included (the cache path runs zod).
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
});
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

const CACHE_DB = 'aries-account-cache';
const rowOf = (page: Page, ordId: string) => page.locator(`tr[data-ordid="${ordId}"]`);

/**
 * Routes the account socket through the test: while `held`, the socket opens but the server
 * never answers (a link that cannot deliver); `release()` lets the next attempt through.
 */
async function holdableSocket(page: Page) {
  await socketOnMainThread(page);
  let held = false;
  const mocked: WebSocketRoute[] = [];
  await page.routeWebSocket('**/v1/accounts/ws', (ws) => {
    if (held) mocked.push(ws);
    else ws.connectToServer();
  });
  return {
    hold: () => void (held = true),
    /** The silent sockets close; the client reconnects (backoff ≤ 1 s) and now gets through. */
    release: async () => {
      held = false;
      for (const ws of mocked.splice(0)) await ws.close({ code: 1011, reason: 'test release' });
    },
  };
}

/** Every record in the cache database, as the page's IndexedDB holds it. */
function cacheContents(page: Page) {
  return page.evaluate(async (name) => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === name)) return { exists: false, accounts: [], meta: [] };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = (store: string) =>
      new Promise<any[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const out = { exists: true, accounts: await all('accounts'), meta: await all('meta') };
    db.close();
    return out;
  }, CACHE_DB);
}

async function signInAs(page: Page, user: string) {
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('[CACHE-E2E-1] a reload paints the last known orders at once, marked and not live, until the snapshot replaces them', async ({
  page,
  request,
}) => {
  const socket = await holdableSocket(page);
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}&status=all`);
  const first = page.locator('tr[data-ordid]').first();
  await expect(first).toBeVisible();
  const firstId = (await first.getAttribute('data-ordid'))!;
  const firstText = (await first.textContent()) ?? '';
  // The throttled writer saves within ~2 s of the snapshot.
  await expect
    .poll(async () => (await cacheContents(page)).accounts.map((r) => r.accountId))
    .toContain(DEMO_ACCOUNT);

  // The link cannot deliver; meanwhile an order is placed that only the server knows.
  socket.hold();
  const placed = await control(request, '/orders', {
    accountId: DEMO_ACCOUNT,
    symbol: 'GOOGL',
    side: 'BUY',
    type: 'LIMIT',
    qty: '100',
    price: '170.00',
  });
  await page.reload();

  const banner = page.getByTestId('cached-banner');
  // The time names its zone (the browser's here; "ET" when New York time is chosen).
  await expect(banner).toHaveText(/^Last known at \d\d:\d\d:\d\d \S+ — connecting…$/);
  await expect(rowOf(page, firstId)).toHaveText(firstText);
  await expect(rowOf(page, placed.ordId)).toHaveCount(0);
  await expect(page.getByTestId('connection-status')).not.toHaveText('Live');
  await expect(page.getByLabel('Username')).toHaveCount(0); // the session resumed
  // Drained of colour (not faded: contrast stays AA), and the page still passes axe.
  await expect(banner.locator('xpath=following-sibling::div')).toHaveClass(/grayscale/);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.mouse.move(0, 0);
  await screenshot(page, 'cache');
  // Still not live a while later: cached data is never promoted by time alone.
  await page.waitForTimeout(500);
  await expect(page.getByTestId('connection-status')).not.toHaveText('Live');
  await expect(banner).toBeVisible();

  await socket.release();
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 10_000 });
  await expect(banner).toHaveCount(0);
  await expect(rowOf(page, placed.ordId)).toContainText('GOOGL');
  await expect(rowOf(page, firstId)).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('[CACHE-E2E-2] the overview paints from the cache on a reload without ?account=', async ({
  page,
}) => {
  const socket = await holdableSocket(page);
  await signIn(page, '/');
  const equity = await page.getByTestId('Total equity').innerText();
  await expect.poll(async () => (await cacheContents(page)).meta[0]?.accounts?.length).toBe(2);
  await expect
    .poll(async () => (await cacheContents(page)).accounts.map((r) => r.accountId))
    .toContain(DEMO_ACCOUNT);
  socket.hold();
  await page.reload();
  await expect(page.getByTestId('cached-banner')).toBeVisible();
  await expect(page.getByTestId('Total equity')).toHaveText(equity);
  await expect(page.getByTestId('connection-status')).not.toHaveText('Live');
  await page.mouse.move(0, 0);
  await screenshot(page, 'cache-overview');
  await socket.release();
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 10_000 });
  await expect(page.getByTestId('cached-banner')).toHaveCount(0);
});

test('[CACHE-E2E-3] sign-out deletes the cache and the stored session; another user never sees the first one’s data', async ({
  page,
}) => {
  const socket = await holdableSocket(page);
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}&status=all`);
  await expect.poll(async () => (await cacheContents(page)).accounts.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect.poll(async () => (await cacheContents(page)).exists).toBe(false);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

  // demo again, then the tab "closes" without signing out (its sessionStorage goes, IndexedDB stays).
  await signInAs(page, 'demo');
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect.poll(async () => (await cacheContents(page)).accounts.length).toBeGreaterThan(0);
  await page.evaluate(() => sessionStorage.clear());
  socket.hold();
  await page.goto(`/orders?account=${DEMO_ACCOUNT}&status=all`);
  await signInAs(page, 'other');
  // While the link cannot deliver, nothing of demo's is painted for other.
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('cached-banner')).toHaveCount(0);
  await expect(page.locator('tr[data-ordid]')).toHaveCount(0);
  const contents = await cacheContents(page);
  expect(contents.accounts).toEqual([]);
  expect(contents.meta.map((m) => m.identity)).toEqual([expect.stringMatching(/^u-2002@/)]);
  await socket.release();
  await expect(page.getByRole('alert')).toContainText(
    `You don't have access to account ${DEMO_ACCOUNT}`,
    {
      timeout: 10_000,
    },
  );
});
