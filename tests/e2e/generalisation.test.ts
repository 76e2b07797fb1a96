/**
 * The generalisation widget on lesson 19 in a real browser: the server-drawn run is the lesson's
 * (its numbers are the facts'), a change retrains and redraws both panels, showing the fit at early
 * stopping's epoch redraws the fit (the browser's run draws the same loss chart as the build's), bad input is explained while the figure stays, the keyboard
 * reaches the controls, and the page without JavaScript shows the same figure.
 */
import { describe, expect, test } from 'vitest';
import { useSite } from '../helpers/e2e.ts';
import { expectBadInputsRejected, openWidget, tabbedControls, typeInto, widgetView } from '../helpers/widget.ts';
import { generalisationFacts as f } from '../../src/facts/generalisation';

const site = useSite();
const PAGE = 'lessons/19-generalisation/';
/** The first of the lesson's two widgets. */
const W = 'np-generalisation#widget-split';

/** Training the lesson's run in the browser (20,000 epochs, in slices) takes a while on a busy machine. */
const TRAINING = 150_000;
const runs = (page: import('playwright-core').Page) => page.getAttribute(W, 'data-runs');

describe('generalisation widget', () => {
  test('shows the lesson’s run, and fewer hidden units retrain it: the training loss no longer ends below the floor', async () => {
    const p = await openWidget(site, PAGE, W);
    const { page } = p;
    try {
      const start = await widgetView(page, W);
      expect(start.numbers.floor).toBe(f.widget.floor);
      expect(start.numbers.bestEpoch).toBe(f.widget.bestEpoch);
      expect(start.numbers.testN).toBe(f.widget.testN);
      expect(await page.getAttribute(`${W} [data-number="verdict"]`, 'data-state')).toBe('memorising');

      await typeInto(page, W, 'hidden', '2');
      await expect.poll(() => runs(page), { timeout: TRAINING }).toBe('1');
      const two = await widgetView(page, W);
      expect(two.panels.loss).not.toBe(start.panels.loss);
      expect(two.panels.fit).not.toBe(start.panels.fit);
      expect(two.numbers.floor).toBe(start.numbers.floor); // same data, same split
      expect(two.numbers.testLoss).not.toBe(start.numbers.testLoss);
      expect(two.visibleText).not.toMatch(/NaN|undefined/);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('the keyboard shows the fit at early stopping’s epoch; the loss chart trained in the browser is the server’s, bit for bit', async () => {
    const p = await openWidget(site, PAGE, W);
    const { page } = p;
    try {
      const before = await widgetView(page, W);
      await page.focus(`${W} [data-name="fitAt"] input[value="end"]`);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => runs(page), { timeout: TRAINING }).toBe('1');
      const after = await widgetView(page, W);
      expect(after.panels.fit).not.toBe(before.panels.fit);
      expect(after.panels.fit).toContain(`at epoch ${f.widget.bestEpoch}`);
      expect(after.panels.loss).toBe(before.panels.loss);
      expect(after.numbers.testLoss).toBe(before.numbers.testLoss);

      await page.focus(`${W} [data-name="n"] input[data-role="field"]`);
      const reached = await tabbedControls(page, 24);
      for (const name of ['learningRate', 'weightDecay', 'epochs']) expect(reached).toContain(name);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('bad input is explained in the status line and the last good figure stays', async () => {
    const p = await openWidget(site, PAGE, W);
    const { page } = p;
    try {
      await expectBadInputsRejected(
        page,
        W,
        [
          ['testFraction', 'abc', /“abc” is not a number/],
          ['testFraction', '', /is empty/],
          ['weightDecay', '-1', /at least 0/],
          ['n', 'NaN', /must be an actual number/],
          ['epochs', '1e308', /at most/],
        ],
        { testFraction: '0.5', weightDecay: '0', n: '40', epochs: '20000' },
      );
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('without JavaScript the page shows both panels of the same run, with its numbers', async () => {
    const p = await openWidget(site, PAGE, W, { javaScriptEnabled: false });
    const { page } = p;
    try {
      const view = await widgetView(page, W);
      expect(view.panels.loss).toMatch(/<svg/);
      expect(view.panels.fit).toMatch(/<svg/);
      expect(view.numbers.bestEpoch).toBe(f.widget.bestEpoch);
      expect(view.numbers.floor).toBe(f.widget.floor);
    } finally {
      await p.close();
    }
  });
});
