/**
 * The loss explorer in a real browser, on whichever built lesson page contains it (found by
 * looking for <np-loss-explorer> in the built HTML, so the lesson's slug can change freely).
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { pagesContaining, violationsWithin } from '../helpers/pages.ts';
import { badParameterInputs, openWidget, sliderSelectors, tabThrough, whenReady } from '../helpers/widget.ts';
import type { OpenPageOptions } from '../helpers/browser.ts';

const { dist } = e2eEnv();
const W = 'np-loss-explorer';
const pages = pagesContaining(dist, `<${W}`);
const site = useSite();

async function open(options: OpenPageOptions = {}) {
  expect(pages, `no page in ${dist} contains <${W}>; is the widget in a lesson?`).not.toEqual([]);
  return openWidget(site, pages[0], W, options);
}

/** What the widget shows: both panels, the slice's pieces, the numbers and the status line. */
async function snapshot(page: Page) {
  return page.$eval(W, (el) => {
    const slice = el.querySelector('[data-panel="slice"] svg');
    return {
      residuals: el.querySelector('[data-panel="residuals"] svg')?.outerHTML ?? '',
      slice: slice?.outerHTML ?? '',
      sliceLabel: slice?.getAttribute('aria-label') ?? '',
      curve: slice?.querySelector('.np-series')?.getAttribute('d') ?? '',
      marker: [...(slice?.querySelectorAll('.np-marker') ?? [])].map((m) => m.outerHTML).join(''),
      xLabel: slice?.querySelectorAll('.np-axis-label')[0]?.textContent ?? '',
      numbers: Object.fromEntries([
        ...[...el.querySelectorAll<HTMLElement>('.le-baselines [data-number]')].map((c) => [c.dataset.number, c.textContent]),
        ...[...el.querySelectorAll<HTMLElement>('.le-formulas [data-live]')].map((c) => [c.dataset.live, c.textContent]),
      ]),
      formulaLoss: el.querySelector('.le-formulas [data-live="loss"]')?.textContent ?? '',
      formulaText: [...el.querySelectorAll('.le-formulas [data-live-text]')].map((t) => t.textContent).join(' | '),
      status: el.querySelector('[role="status"]')?.textContent ?? '',
      visibleText: (el as HTMLElement).innerText,
    };
  });
}

const widgetViolations = (page: Page) => violationsWithin(page, W);

const { field, range } = sliderSelectors(W);

