// While a widget trains as fast as it can, the page stays responsive: no main-thread task over
// 50 ms, and the page still scrolls. The training console has its own, finer check in
// training-console.test.ts; this file holds every other widget that trains when played or run
// to the same rule, through tests/helpers/long-tasks.ts.
import { describe, test } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { expectResponsive, expectScrollable, watchMainThread } from '../helpers/long-tasks.ts';
import { pagesContaining } from '../helpers/pages.ts';

const { dist } = e2eEnv();
const site = useSite();

interface Case {
  /** The widget's element (the first on its page is used). */
  tag: string;
  /** Sets it training at full speed. */
  start(page: Page, w: string): Promise<void>;
  /** How long to watch (ms). */
  watch?: number;
}

// The symmetry, extreme-starts and setup-comparison widgets retrain on each change; they train
// in slices (symmetryRunSteps, extremeRunSteps, runSetupSteps) so their longest runs pass too.

const field = (w: string, name: string) => `${w} [data-slider][data-name="${name}"] input[data-role="field"]`;
const select = (w: string, name: string) => `${w} [data-select][data-name="${name}"] select`;

const CASES: Record<string, Case> = {
  'toy landscape (Play)': {
    tag: 'np-toy-landscape',
    async start(page, w) {
      await page.fill(field(w, 'steps'), '200');
      await page.click(`${w} [data-action="play"]`);
    },
  },
  'plateau pair (retrains on a change)': {
    tag: 'np-plateau',
    async start(page, w) {
      await page.selectOption(select(w, 'epochs'), { index: (await page.locator(`${select(w, 'epochs')} option`).count()) - 1 });
    },
  },
  'plateau comparison over many starts': {
    tag: 'np-plateau',
    async start(page, w) {
      await page.click(`${w} [data-action="sweep"]`);
    },
  },
  'playground console (Play at full speed)': {
    tag: 'np-playground',
    async start(page, w) {
      const c = `${w} np-training-console`;
      await page.waitForSelector(`${c}[data-ready]`);
      const speed = page.locator(select(c, 'speed'));
      await speed.selectOption({ index: (await speed.locator('option').count()) - 1 });
      await page.click(`${c} [data-action="play"]`);
    },
  },
  'symmetry (longest run)': {
    tag: 'np-symmetry',
    async start(page, w) {
      await page.fill(field(w, 'epochs'), '20000');
    },
  },
  'extreme starts (longest run)': {
    tag: 'np-extreme-starts',
    async start(page, w) {
      await page.fill(field(w, 'epochs'), '20000');
    },
  },
  'generalisation (longest run)': {
    tag: 'np-generalisation',
    async start(page, w) {
      await page.fill(field(w, 'epochs'), '50000');
    },
  },
  'setup comparison (longest run)': {
    tag: 'np-setup-comparison',
    async start(page, w) {
      await page.fill(field(w, 'epochs'), '5000');
    },
  },
  'learning-rate sweep (Run)': {
    tag: 'np-rate-sweep',
    async start(page, w) {
      await page.click(`${w} [data-action="run"]`);
    },
  },
  'seed sweep (Run)': {
    tag: 'np-seed-sweep',
    async start(page, w) {
      await page.click(`${w} [data-action="run"]`);
    },
  },
  'basin gallery (Run)': {
    tag: 'np-basin-gallery',
    async start(page, w) {
      await page.click(`${w} [data-action="run"]`);
    },
  },
};

describe('the page stays responsive while a widget trains', () => {
  for (const [name, c] of Object.entries(CASES)) {
    test(name, async () => {
      const pages = pagesContaining(dist, `<${c.tag}`);
      if (pages.length === 0) throw new Error(`no page has <${c.tag}>`);
      const p = await site.open(pages[0]);
      try {
        const { page } = p;
        const widget = page.locator(c.tag).first();
        await widget.scrollIntoViewIfNeeded();
        await page.waitForSelector(`${c.tag}[data-ready]`);
        const id = await widget.evaluate((el) => el.id || null);
        // Selectors are scoped to this one widget: by its id, or as the first of its kind.
        const scope = id ? `#${id}` : `${c.tag}:first-of-type`;
        const watch = await watchMainThread(page);
        await c.start(page, scope);
        await page.waitForTimeout(c.watch ?? 2500);
        const report = await watch.stop();
        expectResponsive(report, name);
        await expectScrollable(page);
      } finally {
        await p.close();
      }
    });
  }
});
