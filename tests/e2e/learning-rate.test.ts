/**
 * Lesson 8's three widgets in a real browser, on whichever built page holds them (found by
 * looking for their elements in the built HTML): the rate comparison, the slice stepper and
 * the rate sweep. Sweeps in these tests are small (a few starts, a few hundred epochs), set
 * through a shared link.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { pagesContaining, violationsWithin } from '../helpers/pages.ts';
import { animationFrames, openWidget, printedNumber, sliderSelectors } from '../helpers/widget.ts';
import type { OpenPageOptions } from '../helpers/browser.ts';
import { defaultDataset } from '../../src/experiments/data/defaultDataset.ts';
import { curvature } from '../../src/trainer/curvature.ts';
import { formatNumber } from '../../src/experiments/format.ts';
import { startParameters } from '../../src/experiments/learning-rate/settings.ts';

const { dist } = e2eEnv();
const site = useSite();
const C = 'np-rate-comparison', S = 'np-slice-steps', R = 'np-rate-sweep';
const page8 = pagesContaining(dist, `<${C}`);

async function open(tag: string, query = '', options: OpenPageOptions = {}) {
  expect(page8, `no page in ${dist} contains <${C}>; is lesson 8 built?`).not.toEqual([]);
  return openWidget(site, page8[0] + query, tag, options);
}

const status = (page: Page, tag: string) => page.locator(`${tag} [role=status]`).first().textContent();
/** Everything the reader sees in the widget except the status line, which may quote bad input. */
const visible = (page: Page, tag: string) =>
  page.$eval(tag, (el) => {
    const c = el.cloneNode(true) as HTMLElement;
    c.querySelectorAll('[role=status], input, textarea').forEach((x) => x.remove());
    return c.textContent ?? '';
  });
const noNonsense = async (page: Page, tag: string) => expect(await visible(page, tag)).not.toMatch(/\bNaN\b|undefined|Infinity|\bnull\b/);

async function comparison(page: Page) {
  return page.$eval(C, (el) => ({
    panels: [...el.querySelectorAll('[data-cell] svg')].map((s) => s.outerHTML),
    outcomes: [...el.querySelectorAll('[data-text="outcome"]')].map((s) => s.textContent ?? ''),
    relations: [...el.querySelectorAll('[data-text="relation"]')].map((s) => s.textContent ?? ''),
    strip: el.querySelector('[data-panel="strip"] svg')?.outerHTML ?? '',
    numbers: Object.fromEntries([...el.querySelectorAll<HTMLElement>('[data-number]')].map((c) => [c.dataset.number, c.textContent ?? ''])),
  }));
}

