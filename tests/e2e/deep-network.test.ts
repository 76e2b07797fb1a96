/** The deeper network (lesson 18 and the playground) in a real browser: retraining, bad widths, the address, no JS. */
import { describe, expect, test } from 'vitest';
import { useSite } from '../helpers/e2e.ts';
import { axeViolations } from '../helpers/checks.ts';
import { openWidget, sliderSelectors, widgetView } from '../helpers/widget.ts';

const site = useSite();
const PAGE = 'lessons/18-second-layer/';
const W = 'np-deep-network';
const { field } = sliderSelectors(W);
const widths = (name: string) => `${W} [data-text-setting][data-name="${name}"] input`;
const open = (path = PAGE, options = {}) => openWidget(site, path, W, options);
const view = (page: import('playwright-core').Page) => widgetView(page, W);
const idle = (page: import('playwright-core').Page) => expect.poll(() => page.getAttribute(W, 'data-state'), { timeout: 30_000 }).toBe('idle');

describe('deeper network', () => {
  test('typing other widths retrains and redraws both networks', async () => {
    const p = await open();
    const { page } = p;
    const before = await view(page);
    expect(before.numbers['a.label']).toBe('2-3-3-1');
    expect(before.numbers['b.label']).toBe('2-6-1');
    await page.fill(field('epochs'), '300');
    await idle(page);
    await page.fill(widths('widths'), '2, 2');
    await expect.poll(async () => (await view(page)).numbers['a.label'], { timeout: 30_000 }).toBe('2-2-2-1');
    await idle(page);
    const after = await view(page);
    expect(after.numbers['a.parameters']).toBe('15');
    expect(after.panels.loss).not.toBe(before.panels.loss);
    await page.fill(widths('against'), '');
    await expect.poll(async () => (await view(page)).numbers['b.loss'], { timeout: 30_000 }).toBe('—');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad widths and rates are explained in words and the last run stays', async () => {
    const p = await open();
    const { page } = p;
    const before = await view(page);
    for (const [text, message] of [['abc', /not a list of widths/], ['17', /between 1 and 16/], ['0', /between 1 and 16/], ['1,2,3,4,5', /between 1 and 4 hidden layers/], ['-3', /negative width/], ['', /not a list of widths/]] as const) {
      await page.fill(widths('widths'), text);
      await expect.poll(async () => (await view(page)).status, { message: text }).toMatch(message);
      expect(await page.getAttribute(widths('widths'), 'aria-invalid')).toBe('true');
      expect((await view(page)).panels.loss).toBe(before.panels.loss);
    }
    await page.fill(field('learningRate'), '-1');
    await expect.poll(async () => (await view(page)).status).toMatch(/must be positive/);
    expect((await view(page)).visibleText).not.toMatch(/NaN|undefined/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a rate far too large ends in a diverged run, said in words, without NaN', async () => {
    const p = await open(`${PAGE}?deep.widths=8,8&deep.against=none&deep.learningRate=10&deep.epochs=200`);
    const { page } = p;
    await idle(page);
    await expect.poll(async () => (await view(page)).numbers['a.status']).toMatch(/diverged/);
    expect((await view(page)).visibleText).not.toMatch(/NaN|undefined/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('on the playground the address keeps the deeper network’s settings', async () => {
    const p = await open('playground/');
    const { page } = p;
    await page.fill(field('epochs'), '200');
    await idle(page);
    await expect.poll(() => page.url()).toContain('deep.epochs=200');
    await page.fill(widths('widths'), '3, 2');
    await expect.poll(() => page.url()).toContain('deep.widths=3%2C2');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the fields are reachable by keyboard and it has no accessibility violations', async () => {
    const p = await open();
    const { page } = p;
    await page.focus(widths('widths'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-name]')?.getAttribute('data-name'))).toBe('against');
    await page.locator(`${W} details summary`).click();
    expect(await axeViolations(page)).toEqual([]);
    await p.close();
  });

  test('without JavaScript the trained curves and the readout are already there', async () => {
    const p = await open(PAGE, { javaScriptEnabled: false });
    const shown = await view(p.page);
    expect(shown.panels.loss).toContain('<path');
    expect(shown.numbers['a.loss']).toMatch(/^\d/);
    expect(shown.visibleText).not.toMatch(/NaN|undefined/);
    await p.close();
  });
});
