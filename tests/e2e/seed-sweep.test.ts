/**
 * The seed sweep in a real browser, on the built lesson that holds it: runs in Web Workers with
 * progress and cancel, the picked run and its link into the training console, the setups chosen by
 * the tick boxes, bad input, the keyboard — and the determinism the course promises: final losses
 * computed in the workers are bit-identical to the same runs on the page's main thread and in Node.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { atRoot, e2eEnv, useSite } from '../helpers/e2e.ts';
import { pagesContaining, violationsWithin } from '../helpers/pages.ts';
import { animationFrames, openWidget, printedNumber, sliderSelectors, whenReady } from '../helpers/widget.ts';
import { seedSweepSettings, type SeedSweepConfig } from '../../src/experiments/seed-sweep/settings.ts';
import { computeSweep } from '../../src/experiments/seed-sweep/results.ts';
import { allDigits } from '../../src/widgets/seed-sweep/scene.ts';

const { dist } = e2eEnv();
const pages = pagesContaining(dist, 'id="widget-widths"');
const site = useSite();
const W = '#widget-widths';
const { field } = sliderSelectors(W);

async function open(query = '') {
  expect(pages, `no page in ${dist} holds the seed sweep "widths"`).not.toEqual([]);
  return openWidget(site, pages[0] + query, W);
}

const status = (page: Page) => page.$eval(`${W} [data-status]`, (el) => el.textContent ?? '');
const runsTable = (page: Page) =>
  page.$$eval(`${W} [data-run-table] tbody tr`, (rows) => rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
const rowCount = (page: Page) => page.$$eval(`${W} [data-panel="sweep"] .ss-row`, (rows) => rows.length);

/** Sets the next sweep's settings through the controls, as a reader would. */
async function choose(page: Page, config: Partial<SeedSweepConfig>) {
  for (const key of ['runs', 'firstSeed', 'epochs', 'learningRate', 'dataSeed'] as const) {
    if (config[key] !== undefined) await page.fill(field(key), String(config[key]));
  }
  if (config.widths) {
    for (const w of [2, 4, 8, 16]) await page.setChecked(`${W} [data-width="${w}"]`, config.widths.includes(w));
  }
  if (config.inits) {
    for (const i of ['writeup', 'he']) await page.setChecked(`${W} [data-init="${i}"]`, config.inits.includes(i as 'he'));
  }
}

async function runToEnd(page: Page) {
  await page.click(`${W} [data-action="run"]`);
  await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/^Done: /);
}

