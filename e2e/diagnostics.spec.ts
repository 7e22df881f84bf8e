/**
 * Issue 7 parts 5 and 6: the connection diagnostics page, and record → replay offline.
 * The real tokens are captured from the sign-in response so the test can prove they never
 * reach the clipboard report or the recording file.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  control,
  DEMO_ACCOUNT,
  freshWorld,
  screenshot,
  seriousA11yViolations,
  signIn,
} from './fixtures';

const JWT_SHAPE = /e[wy][A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/;

test.beforeEach(freshWorld);

/** Collects CSP violations from the first byte, and the tokens the server hands out. */
async function watch(page: Page) {
  const tokens: string[] = [];
  page.on('response', async (res) => {
    if (!res.url().endsWith('/v1/oauth2/token') || !res.ok()) return;
    const body = (await res.json()) as { access_token: string; refresh_token?: string };
    tokens.push(body.access_token, ...(body.refresh_token ? [body.refresh_token] : []));
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return {
    tokens,
    violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}

const num = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).innerText()).replace(/[^\d.]/g, ''));

test('diagnostics: live rates, an invalid frame with its reason, a drop in the history, subscriptions, and a token-free copy', async ({
  page,
  request,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const w = await watch(page);
  await signIn(page, `/diagnostics?account=${DEMO_ACCOUNT}`);
  await expect(
    page.getByRole('heading', { name: 'Connection diagnostics', level: 1 }),
  ).toBeVisible();

  // Current subscriptions: what the shell streams, each acknowledged and live.
  const subs = page.getByTestId('diag-subscriptions');
  for (const key of [`account:${DEMO_ACCOUNT}`, 'watchlist', 'news']) {
    await expect(subs.locator(`tr[data-key="${key}"]`)).toContainText('Acknowledged');
    await expect(subs.locator(`tr[data-key="${key}"]`)).toContainText('live');
  }

  // Rates move while the simulator runs, and settle back when it stops.
  const before = await num(page, 'updates-account');
  await control(request, '/sim/start', { rate: 40 });
  await expect.poll(() => num(page, 'rate-account'), { timeout: 8000 }).toBeGreaterThan(0);
  await expect
    .poll(() => num(page, 'updates-account'), { timeout: 5000 })
    .toBeGreaterThan(before + 20);
  await control(request, '/sim/stop');

  // Invalid frames appear with their reason and a redacted excerpt.
  await control(request, '/malformed', { kind: 'not-json' });
  await control(request, '/malformed', { kind: 'unknown-topic' });
  const invalid = page.getByTestId('diag-invalid');
  await expect(invalid.locator('tr', { hasText: 'not-json' })).toContainText(
    '{"type":"event", oops',
  );
  await expect(invalid.locator('tr', { hasText: 'unknown-topic' })).toContainText('weather');
  await expect(page.getByTestId('diag-drop-counts')).toContainText('not-json 1');

  // A forced drop shows up in the history with its reason, then the link comes back.
  await control(request, '/connections/drop', { reason: 'dropped by control API' });
  const history = page.getByTestId('diag-history');
  await expect(history.locator('tr', { hasText: 'Reconnecting' })).toContainText(
    'dropped by control API',
  );
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 5000 });
  await expect(page.getByTestId('diag-Reconnects')).toHaveText('1');

  // A page coming back into view pings at once: a round trip lands on the chart.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(
    page.getByRole('img', { name: /Round-trip time chart\. 1 round trips/ }),
  ).toBeVisible();

  // "Copy diagnostics": one JSON document with all of the above and no credential.
  await page.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(page.getByText(/Copied .* of diagnostics \(no credentials\)/)).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const report = JSON.parse(copied);
  expect(report.format).toBe('aries-diagnostics');
  expect(report.invalidFrames.recent.map((f: any) => f.reason)).toEqual([
    'not-json',
    'unknown-topic',
  ]);
  expect(report.history.recent.some((h: any) => h.reason === 'dropped by control API')).toBe(true);
  expect(report.subscriptions.map((s: any) => s.key).sort()).toEqual(
    [`account:${DEMO_ACCOUNT}`, 'news', 'watchlist'].sort(),
  );
  expect(report.rtt.samples.length).toBe(1);
  expect(w.tokens.length).toBeGreaterThan(0);
  for (const t of w.tokens) expect(copied).not.toContain(t);
  expect(copied).not.toMatch(JWT_SHAPE);

  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await w.violations()).toEqual([]);
  await screenshot(page, 'diagnostics');
});

