/** Lesson 18's matrix form in a real browser: picking entries, any widths, bad input, no JS. */
import { describe, expect, test } from 'vitest';
import { useSite } from '../helpers/e2e.ts';
import { axeViolations } from '../helpers/checks.ts';
import { expectBadInputsRejected, openWidget, typeInto, widgetView } from '../helpers/widget.ts';

const site = useSite();
const PAGE = 'lessons/18-second-layer/';
const W = 'np-matrix-form';
const open = (options = {}) => openWidget(site, PAGE, W, options);
const view = (page: import('playwright-core').Page) => widgetView(page, W);
const select = (name: string) => `${W} [data-name="${name}"] select`;

describe('matrix form', () => {
  test('picking another parameter outlines its entry and shows its terms, equal both ways', async () => {
    const p = await open();
    const { page } = p;
    const start = await view(page);
    // Lesson 18 opens it on W1 (its W3 question should not be answered before it is asked).
    expect(start.numbers.name).toBe('W1');
    expect(start.numbers.same).toBe('identical');
    await page.selectOption(select('entry'), '5');
    await expect.poll(async () => (await view(page)).numbers.name).toBe('W5');
    const w5 = await view(page);
    expect(w5.numbers.address).toBe('w²[1, 1]');
    expect(w5.panels.weights).not.toBe(start.panels.weights);
    expect(w5.panels.terms).not.toBe(start.panels.terms);
    expect(w5.numbers.matrixValue).toBe(w5.numbers.readableValue);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the second hidden layer: 15 entries, a He start, the layer rule beside the product', async () => {
    const p = await open();
    const { page } = p;
    await page.selectOption(select('network'), '2-H-H-1');
    await expect.poll(async () => (await view(page)).numbers.readableName).toMatch(/layer rule/);
    expect(await page.inputValue(select('start'))).toBe('he');
    expect(await page.$$eval(`${W} [data-table="entries"] tbody tr`, (r) => r.length)).toBe(15);
    await page.selectOption(select('entry'), '15');
    await expect.poll(async () => (await view(page)).numbers.address).toBe('b³[1]');
    expect((await view(page)).numbers.same).toBe('identical');
    // Back to one layer: the output's bias is still the output's bias.
    await page.selectOption(select('network'), '2-H-1');
    await expect.poll(async () => (await view(page)).numbers.address).toBe('b²[1]');
    expect(await page.locator(`${select('entry')} option`).count()).toBe(9);
    // The write-up's example only fits 2-2-1: choosing it on another network moves the network back.
    await page.selectOption(select('network'), '2-H-H-1');
    await expect.poll(async () => (await view(page)).numbers.address).toBe('b³[1]');
    await page.selectOption(select('start'), 'writeup-example');
    await expect.poll(() => page.inputValue(select('network'))).toBe('2-H-1');
    await expect.poll(async () => (await view(page)).numbers.name).toBe('B3');
    expect((await view(page)).status).not.toMatch(/nine parameters/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('any widths: the entry list, the table and the matrices follow, a clicked entry is picked, and bad widths are explained', async () => {
    const p = await open();
    const { page } = p;
    await page.selectOption(select('network'), '2-H-H-1');
    await typeInto(page, W, 'h1', '5');
    await typeInto(page, W, 'h2', '3');
    // 2·5 + 5·3 + 3 weights and 5 + 3 + 1 biases.
    await expect.poll(() => page.$$eval(`${W} [data-table="entries"] tbody tr`, (r) => r.length)).toBe(37);
    expect(await page.locator(`${select('entry')} option`).count()).toBe(37);
    expect((await view(page)).numbers.network).toBe('2-5-3-1');
    // W²[3, 4]: from h¹₄ to h²₃.
    await page.click(`${W} [data-panel="partials"] [data-entry="22"] rect`);
    await expect.poll(async () => (await view(page)).numbers.address).toBe('W²[3, 4]');
    expect(await page.inputValue(select('entry'))).toBe('22');
    const shown = await view(page);
    expect(shown.numbers.same).toBe('identical');
    expect(shown.panels.weights).toContain('data-entry="22" data-picked="true"');
    await expectBadInputsRejected(page, W, [
      ['h2', '0', /Width H₂/],
      ['h2', '99', /Width H₂/],
      ['h1', 'abc', /Width H₁/],
    ], { h1: '5', h2: '3' });
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the seed is a setting only for a He start, and a bad seed is explained', async () => {
    const p = await open();
    const { page } = p;
    const seed = `${W} [data-name="seed"] input`;
    expect(await page.locator(seed).isDisabled()).toBe(true);
    await page.selectOption(select('start'), 'he');
    await expect.poll(() => page.locator(seed).isDisabled()).toBe(false);
    const before = await view(page);
    await page.fill(seed, 'abc');
    await expect.poll(async () => (await view(page)).status).toMatch(/not a number/);
    expect((await view(page)).panels.weights).toBe(before.panels.weights);
    await page.fill(seed, '7');
    await expect.poll(async () => (await view(page)).panels.weights).not.toBe(before.panels.weights);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the entry can be chosen from the keyboard', async () => {
    const p = await open();
    const { page } = p;
    await page.focus(select('entry'));
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await view(page)).numbers.name).toBe('W2');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('has no accessibility violations with the table open', async () => {
    const p = await open();
    await p.page.locator(`${W} details summary`).click();
    expect(await axeViolations(p.page)).toEqual([]);
    await p.close();
  });

  test('without JavaScript the matrices, the terms and the table are already there', async () => {
    const p = await open({ javaScriptEnabled: false });
    const shown = await view(p.page);
    expect(shown.panels.weights).toContain('data-picked="true"');
    expect(shown.panels.terms).toContain('data-terms');
    expect(shown.numbers.same).toBe('identical');
    expect(await p.page.$$eval(`${W} [data-table="entries"] tbody tr`, (r) => r.length)).toBe(9);
    await p.close();
  });
});
