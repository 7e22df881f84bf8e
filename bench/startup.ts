/**
 * Start-up: initial JS per route (gzip, from dist/), first contentful paint of the app, and
 * sign-in → first painted account snapshot on loopback.
 *
 *   npm run bench:startup
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launch, ms, percentile, SMOKE, startBenchServer, verdict } from './lib';

const ASSETS = 'dist/assets';
const gz = (file: string) => gzipSync(readFileSync(`${ASSETS}/${file}`)).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A chunk and every chunk it imports statically (what the browser must fetch to run it). */
function closure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(`${ASSETS}/${entry}`, 'utf8');
  for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) closure(m[1]!, seen);
  return seen;
}

const html = readFileSync('dist/index.html', 'utf8');
const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
if (!entry) throw new Error('no entry script in dist/index.html');
const initial = closure(entry);
const initialBytes = [...initial].reduce((n, f) => n + gz(f), 0);
const files = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
const PAGES: Record<string, string> = {
  '/orders': 'orders-page',
  '/positions': 'positions-page',
  '/balances': 'balances-page',
  '/pnl': 'pnl-page',
  '/watchlist': 'watchlist-page',
  '/news': 'news-page',
};

console.log('\nInitial JS (gzip) per route');
console.log(`  /            ${kb(initialBytes)}  (${[...initial].join(', ')})`);
// lightweight-charts carries its TradingView attribution; that string marks a chunk holding it.
const hasChart = (f: string) => /tradingview/i.test(readFileSync(`${ASSETS}/${f}`, 'utf8'));
const chartRoutes: string[] = [...initial].some(hasChart) ? ['/'] : [];
for (const [route, name] of Object.entries(PAGES)) {
  const chunk = files.find((f) => f.startsWith(`${name}-`));
  if (!chunk) continue;
  const extra = [...closure(chunk)].filter((f) => !initial.has(f));
  const bytes = extra.reduce((n, f) => n + gz(f), 0);
  if (extra.some(hasChart)) chartRoutes.push(route);
  console.log(
    `  ${route.padEnd(12)} ${kb(initialBytes + bytes)}  (+${kb(bytes)}: ${extra.join(', ')})`,
  );
}

const server = await startBenchServer();
const browser = await launch();
const runs = SMOKE ? 1 : 5;
const fcp: number[] = [];
const snapshot: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.httpUrl);
    await page.getByLabel('Username').fill('demo');
    fcp.push(
      await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      ),
    );
    await page.getByLabel('Password').fill('demo');
    const clicked = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('table tbody tr').first().waitFor();
    const painted = await page.evaluate(
      () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))),
    );
    snapshot.push(painted - clicked);
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(
  `\nFirst contentful paint (sign-in page): median ${ms(percentile(fcp, 50))} over ${runs} runs`,
);
console.log(
  `Sign-in click → first painted account snapshot: median ${ms(percentile(snapshot, 50))}, max ${ms(Math.max(...snapshot))}`,
);
console.log('\nBudgets:');
console.log(
  verdict(
    'first painted snapshot ≤ 1 s',
    percentile(snapshot, 50) <= 1000,
    ms(percentile(snapshot, 50)),
  ),
);
console.log(verdict('initial JS ≤ 250 KB gzip', initialBytes <= 250 * 1024, kb(initialBytes)));
console.log(
  verdict(
    'chart code only on routes that need it',
    chartRoutes.join() === '/pnl',
    `chart code loaded on: ${chartRoutes.join(', ') || 'no route'}`,
  ),
);
