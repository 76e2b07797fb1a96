/**
 * The extreme-starts widget on lesson 12 in a real browser: each preset changes the curve and
 * the numbers, weights in the millions diverge with a clear message and no NaN, a stable rate
 * keeps them finite, very large biases end with both units dead, bad input is explained while
 * the figure stays, the keyboard reaches everything, and a shared link restores a run.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/e2e.ts';
import { expectBadInputsRejected, openWidget, tabbedControls, typeInto, widgetView } from '../helpers/widget.ts';

const site = useSite();
const PAGE = 'lessons/12-extreme-starts/';
const W = 'np-extreme-starts';
const preset = (value: string) => `${W} [data-name="start"] input[value="${value}"]`;


/** The step table's row for one parameter: [start, step 1, …]. */
const stepRow = (page: Page, name: string) =>
  page.$eval(`${W} [data-table="steps"]`, (table, n) => {
    const row = [...table.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')?.textContent === n);
    return [...(row?.querySelectorAll('td') ?? [])].map((c) => c.textContent ?? '');
  }, name);

describe('extreme-starts widget', () => {
  test('all zeros: nothing moves on z-scored data; on min-max data B3 alone walks to the mean', async () => {
    const p = await openWidget(site, PAGE, W);
    const { page } = p;
    try {
      const start = await widgetView(page, W);
      expect(start.numbers.loss).toBe('1');
      expect(await stepRow(page, 'W5')).toEqual(['0', '0', '0', '0', '0']);
      expect((await stepRow(page, 'B3'))[1]).toMatch(/10⁻¹⁷/);

      await page.selectOption(`${W} [data-name="scaling"] select`, 'minmax');
      await expect.poll(async () => (await widgetView(page, W)).numbers.loss).toBe('0.04884');
      expect((await stepRow(page, 'B3'))[1]).toBe('0.008835');
      expect(await stepRow(page, 'W1')).toEqual(['0', '0', '0', '0', '0']);
      expect((await widgetView(page, W)).panels.meter).toMatch(/R² = 0\.000/);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('weights in the millions diverge with a clear message and no NaN; a stable rate keeps them finite', async () => {
    const p = await openWidget(site, PAGE, W);
    const { page } = p;
    try {
      const before = await widgetView(page, W);
      await page.check(preset('huge-weights'));
      await expect.poll(async () => (await widgetView(page, W)).numbers.outcome).toMatch(/^Diverged at epoch 3/);
      const view = await widgetView(page, W);
      expect(view.panels.loss).not.toBe(before.panels.loss);
      expect(view.panels.loss).toMatch(/diverged at epoch 3/);
      // What helps instead of stepping back: a rate below the stable one at this start.
      expect(view.status).toMatch(/diverged at epoch 3.*learning rate below 2\/λmax ≈ [\d.× ]*10⁻¹⁴/);
      expect(view.status).not.toMatch(/step back|reset/i);
      expect(view.numbers.loss).toBe('too large to represent');
      expect(view.numbers.ratio).toMatch(/unstable at the start/);
      expect(view.visibleText).not.toMatch(/NaN|undefined|Infinity/);
      expect((await stepRow(page, 'W5'))[4]).toBe('—');

      await typeInto(page, W, 'learningRate', '5e-15');
      await expect.poll(async () => (await widgetView(page, W)).numbers.outcome).toMatch(/^Still finite/);
      const stable = await widgetView(page, W);
      expect(stable.status).toBe('');
      expect(stable.numbers.ratio).toMatch(/stable at the start/);
      expect(stable.visibleText).not.toMatch(/NaN|undefined|Infinity/);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('very large biases end with both units dead at Var(y), for several seeds', async () => {
    const p = await openWidget(site, PAGE, W);
    const { page } = p;
    try {
      await page.check(preset('large-biases'));
      for (const seed of ['1', '2', '4']) {
        await typeInto(page, W, 'seed', seed);
        await expect.poll(async () => (await widgetView(page, W)).numbers.unit1Now).toMatch(/^dead/);
        const view = await widgetView(page, W);
        expect(view.numbers.unit2Now).toMatch(/^dead/);
        expect(view.numbers.outcome).toMatch(/Both hidden units are dead/);
        expect(view.panels.meter).toMatch(/R² = 0\.000/);
      }
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('bad input is explained in the status line and the last good figure stays', async () => {
    const p = await openWidget(site, PAGE, W);
    const { page } = p;
    try {
      await expectBadInputsRejected(page, W, [
        ['learningRate', '0', /at least 1e-16/],
        ['learningRate', 'abc', /“abc” is not a number/],
        ['learningRate', '-1', /must be positive/],
        ['learningRate', '1e308', /at most 10/],
        ['learningRate', 'NaN', /must be an actual number/],
        ['learningRate', '', /is empty/],
        ['learningRate', 'Infinity', /must be a finite number/],
        ['seed', '-5', /at least 0/],
        ['seed', '2.5', /whole number/],
        ['epochs', '0', /at least 1/],
        ['epochs', '1e308', /at most 20,000/],
      ], { learningRate: '0.01', seed: '1', epochs: '3000' });
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('the arrow keys choose the start and Tab reaches every control', async () => {
    const p = await openWidget(site, PAGE, W);
    const { page } = p;
    try {
      await page.focus(preset('zeros'));
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await widgetView(page, W)).numbers.outcome).toMatch(/^Diverged/);
      expect(await page.isChecked(preset('huge-weights'))).toBe(true);
      const reached = await tabbedControls(page, 10);
      for (const name of ['seed', 'learningRate', 'epochs', 'scaling', 'share']) expect(reached).toContain(name);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('after a divergence under a locked learning rate, the status line does not suggest changing it', async () => {
    const p = await openWidget(site, `${PAGE}?extremes.start=huge-weights&extremes.lock=learningRate`, W);
    const { page } = p;
    try {
      await expect.poll(async () => (await widgetView(page, W)).status).toMatch(/diverged at epoch 3/);
      const view = await widgetView(page, W);
      expect(view.status).not.toMatch(/learning rate|2\/λmax/);
      expect(view.status).toMatch(/milder start/);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('a shared link restores the run, and hidden settings stay hidden', async () => {
    const p = await openWidget(site, `${PAGE}?extremes.start=huge-weights&extremes.scaling=minmax&extremes.hide=scaling`, W);
    const { page } = p;
    try {
      await expect.poll(async () => (await widgetView(page, W)).numbers.unit1Now).toMatch(/^dead/);
      expect(await page.isChecked(preset('huge-weights'))).toBe(true);
      expect(await page.locator(`${W} [data-name="scaling"]`).isHidden()).toBe(true);
      await page.click(`${W} [data-action="share"]`);
      const link = await page.inputValue(`${W} [data-share-link]`);
      expect(link).toMatch(/extremes\.start=huge-weights/);
      expect(link).toMatch(/extremes\.scaling=minmax/);
      expect(link).toMatch(/#widget-extremes$/);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
