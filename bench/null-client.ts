/**
 * The floor for the benches: a page that does only the unavoidable work for the same stream.
 * Its socket lives in a worker (like the app's), which only `JSON.parse`s each frame, counts
 * the updates and posts their server timestamps to the page once per relay window; the page
 * writes one number into the DOM. Event-to-paint is measured by the same probe as the app; a
 * snapshot is timed from opening the socket to the paint after it is parsed.
 *
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import type { RunningServer } from '../server/index';
import { clientMessages } from '../src/protocol/client-messages';
import { RELAY_WINDOW_MS } from '../src/socket/worker-socket/frame-relay';
import { ACCOUNT } from './lib';

const workerSource = (subscribe: string) => `
let stamps = [];
let count = 0;
let timer;
const post = () => { timer = undefined; postMessage({ count, stamps }); stamps = []; };
onmessage = (e) => {
  const { url, token } = e.data;
  const ws = new WebSocket(url);
  ws.onopen = () => ws.send(${JSON.stringify(JSON.stringify(clientMessages.auth('a1', '__TOKEN__')))}.replace('__TOKEN__', token));
  ws.onmessage = (m) => {
    const f = JSON.parse(m.data);
    const p = f.payload;
    if (p && p.action === 'authSuccess') {
      ws.send(${JSON.stringify(subscribe)});
      return;
    }
    if (p && p.action === 'subscribed') { postMessage({ subscribed: true }); return; }
    if (p && p.action === 'update') {
      count++;
      stamps.push(Date.parse(f.timestamp));
      if (timer === undefined) timer = setTimeout(post, ${RELAY_WINDOW_MS});
    }
  };
};`;

/** The whole page: starts the worker on `__start(url, token)` and shows the count. */
function nullClientHtml(subscribe: string): string {
  return `<!doctype html><html><head><title>null client</title></head><body>
<h1>Null client</h1><p>Account updates: <output id="n">0</output></p>
<script>
window.__start = (url, token) => {
  const src = ${JSON.stringify(workerSource(subscribe))};
  const worker = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
  const out = document.getElementById('n');
  worker.onmessage = (e) => {
    if (e.data.subscribed) {
      // Painted: the frame after this task.
      requestAnimationFrame(() => { window.__snapshotAt = performance.now(); document.body.dataset.live = '1'; });
      out.textContent = 'subscribed';
      return;
    }
    const probe = window.__ARIES_PROBE__;
    for (const at of e.data.stamps) probe.received('account', at);
    probe.applied('account', e.data.stamps);
    out.textContent = String(e.data.count);
  };
  worker.postMessage({ url, token });
};
</script></body></html>`;
}

/**
 * Opens the null client on `page`, signed in as demo against `server`, subscribed to `sub`
 * (the account stream by default), and waits until the acknowledgement, snapshot included, is
 * parsed and painted. Resolves to the ms from the start of the socket to that paint: the floor
 * for a snapshot. The page comes from a throwaway loopback server of its own (so none of the
 * app's headers apply); the token is fetched here and handed in.
 */
export async function openNullClient(
  page: Page,
  server: RunningServer,
  sub: { topic: string; params: object } = { topic: 'account', params: { accountId: ACCOUNT } },
): Promise<number> {
  const res = await fetch(`${server.httpUrl}/v1/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo', password: 'demo' }),
  });
  const { access_token: token } = (await res.json()) as { access_token: string };
  const html = nullClientHtml(
    JSON.stringify(clientMessages.subscribe('s1', sub.topic, sub.params)),
  );
  const http = createServer((_req, out) =>
    out.writeHead(200, { 'content-type': 'text/html' }).end(html),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
  } finally {
    http.close();
  }
  const wsUrl = `${server.httpUrl.replace(/^http/, 'ws')}/v1/accounts/ws`;
  const started = await page.evaluate(() => performance.now());
  await page.evaluate(
    ([url, t]) => (window as unknown as { __start(u: string, t: string): void }).__start(url!, t!),
    [wsUrl, token],
  );
  await page.locator('body[data-live]').waitFor({ timeout: 60_000 });
  return ((await page.evaluate('window.__snapshotAt')) as number) - started;
}
