import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test('the built app is served by the embedded server and renders the sign-in page', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Aries Trader');
  await expect(page.getByRole('heading', { name: 'Sign in to Aries Trader' })).toBeVisible();
  mkdirSync('e2e/artifacts', { recursive: true });
  await page.screenshot({ path: 'e2e/artifacts/smoke.png', fullPage: true });
});

test('a deep link is answered with the app, not a 404', async ({ request }) => {
  const res = await request.get('/orders?account=A-10001');
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain('<div id="root">');
});
