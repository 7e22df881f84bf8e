import { chromium } from '@playwright/test';
const base = process.env.BASE;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const path of ['/orders?account=A-10001', '/orders?account=all', '/?account=A-10001', '/?account=all']) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(base + path);
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password').fill('demo');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('connection-status').filter({ hasText: 'Live' }).waitFor({ timeout: 30000 });
  console.log(path, Date.now() - t0, 'ms');
  await ctx.close();
}
await browser.close();
