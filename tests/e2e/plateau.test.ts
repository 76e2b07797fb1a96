/**
 * The plateau widget (fixed rate against reduce-on-plateau) in a real browser, on whichever built
 * page contains it: settings re-train both runs and move the cuts, the paired comparison runs in
 * Web Workers with progress and can be cancelled, bad input is explained, links restore settings.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { pagesContaining, violationsWithin } from '../helpers/pages.ts';
import { animationFrames, printedNumber, sliderSelectors, widgetView, whenReady } from '../helpers/widget.ts';

const { dist } = e2eEnv();
const pages = pagesContaining(dist, '<np-plateau');
const site = useSite();
/** The first widget on the page (the lesson has two: the bouncing run and the dead-unit plateau). */
const W = 'np-plateau#widget-plateau';
const { field } = sliderSelectors(W);

async function open(query = '', options = {}) {
  expect(pages, `no page in ${dist} contains <np-plateau>; is the widget in a lesson?`).not.toEqual([]);
  const p = await site.open(pages[0] + query, options);
  await whenReady(p.page, `${W}`);
  return p;
}

const view = (page: Page) => widgetView(page, W);

/** How many trainings of the pair have finished so far. */
const trainings = (page: Page) => page.$eval(W, (el) => Number((el as HTMLElement).dataset.trained ?? 0));

/** Does `action`, then waits until the pair has trained again to the end and returns what it shows. */
async function retrain(page: Page, action: () => Promise<unknown>) {
  const before = await trainings(page);
  await action();
  await page.waitForFunction(([w, n]) => Number((document.querySelector(w as string) as HTMLElement).dataset.trained ?? 0) > (n as number), [W, before] as const, { timeout: 30_000 });
  return view(page);
}

/** Waits for the first training after a page opens with a link (the server drew the default). */
async function trained(page: Page) {
  await page.waitForFunction((w) => Number((document.querySelector(w) as HTMLElement).dataset.trained ?? 0) > 0, W, { timeout: 30_000 });
  return view(page);
}

