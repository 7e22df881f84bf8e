import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import Big from 'big.js';
import { formatMoney } from '../src/lib/format';
import { startOfTradingDay } from '../src/lib/time';
import { exchangeDate } from '../src/protocol/exchange-time';
import { rangeFirstDay, subscriptionStart } from '../src/features/performance/performance-range';
import {
  control,
  DEMO_ACCOUNT,
  freshWorld,
  screenshot,
  seriousA11yViolations,
  signIn,
} from './fixtures';

test.beforeEach(freshWorld);

type TruthCandle = { t: number; open: string; close: string };
const DAY = 86_400;
const money = (v: Big) => formatMoney(v.toFixed(2), { signed: true });

/**
 * The server's daily candles turned into the page's figures, computed here on their own
 * (big.js, no app code): a day is its close less the previous day's close.
 */
async function truthOf(request: APIRequestContext, range: '1M' | '1Y') {
  const nowS = Math.floor(Date.now() / 1000);
  const startTime = subscriptionStart(nowS);
  const candles: TruthCandle[] = await control(
    request,
    `/truth/${DEMO_ACCOUNT}/candles?interval=1d&startTime=${startTime}`,
    undefined,
    'GET',
  );
  const first = rangeFirstDay(range, nowS);
  // A daily candle starts at New York's midnight; the page keys a day by its date's UTC midnight.
  const keyed = candles.map((c, i) => {
    const day = new Date(c.t * 1000).toISOString().slice(0, 10);
    return {
      t: c.t,
      key: Date.parse(day) / 1000,
      day,
      close: c.close,
      pnl: new Big(c.close).minus(i === 0 ? c.open : candles[i - 1]!.close),
    };
  });
  const days = keyed.filter((d) => d.key >= first);
  const byPnl = [...days].sort((a, b) => a.pnl.cmp(b.pnl));
  const base = new Big(keyed.find((d) => d.key === first - DAY)!.close);
  let peak = base;
  let drawdown = new Big(0);
  for (const d of days) {
    const v = new Big(d.close);
    if (v.gt(peak)) peak = v;
    if (peak.minus(v).gt(drawdown)) drawdown = peak.minus(v);
  }
  return {
    days,
    total: new Big(days.at(-1)!.close).minus(base),
    best: byPnl.at(-1)!,
    worst: byPnl[0]!,
    winning: days.filter((d) => d.pnl.gt(0)).length,
    losing: days.filter((d) => d.pnl.lt(0)).length,
    drawdown,
  };
}

test('the figures match the server’s daily candles, and follow the stream live', async ({
  page,
  request,
}) => {
  await signIn(page, `/performance?account=${DEMO_ACCOUNT}&range=1M`);
  await expect(page.getByRole('heading', { name: 'Performance', level: 1 })).toBeVisible();
  const truth = await truthOf(request, '1M');
  expect(truth.days.length).toBe(30);
  await expect(page.getByTestId('perf-total')).toContainText(money(truth.total));
  await expect(page.getByTestId('perf-total')).toContainText('30 days');
  await expect(page.getByTestId('perf-best')).toHaveText(money(truth.best.pnl) + truth.best.day);
  await expect(page.getByTestId('perf-worst')).toHaveText(money(truth.worst.pnl) + truth.worst.day);
  await expect(page.getByTestId('perf-win-loss')).toContainText(
    `${truth.winning} up · ${truth.losing} down`,
  );
  await expect(page.getByTestId('perf-drawdown')).toContainText(money(truth.drawdown.neg()));

  // A price move changes today's P&L: today's figures follow without a reload.
  const before = await page.getByTestId('perf-total').textContent();
  const held = (await control(request, `/truth/${DEMO_ACCOUNT}`, undefined, 'GET')).positions[0];
  await control(request, '/prices', {
    symbol: held.underlying ?? held.symbol,
    price: new Big(held.lastPrice).times('1.1').toFixed(2),
  });
  await expect(page.getByTestId('perf-total')).not.toHaveText(before ?? '');
  const after = await truthOf(request, '1M');
  await expect(page.getByTestId('perf-total')).toContainText(money(after.total));
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('the calendar walks by keyboard and opens a day’s intraday chart', async ({
  page,
  request,
}) => {
  await signIn(page, `/performance?account=${DEMO_ACCOUNT}`);
  const truth = await truthOf(request, '1Y');
  const calendar = page.getByRole('grid', { name: 'Daily P&L calendar' });
  const today = truth.days.at(-1)!;
  const yesterday = truth.days.at(-2)!;
  const weekAgo = truth.days.at(-8)!;
  // One day in the tab order: today.
  const focusable = calendar.locator('a[tabindex="0"]');
  await expect(focusable).toHaveCount(1);
  await expect(focusable).toHaveAccessibleName(`${today.day}: ${money(today.pnl)} day P&L`);
  await focusable.focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus')).toHaveAccessibleName(
    `${yesterday.day}: ${money(yesterday.pnl)} day P&L`,
  );
  await expect(page.getByTestId('perf-calendar-day')).toContainText(money(yesterday.pnl));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator(':focus')).toHaveAccessibleName(
    `${weekAgo.day}: ${money(weekAgo.pnl)} day P&L`,
  );
  await page.keyboard.press('Home');
  await expect(page.locator(':focus')).toHaveAccessibleName(
    `${truth.days[0]!.day}: ${money(truth.days[0]!.pnl)} day P&L`,
  );
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/pnl\?.*range=custom.*interval=15m/);
  expect(new URL(page.url()).searchParams.get('day')).toBe(yesterday.day);
  await expect(page.getByTestId('pnl-focus-day')).toHaveText(
    `showing ${yesterday.day} (exchange day, ET)`,
  );
  // The chart opens on that day once its candles are in.
  await expect(page.getByTestId('pnl-chart')).toHaveAttribute(
    'data-focus-day',
    String(yesterday.t),
  );
  expect(new URL(page.url()).searchParams.get('account')).toBe(DEMO_ACCOUNT);
});