test('record a session to a file without its token, then replay it offline in a fresh browser', async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(90_000); // two browser contexts, a download and two replays
  const w = await watch(page);
  await signIn(page, `/diagnostics?account=${DEMO_ACCOUNT}`);
  const record = page.getByRole('button', { name: 'Record', exact: true });
  await record.click();
  await expect(record).toHaveAttribute('aria-pressed', 'true');

  // Some trading while recording: new orders through their lifecycle, market moves, a bad frame.
  for (const [symbol, qty] of [
    ['GOOGL', '100'],
    ['MSFT', '25'],
  ] as const) {
    const o = await control(request, '/orders', {
      accountId: DEMO_ACCOUNT,
      symbol,
      side: 'BUY',
      type: 'LIMIT',
      qty,
      price: '170.00',
    });
    await control(request, `/orders/${o.ordId}/accept`);
    await control(request, `/orders/${o.ordId}/fill`, { qty: '10', price: '169.95' });
  }
  await control(request, '/sim/step', { count: 30 });
  // A busy stretch: the simulator's own orders, fills and prices for a few seconds.
  await control(request, '/sim/start', { rate: 60 });
  await page.waitForTimeout(3000);
  await control(request, '/sim/stop');
  await control(request, '/malformed', { kind: 'not-json' });

  await page.getByRole('link', { name: 'Orders', exact: true }).click();
  await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: /^All/ }).click();
  const shown = page.getByTestId('orders-shown');
  await expect(page.getByRole('row', { name: /GOOGL/ }).first()).toBeVisible();
  const recordedOrders = await shown.innerText();
  const firstRow = await page.locator('tbody tr').first().innerText();

  await page.getByRole('link', { name: 'Diagnostics', exact: true }).click();
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByTestId('recording-status')).toContainText('Recording stopped');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save recording' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^aries-recording-.*\.jsonl$/);
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  const lines = text.trim().split('\n');
  expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'aries-recording', version: 1 });
  expect(lines.length).toBeGreaterThan(100);
  // The file holds no credential: neither the tokens the server issued nor anything JWT-shaped.
  expect(w.tokens.length).toBeGreaterThan(0);
  for (const t of w.tokens) expect(text).not.toContain(t);
  expect(text).not.toMatch(JWT_SHAPE);
  expect(await w.violations()).toEqual([]);

  // ---- replay, in a fresh context with the network blocked ----------------------------------
  const offline = await browser.newContext();
  const replay = await offline.newPage();
  const r = await watch(replay);
  const blocked: string[] = [];
  const sockets: string[] = [];
  replay.on('websocket', (ws) => sockets.push(ws.url()));
  await replay.addInitScript(() => {
    const w = window as unknown as { __wsCreated: number };
    w.__wsCreated = 0;
    const Native = window.WebSocket;
    window.WebSocket = new Proxy(Native, {
      construct(target, args) {
        w.__wsCreated++;
        return Reflect.construct(target, args) as object;
      },
    });
  });
  // Only the app's own files may load; any API or control call is refused and noted.
  await replay.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const isAppFile =
      route.request().method() === 'GET' &&
      !url.pathname.startsWith('/v1/') &&
      !url.pathname.startsWith('/__control') &&
      url.pathname !== '/healthz';
    if (isAppFile) return route.continue();
    blocked.push(`${route.request().method()} ${url.pathname}`);
    return route.abort();
  });
  await replay.goto(`/orders?account=${DEMO_ACCOUNT}&status=all`);
  await screenshot(replay, 'replay-sign-in');
  // A file that is not a recording is refused with the reason, and nothing starts.
  await replay.getByLabel('Replay a recording').setInputFiles({
    name: 'notes.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from('{"hello":"world"}\n'),
  });
  await expect(replay.getByRole('alert')).toContainText(
    'Cannot replay notes.jsonl: not an Aries recording',
  );
  await replay.getByLabel('Replay a recording').setInputFiles(file);
  const banner = replay.getByTestId('replay-banner');
  await expect(banner).toContainText('REPLAY — not live');
  await expect(replay.getByTestId('connection-status')).toContainText('Replay');
  // The account switcher lists the recording's accounts (from its snapshots, not the API).
  await expect(replay.getByLabel('Account')).toContainText(`${DEMO_ACCOUNT} · MARGIN`);
  const t0 = Date.now();
  await banner.getByRole('button', { name: 'Max' }).click();
  await expect(replay.getByTestId('replay-progress')).toContainText('Replay finished', {
    timeout: 15_000,
  });
  console.log(
    `[figures] recording: ${lines.length - 1} events, ${text.length} bytes; replay at Max finished within ${Date.now() - t0} ms`,
  );
  // The pages show what was recorded: the same orders, the same newest row.
  await expect(replay.getByTestId('orders-shown')).toHaveText(recordedOrders);
  expect(await replay.locator('tbody tr').first().innerText()).toBe(firstRow);
  expect(await seriousA11yViolations(replay)).toEqual([]);
  await screenshot(replay, 'replay');

  // Diagnostics of the replay: the recorded bad frame, dropped with the same reason.
  await replay.getByRole('link', { name: 'Diagnostics', exact: true }).click();
  await expect(
    replay.getByTestId('diag-invalid').locator('tr', { hasText: 'not-json' }),
  ).toBeVisible();
  await expect(replay.getByTestId('diag-Socket')).toContainText('replay:');

  // The same file replays again from the diagnostics page, from the start.
  await replay.getByLabel('Replay a recording…').setInputFiles(file);
  await expect(replay.getByTestId('replay-banner')).toContainText('REPLAY — not live');
  await replay.getByTestId('replay-banner').getByRole('button', { name: '10×' }).click();
  await expect(replay.getByTestId('replay-progress')).toContainText('Replay finished', {
    timeout: 15_000,
  });
  await replay.getByRole('link', { name: 'Orders', exact: true }).click();
  await replay.getByRole('group', { name: 'Status' }).getByRole('button', { name: /^All/ }).click();
  await expect(replay.getByTestId('orders-shown')).toHaveText(recordedOrders);

  // Nothing went to the network: no WebSocket was ever created, no API call was attempted.
  expect(sockets).toEqual([]);
  expect(
    await replay.evaluate(() => (window as unknown as { __wsCreated: number }).__wsCreated),
  ).toBe(0);
  expect(blocked).toEqual([]);
  expect(await r.violations()).toEqual([]);
  await offline.close();
});
