/**
 * Refresh tokens in the browser: resumed through the HttpOnly cookie, spent once, revoked by
 * Sign out, shared safely by tabs reloading together; and a reload that cannot resume says why.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNT, freshWorld, signIn } from './fixtures';

test.beforeEach(freshWorld);

const live = (page: Page) => expect(page.getByTestId('connection-status')).toHaveText('Live');

test('a reload resumes through the cookie; after Sign out the old cookie cannot mint tokens', async ({
  page,
}) => {
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}`);
  const before = (await page.context().cookies()).find((c) => c.name === 'aries_rt');
  expect(before?.value).toBeTruthy();
  await page.reload();
  await live(page);
  await expect(page.getByLabel('Username')).toHaveCount(0);

  const current = (await page.context().cookies()).find((c) => c.name === 'aries_rt')!;
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Username')).toBeVisible();
  // The revoked token, replayed by hand, is refused.
  const replay = await page.request.post('/v1/oauth2/token', {
    data: { grant_type: 'refresh_token', refresh_token: current.value },
  });
  expect(replay.status()).toBe(401);
  expect((await replay.json()).error).toBe('invalid_grant');
});

test('two tabs reloading at once both resume: refreshes take turns, nobody is signed out', async ({
  page,
}) => {
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}`);
  // A second tab of the same browser: its own sign-in, the one shared cookie.
  const second = await page.context().newPage();
  await signIn(second, `/positions?account=${DEMO_ACCOUNT}`);
  await Promise.all([page.reload(), second.reload()]);
  await live(page);
  await live(second);
  await expect(page.getByLabel('Username')).toHaveCount(0);
  await expect(second.getByLabel('Username')).toHaveCount(0);
  await second.close();
});

test('a reload whose refresh is refused says why on the sign-in page', async ({
  page,
  request,
}) => {
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}`);
  // Revoked behind the tab's back (another device signing out, an administrator).
  const cookie = (await page.context().cookies()).find((c) => c.name === 'aries_rt')!;
  // (From outside the browser: the page's own request context would clear the cookie too.)
  await request.post('/v1/oauth2/revoke', { data: { token: cookie.value } });
  await page.reload();
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page.getByRole('status')).toContainText('could not be resumed after the reload');
  await expect(page.getByRole('status')).toContainText('revoked');
  expect(new URL(page.url()).search).toBe('');
});

test('a server that gives no refresh token: the session says a reload will lose it, and the reload says why', async ({
  page,
}) => {
  await page.route('**/v1/oauth2/token', async (route) => {
    const res = await route.fetch();
    const body = (await res.json()) as Record<string, unknown>;
    delete body.refresh_token;
    delete body.refresh_token_delivery;
    await route.fulfill({
      response: res,
      json: body,
      headers: { 'content-type': 'application/json' },
    });
  });
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}`);
  await expect(page.getByTestId('reload-notice')).toContainText('cannot survive a reload');
  await page.reload();
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page.getByRole('status')).toContainText('no refresh token');
});
