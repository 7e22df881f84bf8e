/**
 * A token for one user never shows another user's data: a URL naming someone else's account
 * is refused clearly on every account page, and not one frame of that account's data reaches
 * the browser (checked on the wire, not only on screen). And when the session's credentials
 * are refused, the app asks for a sign-in once and keeps what it showed, marked stale.
 */
import { expect, test, type Page } from '@playwright/test';
import { control, freshWorld, screenshot, signIn } from './fixtures';

test.beforeEach(freshWorld);

const FOREIGN = 'A-20001'; // user "other"'s IRA (server/users.ts); we sign in as "demo"

/** Every text frame the page receives on its WebSocket, from now on. */
function recordFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string') frames.push(payload);
    }),
  );
  return frames;
}

test("[E2E-ACCESS-1] another user's account in the URL is refused on every account page, and none of its data arrives", async ({
  page,
}) => {
  const frames = recordFrames(page);
  await signIn(page, `/?account=${FOREIGN}`);
  const nav = page.getByRole('navigation');
  for (const label of ['Overview', 'Orders', 'Positions', 'Balances', 'P&L']) {
    await nav.getByRole('link', { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`account=${FOREIGN}`));
    await expect(page.getByRole('alert')).toHaveText(
      `You don't have access to account ${FOREIGN}.`,
    );
    await expect(page.getByRole('table')).toHaveCount(0);
  }
  await screenshot(page, 'access-denied');
  // The only frames naming the account are the server's refusals.
  const naming = frames.filter((f) => f.includes(FOREIGN)).map((f) => JSON.parse(f));
  expect(naming.length).toBeGreaterThan(0);
  expect(naming.filter((f) => f.payload?.code !== 'ACCESS_DENIED')).toEqual([]);
});

test('[E2E-ACCESS-2] after a refusal, choosing one of your own accounts shows its data', async ({
  page,
}) => {
  await signIn(page, `/positions?account=${FOREIGN}`);
  await expect(page.getByRole('alert')).toHaveText(`You don't have access to account ${FOREIGN}.`);
  await page.getByLabel('Account').selectOption('A-10001');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('table')).toContainText('AAPL');
});

test('[E2E-ACCESS-3] credentials refused on reconnect: one clear sign-in request, the data stays on screen marked stale', async ({
  page,
  request,
}) => {
  await signIn(page);
  const equity = await page.getByTestId('Total equity').textContent();
  expect(equity).toMatch(/^\$[\d,]+\.\d{2}$/);
  const authFrames: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      if (typeof payload === 'string' && payload.includes('"/auth"')) authFrames.push(payload);
    }),
  );
  // Every token of demo's stops working, then the session ends: the reconnect is refused.
  await control(request, '/tokens/revoke', { userId: 'u-1001' });
  await control(request, '/sessions/expire');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing has been lost' })).toHaveText(
    'Sign in again: token has been revoked. Nothing has been lost. Sign in again',
  );
  await expect(page.getByTestId('connection-status')).toHaveText('Sign in required');
  await expect(page.getByText(/Data is stale — .*; sign in again to resume\./)).toBeVisible();
  await expect(page.getByTestId('Total equity')).toHaveText(equity!);
  await screenshot(page, 'sign-in-required');
  // No retry loop: still one refused attempt a few seconds later.
  await page.waitForTimeout(3000);
  expect(authFrames).toHaveLength(1);

  await page.getByRole('button', { name: 'Sign in again' }).click();
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
});