describe('rate comparison', () => {
  const rates = `${C} [data-name="rates"] input`;

  test('shows the lesson’s start at five rates, with its λmax and limit as the trainer computes them', async () => {
    const p = await open(C);
    const shown = await comparison(p.page);
    const lambdaMax = curvature(startParameters('writeup', 97), defaultDataset()).lambdaMax;
    expect(shown.numbers.lambdaMax).toBe(formatNumber(lambdaMax));
    expect(shown.numbers.limit).toBe(formatNumber(2 / lambdaMax));
    expect(shown.panels).toHaveLength(5);
    expect(shown.outcomes[4]).toMatch(/^diverged at epoch \d+$/);
    expect(shown.relations[2]).toMatch(/^below the limit/);
    expect(shown.relations[3]).toMatch(/^above the limit/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('typed rates redraw the panels and their words; a far too large η says where it diverged, never NaN', async () => {
    const p = await open(C);
    const { page } = p;
    const before = await comparison(page);
    await page.fill(rates, '0.002, 0.02');
    await expect.poll(async () => (await comparison(page)).panels.length).toBe(2);
    const two = await comparison(page);
    expect(two.panels[0]).not.toBe(before.panels[0]);
    expect(two.strip).not.toBe(before.strip);
    expect(two.outcomes[0]).not.toBe(before.outcomes[0]);

    await page.fill(rates, '0.01, 50');
    await expect.poll(async () => (await comparison(page)).outcomes[1]).toMatch(/^diverged at epoch \d+$/);
    const blown = await comparison(page);
    expect(blown.panels[1]).toContain('lr-cross');
    expect(blown.panels[1]).toMatch(/>diverged at<\/tspan><tspan[^>]*> epoch \d+</);
    expect(await status(page, C)).toMatch(/η = 50: the loss grew too large to represent/);
    await noNonsense(page, C);
    expect(page.url()).not.toContain('NaN');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a new seed or another start changes λmax; more epochs change the curves', async () => {
    const p = await open(C);
    const { page } = p;
    const before = await comparison(page);
    await page.click(`${C} [data-action="new-seed"]`);
    await expect.poll(async () => (await comparison(page)).numbers.lambdaMax).not.toBe(before.numbers.lambdaMax);
    await page.selectOption(`${C} [data-name="init"] select`, 'he');
    await expect.poll(async () => printedNumber((await comparison(page)).numbers.limit)).toBeGreaterThan(0.05);
    const he = await comparison(page);
    await page.fill(sliderSelectors(C).field('epochs'), '50');
    await expect.poll(async () => (await comparison(page)).panels[0]).not.toBe(he.panels[0]);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad lists of rates are explained and the last good figure stays', async () => {
    const p = await open(C);
    const { page } = p;
    const before = await comparison(page);
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['abc', /“abc” is not a number/],
      ['0.01, NaN', /must be an actual number/],
      ['-0.1', /must be positive/],
      ['1e308', /at most 10,000/],
      ['Infinity', /must be a finite number/],
      ['0.001,0.002,0.003,0.004,0.005,0.006,0.007', /At most 6/],
    ];
    for (const [text, message] of cases) {
      await page.fill(rates, text);
      await expect.poll(() => status(page, C)).toMatch(message);
      expect(await page.getAttribute(rates, 'aria-invalid')).toBe('true');
    }
    expect(await status(page, C)).toMatch(/The figure still shows 0.001, 0.003, 0.01, 0.03, 0.1/);
    expect((await comparison(page)).panels).toEqual(before.panels);
    await page.fill(sliderSelectors(C).field('initSeed'), '-5');
    await expect.poll(() => status(page, C)).toMatch(/seed must be at least 0/i);
    await noNonsense(page, C);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a shared link restores the rates and the start', async () => {
    const p = await open(C, '?rates.rates=0.02,0.2&rates.initSeed=5&rates.epochs=100');
    const { page } = p;
    await expect.poll(async () => (await comparison(page)).panels.length).toBe(2);
    expect(await page.inputValue(rates)).toBe('0.02, 0.2');
    const lambdaMax = curvature(startParameters('writeup', 5), defaultDataset()).lambdaMax;
    expect((await comparison(page)).numbers.lambdaMax).toBe(formatNumber(lambdaMax));
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('has no accessibility violations, and draws its runs without JavaScript', async () => {
    const p = await open(C);
    expect(await violationsWithin(p.page, C)).toEqual([]);
    await p.close();
    const off = await open(C, '', { javaScriptEnabled: false });
    const shown = await comparison(off.page);
    expect(shown.panels).toHaveLength(5);
    expect(shown.panels[0]).toContain('lr-loss');
    await off.close();
  });
});

async function slice(page: Page) {
  return page.$eval(S, (el) => ({
    svg: el.querySelector('[data-panel="slice"] svg')?.outerHTML ?? '',
    verdict: el.querySelector('[data-verdict]')?.textContent ?? '',
    numbers: Object.fromEntries([...el.querySelectorAll<HTMLElement>('[data-number]')].map((c) => [c.dataset.number, c.textContent ?? ''])),
    rows: el.querySelectorAll('[data-samples] tbody tr').length,
  }));
}

describe('slice steps', () => {
  const { field } = sliderSelectors(S);

  test('starts on B3 with c = 2 and the limit 1; changing η changes the arrows and the numbers', async () => {
    const p = await open(S);
    const { page } = p;
    const before = await slice(page);
    expect(before.numbers).toMatchObject({ curvature: '2', limit: '1', factor: '−0.8' });
    await page.fill(field('learningRate'), '0.3');
    await expect.poll(async () => (await slice(page)).numbers.factor).toBe('0.4');
    const after = await slice(page);
    expect(after.svg).not.toBe(before.svg);
    expect(after.verdict).toMatch(/from the same side/);
    await page.fill(field('steps'), '3');
    await expect.poll(async () => (await slice(page)).rows).toBe(4);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('another parameter has its own curvature and limit', async () => {
    const p = await open(S);
    const { page } = p;
    await page.selectOption(`${S} [data-name="parameter"] select`, 'W5');
    await expect.poll(async () => (await slice(page)).numbers.curvature).not.toBe('2');
    const w5 = await slice(page);
    expect(printedNumber(w5.numbers.limit)).toBeCloseTo(2 / printedNumber(w5.numbers.curvature), 3);
    expect(w5.svg).toContain('W5');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a far too large η says the steps run away, and shows no NaN', async () => {
    const p = await open(S);
    const { page } = p;
    await page.fill(field('learningRate'), '5');
    await expect.poll(() => status(page, S)).toMatch(/above this slice's limit 2\/c = 1/);
    const five = await slice(page);
    expect(five.verdict).toMatch(/diverges/);
    expect(five.svg).toMatch(/leaves the picture/);
    await page.fill(field('learningRate'), '10000');
    await page.fill(field('steps'), '50');
    await expect.poll(async () => (await slice(page)).verdict).toMatch(/too large to represent/);
    await noNonsense(page, S);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad rates and step counts are explained and the last good figure stays', async () => {
    const p = await open(S);
    const { page } = p;
    const before = await slice(page);
    const cases: [string, string, RegExp][] = [
      ['learningRate', 'abc', /“abc” is not a number/],
      ['learningRate', '', /empty/],
      ['learningRate', 'NaN', /must be an actual number/],
      ['learningRate', '-1e308', /must be positive/],
      ['learningRate', '1e308', /at most 10,000/],
      ['learningRate', 'Infinity', /must be a finite number/],
      ['steps', '2.5', /whole number/],
      ['steps', '0', /at least 1/],
    ];
    for (const [name, text, message] of cases) {
      await page.fill(field(name), text);
      await expect.poll(() => status(page, S)).toMatch(message);
    }
    expect((await slice(page)).svg).toBe(before.svg);
    await noNonsense(page, S);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('has no accessibility violations, and shows its steps without JavaScript', async () => {
    const p = await open(S, '?slice.parameter=W6&slice.learningRate=0.01');
    await expect.poll(async () => (await slice(p.page)).svg).toContain('W6');
    expect(await violationsWithin(p.page, S)).toEqual([]);
    await p.close();
    const off = await open(S, '', { javaScriptEnabled: false });
    expect((await slice(off.page)).svg).toContain('lr-step');
    await off.close();
  });
});

async function sweep(page: Page) {
  return page.$eval(R, (el) => ({
    svg: el.querySelector('[data-panel="sweep"] svg')?.outerHTML ?? '',
    heading: el.querySelector('[data-sweep-heading]')?.textContent ?? '',
    progress: el.querySelector('[data-progress-text]')?.textContent ?? '',
    value: (el.querySelector('progress') as HTMLProgressElement | null)?.value ?? -1,
    max: (el.querySelector('progress') as HTMLProgressElement | null)?.max ?? -1,
    rows: [...el.querySelectorAll('[data-sweep-table] tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    running: el.hasAttribute('data-running'),
    runDisabled: (el.querySelector('[data-action="run"]') as HTMLButtonElement).disabled,
    cancelDisabled: (el.querySelector('[data-action="cancel"]') as HTMLButtonElement).disabled,
  }));
}

describe('rate sweep', () => {
  test('shows the sweep computed when the page was built', async () => {
    const p = await open(R);
    const shown = await sweep(p.page);
    expect(shown.heading).toMatch(/^100 starts × 3,000 epochs/);
    expect(shown.rows).toHaveLength(5);
    expect(shown.rows[4][2]).toMatch(/^\d+ \(\d+%\)$/);
    expect(shown.cancelDisabled).toBe(true);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a small sweep from a link runs on arrival in the background, with progress, and completes', async () => {
    const p = await open(R, '?sweep.seeds=4&sweep.epochs=200&sweep.rates=0.01,0.5');
    const { page } = p;
    await expect.poll(async () => (await sweep(page)).heading).toMatch(/4 starts × 200 epochs/);
    expect(await page.getAttribute(R, 'data-heavy-work')).toBeNull();
    await expect.poll(() => status(page, R), { timeout: 20_000 }).toMatch(/^Done\./);
    const done = await sweep(page);
    expect(done.heading).toBe('4 starts × 200 epochs, the write-up’s random scheme');
    expect(done.progress).toBe('8 of 8 runs, done');
    expect([done.value, done.max]).toEqual([8, 8]);
    expect(done.rows.map((r) => r[0])).toEqual(['0.01', '0.5']);
    expect(done.rows[1][1]).toBe('4');
    expect(done.runDisabled).toBe(false);
    expect(done.cancelDisabled).toBe(true);
    expect(await status(page, R)).toMatch(/η = 0.5: \d of 4 diverged/);
    await noNonsense(page, R);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a link asking for a long sweep asks first with an estimate; cancel stops it and keeps the runs that finished', async () => {
    const p = await open(R, '?sweep.seeds=400&sweep.epochs=5000');
    const { page } = p;
    // 400 starts × 5 rates × 5,000 epochs (issue 18): nothing starts until the reader agrees.
    await page.waitForSelector(`${R}[data-heavy-work="waiting"]`);
    expect(await page.textContent(`${R} [data-heavy-work]`)).toMatch(/2,000 runs of 5,000 epochs .* over 300 samples: about \d+ (minutes|hours)/);
    expect(await page.isDisabled(`${R} [data-action="run"]`)).toBe(true);
    expect((await sweep(page)).heading).toMatch(/^100 starts × 3,000 epochs/);
    await page.click(`${R} [data-action="start-heavy-work"]`);
    await expect.poll(async () => (await sweep(page)).running).toBe(true);
    await expect.poll(async () => (await sweep(page)).value, { timeout: 20_000 }).toBeGreaterThan(0);
    expect((await sweep(page)).cancelDisabled).toBe(false);
    await page.click(`${R} [data-action="cancel"]`);
    await expect.poll(() => status(page, R)).toMatch(/^Cancelled after \d+ runs/);
    const stopped = await sweep(page);
    expect(stopped.running).toBe(false);
    expect(stopped.heading).toMatch(/^Cancelled after \d+ of 2,000 runs/);
    expect(stopped.runDisabled).toBe(false);
    const finished = stopped.value;
    // Nothing arrives after the cancel, however many frames pass.
    await animationFrames(page, 20);
    expect((await sweep(page)).value).toBe(finished);
    await noNonsense(page, R);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad settings are explained, and Run does not start with them', async () => {
    const p = await open(R);
    const { page } = p;
    const { field } = sliderSelectors(R);
    const cases: [string, string, RegExp][] = [
      ['seeds', 'abc', /“abc” is not a number/],
      ['seeds', '0', /at least 1/],
      ['seeds', '1e308', /at most 1,000/],
      ['epochs', 'NaN', /must be an actual number/],
      ['epochs', '-5', /at least 1/],
      ['epochs', 'Infinity', /must be a finite number/],
    ];
    for (const [name, text, message] of cases) {
      await page.fill(field(name), text);
      await expect.poll(() => status(page, R)).toMatch(message);
    }
    await page.fill(`${R} [data-name="rates"] input`, '');
    await expect.poll(() => status(page, R)).toMatch(/empty.*The next sweep would use 0.001, 0.003, 0.01, 0.03, 0.1/);
    const before = await sweep(page);
    await page.click(`${R} [data-action="run"]`);
    await animationFrames(page, 10);
    expect((await sweep(page)).running).toBe(false);
    expect((await sweep(page)).svg).toBe(before.svg);
    await noNonsense(page, R);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('has no accessibility violations, and shows the built sweep without JavaScript', async () => {
    const p = await open(R);
    expect(await violationsWithin(p.page, R)).toEqual([]);
    await p.close();
    const off = await open(R, '', { javaScriptEnabled: false });
    const shown = await sweep(off.page);
    expect(shown.svg).toContain('lr-row');
    expect(shown.rows).toHaveLength(5);
    await off.close();
  });
});
