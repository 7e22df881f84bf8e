import { expect, test, type Page } from '@playwright/test';
import {
  control,
  DEMO_ACCOUNT,
  freshWorld,
  screenshot,
  seriousA11yViolations,
  signIn,
} from './fixtures';

test.beforeEach(freshWorld);

const article = (page: Page, id: string) => page.locator(`article[data-news-id="${id}"]`);

test('defaults to news on what the trader holds or watches, newest first', async ({ page }) => {
  await signIn(page, '/news');
  await expect(page.getByRole('button', { name: 'Held & watched' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('news-scope')).toContainText('AAPL');
  await expect(page.getByTestId('news-scope')).toContainText('TSLA');
  const times = await page
    .locator('article time')
    .evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime') ?? '')));
  expect(times.length).toBeGreaterThan(0);
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  await screenshot(page, 'news');
});

test('a breaking article appears live as unread and is read once focused', async ({
  page,
  request,
}) => {
  await signIn(page, '/news');
  await expect(page.locator('article').first()).toBeVisible();
  const unreadBefore = parseInt((await page.getByTestId('news-unread').textContent()) ?? '0', 10);
  const posted = await control(request, '/news', {
    headline: 'AAPL announces record buyback',
    symbols: ['AAPL'],
    topics: ['earnings'],
    summary: 'Board approves a larger programme.',
  });
  const item = article(page, posted.id);
  await expect(item).toBeVisible({ timeout: 1000 });
  await expect(page.locator('article').first()).toHaveAttribute('data-news-id', posted.id);
  await expect(item).toContainText('New');
  await expect(page.getByTestId('news-unread')).toHaveText(`${unreadBefore + 1} unread`);
  await expect(page.getByRole('link', { name: /News/ }).first()).toContainText(/\d/);
  await item.getByRole('link', { name: /Read at/ }).focus();
  await expect(item).not.toHaveAttribute('data-unread');
  await expect(page.getByTestId('news-unread')).toHaveText(`${unreadBefore} unread`);
});

test('hostile article text is shown as text, clamped, and unsafe links are dropped', async ({
  page,
  request,
}) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await signIn(page, '/news?all=1');
  const rlo = String.fromCodePoint(0x202e);
  const hostile = await control(request, '/news', {
    headline: `<img src=x onerror=alert(1)> ${rlo}kcots yub`,
    summary: 'x'.repeat(12_000), // the control API takes 16 KiB bodies
    url: 'javascript:alert(1)',
    symbols: ['NVDA'],
  });
  const item = article(page, hostile.id);
  await expect(item).toBeVisible({ timeout: 1000 });
  await expect(item.getByRole('heading')).toHaveText('<img src=x onerror=alert(1)> kcots yub');
  await expect(item.locator('img')).toHaveCount(0);
  await expect(item.getByRole('link', { name: /Read at/ })).toHaveCount(0);
  expect((await item.locator('p').textContent())?.length).toBeLessThanOrEqual(2_000);
  const safe = await control(request, '/news', {
    headline: 'NVDA supplier update',
    url: 'https://news.example.com/nvda',
    symbols: ['NVDA'],
  });
  const link = article(page, safe.id).getByRole('link', { name: /Read at/ });
  await expect(link).toHaveAttribute('href', 'https://news.example.com/nvda');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('target', '_blank');
  expect(dialogs).toBe(0);
});

test('symbol and topic filters live in the URL and narrow the live feed', async ({
  page,
  request,
}) => {
  await signIn(page, `/news?account=${DEMO_ACCOUNT}`);
  await page.getByRole('button', { name: 'macro', exact: true }).click();
  await expect(page).toHaveURL(/topics=macro/);
  await expect(page.getByRole('button', { name: 'macro', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const macro = await control(request, '/news', {
    headline: 'Rates steady; XOM in focus',
    symbols: ['XOM'],
    topics: ['macro'],
  });
  const other = await control(request, '/news', {
    headline: 'AAPL product teaser',
    symbols: ['AAPL'],
    topics: ['product'],
  });
  await expect(article(page, macro.id)).toBeVisible({ timeout: 1000 });
  await expect(article(page, other.id)).toHaveCount(0);
  await expect(page.locator('article')).not.toHaveCount(0);
  for (const topics of await page
    .locator('article')
    .evaluateAll((els) => els.map((e) => e.textContent ?? '')))
    expect(topics).toContain('macro');

  await page.getByLabel('Symbols').fill('tsla');
  await page.getByLabel('Symbols').press('Enter');
  await expect(page).toHaveURL(/symbols=TSLA/);
  await page.getByRole('button', { name: 'All news' }).click();
  await expect(page).toHaveURL(/all=1/);
  await expect(page).not.toHaveURL(/topics=/);
  await expect(article(page, other.id)).toBeVisible();
});

test('news page has no serious or critical accessibility violations', async ({ page }) => {
  await signIn(page, '/news');
  await expect(page.locator('article').first()).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});
