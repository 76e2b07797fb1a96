/**
 * The training console in a real browser, on the built lesson page that holds it (found by
 * looking for <np-training-console in the built HTML). The lesson's main console has the
 * default settings and id "widget-console".
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { pagesContaining, violationsWithin } from '../helpers/pages.ts';
import { animationFrames, whenReady } from '../helpers/widget.ts';
import { trainingConsoleSettings } from '../../src/experiments/training-console/settings.ts';
import { currentLoss, runTo } from '../../src/experiments/training-console/run.ts';
import { readout } from '../../src/widgets/training-console/scene.ts';

const { dist } = e2eEnv();

const pages = pagesContaining(dist, 'id="widget-console"');
const site = useSite();
const W = '#widget-console';

async function open(options: Parameters<typeof site.open>[1] = {}, query = '') {
  expect(pages, `no page in ${dist} contains the main training console; is it in a lesson?`).not.toEqual([]);
  const p = await site.open(pages[0] + query, options);
  if (options.javaScriptEnabled !== false) await whenReady(p.page, `${W}`);
  return p;
}

/** What the console shows: the readout, status, loss chart and parameter table. */
async function snapshot(page: Page) {
  return page.$eval(W, (el) => ({
    numbers: Object.fromEntries([...el.querySelectorAll<HTMLElement>('[data-readout] [data-number]')].map((c) => [c.dataset.number, c.textContent ?? ''])),
    status: el.querySelector('[role="status"]')?.textContent ?? '',
    loss: el.querySelector('[data-panel="loss"] svg')?.outerHTML ?? '',
    parameters: [...el.querySelectorAll('[data-parameters] tbody tr')].map((tr) => tr.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    epochAttr: (el as HTMLElement).dataset.epoch ?? '',
    playLabel: el.querySelector('[data-action="play"]')?.textContent ?? '',
  }));
}
const epochOf = async (page: Page) => Number((await snapshot(page)).numbers.epoch.replace(/,/g, ''));
const lossOf = async (page: Page) => Number((await snapshot(page)).numbers.loss.replace(/,/g, ''));
const click = (page: Page, action: string) => page.click(`${W} [data-action="${action}"]`);
const rateField = `${W} [data-name="learningRate"] input[data-role="field"]`;

describe('training console', () => {
  test('shows the server-drawn run at its epoch, exactly as the trainer computes it', async () => {
    const p = await open();
    const { page } = p;
    const { config } = trainingConsoleSettings.parse({});
    const run = runTo(config, config.epoch);
    const expected = readout(run.trainer.epoch, currentLoss(run), run.varY, config.learningRate);
    expect((await snapshot(page)).numbers).toEqual(expected);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('play advances the epoch and lowers the loss; pause stops it', async () => {
    const p = await open();
    const { page } = p;
    const before = { epoch: await epochOf(page), loss: await lossOf(page) };
    await click(page, 'play');
    await expect.poll(() => epochOf(page)).toBeGreaterThan(before.epoch + 20);
    expect((await snapshot(page)).playLabel).toBe('Pause');
    await click(page, 'play');
    expect((await snapshot(page)).playLabel).toBe('Play');
    const paused = await snapshot(page);
    expect(Number(paused.numbers.loss)).toBeLessThan(before.loss);
    expect(paused.status).toMatch(/^Paused\. Epoch [\d,]+: loss/);
    // The console trains inside animation frames: frames that pass after Pause change nothing.
    await animationFrames(page, 20);
    expect((await snapshot(page)).numbers).toEqual(paused.numbers);
    expect(paused.epochAttr).toBe(paused.numbers.epoch.replace(/,/g, ''));
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('step adds exactly one epoch; step back then step returns the identical numbers', async () => {
    const p = await open();
    const { page } = p;
    const start = await snapshot(page);
    await click(page, 'step');
    await expect.poll(() => epochOf(page)).toBe(201);
    const after = await snapshot(page);
    expect(after.numbers.loss).not.toBe(start.numbers.loss);
    expect(after.status).toMatch(/^Epoch 201: loss/);
    await click(page, 'back');
    await expect.poll(() => epochOf(page)).toBe(200);
    const back = await snapshot(page);
    expect(back.numbers).toEqual(start.numbers);
    expect(back.parameters).toEqual(start.parameters);
    await click(page, 'step');
    await expect.poll(() => epochOf(page)).toBe(201);
    const again = await snapshot(page);
    expect(again.numbers).toEqual(after.numbers);
    expect(again.parameters).toEqual(after.parameters);
    expect(again.loss).toBe(after.loss);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('reset reproduces the identical run; new seed changes it', async () => {
    const p = await open();
    const { page } = p;
    await click(page, 'reset');
    await expect.poll(() => epochOf(page)).toBe(0);
    expect(await page.isDisabled(`${W} [data-action="back"]`)).toBe(true);
    for (let i = 0; i < 5; i++) await click(page, 'step');
    await expect.poll(() => epochOf(page)).toBe(5);
    const first = await snapshot(page);
    await click(page, 'reset');
    await expect.poll(() => epochOf(page)).toBe(0);
    for (let i = 0; i < 5; i++) await click(page, 'step');
    await expect.poll(() => epochOf(page)).toBe(5);
    const second = await snapshot(page);
    expect(second.numbers).toEqual(first.numbers);
    expect(second.parameters).toEqual(first.parameters);
    await click(page, 'new-seed');
    await expect.poll(() => epochOf(page)).toBe(0);
    expect(await page.inputValue(`${W} [data-name="initSeed"] input[data-role="field"]`)).toBe('2');
    for (let i = 0; i < 5; i++) await click(page, 'step');
    await expect.poll(() => epochOf(page)).toBe(5);
    const reseeded = await snapshot(page);
    expect(reseeded.numbers.loss).not.toBe(first.numbers.loss);
    expect(reseeded.parameters).not.toEqual(first.parameters);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a learning rate changed mid-run applies from the next epoch and is kept in the state', async () => {
    const p = await open();
    const { page } = p;
    // One step at the default rate, then the same step again at a rate 500 times smaller.
    const l200 = await lossOf(page);
    await click(page, 'step');
    await expect.poll(() => epochOf(page)).toBe(201);
    const bigStep = l200 - (await lossOf(page));
    await click(page, 'back');
    await expect.poll(() => epochOf(page)).toBe(200);
    await page.fill(rateField, '0.0001');
    await expect.poll(async () => (await snapshot(page)).numbers.rate).toBe('0.0001');
    await click(page, 'step');
    await expect.poll(() => epochOf(page)).toBe(201);
    const smallStep = l200 - (await lossOf(page));
    expect(bigStep).toBeGreaterThan(0);
    expect(Math.abs(smallStep)).toBeLessThan(bigStep / 50);

    // While playing: the rate changes under way, and the change is recorded at its epoch.
    await page.fill(rateField, '0.05');
    await click(page, 'play');
    await expect.poll(() => epochOf(page)).toBeGreaterThan(230);
    await page.fill(rateField, '0.2');
    await expect.poll(() => epochOf(page)).toBeGreaterThan(300);
    await click(page, 'play');
    const state = await page.$eval(W, (el) => (el as HTMLElement).dataset.rateChanges ?? '');
    expect(state).toMatch(/^200:0\.0001,201:0\.05,\d+:0\.2$/);
    expect((await snapshot(page)).loss).toContain('η → 0.2');

    // Reset after changing η: the new run uses the η now set, from the first epoch.
    await click(page, 'reset');
    await expect.poll(() => epochOf(page)).toBe(0);
    expect((await snapshot(page)).status).toMatch(/η = 0\.2 from the first epoch/);
    expect(await page.$eval(W, (el) => [(el as HTMLElement).dataset.learningRate, (el as HTMLElement).dataset.rateChanges])).toEqual(['0.2', '']);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test("the lesson's one-parameter console: η = 0.75 makes B3 jump across its best value", async () => {
    const p = await open();
    const { page } = p;
    const one = '#widget-one';
    await whenReady(page, `${one}`);
    const b3 = () => page.$eval(`${one} [data-parameters] tbody tr:last-child td:nth-child(3)`, (td) => td.textContent);
    await page.fill(`${one} [data-name="learningRate"] input[data-role="field"]`, '0.75');
    await page.click(`${one} [data-action="reset"]`);
    await expect.poll(b3).toBe('2');
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.click(`${one} [data-action="step"]`);
      seen.push((await b3()) ?? '');
    }
    expect(seen).toEqual(['−1', '0.5', '−0.25']);
    expect(await page.isHidden(`${one} [data-action="new-seed"]`)).toBe(true);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a huge learning rate shows the divergence message and no NaN anywhere on the page', async () => {
    const p = await open();
    const { page } = p;
    await page.fill(rateField, '1000');
    await click(page, 'play');
    await expect.poll(async () => (await snapshot(page)).status, { timeout: 10_000 }).toMatch(/too large to represent/);
    const shown = await snapshot(page);
    expect(shown.status).toMatch(/epoch \d+/);
    expect(shown.status).toMatch(/Try a smaller learning rate than η = 1,000/);
    expect(shown.playLabel).toBe('Play');
    expect(shown.loss).toContain('diverged at epoch');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    const markup = await page.$eval(W, (el) => el.outerHTML);
    expect(markup).not.toMatch(/NaN|undefined|Infinity/);
    // Play and step explain instead of doing nothing; step back recovers the last good epoch.
    await click(page, 'step');
    expect((await snapshot(page)).status).toMatch(/too large to represent/);
    await click(page, 'back');
    await expect.poll(async () => (await snapshot(page)).status).toMatch(/^Stepped back/);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('bad learning rates are explained and training keeps the last valid one', async () => {
    const p = await open();
    const { page } = p;
    const expected: [string, RegExp][] = [
      ['abc', /“abc” is not a number/],
      ['', /is empty/],
      ['-1', /must be positive: a negative η would step uphill/],
      ['1e308', /must be at most 10,000/],
      ['Infinity', /must be a finite number/],
    ];
    for (const [text, message] of expected) {
      await page.fill(rateField, text);
      await expect.poll(async () => (await snapshot(page)).status, { message: `status after typing "${text}"` }).toMatch(message);
      const now = await snapshot(page);
      expect(now.status).toMatch(/Training keeps η = 0\.05\./);
      expect(now.numbers.rate).toBe('0.05');
      expect(await page.getAttribute(rateField, 'aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/NaN|undefined/);
    }
    // Stepping with a bad entry in the field uses the last valid rate.
    const l200 = await lossOf(page);
    await click(page, 'step');
    await expect.poll(() => epochOf(page)).toBe(201);
    const { config } = trainingConsoleSettings.parse({});
    const run = runTo(config, 201);
    expect((await snapshot(page)).numbers.loss).toBe(readout(201, currentLoss(run), 1, 0.05).loss);
    expect(await lossOf(page)).toBeLessThan(l200);
    await page.fill(rateField, '0.1');
    await expect.poll(async () => (await snapshot(page)).numbers.rate).toBe('0.1');
    expect(await page.getAttribute(rateField, 'aria-invalid')).toBeNull();
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('works from the keyboard: Tab reaches Play, Space and Enter start and stop; arrow keys read the curve', async () => {
    const p = await open();
    const { page } = p;
    // Start from the heading just above the console and move with Tab only.
    await page.evaluate(() => {
      const heading = document.getElementById('the-training-console')!;
      heading.tabIndex = -1;
      heading.focus();
    });
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? document.activeElement?.tagName.toLowerCase());
    let steps = 0;
    while ((await focused()) !== 'play' && steps++ < 40) await page.keyboard.press('Tab');
    expect(await focused()).toBe('play');
    expect(await page.evaluate(() => document.activeElement?.closest('#widget-console') !== null)).toBe(true);
    const start = await epochOf(page);
    await page.keyboard.press('Space');
    await expect.poll(() => epochOf(page)).toBeGreaterThan(start);
    await page.keyboard.press('Space');
    expect((await snapshot(page)).playLabel).toBe('Play');
    const stopped = await epochOf(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => epochOf(page)).toBeGreaterThan(stopped);
    await page.keyboard.press('Enter');
    expect((await snapshot(page)).playLabel).toBe('Play');

    // The loss curve is a focusable slider over the epochs.
    const scrub = page.locator(`${W} [data-scrub]`);
    await scrub.focus();
    const end = await epochOf(page);
    await expect.poll(() => scrub.getAttribute('aria-valuenow')).toBe(String(end));
    await page.keyboard.press('Home');
    await expect.poll(() => scrub.getAttribute('aria-valuenow')).toBe('0');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => scrub.getAttribute('aria-valuenow')).toBe('2');
    const { config } = trainingConsoleSettings.parse({});
    const run = runTo(config, 3);
    const at2 = readout(2, run.trainer.losses[2], run.varY, 0.05);
    expect(await scrub.getAttribute('aria-valuetext')).toBe(`epoch 2: loss ${at2.loss}, R² ${at2.r2}`);
    expect(await page.textContent(`${W} [data-cursor-readout]`)).toContain(`Epoch 2: loss ${at2.loss}`);
    expect((await snapshot(page)).loss).toContain(`epoch 2: ${at2.loss}`);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('hovering the loss curve shows the exact epoch and loss', async () => {
    const p = await open();
    const { page } = p;
    const scrub = page.locator(`${W} [data-scrub]`);
    await scrub.scrollIntoViewIfNeeded();
    const box = (await scrub.boundingBox())!;
    // The plot runs from x = 60 to 404 of the 420-wide viewBox over epochs 0…200.
    await scrub.hover({ position: { x: (232 / 420) * box.width, y: box.height / 2 } });
    await expect.poll(() => page.textContent(`${W} [data-cursor-readout]`)).toMatch(/^Epoch (9\d|10\d): loss [\d.]+, R² /);
    const text = (await page.textContent(`${W} [data-cursor-readout]`))!;
    const epoch = Number(text.match(/^Epoch (\d+)/)![1]);
    const { config } = trainingConsoleSettings.parse({});
    const run = runTo(config, 200);
    expect(text).toContain(`loss ${readout(epoch, run.trainer.losses[epoch], 1, 0.05).loss}`);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('switches the loss axis between log and linear', async () => {
    const p = await open();
    const { page } = p;
    expect((await snapshot(page)).loss).toContain('loss L (log scale)');
    await page.click(`${W} [data-role="log-axis"]`);
    await expect.poll(async () => (await snapshot(page)).loss).not.toContain('log scale');
    expect(await page.$eval(W, (el) => (el as HTMLElement).dataset.yScale)).toBe('linear');
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('with reduced motion, play advances in visible steps about once a second', async () => {
    // The page's clock is Playwright's: 2.5 s of it pass in 100 ms steps, whatever the machine's load.
    const p = await open({ reducedMotion: 'reduce', clock: true });
    const { page } = p;
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await click(page, 'play');
    expect((await snapshot(page)).status).toMatch(/Reduced motion is on/);
    const seen = new Set<string>();
    for (let i = 0; i < 25; i++) {
      seen.add((await snapshot(page)).numbers.epoch);
      await page.clock.runFor(100);
    }
    await click(page, 'play');
    // 2.5 s: the starting epoch plus a redraw about once a second, not 150 animated frames.
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect(seen.size).toBeLessThanOrEqual(4);
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('a shared link restores a run exactly, including the epoch reached and a rate change', async () => {
    const query = '?console.epoch=450&console.rateChanges=300:0.2&console.initSeed=3';
    const p = await open({}, query);
    const { page } = p;
    const { config } = trainingConsoleSettings.parse({ epoch: '450', rateChanges: '300:0.2', initSeed: '3' });
    const run = runTo(config, 450);
    await expect.poll(() => epochOf(page)).toBe(450);
    expect((await snapshot(page)).numbers).toEqual(readout(450, currentLoss(run), run.varY, 0.2));
    expect(p.problems()).toEqual([]);
    await p.close();
  });

  test('has no accessibility violations, before and after a run', async () => {
    const p = await open();
    const { page } = p;
    const violations = () => violationsWithin(page, W);
    await page.locator(`${W} details summary`).click();
    expect(await violations()).toEqual([]);
    await page.fill(rateField, 'abc');
    await click(page, 'step');
    expect(await violations()).toEqual([]);
    await p.close();
  });

  test('without JavaScript the pre-computed run is already drawn', async () => {
    const p = await open({ javaScriptEnabled: false });
    const { page } = p;
    const shown = await snapshot(page);
    expect(shown.numbers.epoch).toBe('200');
    expect(shown.loss).toContain('Loss per epoch on a logarithmic axis');
    expect((shown.loss.match(/class="np-series tc-loss" d="M[^"]*"/)?.[0].match(/L/g) ?? []).length).toBe(200);
    expect(shown.parameters).toHaveLength(9);
    const svgs = await page.$$eval(`${W} svg`, (s) => s.length);
    expect(svgs).toBeGreaterThanOrEqual(3);
    expect(await page.$eval(`${W} fieldset[data-controls]`, (f) => (f as HTMLFieldSetElement).disabled)).toBe(true);
    expect(await page.$eval(W, (el) => (el as HTMLElement).innerText)).not.toMatch(/NaN|undefined/);
    const rows = await page.$$eval(`${W} [data-loss-table] tbody tr`, (r) => r.length);
    expect(rows).toBe(9); // epochs 0, 1, 2, 5, 10, 20, 50, 100, 200
    await p.close();
  });
});