// Under a sub-path only the two tests that load something by URL run: the sweep's Web Worker, and the
// link a picked run opens in the training console; the rest cannot depend on the base.
describe('seed sweep', () => {
  test('worker, main thread and Node give the same final losses, bit for bit', async () => {
    const p = await open();
    const { page } = p;
    const config: SeedSweepConfig = { ...seedSweepSettings.defaults, runs: 3, firstSeed: 5, epochs: 200, learningRate: 0.003, widths: [2, 16], inits: ['writeup', 'he'] };
    await choose(page, config);
    await runToEnd(page);
    // Worker (the sweep) against Node (the same trainer, here in the test).
    const node = computeSweep(config);
    const expected = node.setups.flatMap((s) => s.points.map((pt) => allDigits(pt!.finalLoss)));
    const shown = (await runsTable(page)).map((cells) => cells[3]);
    expect(shown).toEqual(expected);
    // Main thread and a fresh worker against what is shown.
    await page.click(`${W} [data-action="replay"]`);
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/identical, to the last bit/);
    const replay = JSON.parse((await page.$eval(W, (el) => (el as HTMLElement).dataset.replay)) ?? '[]') as { seed: number; shown: string; main: string; worker: string }[];
    expect(replay).toHaveLength(8);
    for (const r of replay) {
      expect(r.main).toBe(r.shown);
      expect(r.worker).toBe(r.shown);
    }
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test.runIf(atRoot())('the replay check reproduces the numbers Node computed when the page was built', async () => {
    const p = await open();
    const { page } = p;
    const built = (await runsTable(page)).map((cells) => cells[3]);
    await page.click(`${W} [data-action="replay"]`);
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/computed by Node when this page was built/);
    expect(await status(page)).toMatch(/all 8 final losses are identical/);
    const replay = JSON.parse((await page.$eval(W, (el) => (el as HTMLElement).dataset.replay)) ?? '[]') as { main: string; worker: string }[];
    for (const r of replay) expect(built.map((d) => d.replace('−', '-'))).toContain(r.worker);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test.runIf(atRoot())('shows progress while running, cancels, and keeps the runs that finished', async () => {
    const p = await open();
    const { page } = p;
    await choose(page, { runs: 200, epochs: 100_000, widths: [16], inits: ['writeup', 'he'] });
    expect(await page.$eval(`${W} [data-plan]`, (el) => el.textContent)).toMatch(/2 setups \(16 hidden units × write-up and He starts\) × 200 starts .* 100,000 epochs/);
    await page.click(`${W} [data-action="run"]`);
    expect(await page.isEnabled(`${W} [data-action="cancel"]`)).toBe(true);
    expect(await page.isDisabled(`${W} [data-action="run"]`)).toBe(true);
    await expect.poll(() => page.$eval(`${W} [data-progress-text]`, (el) => el.textContent), { timeout: 30_000 }).toMatch(/^[1-9]\d* of 400 runs/);
    await page.click(`${W} [data-action="cancel"]`);
    await expect.poll(() => status(page)).toMatch(/^Cancelled after \d+ runs/);
    expect(await page.isEnabled(`${W} [data-action="run"]`)).toBe(true);
    expect(await page.isDisabled(`${W} [data-action="cancel"]`)).toBe(true);
    const finished = Number((await status(page)).match(/after (\d+) runs/)![1]);
    expect((await runsTable(page)).length).toBe(finished);
    const progress = await page.$eval(`${W} [data-progress-text]`, (el) => el.textContent ?? '');
    // Nothing arrives after the cancel, however many frames pass.
    await animationFrames(page, 20);
    expect(await page.$eval(`${W} [data-progress-text]`, (el) => el.textContent)).toBe(progress);
    expect(await page.$eval(W, (el) => (el as HTMLElement).innerText)).not.toMatch(/NaN|undefined|Infinity/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test.runIf(atRoot())('the tick boxes choose the setups: the plot gets their rows', async () => {
    const p = await open();
    const { page } = p;
    expect(await rowCount(page)).toBe(8);
    const before = await page.$eval(`${W} [data-panel="sweep"] svg`, (el) => el.outerHTML);
    await choose(page, { runs: 4, epochs: 100, widths: [4], inits: ['he'] });
    await runToEnd(page);
    expect(await rowCount(page)).toBe(1);
    const after = await page.$eval(`${W} [data-panel="sweep"] svg`, (el) => el.outerHTML);
    expect(after).not.toBe(before);
    expect(after).toContain('He start, 4 hidden units');
    expect(after).not.toContain('write-up start');
    await choose(page, { inits: ['writeup', 'he'], widths: [2, 8] });
    await runToEnd(page);
    expect(await rowCount(page)).toBe(4);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a run is picked by pointer or by keyboard, and opens in the training console at the same loss', async () => {
    const p = await open();
    const { page } = p;
    await choose(page, { runs: 5, epochs: 300, learningRate: 0.01, widths: [2], inits: ['he'] });
    await runToEnd(page);
    // The widget redraws once per animation frame: read the pick after the next frame.
    const picked = async () => {
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      return page.$eval(`${W} [data-picked]`, (el) => el.textContent ?? '');
    };
    const first = await picked();
    // Keyboard: Tab reaches the figure, arrows walk the runs by final loss.
    await page.focus(`${W} [data-action="run"]`);
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.hasAttribute('data-pick') ?? false);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Home');
    const lowest = await picked();
    await page.keyboard.press('End');
    const highest = await picked();
    expect(highest).not.toBe(lowest);
    const loss = (text: string) => printedNumber(text.match(/final loss ([\d.,]+)/)![1]);
    expect(loss(highest)).toBeGreaterThan(loss(lowest));
    expect(await page.getAttribute(`${W} [data-pick]`, 'aria-valuetext')).toBe(highest);
    // Pointer: a click on a dot picks that dot. Home first, and wait for its redraw: the dot to
    // click is chosen as the one furthest from the ring, which must be back on the lowest run.
    await page.keyboard.press('Home');
    expect(await picked()).toBe(lowest);
    // The dot furthest (along the axis) from the ringed one; a circle marker starts at its right edge, 3.2 units from the centre.
    // As fractions of the figure, so the click lands right even if the page has moved meanwhile
    // (a widget above it coming alive): the widget maps the pointer by the pick layer's own box.
    const dot = await page.$eval(`${W} [data-panel="sweep"] svg`, (svg) => {
      const ring = svg.querySelector('.ss-selected circle')!;
      const cx = Number(ring.getAttribute('cx'));
      const starts = [...svg.querySelectorAll('.ss-dots path[data-shape="circle"]')].flatMap((path) =>
        [...(path.getAttribute('d') ?? '').matchAll(/M([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]) - 3.2, Number(m[2])]),
      );
      const [x, y] = starts.sort((a, b) => Math.abs(b[0] - cx) - Math.abs(a[0] - cx))[0];
      const [, , w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
      return { fx: x / w, fy: y / h };
    });
    const pickLayer = page.locator(`${W} [data-pick]`);
    await pickLayer.scrollIntoViewIfNeeded();
    const box = (await pickLayer.boundingBox())!;
    await pickLayer.click({ position: { x: dot.fx * box.width, y: dot.fy * box.height } });
    await expect.poll(picked, { timeout: 10_000 }).not.toBe(lowest);
    expect(first.length).toBeGreaterThan(0);
    // The console replays the picked run from the same seeds.
    const text = await picked();
    const href = await page.$eval(`${W} [data-console]`, (a) => (a as HTMLAnchorElement).href);
    expect(href).toMatch(/console\.initSeed=\d+/);
    const q = await site.open(href);
    await whenReady(q.page, '#widget-console');
    await expect.poll(() => q.page.$eval('#widget-console [data-number="epoch"]', (el) => el.textContent), { timeout: 20_000 }).toBe('300');
    const consoleLoss = printedNumber(await q.page.$eval('#widget-console [data-number="loss"]', (el) => el.textContent));
    // The sweep reports the loss at the start of its last epoch, the console the loss after it.
    expect(Math.abs(consoleLoss / loss(text) - 1)).toBeLessThan(0.02);
    expect(q.problems()).toEqual([]);
    await q.close();
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test.runIf(atRoot())('bad settings are explained, keep the last good ones, and never show NaN', async () => {
    const p = await open();
    const { page } = p;
    for (const [value, message] of [
      ['abc', /“abc” is not a number/],
      ['', /Seeds per setup is empty/],
      ['0', /at least 1/],
      ['1e308', /at most 200/],
      ['Infinity', /finite number/],
      ['-5', /at least 1/],
    ] as const) {
      await page.fill(field('runs'), value);
      await expect.poll(() => status(page)).toMatch(message);
    }
    await page.fill(field('learningRate'), 'NaN');
    await expect.poll(() => status(page)).toMatch(/actual number/);
    await page.fill(field('runs'), '2');
    await page.fill(field('learningRate'), '0.01');
    await page.fill(field('epochs'), '50');
    for (const w of [2, 4, 8, 16]) await page.setChecked(`${W} [data-width="${w}"]`, false);
    await expect.poll(() => status(page)).toMatch(/Tick at least one number of hidden units/);
    expect(await page.isDisabled(`${W} [data-action="run"]`)).toBe(true);
    await page.setChecked(`${W} [data-width="2"]`, true);
    expect(await page.isEnabled(`${W} [data-action="run"]`)).toBe(true);
    await runToEnd(page);
    expect((await runsTable(page)).length).toBe(4);
    expect(await page.$eval(W, (el) => (el as HTMLElement).innerText)).not.toMatch(/NaN|undefined|Infinity/);
    expect(await violationsWithin(page, W)).toEqual([]);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test.runIf(atRoot())('a shared link runs its sweep on arrival; garbled settings are named, ignored and not run', async () => {
    const p = await open('?widths.runs=2&widths.epochs=40&widths.widths=8&widths.inits=he');
    const { page } = p;
    await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^Done: 2 runs/);
    expect(await rowCount(page)).toBe(1);
    const q = await open('?widths.runs=abc&widths.widths=3');
    await expect.poll(() => status(q.page)).toMatch(/Unknown hidden width “3”/);
    expect(await status(q.page)).toMatch(/“abc” is not a number/);
    expect(await q.page.$eval(`${W} [data-progress-text]`, (el) => el.textContent)).toMatch(/computed when this page was built/);
    expect(await q.page.inputValue(field('runs'))).toBe('100');
    expect(q.problems()).toEqual([]);
    await q.close();
    expect(p.problems()).toEqual([]);
    await p.close();
  });
});
