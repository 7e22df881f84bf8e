/** Keyboard first: the command palette (Ctrl/Cmd+K), single-key shortcuts and the `?` overlay. */
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

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const search = (page: Page) => palette(page).getByRole('combobox');

async function openPalette(page: Page, query = ''): Promise<void> {
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await expect(search(page)).toBeFocused();
  if (query) await search(page).fill(query);
}

test('[KBD-1] the palette goes to a page, switches account and changes preferences', async ({
  page,
}) => {
  await signIn(page, `/?account=${DEMO_ACCOUNT}`);
  await openPalette(page, 'positions');
  await expect(page.getByRole('option', { name: /Go to Positions/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/positions\\?account=${DEMO_ACCOUNT}$`));

  await openPalette(page, 'switch to account');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/positions\?account=A-10002$/);
  await expect(page.getByRole('combobox', { name: 'Account' })).toHaveValue('A-10002');

  await openPalette(page, 'theme');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveClass(/light/);
  await openPalette(page, 'new york');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('time-zone-toggle')).toHaveText('ET');
  // Esc closes and hands focus back.
  await page.getByTestId('time-zone-toggle').focus();
  await openPalette(page);
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(page.getByTestId('time-zone-toggle')).toBeFocused();
});

test('[KBD-2] the palette finds an order, filters the blotter and opens a symbol’s news', async ({
  page,
  request,
}) => {
  const order = await control(request, '/orders', {
    accountId: DEMO_ACCOUNT,
    symbol: 'GOOGL',
    side: 'BUY',
    type: 'LIMIT',
    qty: '25',
    price: '150.00',
  });
  await signIn(page, `/?account=${DEMO_ACCOUNT}`);
  await openPalette(page, order.ordId);
  const hit = page.getByRole('option', { name: new RegExp(`${order.ordId} · GOOGL BUY 25`) });
  await expect(hit).toBeVisible();
  await expect(hit).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/orders\?account=A-10001&status=all&symbol=GOOGL$/);
  await expect(page.locator(`tr[data-ordid="${order.ordId}"]`)).toBeVisible();

  // While on the blotter: the palette's filter replaces the URL's and the field follows.
  await openPalette(page, 'aapl');
  await page.getByRole('option', { name: 'Show orders in AAPL' }).click();
  await expect(page).toHaveURL(/\/orders\?account=A-10001&symbol=AAPL$/);
  await expect(page.getByLabel('Symbol')).toHaveValue('AAPL');
  await expect(page.getByRole('row', { name: /GOOGL/ })).toHaveCount(0);

  // Any NVDA orders are listed first; the arrow keys walk down to the symbol's news.
  await openPalette(page, 'nvda');
  const news = page.getByRole('option', { name: 'Open news for NVDA' });
  await expect(news).toBeVisible();
  for (let i = 0; i < 20 && (await news.getAttribute('aria-selected')) !== 'true'; i++)
    await page.keyboard.press('ArrowDown');
  await expect(news).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/news\?account=A-10001&symbols=NVDA$/);
});

test('[KBD-3] single keys go to pages and switch preferences, never while typing', async ({
  page,
}) => {
  await signIn(page, `/?account=${DEMO_ACCOUNT}`);
  await page.keyboard.press('g');
  await page.keyboard.press('o');
  await expect(page).toHaveURL(/\/orders\?account=A-10001$/);
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await expect(page).toHaveURL(/\/pnl\?account=A-10001$/);
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveClass(/light/);
  await page.keyboard.press('z');
  await expect(page.getByTestId('time-zone-toggle')).toHaveText('ET');

  // Typing in a field: letters are letters.
  await page.keyboard.press('g');
  await page.keyboard.press('o');
  await page.getByLabel('Symbol').focus();
  await page.keyboard.type('tzg?');
  await expect(page.getByLabel('Symbol')).toHaveValue('tzg?');
  await expect(page.locator('html')).toHaveClass(/light/);
  await expect(page.getByTestId('time-zone-toggle')).toHaveText('ET');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('[KBD-4] ? lists the shortcuts in a focus-trapped dialog; Esc closes and focus returns', async ({
  page,
}) => {
  await signIn(page, `/?account=${DEMO_ACCOUNT}`);
  const trigger = page.getByRole('button', { name: 'Switch to light theme' });
  await trigger.focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Go to Orders');
  await expect(help).toContainText('Open the command palette');
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveCount(1);
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(trigger).toBeFocused();
});

test('[KBD-A11Y] palette and overlay pass axe in both themes', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, `/orders?account=${DEMO_ACCOUNT}&status=all`);
  for (const theme of ['dark', 'light']) {
    await openPalette(page, 'a');
    await page.keyboard.press('ArrowDown');
    await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
    expect(await seriousA11yViolations(page), `palette, ${theme}`).toEqual([]);
    await screenshot(page, `palette-${theme}`);
    await page.keyboard.press('Escape');
    await expect(palette(page)).toBeHidden();

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Tab');
    expect(await seriousA11yViolations(page), `shortcuts, ${theme}`).toEqual([]);
    await screenshot(page, `shortcuts-${theme}`);
    await page.keyboard.press('Escape');
    if (theme === 'dark') await page.keyboard.press('t');
  }
});
