/** What every journey needs: signing in, the control API, screenshots and the axe check. */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { CONTROL_HEADER } from '../server/control/control-guard';
import { SOCKET_THREAD_SETTING } from '../src/socket/worker-socket/default-websocket';

export const DEMO_ACCOUNT = 'A-10001';

export async function signIn(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  // The pointer rests where "Sign in" was, which may now be over a chart's crosshair.
  await page.mouse.move(0, 0);
}

/**
 * The app opens its socket on the page's own thread, not in the socket worker: Playwright's
 * `routeWebSocket` cannot see a worker's sockets, so specs that route the link need this.
 */
export async function socketOnMainThread(page: Page): Promise<void> {
  await page.addInitScript(
    (key) => window.localStorage.setItem(key, 'main'),
    SOCKET_THREAD_SETTING,
  );
}

/**
 * Calls the embedded server's control API (SIM_CONTROL=1) and returns the JSON body. `server`:
 * its origin when the page's base URL is another server (nginx in front of it).
 */
export async function control(
  request: APIRequestContext,
  path: string,
  data?: object,
  method: 'POST' | 'PUT' | 'DELETE' | 'GET' = 'POST',
  server = '',
): Promise<any> {
  // The control API answers only requests that carry its header and, for writes, JSON.
  const res = await request.fetch(`${server}/__control${path}`, {
    method,
    headers: { [CONTROL_HEADER]: '1', 'content-type': 'application/json' },
    ...(method === 'GET' ? {} : { data: data ?? {} }),
  });
  expect(res.ok(), `${method} /__control${path}: ${await res.text()}`).toBe(true);
  return res.json();
}

/** beforeEach: a fresh seeded world with the random walk stopped, so specs never share state. */
export async function freshWorld({ request }: { request: APIRequestContext }): Promise<void> {
  await control(request, '/sim/reset');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('e2e/artifacts', { recursive: true });
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
}

/** axe violations of impact serious or critical, as readable strings (expect it to equal []). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  return (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
