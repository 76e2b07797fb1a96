/** The setup comparison of lesson 14 in a real browser (four of them on the page, by share key). */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/e2e.ts';
import { openWidget, widgetView } from '../helpers/widget.ts';
import { violationsWithin } from '../helpers/pages.ts';

const site = useSite();
const PAGE = 'lessons/14-ranges-and-data-size/';
const W = 'np-setup-comparison';
const one = (key: string) => `${W}#widget-${key}`;
const select = (key: string, name: string) => `${one(key)} [data-select][data-name="${name}"] select`;
const field = (key: string, name: string) => `${one(key)} [data-slider][data-name="${name}"] input[data-role="field"]`;
const range = (key: string, name: string) => `${one(key)} [data-slider][data-name="${name}"] input[type="range"]`;
const view = (page: Page, key: string) => widgetView(page, one(key));
const open = (path = PAGE, options = {}) => openWidget(site, path, one('size'), options);

describe('setup comparison', () => {
  test('a summed loss on 3,000 samples diverges: the curve, the numbers and a plain message change, with no NaN', async () => {
    const p = await open();
    const { page } = p;
    const before = await view(page, 'size');
    expect(before.numbers['b.status']).toMatch(/^trained 1,000 epochs/);
    expect(before.status).toBe('');
    await page.selectOption(select('size', 'lossFormB'), 'sum');
    await expect.poll(async () => (await view(page, 'size')).numbers['b.status']).toMatch(/^diverged at epoch \d+/);
    const after = await view(page, 'size');
    expect(after.panels.chart).not.toBe(before.panels.chart);
    expect(after.panels.chart).toContain('B diverged');
    expect(after.numbers['b.effectiveRate']).toBe('η × 3,000 = 150');
    expect(after.numbers['b.lossEnd']).toBe('too large to represent');
    expect(after.status).toMatch(/Setup B diverged at epoch \d+: .*above 2\/λmax.*Try a smaller learning rate\./);
    expect(after.numbers['a.lossEnd']).toBe(before.numbers['a.lossEnd']);
    expect(after.visibleText).not.toMatch(/NaN|undefined|Infinity/);
    expect(after.panels.chart).not.toMatch(/NaN/);
    // A small enough rate trains again.
    await page.fill(field('size', 'learningRate'), '0.0001');
    await expect.poll(async () => (await view(page, 'size')).numbers['b.status']).toMatch(/^trained/);
    expect((await view(page, 'size')).status).not.toMatch(/diverged/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the x-axis switches between epochs and updates without changing the numbers', async () => {
    const p = await open();
    const { page } = p;
    const before = await view(page, 'batch');
    expect(before.numbers['b.updatesPerEpoch']).toBe('300');
    expect(before.panels.chart).toContain('>epoch<');
    await page.selectOption(select('batch', 'xAxis'), 'updates');
    await expect.poll(async () => (await view(page, 'batch')).panels.chart).toContain('updates (parameter steps)');
    const after = await view(page, 'batch');
    expect(after.numbers).toEqual(before.numbers);
    expect(after.panels.chart).not.toBe(before.panels.chart);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('setting B to the original ranges makes the two scaled setups identical', async () => {
    const p = await open();
    const { page } = p;
    const before = await view(page, 'scaled');
    expect(before.numbers['b.lossEnd']).not.toBe(before.numbers['a.lossEnd']);
    await page.selectOption(select('scaled', 'rangeB'), 'original');
    await expect.poll(async () => (await view(page, 'scaled')).numbers['b.lossEnd']).toBe(before.numbers['a.lossEnd']);
    const after = await view(page, 'scaled');
    expect(after.numbers['b.reached']).toBe(after.numbers['a.reached']);
    expect(after.panels.chart).toContain('Var(y) = 1 (A and B)');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad input and impossible combinations are explained; the last figure stays', async () => {
    const p = await open();
    const { page } = p;
    const before = await view(page, 'batch');
    const cases: [string, string, RegExp][] = [
      ['learningRate', 'abc', /“abc” is not a number/],
      ['learningRate', '', /Learning rate η is empty/],
      ['learningRate', '-0.1', /must be positive/],
      ['learningRate', 'NaN', /must be an actual number/],
      ['epochs', 'Infinity', /must be a finite number/],
      ['epochs', '1e308', /Epochs must be at most 5,000/],
      ['nA', '-5', /Samples N \(A\) must be at least 1/],
    ];
    for (const [name, text, message] of cases) {
      await page.fill(field('batch', name), text);
      await expect.poll(async () => (await view(page, 'batch')).status, { message: `status after typing "${text}" into ${name}` }).toMatch(message);
      const now = await view(page, 'batch');
      expect(now.panels.chart).toBe(before.panels.chart);
      expect(now.numbers).toEqual(before.numbers);
      expect(now.visibleText).not.toMatch(/NaN|undefined/);
      await page.fill(field('batch', name), name === 'learningRate' ? '0.05' : name === 'epochs' ? '100' : '300');
      await expect.poll(async () => (await view(page, 'batch')).status).not.toMatch(message);
    }
    // A batch as large as the data is the full batch, not an error.
    await page.fill(field('batch', 'nA'), '5');
    await expect.poll(async () => (await view(page, 'batch')).numbers['a.training']).toMatch(/10 per update: all 5 samples, so the full batch$/);
    expect((await view(page, 'batch')).numbers['a.updatesPerEpoch']).toBe('1');
    // Too much work at once is refused with the rule.
    await page.fill(field('batch', 'nB'), '10000');
    await page.fill(field('batch', 'epochs'), '5000');
    await expect.poll(async () => (await view(page, 'batch')).status).toMatch(/more training than this page runs at once/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('works from the keyboard: arrows on a select, End on the samples slider', async () => {
    const p = await open();
    const { page } = p;
    const before = await view(page, 'unscaled');
    await page.focus(select('unscaled', 'scalingB'));
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.inputValue(select('unscaled', 'scalingB'))).not.toBe('none');
    await expect.poll(async () => (await view(page, 'unscaled')).numbers['b.data']).not.toBe(before.numbers['b.data']);
    await page.focus(range('unscaled', 'nA'));
    await page.keyboard.press('End');
    await expect.poll(() => page.inputValue(field('unscaled', 'nA'))).toBe('10000');
    await expect.poll(async () => (await view(page, 'unscaled')).numbers['a.data']).toMatch(/N = 10,000/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a shared link sets one comparison, leaves the others alone, and the copy button gives it back', async () => {
    const p = await open(`${PAGE}?size.lossFormB=sum&size.learningRate=0.0001&size.epochs=300&size.nonsense=1`);
    const { page } = p;
    await expect.poll(() => page.inputValue(select('size', 'lossFormB'))).toBe('sum');
    await expect.poll(async () => (await view(page, 'size')).numbers['b.effectiveRate']).toBe('η × 3,000 = 0.3');
    expect((await view(page, 'size')).status).toMatch(/nonsense/);
    expect(await page.inputValue(select('batch', 'lossFormB'))).toBe('mean');
    await page.click(`${one('size')} [data-action="share"]`);
    const link = await page.inputValue(`${one('size')} [data-share-link]`);
    expect(link).toMatch(/size\.lossFormB=sum/);
    expect(link).toMatch(/size\.epochs=300/);
    expect(link).toMatch(/#widget-size$/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('without JavaScript every comparison shows its curves and numbers; with it, no accessibility violations', async () => {
    const off = await site.open(PAGE, { javaScriptEnabled: false });
    for (const key of ['unscaled', 'scaled', 'size', 'batch']) {
      const v = await view(off.page, key);
      expect(v.panels.chart).toContain('np-series');
      expect(v.numbers['a.lossEnd']).not.toBe('');
      expect(v.visibleText).not.toMatch(/NaN|undefined/);
    }
    await off.close();
    const p = await open();
    await p.page.locator(`${one('unscaled')} details summary`).click();
    expect(await violationsWithin(p.page, one('unscaled'))).toEqual([]);
    await p.close();
  });
});
