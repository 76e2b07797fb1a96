/**
 * The data explorer in a real browser, on whichever built lesson page contains it (found by
 * looking for <np-data-explorer> in the built HTML, so the lesson's slug can change freely).
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { pagesContaining, violationsWithin } from '../helpers/pages.ts';
import { whenReady } from '../helpers/widget.ts';

const { dist } = e2eEnv();

const pages = pagesContaining(dist, '<np-data-explorer');
const site = useSite();
const W = 'np-data-explorer';

async function open(options = {}) {
  expect(pages, `no page in ${dist} contains <np-data-explorer>; is the widget in a lesson?`).not.toEqual([]);
  const p = await site.open(pages[0], options);
  return p;
}

/** What the widget shows: both panels' markup, the numbers table and the status line. */
async function snapshot(page: Page) {
  return page.$eval(W, (el) => ({
    x1: el.querySelector('[data-panel="x1"] svg')?.outerHTML ?? '',
    x2: el.querySelector('[data-panel="x2"] svg')?.outerHTML ?? '',
    label: el.querySelector('[data-panel="x1"] svg')?.getAttribute('aria-label') ?? '',
    numbers: Object.fromEntries([...el.querySelectorAll<HTMLElement>('[data-number]')].map((c) => [c.dataset.number, c.textContent])),
    status: el.querySelector('[role="status"]')?.textContent ?? '',
    visibleText: (el as HTMLElement).innerText,
    points: el.querySelectorAll('[data-panel] .np-points path').length,
  }));
}

/** axe (WCAG 2.1 A/AA) on the widget only; the rest of the page is site.test.ts's business. */
const widgetViolations = (page: Page) => violationsWithin(page, W);

const field = (name: string) => `${W} [data-slider][data-name="${name}"] input[data-role="field"]`;

