/** Lesson 18's matrix form in a real browser: picking entries, the second layer, bad input, no JS. */
import { describe, expect, test } from 'vitest';
import { useSite } from '../helpers/e2e.ts';
import { axeViolations } from '../helpers/checks.ts';
import { openWidget, widgetView } from '../helpers/widget.ts';

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
    expect(w5.panels.matrices).not.toBe(start.panels.matrices);
    expect(w5.panels.terms).not.toBe(start.panels.terms);
    expect(w5.numbers.matrixValue).toBe(w5.numbers.readableValue);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the second hidden layer: 15 entries, a He start, the layer rule beside the product', async () => {
    const p = await open();
    const { page } = p;
    await page.selectOption(select('network'), '2-2-2-1');
    await expect.poll(async () => (await view(page)).numbers.readableName).toMatch(/layer rule/);
    expect(await page.inputValue(select('start'))).toBe('he');
    expect(await page.$$eval(`${W} [data-table="entries"] tbody tr`, (r) => r.length)).toBe(15);
    await page.selectOption(select('entry'), '15');
    await expect.poll(async () => (await view(page)).numbers.address).toBe('b³[1]');
    expect((await view(page)).numbers.same).toBe('identical');
    await page.selectOption(select('network'), '2-2-1');
    await expect.poll(async () => (await view(page)).numbers.address).toBe('W¹[1, 1]');
    expect(await page.locator(`${select('entry')} option[value="12"]`).isDisabled()).toBe(true);
    // The write-up's example only fits 2-2-1: choosing it on 2-2-2-1 moves the network back.
    await page.selectOption(select('network'), '2-2-2-1');
    await page.selectOption(select('entry'), '15');
    await expect.poll(async () => (await view(page)).numbers.address).toBe('b³[1]');
    await page.selectOption(select('start'), 'writeup-example');
    await expect.poll(() => page.inputValue(select('network'))).toBe('2-2-1');
    await expect.poll(async () => (await view(page)).numbers.name).toBe('W1');
    expect((await view(page)).status).not.toMatch(/nine parameters/);
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
    expect((await view(page)).panels.matrices).toBe(before.panels.matrices);
    await page.fill(seed, '7');
    await expect.poll(async () => (await view(page)).panels.matrices).not.toBe(before.panels.matrices);
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
    expect(shown.panels.matrices).toContain('data-picked="true"');
    expect(shown.panels.terms).toContain('data-terms');
    expect(shown.numbers.same).toBe('identical');
    expect(await p.page.$$eval(`${W} [data-table="entries"] tbody tr`, (r) => r.length)).toBe(9);
    await p.close();
  });
});
