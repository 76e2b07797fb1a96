/**
 * The forward-pass stepper in a real browser, on lesson 4: stepping moves the highlight and
 * fills in the numbers, the sample and the parameters change them, bad input is explained,
 * and the page works without JavaScript and at phone width.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/e2e.ts';
import { AXE_TAGS, axeBuilder } from '../helpers/checks.ts';
import { whenReady } from '../helpers/widget.ts';

const site = useSite();
const PAGE = 'lessons/04-the-forward-pass/';
const W = 'np-forward-pass';
const field = (name: string) => `${W} [data-slider][data-name="${name}"] input[data-role="field"]`;
const button = (action: string) => `${W} [data-action="${action}"]`;

/** What the widget shows: every slot, the current step, the message, the chart and the visible text. */
async function snapshot(page: Page) {
  return page.$eval(W, (el) => ({
    slots: Object.fromEntries([...el.querySelectorAll<HTMLElement>('[data-live]')].map((s) => [s.dataset.live, s.textContent])),
    current: [...el.querySelectorAll<HTMLElement>('[data-step][aria-current="step"]')].map((s) => s.dataset.step),
    highlighted: [...el.querySelectorAll<HTMLElement>('[data-step].is-current')].map((s) => s.dataset.step),
    message: el.querySelector('[data-message]')?.textContent ?? '',
    status: el.querySelector('[role="status"]')?.textContent ?? '',
    chart: el.querySelector('[data-panel="chart"] svg')?.outerHTML ?? '',
    ring: el.querySelector('[data-panel="chart"] .np-highlight')?.getAttribute('data-index') ?? null,
    currentRow: el.querySelector('[data-rows] tr[aria-current] th')?.textContent ?? '',
    summary: Object.fromEntries([...el.querySelectorAll<HTMLElement>('[data-number]')].map((s) => [s.dataset.number, s.textContent])),
    select: el.querySelector<HTMLSelectElement>('[data-name="start"] select')?.value ?? '',
    visibleText: (el as HTMLElement).innerText,
  }));
}

async function open(options = {}) {
  const p = await site.open(PAGE, options);
  await whenReady(p.page, `${W}`);
  return p;
}