describe('data explorer', () => {
  test('changing n, the scaling and the seed redraws the figure and the numbers', async () => {
    const p = await open();
    const { page } = p;
    await whenReady(page, `${W}`);
    const size = async () => {
      const b = await page.locator(`${W} [data-panel="x1"]`).boundingBox();
      return b && { width: b.width, height: b.height };
    };
    const box = await size();
    const start = await snapshot(page);
    expect(start.label).toMatch(/for 300 samples, z-score scaling/);
    expect(start.numbers.varY).toBe('1');

    await page.fill(field('n'), '1000');
    await page.waitForFunction(() => document.querySelector('np-data-explorer [data-panel="x1"] svg')?.getAttribute('aria-label')?.includes('1,000 samples'));
    const more = await snapshot(page);
    expect(more.x1).not.toBe(start.x1);
    expect(more.numbers['y.mean']).not.toBe(start.numbers['y.mean']);
    expect(await page.locator(`${W} [data-slider][data-name="n"] input[type="range"]`).getAttribute('aria-valuetext')).toBe('1000');

    await page.selectOption(`${W} select`, 'minmax');
    await page.waitForFunction(() => document.querySelector('np-data-explorer [data-panel="x1"] svg')?.getAttribute('aria-label')?.includes('min–max'));
    const minmax = await snapshot(page);
    expect(minmax.numbers.scaling).toBe('min–max scaling');
    expect(minmax.numbers['y.shift']).toBe(minmax.numbers['y.min']);
    expect(minmax.x1).toContain('x1 (min–max)');

    await page.fill(field('seed'), '7');
    await page.waitForFunction((before) => document.querySelector('np-data-explorer [data-panel="x1"] svg')?.outerHTML !== before, minmax.x1);
    const reseeded = await snapshot(page);
    expect(reseeded.numbers['x1.mean']).not.toBe(minmax.numbers['x1.mean']);

    // The live figure fills the same box as the server one: no layout shift.
    expect(await size()).toEqual(box);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a bad number of samples is explained in the status line and the last figure stays', async () => {
    const p = await open();
    const { page } = p;
    await whenReady(page, `${W}`);
    const before = await snapshot(page);
    const expected: [string, RegExp][] = [
      ['abc', /“abc” is not a number/],
      ['', /is empty/],
      ['NaN', /must be an actual number/],
      ['-5', /must be at least 1/],
      ['1e308', /must be at most 10,000/],
    ];
    for (const [text, message] of expected) {
      await page.fill(field('n'), text);
      await expect.poll(async () => (await snapshot(page)).status, { message: `status after typing "${text}"` }).toMatch(message);
      const now = await snapshot(page);
      expect(now.status).toMatch(/Number of samples n/);
      expect(now.visibleText).not.toMatch(/NaN|undefined/);
      expect(now.x1).toBe(before.x1);
      expect(now.points).toBeGreaterThan(0);
      expect(await page.getAttribute(field('n'), 'aria-invalid')).toBe('true');
    }
    await page.fill(field('n'), '40');
    await expect.poll(async () => (await snapshot(page)).label).toMatch(/for 40 samples/);
    expect((await snapshot(page)).status).toBe('');
    expect(await page.getAttribute(field('n'), 'aria-invalid')).toBeNull();
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a range whose ends cross is explained and leaves the figure as it was', async () => {
    const p = await open();
    const { page } = p;
    await whenReady(page, `${W}`);
    const before = await snapshot(page);
    await page.fill(field('x1Low'), '6');
    await expect.poll(async () => (await snapshot(page)).status).toMatch(/x1 range runs from 6 to 5/);
    expect((await snapshot(page)).x1).toBe(before.x1);
    await page.fill(field('x1Low'), '0');
    await expect.poll(async () => (await snapshot(page)).status).toBe('');
    expect((await snapshot(page)).x1).not.toBe(before.x1);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the controls are reachable with Tab and New seed works with Enter', async () => {
    const p = await open();
    const { page } = p;
    await whenReady(page, `${W}`);
    const before = await snapshot(page);
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        if (!a || !a.closest('np-data-explorer')) return null;
        return a.getAttribute('data-action') ?? a.getAttribute('data-role') ?? a.tagName.toLowerCase();
      });
    const reached: string[] = [];
    for (let i = 0; i < 300 && !reached.includes('new-seed'); i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (f) reached.push(f);
    }
    expect(reached.slice(0, 5)).toEqual(['range', 'field', 'select', 'field', 'new-seed']);
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.inputValue(field('seed'))).toBe('2');
    await expect.poll(async () => (await snapshot(page)).x1).not.toBe(before.x1);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('has no accessibility violations, before and after a change', async () => {
    const p = await open();
    const { page } = p;
    await whenReady(page, `${W}`);
    await page.locator(`${W} details summary`).click();
    expect(await widgetViolations(page)).toEqual([]);
    await page.fill(field('n'), 'abc');
    await expect.poll(async () => (await snapshot(page)).status).toMatch(/not a number/);
    expect(await widgetViolations(page)).toEqual([]);
    await p.close();
  });

  test('without JavaScript the server-drawn figure and numbers are already there', async () => {
    const p = await open({ javaScriptEnabled: false });
    const { page } = p;
    const shown = await snapshot(page);
    expect(shown.label).toBe('Scatter plot of y against x1 for 300 samples, z-score scaling.');
    expect(shown.points).toBeGreaterThanOrEqual(4);
    expect((shown.x1.match(/A3,3,/g) ?? []).length / 2).toBeGreaterThan(100); // two half-circle arcs per point
    expect(shown.numbers.varY).toBe('1');
    expect(shown.visibleText).not.toMatch(/NaN|undefined/);
    expect(await page.$eval(`${W} fieldset[data-controls]`, (f) => (f as HTMLFieldSetElement).disabled)).toBe(true);
    const rows = await page.$$eval(`${W} [data-table="samples"] tbody tr`, (r) => r.length);
    expect(rows).toBe(12);
    await p.close();
  });
});
