/** The end-state gallery of lesson 9 in a real browser, with the console its cards open. */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/e2e.ts';
import { violationsWithin } from '../helpers/pages.ts';
import { animationFrames, openWidget, sliderSelectors, widgetView, whenReady } from '../helpers/widget.ts';

const site = useSite();
const PAGE = 'lessons/09-local-minima/';
const W = 'np-basin-gallery';
const { field } = sliderSelectors(W);
const open = (options = {}) => openWidget(site, PAGE, W, options);
const view = (page: Page) => widgetView(page, W);
const progress = (page: Page) => page.$eval(`${W} [data-progress-text]`, (el) => el.textContent ?? '');
const cards = (page: Page) => page.$$eval(`${W} [data-cards] > li`, (lis) => lis.map((li) => li.textContent ?? ''));

describe('end-state gallery', () => {
  test('runs a small gallery with progress, fills one card per seed and tallies them', async () => {
    const p = await open();
    const { page } = p;
    await page.fill(field('runs'), '6');
    await page.fill(field('epochs'), '400');
    await page.fill(field('firstSeed'), '30');
    await page.click(`${W} [data-action="run"]`);
    await expect.poll(() => progress(page), { timeout: 20_000 }).toBe('6 of 6 runs done');
    await expect.poll(async () => (await view(page)).status).toMatch(/^Done: 6 runs/);
    const all = await cards(page);
    expect(all).toHaveLength(6);
    expect(all[0]).toMatch(/seed 30/);
    expect(all.join(' ')).toMatch(/hinge/);
    const tally = await page.$$eval(`${W} [data-tally] tbody td:nth-child(2)`, (tds) => tds.reduce((n, td) => n + Number(td.textContent), 0));
    expect(tally).toBe(6);
    expect((await view(page)).visibleText).not.toMatch(/NaN|undefined/);
    expect(await page.locator(`${W} [data-action="run"]`).isEnabled()).toBe(true);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('Cancel stops a long gallery and says how many runs finished', async () => {
    const p = await open();
    const { page } = p;
    await page.fill(field('runs'), '100');
    await page.fill(field('epochs'), '20000');
    await page.click(`${W} [data-action="run"]`);
    await expect.poll(async () => (await view(page)).status).toMatch(/in the background/);
    await page.click(`${W} [data-action="cancel"]`);
    await expect.poll(async () => (await view(page)).status).toMatch(/^Cancelled after \d+ of 100 runs/);
    expect(await page.locator(`${W} [data-action="cancel"]`).isDisabled()).toBe(true);
    expect((await cards(page)).filter((t) => /cancelled/.test(t)).length).toBeGreaterThan(50);
    const text = await progress(page);
    await animationFrames(page, 20);
    expect(await progress(page)).toBe(text); // nothing arrives after cancelling, however many frames pass
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a card opens its seed in the training console on the page, in place', async () => {
    const p = await open();
    const { page } = p;
    await whenReady(page, '#widget-minima');
    const card = page.locator(`${W} a.bg-card[data-seed="30"]`);
    await expect.poll(() => card.locator('svg').getAttribute('aria-label')).toMatch(/^Seed 30: hinge \+ dead/);
    await card.click();
    await expect.poll(() => page.inputValue('#widget-minima [data-name="initSeed"] input[data-role="field"]')).toBe('30');
    await expect.poll(() => page.$eval('#widget-minima', (el) => (el as HTMLElement).dataset.initSeed)).toBe('30');
    await expect.poll(() => page.$eval('#widget-minima [data-number="epoch"]', (el) => el.textContent)).toBe('5,000');
    expect(page.url()).toContain('minima.initSeed=30');
    expect(await page.$eval('#widget-minima [data-status]', (el) => el.textContent)).toMatch(/Seed 30 from the gallery/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the card’s link alone (a new visit) opens the console at that seed', async () => {
    const href = await (async () => {
      const p = await open();
      const h = await p.page.getAttribute(`${W} a.bg-card[data-seed="12"]`, 'href');
      await p.close();
      return h!;
    })();
    const p = await site.open(`${PAGE}${href}`);
    await whenReady(p.page, '#widget-minima');
    await expect.poll(() => p.page.$eval('#widget-minima', (el) => (el as HTMLElement).dataset.initSeed)).toBe('12');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('under a teacher’s lock on the console’s seed, a card keeps the seed, the lock and the address’s lock (issue 18)', async () => {
    const p = await site.open(`${PAGE}?minima.initSeed=7&minima.lock=initSeed#widget-minima`);
    const { page } = p;
    await whenReady(page, `${W}`);
    await whenReady(page, '#widget-minima');
    const card = page.locator(`${W} a.bg-card[data-seed="12"]`);
    const href = new URL((await card.getAttribute('href'))!, page.url());
    expect(href.searchParams.get('minima.lock')).toBe('initSeed');
    expect(href.searchParams.get('minima.initSeed')).toBe('7');
    await card.click();
    await expect.poll(() => page.$eval('#widget-minima [data-status]', (el) => el.textContent)).toMatch(/Seed 12 from the gallery/);
    expect(await page.$eval('#widget-minima', (el) => (el as HTMLElement).dataset.initSeed)).toBe('7');
    const address = new URL(page.url());
    expect(address.searchParams.get('minima.lock')).toBe('initSeed');
    expect(address.searchParams.get('minima.initSeed')).toBe('7');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad input and too much work are explained; the gallery stays; axe passes', async () => {
    const p = await open();
    const { page } = p;
    const before = await cards(page);
    for (const [name, text, message] of [
      ['runs', 'abc', /“abc” is not a number/],
      ['runs', '', /is empty/],
      ['learningRate', 'NaN', /actual number/],
      ['epochs', '-5', /at least/],
      ['firstSeed', '1e308', /at most/],
      ['learningRate', 'Infinity', /finite/],
    ] as const) {
      await page.fill(field(name), text);
      await expect.poll(async () => (await view(page)).status).toMatch(message);
    }
    await page.fill(field('runs'), '200');
    await page.fill(field('epochs'), '50000');
    await page.fill(field('learningRate'), '0.05');
    await page.fill(field('firstSeed'), '1');
    await expect.poll(async () => (await view(page)).status).toMatch(/at most 2,000,000/);
    await page.click(`${W} [data-action="run"]`);
    expect(await cards(page)).toEqual(before);
    expect((await view(page)).visibleText).not.toMatch(/NaN|undefined/);
    expect(await violationsWithin(page, W)).toEqual([]);
    await p.close();
  });
});