describe('plateau widget', () => {
  test('changing the patience and the factor moves the cuts and the schedule\'s curve, not the fixed run', async () => {
    const p = await open();
    const { page } = p;
    const size = async () => {
      const b = await page.locator(`${W} [data-panel="loss"]`).boundingBox();
      return b && { width: b.width, height: b.height };
    };
    const box = await size();
    const start = await view(page);
    expect(start.numbers['plateau.cuts']).not.toBe('0');
    const startMarks = await page.$eval(`${W} .pl-cuts`, (el) => el.getAttribute('d'));

    const shorter = await retrain(page, () => page.fill(field('patience'), '20'));
    expect(printedNumber(shorter.numbers['plateau.cuts'])).toBeGreaterThan(printedNumber(start.numbers['plateau.cuts']));
    expect(shorter.numbers.cutList).not.toBe(start.numbers.cutList);
    expect(shorter.panels.loss).not.toBe(start.panels.loss);
    expect(shorter.panels.rate).not.toBe(start.panels.rate);
    expect(shorter.numbers['fixed.loss']).toBe(start.numbers['fixed.loss']);
    expect(await page.$eval(`${W} .pl-cuts`, (el) => el.getAttribute('d'))).not.toBe(startMarks);

    const steeper = await retrain(page, () => page.fill(field('factor'), '0.1'));
    expect(steeper.numbers['plateau.rate']).not.toBe(shorter.numbers['plateau.rate']);
    expect(steeper.status).toMatch(/reduce-on-plateau .* after \d+ cuts?/);
    // The link follows the state.
    expect(await page.$eval(W, (el) => [(el as HTMLElement).dataset.patience, (el as HTMLElement).dataset.factor])).toEqual(['20', '0.1']);

    // Keras: the mode is fixed at absolute, and the cuts come one epoch sooner.
    const keras = await retrain(page, () => page.selectOption(`${W} [data-select][data-name="flavour"] select`, 'keras'));
    expect(await page.$eval(`${W} [data-select][data-name="thresholdMode"] select`, (s) => [(s as HTMLSelectElement).value, (s as HTMLSelectElement).disabled])).toEqual(['abs', true]);
    expect(keras.numbers.cutList).not.toBe(steeper.numbers.cutList);

    expect(await size()).toEqual(box);
    for (const v of [shorter, steeper, keras]) expect(v.visibleText).not.toMatch(/NaN|undefined|Infinity/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the paired comparison runs in the background with progress, finishes, and can be cancelled', async () => {
    const p = await open();
    const { page } = p;
    await retrain(page, () => page.selectOption(`${W} [data-select][data-name="epochs"] select`, '2000'));
    await page.fill(field('seeds'), '6');
    const before = (await view(page)).panels.paired;
    await page.click(`${W} [data-action="sweep"]`);
    expect(await page.isEnabled(`${W} [data-action="cancel"]`)).toBe(true);
    await page.waitForFunction((w) => /Done: 6 seeds/.test(document.querySelector(`${w} [data-sweep-status]`)?.textContent ?? ''), W, { timeout: 60_000 });
    const done = await view(page);
    expect(await page.$eval(`${W} [data-progress]`, (el) => [(el as HTMLProgressElement).value, (el as HTMLProgressElement).max])).toEqual([12, 12]);
    expect(done.panels.paired).not.toBe(before);
    expect(done.panels.paired).toContain('6 of 6 seeds');
    const counted = ['sweep.better', 'sweep.worse', 'sweep.same', 'sweep.bothDiverged', 'sweep.oneDiverged'].reduce((sum, k) => sum + printedNumber(done.numbers[k]), 0);
    expect(counted).toBe(6);
    expect(await page.$$eval(`${W} [data-paired-table] tbody tr`, (rows) => rows.length)).toBe(6);
    expect(await page.isEnabled(`${W} [data-action="cancel"]`)).toBe(false);

    // A long comparison: cancel it part-way.
    await page.selectOption(`${W} [data-select][data-name="epochs"] select`, '30000');
    await page.fill(field('seeds'), '120');
    await page.click(`${W} [data-action="sweep"]`);
    await page.waitForFunction((w) => (document.querySelector(`${w} [data-progress]`) as HTMLProgressElement).value >= 1, W, { timeout: 60_000 });
    await page.click(`${W} [data-action="cancel"]`);
    const status = await page.textContent(`${W} [data-sweep-status]`);
    expect(status).toMatch(/Cancelled after [\d,]+ of 240 runs/);
    expect(await page.isEnabled(`${W} [data-action="sweep"]`)).toBe(true);
    expect(await page.isEnabled(`${W} [data-action="cancel"]`)).toBe(false);
    // Nothing arrives after the cancel.
    const frozen = await page.$eval(`${W} [data-progress]`, (el) => (el as HTMLProgressElement).value);
    await animationFrames(page, 20);
    expect(await page.$eval(`${W} [data-progress]`, (el) => (el as HTMLProgressElement).value)).toBe(frozen);
    expect((await view(page)).visibleText).not.toMatch(/NaN|undefined/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad input is explained in the status line and the last good figure stays', async () => {
    const p = await open();
    const { page } = p;
    const start = await view(page);
    const cases: [string, string, RegExp][] = [
      ['factor', '0', /factor must be above 0/],
      ['factor', '1.5', /factor must be below 1/],
      ['factor', '-1', /factor must be above 0/],
      ['factor', 'abc', /“abc” is not a number\. The factor needs a number above 0 and below 1/],
      ['factor', '1e308', /factor must be below 1/],
      ['factor', '', /factor is empty/],
      ['patience', '2.5', /Patience must be a whole number/],
      ['patience', 'NaN', /Patience must be an actual number/],
      ['cooldown', '-1', /Cooldown must be at least 0/],
      ['minLr', '1e308', /min_lr must be at most 10/],
      ['threshold', 'Infinity', /threshold must be a finite number/],
      ['learningRate', '-0.1', /η must be positive/],
      ['learningRate', '20', /η₀ must be at most 10/],
      ['seeds', '1e308', /Seeds in the comparison must be at most 200/],
    ];
    for (const [name, text, message] of cases) {
      await page.fill(field(name), text);
      await page.waitForFunction(([w, m]) => new RegExp(m).test(document.querySelector(`${w} [data-status]`)?.textContent ?? ''), [W, message.source] as const);
      expect(await page.getAttribute(field(name), 'aria-invalid'), `${name} = ${text}`).toBe('true');
      const now = await view(page);
      expect(now.panels.loss, `${name} = ${text}`).toBe(start.panels.loss);
      expect(now.visibleText).not.toMatch(/NaN|undefined/);
      // Back to a good value before the next case.
      await page.fill(field(name), String(await page.$eval(W, (el, n) => (el as HTMLElement).dataset[n as string], name)));
    }
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a shared link restores the schedule\'s settings, and a garbled one is explained', async () => {
    const p = await open('?plateau.patience=50&plateau.factor=0.2&plateau.flavour=keras');
    const v = await trained(p.page);
    expect(await p.page.inputValue(field('patience'))).toBe('50');
    expect(await p.page.inputValue(field('factor'))).toBe('0.2');
    expect(await p.page.inputValue(`${W} [data-select][data-name="flavour"] select`)).toBe('keras');
    expect(v.numbers['plateau.cuts']).not.toBe('0');
    await p.close();

    const bad = await open('?plateau.factor=0&plateau.colour=red');
    await trained(bad.page);
    const status = await bad.page.textContent(`${W} [data-status]`);
    expect(status).toMatch(/factor must be above 0/);
    expect(status).toMatch(/colour/);
    expect(await bad.page.inputValue(field('factor'))).toBe('0.5');
    expect(bad.problems()).toEqual([]);
    await bad.close();
  });

  test('is keyboard-usable and passes axe', async () => {
    const p = await open();
    const { page } = p;
    await page.focus(field('patience'));
    await page.keyboard.press('Control+A');
    await retrain(page, () => page.keyboard.type('30'));
    await page.focus(`${W} [data-action="sweep"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((w) => /runs finished|Done/.test(document.querySelector(`${w} [data-sweep-status]`)?.textContent ?? ''), W, { timeout: 30_000 });
    await page.click(`${W} [data-action="cancel"]`).catch(() => {});
    expect(await violationsWithin(page, W)).toEqual([]);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('shows both server-drawn runs and the comparison without JavaScript', async () => {
    const p = await site.open(pages[0], { javaScriptEnabled: false });
    for (const panel of ['loss', 'rate', 'paired']) {
      expect(await p.page.$eval(`${W} [data-panel="${panel}"] svg`, (svg) => svg.querySelectorAll('path').length)).toBeGreaterThan(2);
    }
    expect(await p.page.textContent(`${W} [data-number="plateau.cuts"]`)).not.toBe('0');
    // Issue 12: the dead-unit plateau's schedule run is frozen at a tiny rate with R² ≈ 0, not
    // "training normally"; and thirty seeds that end in a few places show their counts.
    const dead = 'np-plateau#widget-dead';
    expect(await p.page.textContent(`${dead} [data-number="plateau.status"]`)).toMatch(/frozen on a plateau.*10⁻/);
    const counts = await p.page.$$eval(`${W} [data-panel="paired"] [data-count]`, (els) => els.map((el) => Number(el.getAttribute('data-count'))));
    expect(counts.length).toBeGreaterThan(0);
    expect(await p.page.$$eval(`${W} [data-paired-table] tbody tr`, (rows) => rows.length)).toBe(30);
    await p.close();
  });
});
