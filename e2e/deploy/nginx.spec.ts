import { control, DEMO_ACCOUNT, signIn } from '../fixtures';
import { siteCsp } from '../../deploy/nginx-config';
import { PAGE_ROUTES } from '../../src/app/routes';
import { BROKER, expect, test } from './nginx-fixture';

// The control API stays on the embedded server; nginx proxies only what the app uses.
test.beforeEach(async ({ request }) => {
  await control(request, '/sim/reset', {}, 'POST', BROKER);
});

/** The entry script and stylesheet index.html points at. */
async function assetsOf(html: string): Promise<{ js: string; css: string }> {
  const js = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  const css = /<link[^>]+href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
  expect(js && css, 'index.html names its script and stylesheet').toBeTruthy();
  return { js: js!, css: css! };
}

test('[DEPLOY-E2E-1] through nginx: sign in, every page live, a live change over the proxied socket', async ({
  page,
  request,
}) => {
  await signIn(page);
  const status = page.getByTestId('connection-status');
  const nav = page.getByRole('navigation', { name: 'Pages' });
  for (const { label } of PAGE_ROUTES) {
    await nav.getByRole('link', { name: label, exact: false }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('Loading page…')).toHaveCount(0);
    await expect(page.getByText(/Data is stale/)).toHaveCount(0);
    await expect(status).toHaveText('Live');
  }
  await nav.getByRole('link', { name: 'Orders' }).click();
  // control() fails the test unless the server accepted the order.
  await control(
    request,
    '/orders',
    {
      accountId: DEMO_ACCOUNT,
      symbol: 'NFLX',
      side: 'BUY',
      type: 'LIMIT',
      qty: '37',
      price: '1.23',
    },
    'POST',
    BROKER,
  );
  await expect(page.getByRole('row', { name: /NFLX/ }).first()).toBeVisible();
});

test('[DEPLOY-E2E-2] a deep link and a reload come back live through nginx, the socket via the proxy', async ({
  page,
  nginx,
}) => {
  await signIn(page);
  await page.goto(`/positions?account=${DEMO_ACCOUNT}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Positions');
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Positions');
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  // nginx logs a proxied socket when it closes: the loads before the reload have ended.
  await expect
    .poll(() => nginx.accessLog().match(/"GET \/v1\/accounts\/ws[^"]*" 101 /g)?.length ?? 0)
    .toBeGreaterThanOrEqual(2);
  expect(nginx.accessLog()).toMatch(/"POST \/v1\/oauth2\/token[^"]*" 200 /);
});

test('[DEPLOY-E2E-3] security headers and the CSP on the app, deep links and assets', async ({
  request,
}) => {
  for (const path of ['/', '/orders?status=open', '/index.html']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const h = res.headers();
    expect(h['content-security-policy'], path).toBe(siteCsp());
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('no-referrer');
    expect(h['cache-control'], path).toBe('no-cache');
    // Plain HTTP: HSTS is for TLS responses only.
    expect(h['strict-transport-security'], path).toBeUndefined();
    expect(await res.text()).toContain('<div id="root">');
  }
  const { js } = await assetsOf(await (await request.get('/')).text());
  const asset = (await request.get(js)).headers();
  expect(asset['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset['content-security-policy']).toBe(siteCsp());
  expect(asset['x-content-type-options']).toBe('nosniff');
  // A missing file is a 404, never the app, and never cached for a year.
  const missing = await request.get('/assets/no-such-chunk.js');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['cache-control']).toBeUndefined();
  expect((await request.get('/no-such-file.png')).status()).toBe(404);
});

test('[DEPLOY-E2E-4] HTML, JS and CSS are sent brotli or gzip compressed, as the client accepts', async ({
  request,
}) => {
  const { js, css } = await assetsOf(await (await request.get('/')).text());
  for (const path of ['/', '/news', js, css]) {
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const res = await request.get(path, { headers: { 'accept-encoding': accept } });
      expect(res.status(), `${path} ${accept}`).toBe(200);
      expect(res.headers()['content-encoding'], `${path} ${accept}`).toBe(encoding);
      expect(res.headers()['vary'], `${path} ${accept}`).toMatch(/Accept-Encoding/i);
    }
  }
});
