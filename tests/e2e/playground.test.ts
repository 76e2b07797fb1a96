/**
 * The playground in a real browser: the console, the gradient check and the loss slice on one
 * page, the whole state in the address. Loads with the trainer's numbers; a setting changes the
 * run; a copied link restores the exact state (epoch and numbers); a garbled link gives a
 * notice and a working page; divergence shows no NaN; widths 1 and 8 work; the slice redraws
 * for another pair; phone and tablet widths do not scroll sideways (screenshots kept).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../helpers/e2e.ts';
import { violationsWithin } from '../helpers/pages.ts';
import { animationFrames, settled, whenReady } from '../helpers/widget.ts';
import { trainingConsoleSettings } from '../../src/experiments/training-console/settings.ts';
import { currentLoss, nextRate, runTo } from '../../src/experiments/training-console/run.ts';
import { readout } from '../../src/widgets/training-console/scene.ts';

const site = useSite();
const PAGE = 'playground/';
const C = 'np-training-console';
const ARTIFACTS = path.resolve('tests/.artifacts');

async function open(query = '', options: Parameters<typeof site.open>[1] = {}) {
  const p = await site.open(PAGE + query, options);
  if (options.javaScriptEnabled !== false) {
    for (const element of ['np-playground', C, 'np-surface-slice', 'np-gradient-inspector']) await whenReady(p.page, `${element}`, { state: 'attached' });
  }
  return p;
}

/** The numbers every part of the page shows. */
async function state(page: Page) {
  return page.$eval('np-playground', (root) => {
    const numbers = (selector: string) =>
      Object.fromEntries([...root.querySelectorAll<HTMLElement>(`${selector} [data-number]`)].map((c) => [c.dataset.number, c.textContent ?? '']));
    return {
      console: numbers('np-training-console [data-readout]'),
      parameters: [...root.querySelectorAll('np-training-console [data-parameters] tbody tr')].map((tr) => tr.textContent?.replace(/\s+/g, ' ').trim()),
      inspector: numbers('np-gradient-inspector'),
      partials: [...root.querySelectorAll('[data-part="partials"] tbody tr')].map((tr) => tr.textContent),
      slice: numbers('np-surface-slice'),
      sliceSvg: root.querySelector('np-surface-slice [data-panel="slice"] svg')?.innerHTML ?? '',
      status: root.querySelector('np-training-console [role="status"]')?.textContent ?? '',
    };
  });
}
const epochOf = async (page: Page) => Number((await state(page)).console.epoch.replace(/,/g, ''));
const click = (page: Page, action: string) => page.click(`${C} [data-action="${action}"]`);
const select = (page: Page, scope: string, name: string, value: string) => page.selectOption(`${scope} [data-select][data-name="${name}"] select`, value);

