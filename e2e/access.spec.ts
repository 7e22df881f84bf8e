/**
 * A token for one user never shows another user's data: a URL naming someone else's account
 * is refused clearly on every account page, and not one frame of that account's data reaches
 * the browser (checked on the wire, not only on screen).
 */
import { expect, test, type Page } from '@playwright/test';
import { freshWorld, screenshot, signIn } from './fixtures';

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

test("another user's account in the URL is refused on every account page, and none of its data arrives", async ({
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

test('after a refusal, choosing one of your own accounts shows its data', async ({ page }) => {
  await signIn(page, `/positions?account=${FOREIGN}`);
  await expect(page.getByRole('alert')).toHaveText(`You don't have access to account ${FOREIGN}.`);
  await page.getByLabel('Account').selectOption('A-10001');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('table')).toContainText('AAPL');
});