describe('loss explorer', () => {
  test('choosing another parameter redraws the slice and leaves the residuals alone', async () => {
    const p = await open();
    const { page } = p;
    const start = await snapshot(page);
    expect(start.xLabel).toBe('B3 (the other eight fixed)');
    expect(start.numbers.varY).toBe('1');

    await page.selectOption(`${W} [data-name="parameter"] select`, 'W1');
    await expect.poll(async () => (await snapshot(page)).xLabel).toBe('W1 (the other eight fixed)');
    const w1 = await snapshot(page);
    expect(w1.curve).not.toBe(start.curve);
    expect(w1.sliceLabel).toMatch(/^The loss L as W1 varies/);
    expect(w1.numbers.parameter).toBe('W1');
    expect(w1.residuals).toBe(start.residuals);
    expect(w1.numbers.loss).toBe(start.numbers.loss);

    await page.selectOption(`${W} [data-name="axis"] select`, 'log');
    await expect.poll(async () => (await snapshot(page)).curve).not.toBe(w1.curve);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('changing a parameter moves the marker along a still curve and changes the residuals and the loss', async () => {
    const p = await open();
    const { page } = p;
    const box = async () => {
      const b = await page.locator(`${W} [data-panel="slice"]`).boundingBox();
      return b && { width: b.width, height: b.height };
    };
    const size = await box();
    const start = await snapshot(page);
    await page.fill(field('B3'), '-1');
    await expect.poll(async () => (await snapshot(page)).marker).not.toBe(start.marker);
    const moved = await snapshot(page);
    expect(moved.marker).toContain('B3 now = −1');
    expect(moved.curve).toBe(start.curve);
    expect(moved.residuals).not.toBe(start.residuals);
    expect(moved.numbers.loss).not.toBe(start.numbers.loss);
    expect(moved.formulaLoss).toBe(moved.numbers.loss);
    expect(moved.formulaText).toContain(`L = (1/N) Σ e_i² = ${moved.numbers.loss}`);
    expect(moved.formulaText).toContain(`= ${moved.numbers.r2}`);
    expect(moved.numbers.r2).not.toBe(start.numbers.r2);

    // The slider moves it too.
    await page.locator(range('W5')).fill('0');
    await expect.poll(async () => (await snapshot(page)).numbers.loss).not.toBe(moved.numbers.loss);
    expect(await page.inputValue(field('W5'))).toBe('0');

    // The live figure fills the same box as the server one: no layout shift.
    expect(await box()).toEqual(size);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the presets load their values, and typing B3 − ē puts the marker at the lowest point', async () => {
    const p = await open();
    const { page } = p;
    await page.click(`${W} [data-preset="zeros"]`);
    await expect.poll(async () => (await snapshot(page)).numbers.loss).toBe('1');
    expect(await page.inputValue(field('W1'))).toBe('0');
    expect((await snapshot(page)).numbers.r2).toBe('0.000');
    expect((await snapshot(page)).status).toMatch(/Loaded: All zeros/);

    await page.selectOption(`${W} [data-name="parameter"] select`, 'W5');
    await expect.poll(async () => (await snapshot(page)).numbers.lowest).toMatch(/^flat: every value of W5 gives L = 1$/);

    await page.click(`${W} [data-preset="he"]`);
    await page.selectOption(`${W} [data-name="parameter"] select`, 'B3');
    await expect.poll(async () => (await snapshot(page)).numbers.meanResidual).toBe('2.011');
    await page.fill(field('B3'), '-2.011');
    await expect.poll(async () => (await snapshot(page)).numbers.meanResidual).toBe('0.000');
    expect((await snapshot(page)).numbers.lowest).toMatch(/at B3 ≈ −2\.011$/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad input is explained in the status line and the last figure stays', async () => {
    const p = await open();
    const { page } = p;
    const before = await snapshot(page);
    for (const [text, message] of badParameterInputs('W1')) {
      await page.fill(field('W1'), text);
      await expect.poll(async () => (await snapshot(page)).status, { message: `status after typing "${text}"` }).toMatch(message);
      const now = await snapshot(page);
      expect(now.visibleText).not.toMatch(/NaN|undefined|Infinity/);
      expect(now.slice).toBe(before.slice);
      expect(now.residuals).toBe(before.residuals);
      expect(await page.getAttribute(field('W1'), 'aria-invalid')).toBe('true');
    }
    await page.fill(field('W1'), '0.5');
    await expect.poll(async () => (await snapshot(page)).status).toBe('');
    expect((await snapshot(page)).residuals).not.toBe(before.residuals);
    expect(await page.getAttribute(field('W1'), 'aria-invalid')).toBeNull();
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the controls are reachable with the keyboard and a preset loads with Enter', async () => {
    const p = await open();
    const { page } = p;
    const before = await snapshot(page);
    const reached = await tabThrough(page, W, (r) => r.includes('zeros'), ['data-preset']);
    expect(reached).toEqual(['select', 'select', 'writeup-example', 'he', 'zeros']);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await snapshot(page)).residuals).not.toBe(before.residuals);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('has no accessibility violations, before and after a change', async () => {
    const p = await open();
    const { page } = p;
    await page.locator(`${W} details summary`).click();
    expect(await widgetViolations(page)).toEqual([]);
    await page.fill(field('W2'), 'abc');
    await expect.poll(async () => (await snapshot(page)).status).toMatch(/not a number/);
    expect(await widgetViolations(page)).toEqual([]);
    await p.close();
  });

  test('without JavaScript the server-drawn figure and numbers are already there', async () => {
    const p = await open({ javaScriptEnabled: false });
    const { page } = p;
    const shown = await snapshot(page);
    expect(shown.xLabel).toBe('B3 (the other eight fixed)');
    expect(shown.curve.length).toBeGreaterThan(1000);
    expect(shown.marker).toContain('B3 now = 0');
    expect(shown.numbers.varY).toBe('1');
    expect(shown.formulaLoss).toBe(shown.numbers.loss);
    expect(shown.visibleText).not.toMatch(/NaN|undefined/);
    expect(await page.$eval(`${W} fieldset[data-controls]`, (f) => (f as HTMLFieldSetElement).disabled)).toBe(true);
    expect(await page.$$eval(`${W} [data-samples] tbody tr`, (r) => r.length)).toBe(12);
    await p.close();
  });

  test('has a share link: a link sets the slice and the values, a locked value survives a preset, and Copy link reproduces the figure', async () => {
    const p = await site.open(`${pages[0]}?loss.parameter=W5&loss.B3=-1&loss.lock=B3`);
    const { page } = p;
    await whenReady(page, `${W}`);
    await expect.poll(async () => (await snapshot(page)).xLabel).toBe('W5 (the other eight fixed)');
    expect(await page.inputValue(field('B3'))).toBe('-1');
    expect(await page.isDisabled(field('B3'))).toBe(true);
    await page.click(`${W} [data-preset="zeros"]`);
    await expect.poll(async () => page.inputValue(field('W1'))).toBe('0');
    expect(await page.inputValue(field('B3'))).toBe('-1');
    expect((await snapshot(page)).status).toMatch(/B3/);
    const shown = await snapshot(page);
    await page.click(`${W} [data-action="share"]`);
    const link = new URL(await page.inputValue(`${W} [data-share-link]`));
    expect(link.searchParams.get('loss.B3')).toBe('-1');
    expect(link.searchParams.get('loss.lock')).toBe('B3');
    expect(link.searchParams.get('loss.W1')).toBe('0');
    expect(p.problems()).toEqual([]);
    await p.close();

    const q = await site.open(`${pages[0]}${link.search}`);
    await whenReady(q.page, `${W}`);
    await expect.poll(async () => (await snapshot(q.page)).numbers.loss).toBe(shown.numbers.loss);
    expect((await snapshot(q.page)).curve).toBe(shown.curve);
    expect(q.problems()).toEqual([]);
    await q.close();
  });

  test('the lowest point of a slice is never above the current loss (issue 12: the trained preset)', async () => {
    const p = await open();
    const { page } = p;
    await page.click(`${W} [data-preset="trained"]`);
    await page.selectOption(`${W} [data-name="parameter"] select`, 'W1');
    await expect.poll(async () => (await snapshot(page)).xLabel).toBe('W1 (the other eight fixed)');
    const { numbers } = await snapshot(page);
    const lowest = Number(/L ≈ ([\d.]+)/.exec(numbers.lowest ?? '')![1]);
    expect(lowest).toBeLessThanOrEqual(Number(numbers.loss));
    await p.close();
  });
});