test('loads with the trainer’s numbers in every part, and passes axe', async () => {
  const p = await open();
  try {
    const run = runTo(trainingConsoleSettings.defaults, trainingConsoleSettings.defaults.epoch);
    const s = await state(p.page);
    expect(s.console).toEqual({ ...readout(run.trainer.epoch, currentLoss(run), run.varY, nextRate(run)) });
    expect(s.inspector.loss).toBe(s.console.loss);
    expect(await p.page.isVisible('[data-part="inspector"]')).toBe(true);
    expect(await p.page.isHidden('[data-part="partials"]')).toBe(true);
    expect(s.sliceSvg).toContain('<image');
    expect(await p.page.isHidden('[data-link-notice]')).toBe(true);
    // The header links here, marked as the current page.
    // (Links are written relative to the page since the build works from any folder: read the resolved address.)
    expect(await p.page.$eval('.site-nav a[aria-current="page"]', (a) => (a as HTMLAnchorElement).href)).toMatch(/playground\/$/);
    expect(await violationsWithin(p.page, 'main')).toEqual([]);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('without JavaScript the page shows the real run, the gradient and the slice', async () => {
  const p = await open('', { javaScriptEnabled: false });
  try {
    const s = await state(p.page);
    const run = runTo(trainingConsoleSettings.defaults, trainingConsoleSettings.defaults.epoch);
    expect(s.console.loss).toBe(readout(run.trainer.epoch, currentLoss(run), run.varY, nextRate(run)).loss);
    expect(s.inspector.g_W1).toMatch(/\d/);
    expect(s.sliceSvg).toContain('data:image/png;base64,');
    expect(await p.page.innerText('main')).not.toMatch(/NaN|undefined/);
  } finally {
    await p.close();
  }
});

test('changing a setting changes the run, the gradient, the slice and the address', async () => {
  const p = await open();
  try {
    const before = await state(p.page);
    await p.page.fill(`${C} [data-name="dataSeed"] input[data-role="field"]`, '5');
    await expect.poll(async () => (await state(p.page)).console.loss).not.toBe(before.console.loss);
    await expect.poll(async () => (await state(p.page)).inspector.g_W1).not.toBe(before.inspector.g_W1);
    await expect.poll(async () => (await state(p.page)).sliceSvg).not.toBe(before.sliceSvg);
    await expect.poll(() => p.page.evaluate(() => location.search)).toMatch(/play\.dataSeed=5/);
    // The schedule: reduce-on-plateau from a high rate cuts η while training.
    await select(p.page, C, 'schedule', 'plateau');
    await p.page.fill(`${C} [data-name="patience"] input[data-role="field"]`, '5');
    await expect.poll(() => p.page.evaluate(() => location.search)).toMatch(/play\.schedule=plateau.*play\.patience=5/);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('a copied link restores the exact state: settings, schedule, η changes, the epoch reached and the slice', async () => {
  const p = await open();
  let link = '';
  let before: Awaited<ReturnType<typeof state>>;
  try {
    await select(p.page, C, 'schedule', 'plateau');
    await p.page.fill(`${C} [data-name="patience"] input[data-role="field"]`, '3');
    await p.page.fill(`${C} [data-name="factor"] input[data-role="field"]`, '0.5');
    await p.page.fill(`${C} [data-name="learningRate"] input[data-role="field"]`, '0.3');
    for (let i = 0; i < 7; i++) await click(p.page, 'step');
    await p.page.fill(`${C} [data-name="learningRate"] input[data-role="field"]`, '0.2');
    for (let i = 0; i < 5; i++) await click(p.page, 'step');
    await select(p.page, 'np-surface-slice', 'x', 'W2');
    await select(p.page, 'np-surface-slice', 'y', 'B3');
    await expect.poll(async () => (await state(p.page)).slice.now).toMatch(/^W2 = .*, B3 = /);
    await expect.poll(() => epochOf(p.page)).toBe(12);
    // The gradient check and the slice follow the console on the next frame: wait for them.
    before = await settled(p.page, () => state(p.page));
    expect(before.inspector.loss).toBe(before.console.loss);
    await click(p.page, 'share');
    const field = p.page.locator(`${C} [data-share-link]`);
    await expect.poll(() => field.isVisible()).toBe(true);
    link = await field.inputValue();
    // Copy link writes the console's short names (e for epoch, rc for rateChanges; links with the long ones still read).
    expect(link).toMatch(/play\.e=12(&|#|$)/);
    expect(link).toMatch(/play\.rc=7%3A0\.2/);
    expect(link).toMatch(/slice\.x=W2&slice\.y=B3/);
    // The address bar holds the same experiment.
    const address = new URL(await p.page.evaluate(() => location.href)).searchParams;
    expect(address.get('play.epoch') ?? address.get('play.e')).toBe('12');
  } finally {
    await p.close();
  }
  const url = new URL(link);
  const q = await open(url.search);
  try {
    await expect.poll(() => epochOf(q.page)).toBe(12);
    await expect.poll(async () => (await state(q.page)).slice.now).toMatch(/^W2 = /);
    const after = await state(q.page);
    expect(after.console).toEqual(before!.console);
    expect(after.parameters).toEqual(before!.parameters);
    expect(after.inspector).toEqual(before!.inspector);
    expect(after.slice).toEqual(before!.slice);
    expect(q.problems()).toEqual([]);
  } finally {
    await q.close();
  }
});

test('a garbled link gives a visible notice and a working page', async () => {
  const p = await open('?play.n=abc&play.hidden=99&play.schedule=%3Cb%3Ewild&play.bogus=1&slice.x=W9&slice.span=-4');
  try {
    const notice = p.page.locator('[data-link-notice]');
    await expect.poll(() => notice.isVisible()).toBe(true);
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/play\.bogus/);
    expect(text).toMatch(/W9/);
    expect(text).toMatch(/“<b>wild”/);
    expect(await p.page.locator('[data-link-notice-text] *').count()).toBe(0);
    const epoch = await epochOf(p.page);
    await click(p.page, 'step');
    await expect.poll(() => epochOf(p.page)).toBe(epoch + 1);
    expect(await p.page.innerText('main')).not.toMatch(/NaN|undefined/);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('a diverging run is shown in words, with no NaN anywhere', async () => {
  const p = await open('?play.learningRate=1000&play.epoch=0');
  try {
    await click(p.page, 'play');
    await expect.poll(async () => (await state(p.page)).status, { timeout: 10_000 }).toMatch(/diverged/);
    // Frames after the divergence draw nothing new that could show NaN.
    await animationFrames(p.page, 20);
    const text = await p.page.innerText('main');
    expect(text).not.toMatch(/NaN|undefined/);
    expect(await p.page.locator(`${C} .tc-diverged`).count()).toBe(1);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('hidden widths 1 and 8 work: all 4H + 1 partials checked in a table, the slice offers every parameter', async () => {
  for (const H of [1, 8]) {
    const p = await open(`?play.hidden=${H}&play.epoch=50`);
    try {
      await expect.poll(() => p.page.isVisible('[data-part="partials"]')).toBe(true);
      expect(await p.page.isHidden('[data-part="inspector"]')).toBe(true);
      await expect.poll(async () => (await state(p.page)).partials.length).toBe(4 * H + 1);
      expect(await p.page.locator('np-surface-slice [data-name="x"] option').count()).toBe(4 * H + 1);
      const before = await state(p.page);
      await click(p.page, 'step');
      await expect.poll(() => epochOf(p.page)).toBe(51);
      await expect.poll(async () => (await state(p.page)).partials).not.toEqual(before.partials);
      expect(await p.page.innerText('main')).not.toMatch(/NaN|undefined/);
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  }
});

test('a width changed to 8 lists all 33 parameters in “the network now” and hides the diagram of two units', async () => {
  const p = await open();
  try {
    expect((await state(p.page)).parameters).toHaveLength(9);
    expect(await p.page.isVisible(`${C} [data-panel="diagram"]`)).toBe(true);
    await select(p.page, C, 'hidden', '8');
    await expect.poll(async () => (await state(p.page)).parameters.length).toBe(33);
    expect(await p.page.isHidden(`${C} [data-panel="diagram"]`)).toBe(true);
    expect((await state(p.page)).parameters[32]).toMatch(/^b\(out\) /);
    expect(await p.page.textContent(`${C} [data-parameters] caption`)).toMatch(/^The 33 parameters \(H = 8\)/);
    await select(p.page, C, 'hidden', '2');
    await expect.poll(async () => (await state(p.page)).parameters.length).toBe(9);
    expect(await p.page.isVisible(`${C} [data-panel="diagram"]`)).toBe(true);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('the slice redraws when the pair or the window changes', async () => {
  const p = await open();
  try {
    const before = await state(p.page);
    await select(p.page, 'np-surface-slice', 'y', 'W6');
    await expect.poll(async () => (await state(p.page)).sliceSvg).not.toBe(before.sliceSvg);
    const after = await state(p.page);
    expect(after.slice.now).toMatch(/, W6 = /);
    expect(after.slice.slopes).not.toBe(before.slice.slopes);
    await expect.poll(() => p.page.evaluate(() => location.search)).toMatch(/slice\.y=W6/);
    await p.page.fill('np-surface-slice [data-name="span"] input[data-role="field"]', '0.5');
    await expect.poll(async () => (await state(p.page)).sliceSvg).not.toBe(after.sliceSvg);
    // Choosing the other axis's parameter swaps the two.
    await select(p.page, 'np-surface-slice', 'x', 'W6');
    await expect.poll(async () => (await state(p.page)).slice.now).toMatch(/^W6 = .*, W5 = /);
    expect(p.problems()).toEqual([]);
  } finally {
    await p.close();
  }
});

test('fits a phone and a tablet: no sideways scrolling, targets at least 44 px; screenshots kept', async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const width of [375, 768]) {
    const p = await open('', { viewport: { width, height: 900 } });
    try {
      const sizes = await p.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(sizes.scroll, `page width at ${width}px`).toBeLessThanOrEqual(sizes.inner);
      const small = await p.page.$$eval('np-playground button, np-playground select, np-playground input[type="text"], np-playground summary, .site-nav a', (elements) =>
        elements
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => ({ what: `${e.tagName} ${e.textContent?.trim().slice(0, 30) ?? ''}`, height: e.getBoundingClientRect().height }))
          .filter((t) => t.height < 43.5),
      );
      expect(small, `targets under 44px at ${width}px`).toEqual([]);
      await p.page.screenshot({ path: path.join(ARTIFACTS, `playground-${width}.png`), fullPage: true });
      expect(p.problems()).toEqual([]);
    } finally {
      await p.close();
    }
  }
});
