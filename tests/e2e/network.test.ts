/** The network widget of lesson 3 in a real browser. */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/e2e.ts';
import { axeViolations } from '../helpers/checks.ts';
import { openWidget, printedNumber as value, sliderSelectors, widgetView, whenReady } from '../helpers/widget.ts';

const site = useSite();
const PAGE = 'lessons/03-the-network/';
const W = 'np-network';
const { field, range } = sliderSelectors(W);

async function snapshot(page: Page) {
  const view = await widgetView(page, W);
  const edge = await page.$eval(`${W} [data-edge="W5"]`, (el) => ({ w5Width: el.getAttribute('stroke-width') ?? '', w5Sign: el.getAttribute('data-sign') ?? '' }));
  const fit = (await page.getAttribute(`${W} [data-panel="alongX1"] .np-prediction`, 'd')) ?? '';
  return { ...view, ...edge, fit, diagram: view.panels.diagram, alongX1: view.panels.alongX1, alongX2: view.panels.alongX2 };
}

const open = (options = {}) => openWidget(site, PAGE, W, options);

describe('network', () => {
  test('changing W5 changes the drawn fit, the diagram and the loss; the boxes keep their size', async () => {
    const p = await open();
    const { page } = p;
    const boxes = () => page.$$eval(`${W} [data-panel]`, (els) => els.map((e) => [e.clientWidth, e.clientHeight]));
    const size = await boxes();
    const start = await snapshot(page);
    expect(start.numbers.varY).toBe('1');
    expect(value(start.numbers.r2)).toBeGreaterThan(0.9);

    await page.fill(field('W5'), '-3');
    await expect.poll(async () => (await snapshot(page)).w5Sign).toBe('negative');
    const after = await snapshot(page);
    expect(after.fit).not.toBe(start.fit);
    expect(after.w5Width).not.toBe(start.w5Width);
    expect(after.numbers.loss).not.toBe(start.numbers.loss);
    expect(value(after.numbers.r2)).toBeLessThan(0);
    expect(after.diagram).toContain('W5 = −3.00');
    expect(await boxes()).toEqual(size);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('moving a slice redraws that slice only', async () => {
    const p = await open();
    const { page } = p;
    const start = await snapshot(page);
    await page.fill(field('sliceX2'), '1.5');
    await expect.poll(async () => (await snapshot(page)).alongX1).toContain('x2 held at 1.50');
    const moved = await snapshot(page);
    expect(moved.fit).not.toBe(start.fit);
    expect(moved.alongX2).toBe(start.alongX2);
    expect(moved.numbers.loss).toBe(start.numbers.loss);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the presets and the He seed load their parameters', async () => {
    const p = await open();
    const { page } = p;
    await page.click(`${W} [data-preset="writeup-example"]`);
    await expect.poll(() => page.inputValue(field('W1'))).toBe('-0.46');
    const writeup = await snapshot(page);
    expect(value(writeup.numbers.loss)).toBeGreaterThan(100);

    await page.click(`${W} [data-preset="he"]`);
    await expect.poll(() => page.inputValue(field('B1'))).toBe('0');
    const he1 = await page.inputValue(field('W1'));
    await page.fill(field('seed'), '2');
    await expect.poll(() => page.inputValue(field('W1'))).not.toBe(he1);

    await page.click(`${W} [data-preset="hand-v"]`);
    await expect.poll(() => page.inputValue(field('W1'))).toBe('1.6');
    expect(value((await snapshot(page)).numbers.r2)).toBeGreaterThan(0.9);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad input is explained in the status line and the last figure stays', async () => {
    const p = await open();
    const { page } = p;
    const before = await snapshot(page);
    for (const [name, text, message] of [
      ['W5', 'abc', /“abc” is not a number/],
      ['W5', '', /W5 is empty/],
      ['W5', 'NaN', /must be an actual number/],
      ['B3', 'Infinity', /must be a finite number/],
      ['B3', '1e308', /B3 must be at most 10/],
      ['sliceX2', '-5', /x2 held at must be at least/],
      ['seed', '-1', /Seed of the He start must be at least 0/],
    ] as const) {
      await page.fill(field(name), text);
      await expect.poll(async () => (await snapshot(page)).status, { message: `status after typing "${text}" into ${name}` }).toMatch(message);
      const now = await snapshot(page);
      expect(now.alongX1).toBe(before.alongX1);
      expect(now.diagram).toBe(before.diagram);
      expect(now.numbers).toEqual(before.numbers);
      expect(now.visibleText).not.toMatch(/NaN|undefined/);
      expect(await page.getAttribute(field(name), 'aria-invalid')).toBe('true');
      await page.fill(field(name), name === 'seed' ? '1' : name === 'sliceX2' ? '0' : name === 'W5' ? '1' : '-1.4');
    }
    await expect.poll(async () => (await snapshot(page)).status).toBe('');
    expect((await snapshot(page)).numbers).toEqual(before.numbers);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a parameter slider works from the keyboard', async () => {
    const p = await open();
    const { page } = p;
    const before = await snapshot(page);
    await page.focus(range('B3'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await snapshot(page)).numbers.loss).not.toBe(before.numbers.loss);
    expect((await snapshot(page)).fit).not.toBe(before.fit);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('has no accessibility violations, before and after bad input', async () => {
    const p = await open();
    const { page } = p;
    await page.locator(`${W} details summary`).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.fill(field('W2'), 'x');
    await expect.poll(async () => (await snapshot(page)).status).toMatch(/not a number/);
    expect(await axeViolations(page)).toEqual([]);
    await p.close();
  });

  test('has a share link: a link sets values and a slice, a locked value survives a preset and a new seed, and Copy link reproduces the figure', async () => {
    const p = await site.open(`${PAGE}?net.W5=-2&net.sliceX2=1&net.lock=W5`);
    const { page } = p;
    await whenReady(page, `${W}`);
    await expect.poll(async () => (await snapshot(page)).alongX1).toContain('x2 held at 1.00');
    expect(await page.inputValue(field('W5'))).toBe('-2');
    expect(await page.isDisabled(field('W5'))).toBe(true);
    await page.click(`${W} [data-preset="writeup-example"]`);
    await expect.poll(() => page.inputValue(field('W1'))).toBe('-0.46');
    expect(await page.inputValue(field('W5'))).toBe('-2');
    expect((await snapshot(page)).status).toMatch(/W5/);
    const writeupW1 = await page.inputValue(field('W1'));
    await page.fill(field('seed'), '3');
    await expect.poll(() => page.inputValue(field('W1'))).not.toBe(writeupW1);
    expect(await page.inputValue(field('W5'))).toBe('-2');
    const shown = await snapshot(page);
    await page.click(`${W} [data-action="share"]`);
    const link = new URL(await page.inputValue(`${W} [data-share-link]`));
    expect(link.searchParams.get('net.W5')).toBe('-2');
    expect(link.searchParams.get('net.lock')).toBe('W5');
    expect(link.searchParams.get('net.seed')).toBe('3');
    expect(p.problems()).toEqual([]);
    await p.close();

    const q = await site.open(`${PAGE}${link.search}`);
    await whenReady(q.page, `${W}`);
    await expect.poll(async () => (await snapshot(q.page)).numbers.loss).toBe(shown.numbers.loss);
    expect((await snapshot(q.page)).fit).toBe(shown.fit);
    expect(q.problems()).toEqual([]);
    await q.close();
  });

  test('without JavaScript the diagram, both slices and the loss are already there', async () => {
    const p = await open({ javaScriptEnabled: false });
    const shown = await snapshot(p.page);
    expect(shown.diagram).toContain('W1 = 1.60');
    expect(shown.fit.length).toBeGreaterThan(100);
    expect(shown.alongX2).toContain('np-prediction');
    expect(value(shown.numbers.r2)).toBeGreaterThan(0.9);
    expect(shown.visibleText).not.toMatch(/NaN|undefined/);
    await p.close();
  });
});
