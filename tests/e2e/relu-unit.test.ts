/** The ReLU-unit widget of lesson 2 in a real browser. */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/e2e.ts';
import { axeViolations } from '../helpers/checks.ts';
import { openWidget, sliderSelectors, widgetView, whenReady } from '../helpers/widget.ts';

const site = useSite();
const PAGE = 'lessons/02-one-relu-unit/';
const W = 'np-relu-unit';
const { field, range } = sliderSelectors(W);

/** What the widget shows: both panels, the numbers, the unit's state and the status line. */
async function snapshot(page: Page) {
  const view = await widgetView(page, W);
  const state = await page.$eval(`${W} [data-unit-state]`, (el) => ({ state: (el as HTMLElement).dataset.state ?? '', stateText: el.textContent ?? '' }));
  return { ...view, ...state, plane: view.panels.plane, relu: view.panels.relu };
}

const open = (options = {}) => openWidget(site, PAGE, W, options);

describe('ReLU unit', () => {
  test('typing a weight moves the kink line and changes the count; the box keeps its size', async () => {
    const p = await open();
    const { page } = p;
    const box = async () => {
      const b = await page.locator(`${W} [data-panel="plane"]`).boundingBox();
      return b && { width: b.width, height: b.height };
    };
    const size = await box();
    const start = await snapshot(page);
    expect(start.numbers.formula).toBe('z1 = 1.00·x1 + 0.50·x2 − 0.50');
    expect(start.state).toBe('hinge');

    await page.fill(field('W3'), '-2');
    await expect.poll(async () => (await snapshot(page)).numbers.formula).toBe('z1 = 1.00·x1 − 2.00·x2 − 0.50');
    const turned = await snapshot(page);
    expect(turned.plane).not.toBe(start.plane);
    expect(turned.relu).not.toBe(start.relu);
    expect(turned.numbers.on).not.toBe(start.numbers.on);
    expect(await page.getAttribute(range('W3'), 'aria-valuetext')).toBe('-2');
    expect(await box()).toEqual(size);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the presets show a hinge, a dead unit with its warning, and an always-on unit', async () => {
    const p = await open();
    const { page } = p;
    await page.click(`${W} [data-preset="hinge"]`);
    await expect.poll(async () => (await snapshot(page)).numbers.kink).toBe('1.00·x1 + 0.00·x2 + 0.00 = 0');
    const hinge = await snapshot(page);
    expect(hinge.state).toBe('hinge');
    expect(Number(hinge.numbers.on)).toBeGreaterThan(100);

    await page.click(`${W} [data-preset="dead"]`);
    await expect.poll(async () => (await snapshot(page)).state).toBe('dead');
    const dead = await snapshot(page);
    expect(dead.numbers.on).toBe('0');
    expect(dead.stateText).toMatch(/^Dead unit: z1 ≤ 0 for all 300 samples/);
    expect(await page.getAttribute(`${W} [data-unit-state]`, 'role')).toBe('status');
    expect(await page.inputValue(field('B1'))).toBe('-2.5');
    // The warning is shown in its warning colour, distinct from the normal text.
    const colours = await page.$eval(`${W} [data-unit-state]`, (el) => [getComputedStyle(el).color, getComputedStyle(el.parentElement!).color]);
    expect(colours[0]).not.toBe(colours[1]);

    await page.click(`${W} [data-preset="always-on"]`);
    await expect.poll(async () => (await snapshot(page)).state).toBe('linear');
    const always = await snapshot(page);
    expect(always.numbers.on).toBe('300');
    expect(always.stateText).toMatch(/On for all 300 samples/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad input is explained in the status line and the last figure stays', async () => {
    const p = await open();
    const { page } = p;
    const before = await snapshot(page);
    const expected: [string, RegExp][] = [
      ['abc', /“abc” is not a number/],
      ['', /W1 is empty/],
      ['NaN', /must be an actual number/],
      ['Infinity', /must be a finite number/],
      ['-1e308', /W1 must be at least −?-?10/],
      ['1e308', /W1 must be at most 10/],
      ['-11', /at least/],
    ];
    for (const [text, message] of expected) {
      await page.fill(field('W1'), text);
      await expect.poll(async () => (await snapshot(page)).status, { message: `status after typing "${text}"` }).toMatch(message);
      const now = await snapshot(page);
      expect(now.plane).toBe(before.plane);
      expect(now.numbers).toEqual(before.numbers);
      expect(now.visibleText).not.toMatch(/NaN|undefined/);
      expect(await page.getAttribute(field('W1'), 'aria-invalid')).toBe('true');
    }
    await page.fill(field('W1'), '−2');
    await expect.poll(async () => (await snapshot(page)).numbers.formula).toBe('z1 = −2.00·x1 + 0.50·x2 − 0.50');
    expect((await snapshot(page)).status).toBe('');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the sliders work from the keyboard and the presets are reachable with Tab', async () => {
    const p = await open();
    const { page } = p;
    const before = await snapshot(page);
    await page.focus(range('B1'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await snapshot(page)).numbers.formula).not.toBe(before.numbers.formula);
    expect((await snapshot(page)).plane).not.toBe(before.plane);
    await page.focus(field('B1'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.preset)).toBe('hinge');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await snapshot(page)).numbers.kink).toBe('1.00·x1 + 0.00·x2 + 0.00 = 0');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the kink line can be dragged with the pointer and moved with the arrow keys', async () => {
    const p = await open();
    const { page } = p;
    await page.click(`${W} [data-preset="hinge"]`);
    await expect.poll(async () => (await snapshot(page)).numbers.kink).toBe('1.00·x1 + 0.00·x2 + 0.00 = 0');
    const before = await snapshot(page);
    // Press on the plot at x1 ≈ 1.5 (three quarters across): the line x1 = −B1 follows the pointer.
    const plane = page.locator(`${W} [data-panel="plane"] svg`);
    await plane.scrollIntoViewIfNeeded();
    const box = (await plane.boundingBox())!;
    const scale = box.width / 380;
    const plotX = (x1: number) => box.x + (56 + ((x1 + 3) / 6) * (380 - 70)) * scale;
    const plotY = box.y + ((52 + 400 - 44) / 2) * scale;
    await page.mouse.move(plotX(0.5), plotY);
    await page.mouse.down();
    await page.mouse.move(plotX(1.5), plotY, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => Number(await page.inputValue(field('B1')))).toBeCloseTo(-1.5, 1);
    const dragged = await snapshot(page);
    expect(dragged.plane).not.toBe(before.plane);
    expect(Number(dragged.numbers.on)).toBeLessThan(Number(before.numbers.on));
    const b1 = await page.inputValue(field('B1'));
    await page.focus(`${W} [data-drag]`);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.inputValue(field('B1'))).toBe(String(Math.round((Number(b1) + 0.05) * 100) / 100));
    const now = await page.inputValue(field('B1'));
    await expect.poll(() => page.getAttribute(`${W} [data-drag]`, 'aria-valuetext')).toBe(`B1 = ${now}`);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a link opens the unit it names, and a locked bias disables the presets that would change it', async () => {
    const p = await site.open(`${PAGE}?unit.B1=-2.5&unit.W3=0&unit.lock=B1`);
    const { page } = p;
    await whenReady(page, `${W}`);
    await expect.poll(async () => (await snapshot(page)).state).toBe('dead');
    expect(await page.locator(field('B1')).isDisabled()).toBe(true);
    // A preset would change the locked bias, so it is not offered.
    expect(await page.locator(`${W} [data-action="preset"][data-preset="hinge"]`).isDisabled()).toBe(true);
    expect((await snapshot(page)).numbers.formula).toMatch(/− 2\.50$/);
    expect(page.url()).toContain('unit.lock=B1');
    expect(p.problems()).toEqual([]);
  });

  test('has no accessibility violations, with a dead unit and with bad input', async () => {
    const p = await open();
    const { page } = p;
    await page.click(`${W} [data-preset="dead"]`);
    await expect.poll(async () => (await snapshot(page)).state).toBe('dead');
    await page.fill(field('W3'), 'abc');
    await expect.poll(async () => (await snapshot(page)).status).toMatch(/not a number/);
    await page.locator(`${W} details summary`).click();
    expect(await axeViolations(page)).toEqual([]);
    await p.close();
  });

  test('without JavaScript the server-drawn unit, its count and its state are already there', async () => {
    const p = await open({ javaScriptEnabled: false });
    const shown = await snapshot(p.page);
    expect(shown.plane).toContain('np-kink-line');
    expect(shown.relu).toContain('np-relu-curve');
    expect(Number(shown.numbers.on)).toBeGreaterThan(0);
    expect(shown.stateText).toMatch(/A hinge/);
    expect(shown.visibleText).not.toMatch(/NaN|undefined/);
    expect(await p.page.$$eval(`${W} [data-samples] tbody tr`, (r) => r.length)).toBe(12);
    await p.close();
  });
});
