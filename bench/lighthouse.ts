/**
 * Lighthouse, mobile (its default: a mid-range phone's screen and CPU, simulated slow 4G),
 * against the build as deployed: served by nginx with the deploy/ config, the embedded server
 * as the broker behind its /v1/ proxy. Two pages: the sign-in page (a first visit) and the
 * overview after sign-in (the session resumed, the HTTP cache emptied first, so every file is
 * fetched again). Prints each run's scores and metrics and the median performance score.
 *
 *   npm run build && npm run bench:lighthouse [-- --runs 3] [--save bench/out] [--dist dist]
 *
 * --save writes each run's full report (JSON, open in the Lighthouse viewer) to that directory;
 * --dist serves another build (to compare two builds in one session).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags } from 'lighthouse';
import puppeteer, { type Page } from 'puppeteer-core';
import { startServer } from '../server/index';
import { startNginx } from '../deploy/nginx-process';
import { arg, numArg, percentile, SMOKE, verdict } from './lib';

const TARGET = 90;
const runs = SMOKE ? 1 : numArg('runs', 3);
const saveDir = process.argv.includes('--save') ? arg('save', 'bench/out') : undefined;
const dist = arg('dist', 'dist');
if (!existsSync(`${dist}/index.html`)) throw new Error('bench needs the built app: npm run build');

const broker = await startServer({ port: 0, simRate: 0 }, { log: () => {} });
const nginx = await startNginx({ root: dist, upstream: broker.httpUrl });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });

const flags: Flags = {
  port: chrome.port,
  output: 'json',
  logLevel: 'error',
  onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
};

type Run = { score: number; line: string };

async function audit(page: Page, resumeSession: boolean, name: string): Promise<Run> {
  if (resumeSession) {
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
  }
  // Keeping storage keeps this tab's session (sessionStorage) and the account cache.
  const result = await lighthouse(
    `${nginx.origin}/`,
    { ...flags, disableStorageReset: resumeSession },
    undefined,
    page,
  );
  if (!result) throw new Error('lighthouse returned no result');
  if (saveDir) {
    mkdirSync(saveDir, { recursive: true });
    writeFileSync(`${saveDir}/lighthouse-${name}.json`, JSON.stringify(result.lhr));
  }
  const { categories, audits } = result.lhr;
  const score = (k: string) => Math.round((categories[k]?.score ?? 0) * 100);
  const metric = (k: string) => audits[k]?.displayValue ?? '?';
  const line =
    `performance ${score('performance')}  accessibility ${score('accessibility')}  ` +
    `best practices ${score('best-practices')}  SEO ${score('seo')}  |  FCP ${metric('first-contentful-paint')}  ` +
    `LCP ${metric('largest-contentful-paint')}  TBT ${metric('total-blocking-time')}  ` +
    `SI ${metric('speed-index')}  CLS ${metric('cumulative-layout-shift')}`;
  return { score: score('performance'), line };
}

async function signIn(page: Page): Promise<void> {
  await page.locator('::-p-aria(Username)').fill('demo');
  await page.locator('::-p-aria(Password)').fill('demo');
  await page.locator('::-p-aria([name="Sign in"][role="button"])').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="connection-status"]')?.textContent === 'Live',
    { timeout: 15_000 },
  );
}

const scores = { signIn: [] as number[], overview: [] as number[] };
try {
  console.log(`\nLighthouse (mobile) through nginx ${nginx.origin}, ${runs} run(s)`);
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    const first = await audit(page, false, `sign-in-${i + 1}`);
    scores.signIn.push(first.score);
    console.log(`  sign-in   #${i + 1}  ${first.line}`);
    await signIn(page);
    const overview = await audit(page, true, `overview-${i + 1}`);
    scores.overview.push(overview.score);
    console.log(`  overview  #${i + 1}  ${overview.line}`);
    await page.close();
  }
  for (const [name, list] of Object.entries(scores)) {
    const median = percentile(list, 50);
    console.log(
      verdict(
        `${name} mobile performance ≥ ${TARGET}`,
        median >= TARGET,
        `median ${median} (runs ${list.join(', ')})`,
      ),
    );
  }
} finally {
  await browser.disconnect();
  chrome.kill();
  await nginx.stop();
  await broker.close();
}