test('the daily series downloads as CSV, row for row the server’s', async ({ page, request }) => {
  await signIn(page, `/performance?account=${DEMO_ACCOUNT}&range=1M`);
  const truth = await truthOf(request, '1M');
  await expect(page.getByTestId('perf-total')).toContainText(money(truth.total));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export daily CSV' }).click(),
  ]);
  const text = readFileSync((await download.path())!, 'utf8');
  const rows = text.trim().split('\r\n');
  expect(rows[0]).toBe('date_utc,close_pnl,day_pnl');
  expect(rows.slice(1)).toEqual(
    truth.days.map((d) => `${d.day},${d.close},${new Big(d.pnl).toString()}`),
  );
  expect(download.suggestedFilename()).toBe(
    `pnl-daily-${DEMO_ACCOUNT}-${truth.days[0]!.day}-${truth.days.at(-1)!.day}.csv`,
  );
});

test('today’s P&L by symbol adds up to the positions’ realized and unrealized', async ({
  page,
  request,
}) => {
  await signIn(page, `/performance?account=${DEMO_ACCOUNT}`);
  const { positions } = await control(request, `/truth/${DEMO_ACCOUNT}`, undefined, 'GET');
  const total = positions.reduce(
    (s: Big, p: { todayRealizedPnL: string; unrealizedPnL: string }) =>
      s.plus(p.todayRealizedPnL).plus(p.unrealizedPnL),
    new Big(0),
  );
  const foot = page.getByTestId('perf-by-symbol').locator('tfoot tr');
  await expect(foot).toContainText(`All symbols${positions.length}`);
  await expect(foot.locator('td').last()).toHaveText(money(total));
});

for (const theme of ['dark', 'light'] as const) {
  test(`the page at 1280 px in the ${theme} theme: no sideways scroll, accessible`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, `/performance?account=${DEMO_ACCOUNT}`);
    if (theme === 'light')
      await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await expect(page.getByTestId('perf-total')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1280,
    );
    await screenshot(page, `performance-${theme}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
}

test('the P&L page’s panel: the figures of the candles the chart holds, against the server’s', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, `/pnl?account=${DEMO_ACCOUNT}`);
  // Today in 1-minute candles, from the exchange's midnight the page asks for.
  const startTime = startOfTradingDay(Date.now());
  const candles: TruthCandle[] = await control(
    request,
    `/truth/${DEMO_ACCOUNT}/candles?interval=1m&startTime=${startTime}`,
    undefined,
    'GET',
  );
  let peak = new Big(candles[0]!.open);
  let drawdown = new Big(0);
  const closeOfDay = new Map<string, string>();
  for (const c of candles) {
    const v = new Big(c.close);
    if (v.gt(peak)) peak = v;
    if (peak.minus(v).gt(drawdown)) drawdown = peak.minus(v);
    closeOfDay.set(exchangeDate(c.t * 1000), c.close);
  }
  let base = candles[0]!.open;
  const days = [...closeOfDay].map(([day, close]) => {
    const pnl = new Big(close).minus(base);
    base = close;
    return { day, pnl };
  });
  const best = [...days].sort((a, b) => b.pnl.cmp(a.pnl))[0]!;
  await expect(page.getByRole('heading', { name: /Performance in this range/ })).toBeVisible();
  await expect(page.getByTestId('perf-drawdown')).toContainText(money(drawdown.neg()));
  await expect(page.getByTestId('perf-best')).toHaveText(money(best.pnl) + best.day);

  // A year of daily candles: no figure's tip (hidden until hovered) widens the page.
  await page.getByRole('button', { name: '1Y', exact: true }).click();
  await expect(page.getByTestId('pnl-count')).toHaveText(/^3\d\d$/);
  await expect(page.getByTestId('perf-drawdown')).toContainText(/^−\$[\d,]+\.\d{2}/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await screenshot(page, 'pnl-performance');
  expect(await seriousA11yViolations(page)).toEqual([]);
});
