/**
 * In front of a class: a lesson presented on a projector (one section per screen, larger type,
 * widgets at the full width, arrow keys, a visible exit), and the reader's theme and text size,
 * remembered and applied before the first paint.
 */
import { expect, test } from 'vitest';
import { useSite } from '../helpers/e2e.ts';

const site = useSite();

test('?present shows one section at a time, moves with the arrow keys and leaves by its Exit button', async () => {
  const p = await site.open('lessons/07-gradient-descent/?present', { viewport: { width: 1280, height: 800 } });
  try {
    const { page } = p;
    const bar = page.locator('.present-bar');
    await bar.waitFor();
    const label = bar.locator('.present-label');
    expect(await label.textContent()).toMatch(/^1 of \d+/);
    const visibleSections = () => page.locator('.prose > h2:visible').count();
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await visibleSections()).toBe(0);
    const rootSize = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(await rootSize()).toBeGreaterThan(16);

    // To the slide that holds the training console: one section heading, the console at nearly the full width.
    const console = page.locator('np-training-console').first();
    for (let n = 0; n < 30 && !(await console.isVisible()); n++) await page.keyboard.press('ArrowRight');
    expect(await console.isVisible()).toBe(true);
    expect(await visibleSections()).toBe(1);
    const widgetWidth = await console.evaluate((el) => el.getBoundingClientRect().width);
    expect(widgetWidth).toBeGreaterThan(1280 * 0.75);
    expect(new URL(page.url()).searchParams.get('present')).toMatch(/^\d+$/);

    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    expect(await label.textContent()).toMatch(/^1 of /);

    await bar.getByRole('button', { name: 'Exit presentation' }).click();
    expect(await bar.count()).toBe(0);
    expect(await page.locator('.site-header').isVisible()).toBe(true);
    expect(await visibleSections()).toBeGreaterThan(1);
    expect(new URL(page.url()).searchParams.has('present')).toBe(false);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('every lesson links to its presentation', async () => {
  const p = await site.open('lessons/01-the-data/');
  try {
    await p.page.locator('a[data-present-link]').click();
    await p.page.locator('.present-bar').waitFor();
    await p.page.keyboard.press('Escape');
    expect(await p.page.locator('.present-bar').count()).toBe(0);
  } finally {
    await p.close();
  }
});

test('a chosen dark theme and larger text are remembered and applied before the page paints', async () => {
  const p = await site.open('glossary/', { colorScheme: 'light' });
  try {
    const { page } = p;
    await page.locator('np-display-settings summary').click();
    await page.getByLabel('Dark', { exact: true }).check();
    await page.getByLabel('Larger', { exact: true }).check();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    // Before any of the page's own scripts after the head: the attributes are already there.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') {
          (window as unknown as { seenAtParse: string }).seenAtParse = `${document.documentElement.getAttribute('data-theme')}/${document.documentElement.getAttribute('data-text-size')}`;
        }
      });
    });
    await page.goto(site.url('lessons/01-the-data/'));
    expect(await page.evaluate(() => (window as unknown as { seenAtParse: string }).seenAtParse)).toBe('dark/larger');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 24, 29)');
    await page.locator('np-display-settings summary').click();
    await page.getByLabel('As the system', { exact: true }).check();
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
  } finally {
    await p.close();
  }
});
