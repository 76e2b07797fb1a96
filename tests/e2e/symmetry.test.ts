/**
 * The symmetry widget on lesson 11 in a real browser: the tied starts stay identical, the two
 * presets draw different runs, a nudge breaks the tie and (from weights 2, biases 0, W3 + 0.3)
 * gets below the one-unit level, bad input is explained while the figure stays, the keyboard
 * reaches everything, and a shared link restores a nudged run.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/e2e.ts';
import { expectBadInputsRejected, openWidget, sliderSelectors, tabbedControls, typeInto, widgetView } from '../helpers/widget.ts';
import { symmetry as f } from '../../src/facts/symmetry';

const site = useSite();
const PAGE = 'lessons/11-symmetry/';
const W = 'np-symmetry';
const field = sliderSelectors(W).field;

/** Unit 1's and unit 2's trace paths, pair by pair. */
const traces = (page: Page) =>
  page.$$eval(`${W} [data-panel="traces"] .sy-pair`, (pairs) => pairs.map((p) => [p.querySelector('.sy-unit1')?.getAttribute('d'), p.querySelector('.sy-unit2')?.getAttribute('d')]));


describe('symmetry widget', () => {
  test('the tied start stays identical, and the other preset draws a different run', async () => {
    const p = await openWidget(site, PAGE, W);
    const { page } = p;
    try {
      const start = await widgetView(page, W);
      expect(start.numbers.identical).toMatch(/^yes, bit for bit/);
      expect(start.numbers.gap).toBe('0 (exactly)');
      expect(start.numbers.belowOneUnit).toMatch(/^never/);
      for (const [one, two] of await traces(page)) expect(two).toBe(one);

      await page.locator(`${W} [data-name="start"] input[value="weights2-biases0"]`).check();
      await expect.poll(async () => (await widgetView(page, W)).panels.loss).not.toBe(start.panels.loss);
      const other = await widgetView(page, W);
      expect(other.numbers.loss).not.toBe(start.numbers.loss);
      expect(other.numbers.identical).toMatch(/^yes/);
      expect(other.panels.activations).toMatch(/lie on the diagonal/);
      for (const [one, two] of await traces(page)) expect(two).toBe(one);
      expect(other.visibleText).not.toMatch(/NaN|undefined|Infinity/);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('a nudge breaks the tie: the traces part, and W3 + 0.3 gets below the one-unit level', async () => {
    const p = await openWidget(site, PAGE, W);
    const { page } = p;
    try {
      await page.locator(`${W} [data-name="start"] input[value="weights2-biases0"]`).check();
      await page.selectOption(`${W} [data-name="nudge"] select`, 'W3');
      await typeInto(page, W, 'epsilon', '0.3');
      await expect.poll(async () => (await widgetView(page, W)).numbers.identical).toMatch(/^no/);
      const view = await widgetView(page, W);
      expect(view.numbers.gap).not.toBe('0 (exactly)');
      // The epoch the lesson reports for this nudge.
      expect(view.numbers.belowOneUnit).toBe(`from epoch ${f.nudges.fastest.epoch}`);
      expect((await traces(page)).some(([one, two]) => one !== two)).toBe(true);
      // The tied run is drawn beside the nudged one.
      expect((view.panels.loss.match(/class="np-series"/g) ?? []).length).toBe(2);

      // A millionth breaks the bits but not the outcome.
      await typeInto(page, W, 'epsilon', '0.000001');
      await expect.poll(async () => (await widgetView(page, W)).numbers.belowOneUnit).toMatch(/^never/);
      expect((await widgetView(page, W)).numbers.identical).toMatch(/^no/);
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
        ['epsilon', 'abc', /“abc” is not a number/],
        ['epsilon', '', /nudge ε is empty/],
        ['epsilon', 'NaN', /must be an actual number/],
        ['epsilon', '5', /at most 1/],
        ['epsilon', '-1e308', /at least [−-]1/],
        ['epsilon', 'Infinity', /must be a finite number/],
        ['learningRate', '-0.1', /must be positive/],
        ['learningRate', '1e308', /at most 0\.5/],
        ['epochs', '2.5', /whole number/],
        ['epochs', '0', /at least 1/],
      ], { epsilon: '0', learningRate: '0.05', epochs: '3000' });
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('the keyboard reaches every control and the arrow keys choose the start', async () => {
    const p = await openWidget(site, PAGE, W);
    const { page } = p;
    try {
      const before = await widgetView(page, W);
      await page.focus(`${W} [data-name="start"] input[value="weights0-biases2"]`);
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await widgetView(page, W)).numbers.loss).not.toBe(before.numbers.loss);
      expect(await page.isChecked(`${W} [data-name="start"] input[value="weights2-biases0"]`)).toBe(true);
      const reached = await tabbedControls(page, 12);
      for (const name of ['nudge', 'epsilon', 'learningRate', 'epochs', 'share']) expect(reached).toContain(name);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('a shared link restores a nudged run, and a locked setting cannot be changed', async () => {
    const p = await openWidget(site, `${PAGE}?symmetry.start=weights2-biases0&symmetry.nudge=W3&symmetry.epsilon=0.3&symmetry.lock=epsilon`, W);
    const { page } = p;
    try {
      await expect.poll(async () => (await widgetView(page, W)).numbers.belowOneUnit).toBe(`from epoch ${f.nudges.fastest.epoch}`);
      expect(await page.isDisabled(field('epsilon'))).toBe(true);
      expect(await page.inputValue(field('epsilon'))).toBe('0.3');
      await page.click(`${W} [data-action="share"]`);
      const link = await page.inputValue(`${W} [data-share-link]`);
      expect(link).toMatch(/symmetry\.epsilon=0\.3/);
      expect(link).toMatch(/symmetry\.nudge=W3/);
      expect(link).toMatch(/#widget-symmetry$/);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
