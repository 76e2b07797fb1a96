/**
 * The gradient inspector in a real browser, on lesson 6: the nine partial derivatives follow
 * the parameters, agree with their finite-difference estimates to the digits shown, a step
 * changes the parameters and the loss, the sub-steps walk forward → loss → backward → update,
 * and bad learning rates are explained without breaking anything. The lesson's backward flow
 * (one sample's error stepped back through the diagram) is checked on the same page.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/e2e.ts';
import { AXE_TAGS, axeBuilder } from '../helpers/checks.ts';
import { openWidget, printedNumber, sliderSelectors } from '../helpers/widget.ts';

const site = useSite();
const PAGE = 'lessons/06-backpropagation/';
const W = 'np-gradient-inspector';
const { field } = sliderSelectors(W);
const button = (action: string) => `${W} [data-action="${action}"]`;
const NAMES = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3'];

async function snapshot(page: Page) {
  return page.$eval(W, (el) => ({
    numbers: Object.fromEntries([...el.querySelectorAll<HTMLElement>('[data-number]')].map((s) => [s.dataset.number, s.textContent ?? ''])),
    slots: Object.fromEntries([...el.querySelectorAll<HTMLElement>('[data-live]')].map((s) => [s.dataset.live, s.textContent ?? ''])),
    rows: [...el.querySelectorAll('[data-step-rows] tbody tr')].map((tr) => ({
      changed: tr.classList.contains('is-changed'),
      cells: [...tr.children].map((c) => c.textContent ?? ''),
    })),
    phase: el.querySelector('[data-phase-item][aria-current="step"]')?.getAttribute('data-phase-item') ?? null,
    highlighted: [...el.querySelectorAll<HTMLElement>('[data-phase].is-current')].map((s) => s.dataset.phase),
    message: el.querySelector('[data-message]')?.textContent ?? '',
    status: el.querySelector('[role="status"]')?.textContent ?? '',
    visibleText: (el as HTMLElement).innerText,
  }));
}

const open = (options = {}) => openWidget(site, PAGE, W, options);

describe('gradient inspector', () => {
  test('backpropagation and finite differences agree to the digits shown, for every start', async () => {
    const p = await open();
    const { page } = p;
    for (const start of ['writeup-example', 'he', 'dead-unit']) {
      await page.selectOption(`${W} [data-name="start"] select`, start);
      await expect.poll(async () => page.inputValue(field('B1'))).toBe(start === 'dead-unit' ? '-5' : start === 'he' ? '0' : '-4.44');
      const { numbers, visibleText } = await snapshot(page);
      for (const name of NAMES) {
        expect(numbers[`fd_${name}`], `${start}: ${name}`).toBe(numbers[`g_${name}`]);
        expect(Math.abs(printedNumber(numbers[`diff_${name}`]))).toBeLessThan(1e-4);
      }
      if (start === 'dead-unit') for (const name of ['W1', 'W3', 'B1', 'W5']) expect(numbers[`g_${name}`]).toBe('0');
      expect(visibleText).not.toMatch(/NaN|undefined/);
    }

    // The same page's backward flow (issue 13): one sample's error steps back by keyboard on the
    // step slider and by the buttons, each step filling its line and marking the diagram.
    const flow = page.locator('np-backward-flow');
    await flow.scrollIntoViewIfNeeded();
    await expect.poll(() => flow.getAttribute('data-ready'), { timeout: 30_000 }).toBe('');
    const lines = () => flow.locator('[data-line]').allTextContents();
    expect(await lines()).toEqual(['?', '?', '?', '?', '?']);
    await flow.locator('[data-name="step"] input[data-role="range"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => flow.locator('li[aria-current="step"]').getAttribute('data-step')).toBe('1');
    expect((await lines())[0]).toMatch(/^∂L\/∂ŷ = \(2\/N\)·e/);
    expect((await lines())[1]).toBe('?');
    expect(await flow.locator('[data-panel="diagram"] [data-reached="yhat"]').count()).toBe(1);
    for (let k = 2; k <= 5; k++) await flow.locator('[data-action="next"]').click();
    await expect.poll(() => flow.locator('li[aria-current="step"]').getAttribute('data-step')).toBe('5');
    expect((await lines()).every((line) => line !== '?')).toBe(true);
    expect(await flow.locator('[data-table="terms"] tbody td').allTextContents()).not.toContain('—');
    expect(await flow.locator('[data-action="next"]').isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('back');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a parameter change changes the partial derivatives and the numbers inside their formulas', async () => {
    const p = await open();
    const { page } = p;
    const before = await snapshot(page);
    expect(before.numbers.g_W1).toBe('−25.34');
    expect(before.slots.W5).toBe('−8.92');
    await page.fill(field('W5'), '2');
    await expect.poll(async () => (await snapshot(page)).slots.W5).toBe('2');
    const now = await snapshot(page);
    for (const name of ['W1', 'W3', 'B1', 'W5', 'B3']) expect(now.numbers[`g_${name}`], name).not.toBe(before.numbers[`g_${name}`]);
    expect(now.numbers.loss).not.toBe(before.numbers.loss);
    expect(now.slots.g_W1).toBe(now.numbers.g_W1);
    expect(await page.inputValue(`${W} [data-name="start"] select`)).toBe('custom');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('Take one step moves the parameters against the gradient and lowers the loss', async () => {
    const p = await open();
    const { page } = p;
    const before = await snapshot(page);
    expect(before.numbers.loss).toBe('1,467');
    await page.click(button('take-step'));
    await expect.poll(async () => (await snapshot(page)).numbers.loss).toBe('556.4');
    const now = await snapshot(page);
    expect(now.numbers.lossBefore).toBe('1,467');
    expect(now.numbers.lossAfter).toBe('556.4');
    expect(now.numbers.r2After).toBe('−555.4');
    expect(now.numbers.stepCaption).toMatch(/^The step just taken, with η = 0\.01/);
    expect(now.phase).toBe('update');
    expect(now.rows.filter((r) => r.changed)).toHaveLength(9);
    const w6 = now.rows.find((r) => r.cells[0] === 'W6')!.cells;
    expect(w6.slice(1)).toEqual(['2.06', '428.3', '▼ −4.283', '−2.223']);
    expect(await page.inputValue(field('W6'))).toBe('-2.223');
    expect(now.numbers.g_W6).not.toBe(before.numbers.g_W6);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a dead unit’s four parameters stay unchanged, step after step', async () => {
    const p = await open();
    const { page } = p;
    await page.selectOption(`${W} [data-name="start"] select`, 'dead-unit');
    await expect.poll(async () => page.inputValue(field('B1'))).toBe('-5');
    for (let k = 0; k < 3; k++) await page.click(button('take-step'));
    const now = await snapshot(page);
    const unchanged = now.rows.filter((r) => !r.changed).map((r) => r.cells[0]);
    expect(unchanged.sort()).toEqual(['B1', 'W1', 'W3', 'W5']);
    for (const r of now.rows.filter((x) => !x.changed)) expect(r.cells[3]).toBe('0 (unchanged)');
    expect(await page.inputValue(field('B1'))).toBe('-5');
    expect(now.message).toMatch(/Unchanged: W1, W3, W5, B1\./);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('Next sub-step walks forward → loss → backward → update, then starts again', async () => {
    const p = await open();
    const { page } = p;
    const start = await snapshot(page);
    const expected: [string, RegExp][] = [
      ['forward', /^1 Forward pass: all 300 samples/],
      ['loss', /^2 Loss: L = 1,467 against Var\(y\) = 1, so R² = −1,466/],
      ['backward', /^3 Backward pass: .*∂L\/∂W6 = 428\.3/],
      ['update', /^4 Update with η = 0\.01: the loss went from 1,467 to 556\.4/],
    ];
    for (const [phase, message] of expected) {
      await page.click(button('substep'));
      await expect.poll(async () => (await snapshot(page)).phase).toBe(phase);
      const now = await snapshot(page);
      expect(now.highlighted).toEqual([phase]);
      expect(now.message).toMatch(message);
      expect(now.numbers.loss).toBe(phase === 'update' ? '556.4' : start.numbers.loss);
    }
    await page.click(button('substep'));
    await expect.poll(async () => (await snapshot(page)).phase).toBe('forward');
    expect((await snapshot(page)).numbers.stepCaption).toMatch(/^The next step/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a bad learning rate is explained, the last good one stays in force, and nothing breaks', async () => {
    const p = await open();
    const { page } = p;
    const before = await snapshot(page);
    const cases: [string, RegExp][] = [
      ['abc', /“abc” is not a number/],
      ['1e308', /Learning rate η must be at most 1/],
      ['', /Learning rate η is empty/],
      ['0', /at least 0.0001/],
      ['-1', /at least 0.0001/],
      ['Infinity', /must be a finite number/],
      ['NaN', /must be an actual number/],
    ];
    for (const [text, message] of cases) {
      await page.fill(field('learningRate'), text);
      await expect.poll(async () => (await snapshot(page)).status, { message: `status after "${text}"` }).toMatch(message);
      const now = await snapshot(page);
      expect(now.numbers).toEqual(before.numbers);
      expect(now.visibleText).not.toMatch(/NaN|undefined/);
      expect(await page.getAttribute(field('learningRate'), 'aria-invalid')).toBe('true');
    }
    // The step still works, with the last valid rate.
    await page.click(button('take-step'));
    await expect.poll(async () => (await snapshot(page)).numbers.lossAfter).toBe('556.4');
    expect((await snapshot(page)).visibleText).not.toMatch(/NaN|undefined/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a step that would leave the fields’ range is refused with a message, parameters unchanged', async () => {
    const p = await open();
    const { page } = p;
    await page.fill(field('learningRate'), '1');
    await expect.poll(async () => (await snapshot(page)).numbers.stepCaption).toMatch(/η = 1:/);
    const before = await snapshot(page);
    await page.click(button('take-step'));
    await expect.poll(async () => (await snapshot(page)).status).toMatch(/would move W3 to −377\.4, outside the −100 to 100.*Lower the learning rate/);
    expect((await snapshot(page)).numbers.loss).toBe(before.numbers.loss);
    expect(await page.inputValue(field('W3'))).toBe('8.47');
    await page.fill(field('learningRate'), '0.03');
    await expect.poll(async () => (await snapshot(page)).status).toBe('');
    await page.click(button('take-step'));
    await expect.poll(async () => (await snapshot(page)).numbers.on1).toBe('0');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('without JavaScript the formulas, checks and the next step are already there', async () => {
    const p = await open({ javaScriptEnabled: false });
    const { page } = p;
    const now = await snapshot(page);
    expect(now.numbers.g_W1).toBe('−25.34');
    expect(now.numbers.fd_W1).toBe('−25.34');
    expect(now.slots.s_W1).toBe('426.1');
    expect(now.rows).toHaveLength(9);
    expect(now.numbers.lossAfter).toBe('556.4');
    expect(now.visibleText).not.toMatch(/NaN|undefined/);
    await p.close();
  });

  test('at phone width the formulas scroll inside their boxes, not the page, and axe finds nothing', async () => {
    const p = await open({ viewport: { width: 375, height: 800 } });
    const { page } = p;
    const sizes = await page.evaluate((w) => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      scrolling: [...document.querySelectorAll(`${w} .np-live-formula`)].filter((d) => d.scrollWidth > d.clientWidth).length,
    }), W);
    expect(sizes.page).toBe(0);
    expect(sizes.scrolling).toBeGreaterThan(0);
    const violations = (await axeBuilder(page).include(W).withTags(AXE_TAGS).analyze()).violations.map((v) => `${v.id}: ${v.help}`);
    expect(violations).toEqual([]);
    await p.close();
  });
});