describe('forward-pass stepper', () => {
  test('Reset, Step, Back and Show all move the highlighted step and fill in its numbers', async () => {
    const p = await open();
    const { page } = p;
    const start = await snapshot(page);
    expect(start.current).toEqual(['6']);
    expect(start.slots.z1).toBe('−9.000');
    expect(start.slots.e).toBe('27.662');

    await page.click(button('reset'));
    await expect.poll(async () => (await snapshot(page)).slots.z1).toBe('?');
    let now = await snapshot(page);
    expect(now.current).toEqual([]);
    expect(now.slots.yhat).toBe('?');
    expect(now.slots.W1).toBe('−0.46');
    expect(now.message).toMatch(/^Sample 1: x1 = −0\.6891/);
    expect(await page.isDisabled(button('back'))).toBe(true);

    await page.click(button('step'));
    await expect.poll(async () => (await snapshot(page)).current).toEqual(['1']);
    now = await snapshot(page);
    expect(now.highlighted).toEqual(['1']);
    expect(now.slots.z1).toBe('−9.000');
    expect(now.slots.h1).toBe('?');
    expect(now.message).toMatch(/^Step 1 of 6: z1 = −9\.000/);

    await page.click(button('step'));
    await expect.poll(async () => (await snapshot(page)).current).toEqual(['2']);
    now = await snapshot(page);
    expect(now.slots.h1).toBe('0.000');
    expect(now.message).toMatch(/unit 1 is off for this sample/);

    await page.click(button('back'));
    await expect.poll(async () => (await snapshot(page)).current).toEqual(['1']);
    expect((await snapshot(page)).slots.h1).toBe('?');

    await page.click(button('all'));
    await expect.poll(async () => (await snapshot(page)).current).toEqual(['6']);
    now = await snapshot(page);
    expect(now.slots.e2).toBe('765.187');
    expect(await page.isDisabled(button('step'))).toBe(true);
    expect(now.visibleText).not.toMatch(/NaN|undefined/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('Step works from the keyboard, and focus stays on a working button at the end', async () => {
    const p = await open();
    const { page } = p;
    await page.click(button('reset'));
    await page.focus(button('step'));
    for (let k = 1; k <= 6; k++) {
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await snapshot(page)).current).toEqual([String(k)]);
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('back');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('another sample changes the numbers, the ring on the chart and the marked row', async () => {
    const p = await open();
    const { page } = p;
    const before = await snapshot(page);
    expect(before.ring).toBe('0');
    await page.click(button('next-sample'));
    await expect.poll(async () => (await snapshot(page)).slots.x1).not.toBe(before.slots.x1);
    let now = await snapshot(page);
    expect(await page.inputValue(field('sample'))).toBe('2');
    expect(now.ring).toBe('1');
    expect(now.currentRow).toBe('▶ 2');
    expect(now.slots.yhat).toBe('32.626');
    expect(now.message).toMatch(/too high/);

    await page.fill(field('sample'), '300');
    await expect.poll(async () => (await snapshot(page)).ring).toBe('299');
    now = await snapshot(page);
    expect(now.currentRow).toBe('▶ 300');
    expect(await page.isDisabled(button('next-sample'))).toBe(true);
    expect(await page.isEnabled(button('previous-sample'))).toBe(true);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a parameter change changes the numbers and the loss; a preset loads all nine values', async () => {
    const p = await open();
    const { page } = p;
    const before = await snapshot(page);
    await page.fill(field('B1'), '10');
    await expect.poll(async () => (await snapshot(page)).slots.z1).not.toBe(before.slots.z1);
    let now = await snapshot(page);
    expect(now.slots.B1).toBe('10');
    expect(now.slots.h1).not.toBe('0.000');
    expect(now.summary.loss).not.toBe(before.summary.loss);
    expect(now.chart).not.toBe(before.chart);
    expect(now.select).toBe('custom');

    await page.selectOption(`${W} [data-name="start"] select`, 'dead-unit');
    await expect.poll(async () => (await snapshot(page)).summary.on1).toBe('0');
    now = await snapshot(page);
    expect(await page.inputValue(field('B1'))).toBe('-5');
    expect(now.slots.h1).toBe('0.000');
    expect(now.select).toBe('dead-unit');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad input is explained in the status line and the numbers stay as they were', async () => {
    const p = await open();
    const { page } = p;
    const before = await snapshot(page);
    const cases: [string, string, RegExp][] = [
      ['sample', 'abc', /“abc” is not a number/],
      ['sample', '', /Sample number is empty/],
      ['sample', '0', /at least 1/],
      ['sample', '1e308', /at most 300/],
      ['sample', '2.5', /whole number/],
      ['W1', 'NaN', /W1 must be an actual number/],
      ['W1', '1e308', /W1 must be at most 10/],
      ['W1', '-Infinity', /W1 must be a finite number/],
    ];
    for (const [name, text, message] of cases) {
      await page.fill(field(name), text);
      await expect.poll(async () => (await snapshot(page)).status, { message: `status after typing "${text}" in ${name}` }).toMatch(message);
      const now = await snapshot(page);
      expect(now.slots).toEqual(before.slots);
      expect(now.visibleText).not.toMatch(/NaN|undefined/);
      expect(await page.getAttribute(field(name), 'aria-invalid')).toBe('true');
      await page.fill(field(name), name === 'sample' ? '1' : '-0.46');
      await expect.poll(async () => (await snapshot(page)).status).toBe('');
    }
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a shared link restores the sample and the step', async () => {
    const p = await open();
    await p.close();
    const q = await site.open(`${PAGE}?forward.sample=4&forward.step=3`);
    await whenReady(q.page, `${W}`);
    const now = await snapshot(q.page);
    expect(now.current).toEqual(['3']);
    expect(now.ring).toBe('3');
    expect(now.slots.z2).toBe('0.705');
    expect(now.slots.h2).toBe('?');
    expect(q.problems()).toEqual([]);
    await q.close();
  });

  test('without JavaScript the finished pass, the chart and the table are already there', async () => {
    const p = await site.open(PAGE, { javaScriptEnabled: false });
    const { page } = p;
    const now = await snapshot(page);
    expect(now.slots.z1).toBe('−9.000');
    expect(now.slots.yhat).toBe('26.872');
    expect(now.current).toEqual(['6']);
    expect(now.ring).toBe('0');
    expect(now.summary.loss).toBe('1,467');
    expect(now.visibleText).not.toMatch(/NaN|undefined/);
    expect(await page.$$eval(`${W} fieldset[data-controls]`, (f) => f.every((x) => (x as HTMLFieldSetElement).disabled))).toBe(true);
    await p.close();
  });

  test('at phone width long formulas scroll inside their box, not the page', async () => {
    const p = await open({ viewport: { width: 375, height: 800 } });
    const { page } = p;
    const sizes = await page.evaluate((w) => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      formulas: [...document.querySelectorAll(`${w} .np-live-formula`)].map((d) => ({ scroll: d.scrollWidth, client: d.clientWidth, overflow: getComputedStyle(d).overflowX })),
    }), W);
    expect(sizes.page).toBe(0);
    expect(sizes.formulas.some((f) => f.scroll > f.client)).toBe(true);
    for (const f of sizes.formulas) expect(f.overflow).toBe('auto');
    await p.close();
  });

  test('has no accessibility violations, before and after stepping', async () => {
    const p = await open();
    const { page } = p;
    const axe = async () => (await axeBuilder(page).include(W).withTags(AXE_TAGS).analyze()).violations.map((v) => `${v.id}: ${v.help}`);
    expect(await axe()).toEqual([]);
    await page.click(button('reset'));
    await page.click(button('step'));
    await page.fill(field('sample'), 'abc');
    expect(await axe()).toEqual([]);
    await p.close();
  });
});
