/**
 * Finding a term: "/" puts the cursor in the header's search box; its words open the search page,
 * which lists the lessons and sections that use them (Pagefind, under the page's CSP). The same
 * build copied into a nested folder searches there too, and offline after one visit.
 */
import { afterAll, expect, test } from 'vitest';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { startStaticServer } from '../helpers/static-server.ts';

const { dist } = e2eEnv();
const site = useSite();
const nested = await startStaticServer({ root: dist, base: '/school/ml/' });
const nestedSite = useSite({ server: nested });
afterAll(() => nested.close());

test('"/" then a term lists the lessons and sections that use it, and a result leads there', async () => {
  const p = await site.open('glossary/');
  try {
    const { page } = p;
    await page.locator('body').press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-query');
    await page.keyboard.type('learning rate');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=learning\+rate/);
    const results = page.locator('[data-search-results] > li');
    await results.first().waitFor({ timeout: 20_000 });
    const titles = await page.locator('.search-page-title a').allTextContents();
    expect(titles.join(' | ')).toMatch(/learning rate/i);
    // A section of a lesson, by its heading, with the words marked in its excerpt.
    const section = page.locator('.search-sections a').first();
    expect((await section.textContent())?.trim()).not.toBe('');
    expect(await page.locator('.search-excerpt mark').count()).toBeGreaterThan(0);
    const href = await section.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href).toMatch(/\/lessons\/[^/]+\/#/);
    await section.click();
    await page.waitForURL(href);
    expect(await page.locator('h1').count()).toBe(1);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('in a nested folder, the search finds pages of that copy, and again offline after one visit', async () => {
  const p = await nestedSite.open('');
  try {
    const { page, context } = p;
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    await context.setOffline(true);
    await page.goto(nestedSite.url('search/?q=ReLU'));
    const first = page.locator('.search-page-title a').first();
    await first.waitFor({ timeout: 20_000 });
    expect(await first.evaluate((a) => (a as HTMLAnchorElement).href)).toMatch(new RegExp(`^${nested.url}(lessons|glossary|teachers)/`));
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/found for “ReLU”/);
    expect(p.problems().filter((problem) => !/ERR_INTERNET_DISCONNECTED/.test(problem))).toEqual([]);
  } finally {
    await p.context.setOffline(false);
    await p.close();
  }
});
