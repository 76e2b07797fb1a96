/** The dead-units widget of lesson 13 in a real browser. */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/e2e.ts';
import { openWidget, sliderSelectors, widgetView } from '../helpers/widget.ts';
import { violationsWithin } from '../helpers/pages.ts';

const site = useSite();
const PAGE = 'lessons/13-dead-units/';
const W = 'np-dead-units';
const { field, range } = sliderSelectors(W);
const select = (name: string) => `${W} [data-select][data-name="${name}"] select`;
const open = (path = PAGE, options = {}) => openWidget(site, path, W, options);

/** The table as the reader sees it: per row, start, final, change and the "did it move?" text. */
async function table(page: Page) {
  return page.$$eval(`${W} [data-before-after] tbody tr`, (rows) =>
    rows.map((tr) => {
      const cell = (name: string) => tr.querySelector(`[data-cell="${name}"]`)?.textContent ?? '';
      return { name: (tr as HTMLElement).dataset.row, start: cell('start'), final: cell('final'), change: cell('change'), moved: cell('moved'), unchanged: (tr as HTMLElement).dataset.unchanged };
    }),
  );
}
const unchangedRows = async (page: Page) => (await table(page)).filter((r) => r.moved === 'unchanged (exactly)').map((r) => r.name);

describe('dead units', () => {
  test('the write-up button loads the exact starting values, and under x ÷ range W1, W3, W5 and B1 stay exactly unchanged', async () => {
    const p = await open();
    const { page } = p;
    // Start somewhere else first, so the button has something to do.
    await page.selectOption(select('start'), 'he');
    await expect.poll(async () => (await table(page))[0].start).not.toBe('−0.46');
    expect(await unchangedRows(page)).toEqual([]);
    await page.click(`${W} [data-action="writeup"]`);
    await expect.poll(async () => (await table(page)).map((r) => r.start)).toEqual(['−0.46', '−6.59', '8.47', '−9.91', '−8.92', '2.06', '−4.44', '4.01', '−2.5']);
    expect(await page.inputValue(select('start'))).toBe('writeup-example');
    expect(await page.inputValue(select('scaling'))).toBe('squeezed');
    const rows = await table(page);
    expect(await unchangedRows(page)).toEqual(['W1', 'W3', 'W5', 'B1']);
    for (const r of rows.filter((r) => r.unchanged === 'true')) {
      expect(r.final).toBe(r.start);
      expect(r.change).toBe('0');
    }
    const view = await widgetView(page, W);
    expect(view.status).toMatch(/Loaded the write-up’s starting values exactly as printed/);
    expect(view.numbers.unchanged).toBe('W1, W3, W5 and B1 did not change at all (bit-for-bit their starting values).');
    expect(view.numbers.largest).toMatch(/B3/);
    expect(await page.textContent(`${W} [data-row="B3"] [data-badge="largest"]`)).toBe('largest change');
    expect(await page.textContent(`${W} [data-row="B1"] [data-badge="important"]`)).toBe('matters most');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('switching to z-score brings unit 1 to life: the table, the planes and the story change', async () => {
    const p = await open();
    const { page } = p;
    const box = async () => {
      const b = await page.locator(`${W} [data-panel="start"]`).boundingBox();
      return b && { width: b.width, height: b.height };
    };
    const size = await box();
    const before = await widgetView(page, W);
    expect(before.numbers.h1Start).toBe('0');
    await page.selectOption(select('scaling'), 'zscore');
    await expect.poll(async () => (await widgetView(page, W)).numbers.h1Start).toBe('110');
    const after = await widgetView(page, W);
    expect(after.panels.start).not.toBe(before.panels.start);
    expect(after.panels.activity).not.toBe(before.panels.activity);
    expect(after.numbers.h1Story).toMatch(/^h1 was on for 110 of 300 samples at the start, moved, and from epoch \d+ is off/);
    expect(await unchangedRows(page)).toEqual([]);
    expect(await box()).toEqual(size);
    expect(after.visibleText).not.toMatch(/NaN|undefined/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the learning rate and the epochs rerun the table; a seed switches to the random scheme', async () => {
    const p = await open();
    const { page } = p;
    const before = await widgetView(page, W);
    await page.fill(field('epochs'), '300');
    await expect.poll(async () => (await widgetView(page, W)).numbers.epochs).toBe('300');
    expect((await widgetView(page, W)).numbers.lossEnd).not.toBe(before.numbers.lossEnd);
    await page.fill(field('learningRate'), '0.003');
    await expect.poll(async () => (await widgetView(page, W)).numbers.lossEnd).not.toBe(before.numbers.lossEnd);
    await page.fill(field('initSeed'), '4');
    await expect.poll(() => page.inputValue(select('start'))).toBe('writeup');
    await expect.poll(async () => (await widgetView(page, W)).status).toMatch(/random scheme/);
    expect((await table(page))[0].start).not.toBe('−0.46');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a diverging run says so plainly and shows no NaN', async () => {
    const p = await open();
    const { page } = p;
    await page.selectOption(select('scaling'), 'none');
    await expect.poll(async () => (await widgetView(page, W)).status).toMatch(/diverged after \d+ epochs/);
    const view = await widgetView(page, W);
    expect(view.status).toMatch(/try a smaller learning rate/);
    expect(view.visibleText).not.toMatch(/NaN|undefined|Infinity/);
    for (const svg of Object.values(view.panels)) expect(svg).not.toMatch(/NaN/);
    expect(view.numbers.outcome).toMatch(/^The run diverged after \d+ epochs/);
    expect(await page.getAttribute(`${W} [data-outcome]`, 'data-outcome')).toBe('diverged');
    // The share button's note is still seen while the run stays diverged.
    await page.click(`${W} [data-action="share"]`);
    await expect.poll(async () => (await widgetView(page, W)).status).toMatch(/link/i);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad input is explained in the status line and the last table stays', async () => {
    const p = await open();
    const { page } = p;
    const before = await widgetView(page, W);
    const rowsBefore = await table(page);
    const expected: [string, string, RegExp][] = [
      ['epochs', 'abc', /“abc” is not a number/],
      ['epochs', '', /Epochs is empty/],
      ['epochs', 'NaN', /must be an actual number/],
      ['epochs', '-5', /Epochs must be at least 0/],
      ['epochs', '1e308', /Epochs must be at most 20,000/],
      ['epochs', '2.5', /whole number/],
      ['learningRate', 'Infinity', /must be a finite number/],
      ['learningRate', '-1e308', /learning rate η must be positive/],
      ['initSeed', '-1', /Starting seed must be at least 0/],
    ];
    for (const [name, text, message] of expected) {
      await page.fill(field(name), text);
      await expect.poll(async () => (await widgetView(page, W)).status, { message: `status after typing "${text}" into ${name}` }).toMatch(message);
      const now = await widgetView(page, W);
      expect(now.panels).toEqual(before.panels);
      expect(await table(page)).toEqual(rowsBefore);
      expect(now.visibleText).not.toMatch(/NaN|undefined/);
      expect(await page.getAttribute(field(name), 'aria-invalid')).toBe('true');
      await page.fill(field(name), name === 'epochs' ? '2000' : name === 'learningRate' ? '0.01' : '1');
    }
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('works from the keyboard: Enter on the write-up button, arrows on the selects and the rate slider', async () => {
    const p = await open();
    const { page } = p;
    await page.focus(select('start'));
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.inputValue(select('start'))).toBe('writeup');
    await expect.poll(async () => (await table(page))[0].start).not.toBe('−0.46');
    await page.focus(`${W} [data-action="writeup"]`);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await table(page))[0].start).toBe('−0.46');
    const before = await widgetView(page, W);
    await page.focus(range('learningRate'));
    await page.keyboard.press('End');
    await expect.poll(() => page.inputValue(field('learningRate'))).toBe('10');
    await expect.poll(async () => (await widgetView(page, W)).numbers.lossEnd).not.toBe(before.numbers.lossEnd);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a teacher’s locked start holds: the write-up button is off, a typed seed does not switch the start, the link keeps the lock', async () => {
    const p = await open(`${PAGE}?dead.start=he&dead.lock=start`);
    const { page } = p;
    await expect.poll(() => page.inputValue(select('start'))).toBe('he');
    expect(await page.isDisabled(select('start'))).toBe(true);
    expect(await page.isDisabled(`${W} [data-action="writeup"]`)).toBe(true);
    const before = (await table(page))[0].start;
    await page.fill(field('initSeed'), '5');
    await page.press(field('initSeed'), 'Tab');
    await expect.poll(async () => (await table(page))[0].start).not.toBe(before);
    expect(await page.inputValue(select('start'))).toBe('he');
    await page.click(`${W} [data-action="share"]`);
    const link = await page.inputValue(`${W} [data-share-link]`);
    expect(link).toMatch(/dead\.lock=start/);
    expect(link).toMatch(/dead\.start=he/);
    expect(new URL(page.url()).search).toMatch(/dead\.lock=start/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a shared link restores the settings and the copy button gives one back', async () => {
    const p = await open(`${PAGE}?dead.scaling=zscore&dead.start=he&dead.epochs=400&dead.bogus=1`);
    const { page } = p;
    await expect.poll(() => page.inputValue(select('scaling'))).toBe('zscore');
    expect(await page.inputValue(select('start'))).toBe('he');
    await expect.poll(async () => (await widgetView(page, W)).numbers.epochs).toBe('400');
    expect((await widgetView(page, W)).status).toMatch(/bogus/);
    await page.click(`${W} [data-action="share"]`);
    const link = await page.inputValue(`${W} [data-share-link]`);
    expect(link).toMatch(/dead\.scaling=zscore/);
    expect(link).toMatch(/dead\.epochs=400/);
    expect(link).toMatch(/#widget-dead$/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('without JavaScript the server-drawn table and planes are there; with it, no accessibility violations', async () => {
    const off = await open(PAGE, { javaScriptEnabled: false });
    expect(await unchangedRows(off.page)).toEqual(['W1', 'W3', 'W5', 'B1']);
    const view = await widgetView(off.page, W);
    expect(view.panels.start).toContain('dz-kink-h1');
    expect(view.visibleText).not.toMatch(/NaN|undefined/);
    await off.close();
    const p = await open();
    await p.page.locator(`${W} details summary`).click();
    expect(await violationsWithin(p.page, W)).toEqual([]);
    await p.close();
  });
});
