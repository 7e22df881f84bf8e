/**
 * The socket worker (src/socket/worker-socket): by default the account stream's socket, its
 * per-message tasks and its decoding live in a worker, and the page gets batches; a setting
 * puts it back on the page's thread. Either way the app is the same to the trader.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNT, freshWorld, signIn, socketOnMainThread } from './fixtures';

test.beforeEach(freshWorld);

/** Counts the sockets constructed on the page's own thread (a worker has its own WebSocket). */
async function countPageSockets(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __pageSockets: number };
    w.__pageSockets = 0;
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        w.__pageSockets++;
      }
    };
  });
  return () => page.evaluate(() => (window as unknown as { __pageSockets: number }).__pageSockets);
}

async function showsLiveOrders(page: Page): Promise<void> {
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}&status=all`);
  await expect(page.locator('tr[data-ordid]').first()).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
}

test('[E2E-WORKER-1] by default the stream’s socket lives in the socket worker, not on the page', async ({
  page,
}) => {
  const pageSockets = await countPageSockets(page);
  await showsLiveOrders(page);
  expect(page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/worker-entry/));
  expect(await pageSockets()).toBe(0);
});

test('[E2E-WORKER-2] with the socket-thread setting at "main" the page opens the socket itself, and nothing else changes', async ({
  page,
}) => {
  await socketOnMainThread(page);
  const pageSockets = await countPageSockets(page);
  await showsLiveOrders(page);
  expect(await pageSockets()).toBe(1);
  expect(page.workers().map((w) => w.url())).not.toContainEqual(
    expect.stringMatching(/worker-entry/),
  );
});
