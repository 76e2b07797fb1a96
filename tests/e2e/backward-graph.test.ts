/** Lesson 17's backward sweep in a real browser: stepping by buttons and keys, samples, links, no JS. */
import { describe, expect, test } from 'vitest';
import { useSite } from '../helpers/e2e.ts';
import { axeViolations } from '../helpers/checks.ts';
import { openWidget, sliderSelectors, widgetView, whenReady } from '../helpers/widget.ts';

const site = useSite();
const PAGE = 'lessons/17-computation-graph/';
const W = 'np-backward-graph';
const { field, range } = sliderSelectors(W);
const open = (options = {}) => openWidget(site, PAGE, W, options);
const view = (page: import('playwright-core').Page) => widgetView(page, W);

describe('backward sweep', () => {
  test('Next and Back step the sweep node by node, redrawing the graph and the step', async () => {
    const p = await open();
    const { page } = p;
    const start = await view(page);
    expect(start.numbers.step).toBe('0');
    expect(start.numbers.total).toBe('29');
    expect(await page.locator(`${W} button[data-action="back"]`).isDisabled()).toBe(true);
    await page.click(`${W} button[data-action="next"]`);
    await expect.poll(async () => (await view(page)).numbers.step).toBe('1');
    const one = await view(page);
    expect(one.panels.graph).not.toBe(start.panels.graph);
    expect(one.panels.step).not.toBe(start.panels.step);
    expect(one.numbers.say).toMatch(/^L holds/);
    await page.click(`${W} button[data-action="next"]`);
    await expect.poll(async () => (await view(page)).numbers.say).toMatch(/^e² holds/);
    await page.click(`${W} button[data-action="back"]`);
    await expect.poll(async () => (await view(page)).numbers.step).toBe('1');
    expect((await view(page)).panels.graph).toBe(one.panels.graph);
    await page.click(`${W} button[data-action="last"]`);
    await expect.poll(async () => (await view(page)).numbers.step).toBe('29');
    expect((await view(page)).numbers.parameters).not.toMatch(/\?/);
    expect(await page.locator(`${W} button[data-action="next"]`).isDisabled()).toBe(true);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('the arrow keys on the slider step the sweep, and the link holds the step', async () => {
    const p = await open();
    const { page } = p;
    await page.focus(range('step'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await view(page)).numbers.step).toBe('3');
    await expect.poll(() => page.getAttribute(W, 'data-step')).toBe('3');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('with two samples the parameters collect two contributions each; fewer samples keep the step inside the sweep', async () => {
    const p = await open();
    const { page } = p;
    await page.fill(field('samples'), '2');
    await expect.poll(async () => (await view(page)).numbers.total).toBe('48');
    await page.click(`${W} button[data-action="last"]`);
    await expect.poll(async () => (await view(page)).numbers.step).toBe('48');
    const rows = await page.$$eval(`${W} [data-table="steps"] tbody tr`, (r) => r.map((row) => row.textContent ?? ''));
    expect(rows).toHaveLength(48);
    expect(rows.some((row) => /B3: .*\(now /.test(row))).toBe(true);
    await page.fill(field('samples'), '1');
    await expect.poll(async () => (await view(page)).numbers.step).toBe('29');
    expect((await view(page)).status).toBe('');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('Play steps on by itself until paused', async () => {
    const p = await open();
    const { page } = p;
    await page.click(`${W} button[data-action="play"]`);
    await expect.poll(() => page.getAttribute(W, 'data-playing')).toBe('true');
    await expect.poll(async () => Number((await view(page)).numbers.step)).toBeGreaterThanOrEqual(2);
    await page.click(`${W} button[data-action="play"]`);
    await expect.poll(() => page.getAttribute(W, 'data-playing')).toBeNull();
    const stopped = (await view(page)).numbers.step;
    expect(await page.getAttribute(`${W} button[data-action="play"]`, 'aria-pressed')).toBe('false');
    // Paused: a further click on Next moves exactly one node.
    await page.click(`${W} button[data-action="next"]`);
    await expect.poll(async () => (await view(page)).numbers.step).toBe(String(Number(stopped) + 1));
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad input is explained and the figure stays', async () => {
    const p = await open();
    const { page } = p;
    const before = await view(page);
    for (const [text, message] of [['abc', /not a number/], ['', /empty/], ['4', /at most 3/], ['0', /at least 1/], ['1.5', /whole number/]] as const) {
      await page.fill(field('samples'), text);
      await expect.poll(async () => (await view(page)).status, { message: text }).toMatch(message);
      const now = await view(page);
      expect(now.panels.graph).toBe(before.panels.graph);
      expect(now.visibleText).not.toMatch(/NaN|undefined/);
    }
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a link opens the sweep where it was left, and a locked step disables the buttons', async () => {
    const p = await site.open(`${PAGE}?graph.start=dead-unit&graph.step=8&graph.lock=step`);
    const { page } = p;
    await whenReady(page, `${W}`);
    await expect.poll(async () => (await view(page)).numbers.step).toBe('8');
    expect(await page.locator(`${W} button[data-action="next"]`).isDisabled()).toBe(true);
    expect(await page.locator(field('step')).isDisabled()).toBe(true);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('has no accessibility violations with the table open', async () => {
    const p = await open();
    const { page } = p;
    await page.click(`${W} button[data-action="next"]`);
    await page.locator(`${W} details summary`).click();
    expect(await axeViolations(page)).toEqual([]);
    await p.close();
  });

  test('without JavaScript the graph, the first step and the table are already there', async () => {
    const p = await open({ javaScriptEnabled: false });
    const shown = await view(p.page);
    expect(shown.panels.graph).toContain('data-node');
    expect(shown.numbers.say).toMatch(/Before the sweep/);
    expect(await p.page.$$eval(`${W} [data-table="steps"] tbody tr`, (r) => r.length)).toBe(29);
    expect(shown.visibleText).not.toMatch(/NaN|undefined/);
    await p.close();
  });
});
