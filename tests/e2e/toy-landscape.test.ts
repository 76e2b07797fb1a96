/** The toy-landscape widget of lesson 9 in a real browser. */
import { describe, expect, test } from 'vitest';
import { useSite } from '../helpers/e2e.ts';
import { violationsWithin } from '../helpers/pages.ts';
import { openWidget, printedNumber, sliderSelectors, widgetView, whenReady } from '../helpers/widget.ts';

const site = useSite();
const PAGE = 'lessons/09-local-minima/';
const W = 'np-toy-landscape';
const { field } = sliderSelectors(W);
const open = (options = {}) => openWidget(site, PAGE, W, options);
const view = (page: import('playwright-core').Page) => widgetView(page, W);

describe('toy landscape', () => {
  test('a larger η or another start changes the path and the minimum reached', async () => {
    const p = await open();
    const { page } = p;
    const start = await view(page);
    expect(start.numbers.outcome).toMatch(/shallow basin/);

    await page.fill(field('learningRate'), '0.1');
    await expect.poll(async () => (await view(page)).numbers.outcome).toMatch(/deep basin/);
    const larger = await view(page);
    expect(larger.panels.toy).not.toBe(start.panels.toy);

    await page.fill(field('start'), '-2.2');
    await expect.poll(async () => (await view(page)).numbers.outcome).toMatch(/shallow basin/);

    await page.fill(field('learningRate'), '0.25');
    await page.fill(field('start'), '2');
    await expect.poll(async () => (await view(page)).numbers.outcome).toMatch(/diverges/);
    const wild = await view(page);
    expect(wild.panels.toy).toContain('off the chart');
    expect(wild.visibleText).not.toMatch(/NaN|undefined/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('Step goes one step at a time from the start, and Play animates to the end', async () => {
    const p = await open();
    const { page } = p;
    await page.fill(field('steps'), '20');
    await expect.poll(async () => (await view(page)).numbers.steps).toBe('20');
    await page.click(`${W} [data-action="reset"]`);
    expect((await view(page)).numbers.step).toBe('0');
    await page.click(`${W} [data-action="step"]`);
    await page.click(`${W} [data-action="step"]`);
    const two = await view(page);
    expect(two.numbers.step).toBe('2');
    expect(printedNumber(two.numbers.x)).toBeLessThan(2);
    await page.click(`${W} [data-action="play"]`);
    await expect.poll(async () => (await view(page)).numbers.step, { timeout: 10_000 }).toBe('20');
    await expect.poll(async () => (await view(page)).status).toBe('Done.');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('under reduced motion Play shows every step at once and says so', async () => {
    const p = await open({ reducedMotion: 'reduce' });
    const { page } = p;
    await page.click(`${W} [data-action="reset"]`);
    await page.click(`${W} [data-action="play"]`);
    const v = await view(page);
    expect(v.numbers.step).toBe(v.numbers.steps);
    expect(v.status).toMatch(/Reduced motion/);
    await p.close();
  });

  test('the picture is a keyboard slider for the start, and dragging on it moves the start', async () => {
    const p = await open();
    const { page } = p;
    const handle = page.locator(`${W} [data-drag]`);
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.inputValue(field('start'))).toBe('1.9');
    await expect.poll(() => handle.getAttribute('aria-valuetext')).toBe('x = 1.9');
    await handle.scrollIntoViewIfNeeded();
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => printedNumber(await page.inputValue(field('start')))).toBeLessThan(0);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad input is explained, the last good figure stays, and nothing says NaN', async () => {
    const p = await open();
    const { page } = p;
    const before = await view(page);
    for (const [text, message] of [['abc', /“abc” is not a number/], ['', /is empty/], ['NaN', /actual number/], ['Infinity', /finite/], ['-1e308', /at least/], ['1e308', /at most/]] as const) {
      await page.fill(field('learningRate'), text);
      await expect.poll(async () => (await view(page)).status).toMatch(message);
      const now = await view(page);
      expect(now.panels.toy).toBe(before.panels.toy);
      expect(now.visibleText).not.toMatch(/NaN|undefined/);
    }
    expect(await page.getAttribute(field('learningRate'), 'aria-invalid')).toBe('true');
    await p.close();
  });

  test('a shared link sets the start and η; the page passes axe; without JavaScript the figure is there', async () => {
    const p = await site.open(`${PAGE}?toy.start=-2&toy.learningRate=0.05#widget-toy`);
    await whenReady(p.page, `${W}`);
    await expect.poll(async () => (await view(p.page)).numbers.outcome).toMatch(/deep basin/);
    expect(await violationsWithin(p.page, W)).toEqual([]);
    await p.close();
    const off = await site.open(PAGE, { javaScriptEnabled: false });
    const svg = await off.page.$eval(`${W} [data-panel="toy"] svg`, (s) => s.outerHTML);
    expect(svg).toContain('tl-curve');
    await off.close();
  });
});
