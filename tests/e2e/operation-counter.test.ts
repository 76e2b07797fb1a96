/**
 * The operation counter in a real browser: the formulas' column and the counted column agree and
 * change with H, N, the mask and the epochs; bad input is explained; the timing is measured on
 * request; keyboard and shared links work.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { pagesContaining, violationsWithin } from '../helpers/pages.ts';
import { openWidget, printedNumber, sliderSelectors } from '../helpers/widget.ts';
import { flopsPerEpoch, operationsPerSample } from '../../src/trainer/index.ts';

const { dist } = e2eEnv();
const pages = pagesContaining(dist, '<np-operation-counter');
const site = useSite();
const W = 'np-operation-counter';
const { field } = sliderSelectors(W);

async function open(query = '') {
  expect(pages, `no page in ${dist} holds the operation counter`).not.toEqual([]);
  return openWidget(site, pages[0] + query, W);
}

const number = (page: Page, key: string) => page.$eval(`${W} [data-number="${key}"]`, (el) => el.textContent ?? '');
const status = (page: Page) => page.$eval(`${W} [data-status]`, (el) => el.textContent ?? '');
const table = (page: Page, kind: string) =>
  page.$$eval(`${W} [data-table="${kind}"] tbody tr`, (rows) => rows.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
const done = (page: Page) => expect.poll(() => page.$eval(W, (el) => (el as HTMLElement).dataset.counted), { timeout: 30_000 }).toBe('done');

/** Every row: formulas and counter agree, for one epoch and for all. */
async function expectAgreement(page: Page) {
  for (const kind of ['multiplications', 'additions']) {
    for (const row of await table(page, kind)) {
      expect(row[2]).toBe(row[3]);
      expect(row[4]).toBe(row[5]);
    }
  }
  expect(await number(page, 'agreement')).toBe('The formulas and the counter agree in every cell.');
}

describe('operation counter', () => {
  test('shows the course network’s counts, from the formulas and counted, side by side', async () => {
    const p = await open();
    const { page } = p;
    expect(printedNumber(await number(page, 'flopsEpoch'))).toBe(flopsPerEpoch(300, 2));
    const mul = await table(page, 'multiplications');
    expect(mul[2].slice(0, 3)).toEqual(['backward pass', String(operationsPerSample(2).backward.multiplications), '3,300']);
    await expectAgreement(page);
    expect(await violationsWithin(page, W)).toEqual([]);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('changing H, N, the epochs and the mask changes the counts and the chart, and the columns keep agreeing', async () => {
    const p = await open();
    const { page } = p;
    const chart = () => page.$eval(`${W} [data-panel="phases"] svg`, (el) => el.outerHTML);
    let before = await chart();
    await page.fill(field('hidden'), '16');
    await expect.poll(() => number(page, 'flopsEpoch')).toBe(flopsPerEpoch(300, 16).toLocaleString('en-GB'));
    await done(page);
    await expectAgreement(page);
    expect(await chart()).not.toBe(before);
    before = await chart();
    await page.fill(field('n'), '3000');
    await expect.poll(() => number(page, 'flopsEpoch')).toBe(flopsPerEpoch(3000, 16).toLocaleString('en-GB'));
    await done(page);
    await expectAgreement(page);
    expect(await chart()).not.toBe(before);
    // Many epochs with the switch: the count runs in slices, then both columns agree again.
    await page.fill(field('n'), '300');
    await page.fill(field('hidden'), '2');
    const plain = (await table(page, 'multiplications'))[2][2];
    await page.check(`${W} [data-role="mask"]`);
    await page.fill(field('epochs'), '100');
    await done(page);
    await expectAgreement(page);
    expect(await page.isVisible(`${W} [data-mask-note]`)).toBe(true);
    const masked = (await table(page, 'multiplications'))[2];
    expect(masked[1]).toBe('3 + 3 per unit that is on');
    expect(printedNumber(masked[2])).toBeLessThan(printedNumber(plain));
    expect(await number(page, 'progress')).toBe('counted all 100 epochs');
    expect(await page.$eval(W, (el) => (el as HTMLElement).innerText)).not.toMatch(/NaN|undefined|Infinity/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad input is explained, and the last good count stays', async () => {
    const p = await open();
    const { page } = p;
    const good = await number(page, 'flopsEpoch');
    for (const [value, message] of [
      ['abc', /“abc” is not a number/],
      ['', /Hidden units H is empty/],
      ['0', /at least 1/],
      ['17', /at most 16/],
      ['2.5', /whole number/],
      ['1e308', /at most 16/],
      ['-1e308', /at least 1/],
      ['Infinity', /finite number/],
      ['NaN', /actual number/],
    ] as const) {
      await page.fill(field('hidden'), value);
      await expect.poll(() => status(page)).toMatch(message);
      expect(await number(page, 'flopsEpoch')).toBe(good);
    }
    await page.fill(field('n'), '-5');
    await expect.poll(() => status(page)).toMatch(/Samples N must be at least 1/);
    expect(await page.$eval(W, (el) => (el as HTMLElement).innerText)).not.toMatch(/NaN|undefined|Infinity/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('measures an epoch only when asked, and says it was measured on this machine', async () => {
    const p = await open();
    const { page } = p;
    const timing = () => page.$eval(`${W} [data-timing]`, (el) => el.textContent ?? '');
    expect(await timing()).toMatch(/^Not measured yet/);
    await page.click(`${W} [data-action="time"]`);
    await expect.poll(timing, { timeout: 10_000 }).toMatch(/^Measured just now on this machine, N = 300, H = 2: one epoch .* took [\d.,]+ (µs|ms)/);
    expect(await timing()).toMatch(/million of the formulas’ 10,518 operations per second/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('works from the keyboard, and a shared link restores the settings', async () => {
    const p = await open('?count.hidden=4&count.mask=on&count.epochs=3');
    const { page } = p;
    await done(page);
    expect(await page.inputValue(field('hidden'))).toBe('4');
    expect(printedNumber(await number(page, 'flopsEpoch'))).toBeLessThan(flopsPerEpoch(300, 4));
    await expectAgreement(page);
    // Keyboard: focus the switch and toggle it with Space.
    await page.focus(`${W} [data-role="mask"]`);
    await page.keyboard.press('Space');
    await expect.poll(() => number(page, 'flopsEpoch')).toBe(flopsPerEpoch(300, 4).toLocaleString('en-GB'));
    await page.focus(field('hidden'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8');
    await expect.poll(() => number(page, 'flopsEpoch')).toBe(flopsPerEpoch(300, 8).toLocaleString('en-GB'));
    expect(p.problems()).toEqual([]);
    await p.close();
  });
});
