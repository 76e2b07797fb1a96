/** The loss-surface widget of lesson 9 in a real browser. */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/e2e.ts';
import { violationsWithin } from '../helpers/pages.ts';
import { openWidget, sliderSelectors, widgetView, whenReady } from '../helpers/widget.ts';

const site = useSite();
const PAGE = 'lessons/09-local-minima/';
const W = 'np-loss-surface';
const { field } = sliderSelectors(W);
// The first live redraw waits until the figure is near the screen (kit/hydrate.ts whenNear): scroll to it.
const open = async (options = {}) => {
  const p = await openWidget(site, PAGE, W, options);
  await p.page.locator(W).scrollIntoViewIfNeeded();
  return p;
};
const view = (page: Page) => widgetView(page, W);
const heat = (page: Page) => page.$eval(`${W} .ls-heat`, (el) => el.getAttribute('href') ?? '');
const timing = (page: Page) => page.$eval(`${W} [data-timing]`, (el) => el.textContent ?? '');
const select = (name: string) => `${W} [data-select][data-name="${name}"] select`;

describe('loss surface', () => {
  test('choosing another pair of parameters redraws the heat map, the path and the numbers, and says how long the grid took', async () => {
    const p = await open();
    const { page } = p;
    // The first live redraw reports how long a 150 × 150 grid takes.
    await expect.poll(() => timing(page)).toMatch(/ms/);
    const before = await view(page);
    const image = await heat(page);
    expect(image).toMatch(/^data:image\/png;base64,/);
    await page.selectOption(select('x'), 'W1');
    await expect.poll(async () => (await view(page)).numbers.x).toBe('W1');
    const after = await view(page);
    expect(after.panels.surface).not.toBe(before.panels.surface);
    expect(await heat(page)).not.toBe(image);
    expect(after.numbers.lowestAt).toMatch(/^W1 = /);
    // How long is the bench's business (scripts/bench/long-tasks.ts, budget 1 s); here only that it is said.
    expect(await timing(page)).toMatch(/in [\d,]+ ms/);
    await page.selectOption(select('slice'), 'start');
    await expect.poll(async () => (await view(page)).panels.surface).not.toBe(after.panels.surface);
    expect((await view(page)).visibleText).not.toMatch(/NaN|undefined/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the start can be moved with the keyboard and by dragging; the run follows', async () => {
    const p = await open();
    const { page } = p;
    await expect.poll(() => timing(page)).toMatch(/ms/);
    const handle = page.locator(`${W} [data-drag]`);
    const before = await handle.getAttribute('aria-valuetext');
    const start = (await view(page)).numbers.startLoss;
    await handle.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
    await expect.poll(() => handle.getAttribute('aria-valuetext')).not.toBe(before);
    await expect.poll(async () => (await view(page)).numbers.startLoss).not.toBe(start);
    await handle.scrollIntoViewIfNeeded();
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.35, { steps: 4 });
    await page.mouse.up();
    const dragged = await handle.getAttribute('aria-valuetext');
    await page.click(`${W} [data-action="reset-start"]`);
    await expect.poll(() => handle.getAttribute('aria-valuetext')).toBe(before);
    expect(dragged).not.toBe(before);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad input is explained and the last picture stays; choosing the other axis’s parameter swaps the axes', async () => {
    const p = await open();
    const { page } = p;
    await expect.poll(() => timing(page)).toMatch(/ms/);
    const before = await view(page);
    for (const [name, text, message] of [
      ['span', 'abc', /“abc” is not a number/],
      ['epochs', '1e308', /at most/],
      ['learningRate', '-1', /at least/],
      ['initSeed', 'NaN', /actual number/],
      ['span', 'Infinity', /finite/],
      ['epochs', '', /is empty/],
    ] as const) {
      await page.fill(field(name), text);
      await expect.poll(async () => (await view(page)).status).toMatch(message);
      expect((await view(page)).panels.surface).toBe(before.panels.surface);
    }
    for (const [name, text] of [['span', '3'], ['epochs', '5000'], ['learningRate', '0.05'], ['initSeed', '30']] as const) await page.fill(field(name), text);
    await expect.poll(async () => (await view(page)).status).not.toMatch(/must|empty|number/);
    // Putting the vertical axis's parameter across swaps the two axes.
    await page.selectOption(select('x'), 'W6');
    await expect.poll(async () => (await view(page)).status).toMatch(/Up B2/);
    expect(await page.inputValue(select('y'))).toBe('B2');
    await expect.poll(async () => (await view(page)).numbers.x).toBe('W6');
    const now = await view(page);
    expect(now.visibleText).not.toMatch(/NaN|undefined/);
    await p.close();
  });

  test('a shared link picks the pair; the widget passes axe; without JavaScript the heat map is there', async () => {
    const p = await site.open(`${PAGE}?surface.x=W5&surface.y=B3#widget-surface`);
    await whenReady(p.page, `${W}`);
    await expect.poll(async () => (await view(p.page)).numbers.x).toBe('W5');
    expect(await violationsWithin(p.page, W)).toEqual([]);
    await p.close();
    const off = await site.open(PAGE, { javaScriptEnabled: false });
    expect(await off.page.$eval(`${W} .ls-heat`, (el) => el.getAttribute('href') ?? '')).toMatch(/^data:image\/png;base64,/);
    await off.close();
  });
});
