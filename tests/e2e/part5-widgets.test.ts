/**
 * Lessons 20 and 21's widgets in a real browser: a change redraws the figure (the optimiser race
 * trains again and shows the divergence above momentum's limit, the bowl follows a drag key and a
 * curvature, the spectrum moves to another epoch), bad input is explained while the figure stays,
 * and without JavaScript each page shows its figures.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/e2e.ts';
import { expectBadInputsRejected, openWidget, printedNumber, typeInto, widgetView } from '../helpers/widget.ts';
import { optimiserFacts as race } from '../../src/facts/optimisers';
import { curvatureFacts as curvature } from '../../src/facts/curvature';

const site = useSite();
/** Training in the browser takes a while on a busy machine. */
const TRAINING = 150_000;
const runs = (page: Page, tag: string) => page.getAttribute(tag, 'data-runs');

describe('optimiser race (lesson 20)', () => {
  const PAGE = 'lessons/20-optimisers/';
  const W = 'np-optimiser-race';

  test('shows the lesson’s limits, and B above momentum’s limit diverges while A below it settles', async () => {
    const p = await openWidget(site, PAGE, W);
    const { page } = p;
    try {
      const start = await widgetView(page, W);
      expect(printedNumber(start.numbers.momentumLimit) / race.exact.curvature.momentumLimit).toBeCloseTo(1, 3);
      await typeInto(page, W, 'rateB', String(Number(race.exact.curvature.momentumLimit.toPrecision(3)) * 1.1));
      await typeInto(page, W, 'epochs', '2000');
      await expect.poll(async () => (await widgetView(page, W)).numbers.endB, { timeout: TRAINING }).toMatch(/^diverged at epoch/);
      await expect.poll(() => page.getAttribute(W, 'aria-busy')).toBe(null);
      const after = await widgetView(page, W);
      expect(after.numbers.endA).not.toMatch(/diverged/);
      expect(after.panels.slice).not.toBe(start.panels.slice);
      expect(after.visibleText).not.toMatch(/NaN|undefined/);
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
        ['rateA', 'abc', /“abc” is not a number/],
        ['beta', '1', /at most 0\.99/],
        ['epochs', '0', /at least 1/],
      ], { rateA: '0.02', beta: '0.9', epochs: '100' });
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('bowl and spectrum (lesson 21)', () => {
  const PAGE = 'lessons/21-curvature/';
  const BOWL = 'np-bowl';
  const SPECTRUM = 'np-spectrum';

  test('the bowl follows a curvature and the arrow keys on the picture; a rate above the limit is said to blow up', async () => {
    const p = await openWidget(site, PAGE, BOWL);
    const { page } = p;
    try {
      const start = await widgetView(page, BOWL);
      expect(start.numbers.kappa).toBe(curvature.bowl.kappa);
      await page.focus(`${BOWL} [data-drag]`);
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await widgetView(page, BOWL)).panels.bowl).not.toBe(start.panels.bowl);
      expect(await page.getAttribute(BOWL, 'data-start-x')).toBe('-2.4');
      await typeInto(page, BOWL, 'learningRate', '0.3');
      await expect.poll(async () => page.getAttribute(`${BOWL} [data-number="verdict"]`, 'data-state')).toBe('diverges');
      await expectBadInputsRejected(page, BOWL, [['lambda1', 'NaN', /must be an actual number/], ['angle', '200', /at most 90/]], { lambda1: '8', angle: '30' });
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('the spectrum moves to the end of the run, where the two matrices agree', async () => {
    const p = await openWidget(site, PAGE, SPECTRUM);
    const { page } = p;
    try {
      const start = await widgetView(page, SPECTRUM);
      expect(printedNumber(start.numbers.hessianMax) / curvature.exact.start.hessian.lambdaMax).toBeCloseTo(1, 3);
      await typeInto(page, SPECTRUM, 'at', '2000');
      await expect.poll(() => runs(page, SPECTRUM), { timeout: TRAINING }).toBe('1');
      const end = await widgetView(page, SPECTRUM);
      expect(end.panels.spectrum).not.toBe(start.panels.spectrum);
      expect(end.numbers.at).toBe('2,000');
      expect(end.numbers.negatives).not.toBe(start.numbers.negatives);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('without JavaScript both figures are drawn', async () => {
    const p = await openWidget(site, PAGE, BOWL, { javaScriptEnabled: false });
    try {
      const bowl = await widgetView(p.page, BOWL), spectrum = await widgetView(p.page, SPECTRUM);
      expect(bowl.panels.bowl).toMatch(/<svg/);
      expect(spectrum.panels.spectrum).toMatch(/<svg/);
      expect(spectrum.panels.lambda).toMatch(/<svg/);
    } finally {
      await p.close();
    }
  });
});

describe('What happened? (the training console)', () => {
  test('explains the run so far, and says so when the run moves on', async () => {
    const C = 'np-training-console';
    const p = await openWidget(site, 'playground/', C);
    const { page } = p;
    try {
      const section = `${C} [data-what-happened]`;
      await page.click(`${section} [data-action="explain"]`);
      await expect.poll(() => page.getAttribute(section, 'aria-busy'), { timeout: TRAINING }).toBe(null);
      await expect.poll(() => page.textContent(`${section} [data-account-summary]`)).toMatch(/in [\d,]+ epochs|Nothing to report/);
      await page.click(`${C} [data-action="step"]`);
      await expect.poll(() => page.textContent(`${section} [data-account-summary]`), { timeout: TRAINING }).toMatch(/moved on/);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
