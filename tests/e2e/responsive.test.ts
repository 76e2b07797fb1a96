// While a widget trains, the reader can still use the page: the mouse wheel scrolls it *while the
// work is under way*. The page records, at its first scroll event, whether the widget still showed
// itself working (Pause on its Play button, or its Cancel button enabled); a run that never yields
// delivers that event only after it has finished, and fails. No clock is read: how long tasks take
// on this machine is `npm run bench`'s business (scripts/bench/long-tasks.ts), which measures every
// widget that trains, idle and at 4× CPU slowdown, against its budget.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { pagesContaining } from '../helpers/pages.ts';
import { whenReady } from '../helpers/widget.ts';

const { dist } = e2eEnv();
const site = useSite();

interface Case {
  /** The widget's element (the first on its page is used). */
  tag: string;
  /** Added to the page's address: settings that make the work long. */
  query?: string;
  /** Sets it working; `w` selects this one widget. */
  start(page: Page, w: string): Promise<void>;
  /** The button that stops the work, and how it looks while the work goes on. */
  stop: string;
  working: { text: string } | { enabled: true };
}

const field = (w: string, name: string) => `${w} [data-slider][data-name="${name}"] input[data-role="field"]`;
const PLAY = '[data-action="play"]';
const CANCEL = '[data-action="cancel"]';

const CASES: Record<string, Case> = {
  'the playground console, playing at its fastest speed': {
    tag: 'np-playground',
    async start(page, w) {
      const speed = page.locator(`${w} np-training-console [data-select][data-name="speed"] select`);
      await speed.selectOption({ index: (await speed.locator('option').count()) - 1 });
      await page.click(`${w} np-training-console ${PLAY}`);
    },
    stop: `np-training-console ${PLAY}`,
    working: { text: 'Pause' },
  },
  'the plateau comparison over many starts': {
    tag: 'np-plateau',
    async start(page, w) {
      await page.selectOption(`${w} [data-select][data-name="epochs"] select`, '30000');
      await page.fill(field(w, 'seeds'), '120');
      await page.click(`${w} [data-action="sweep"]`);
    },
    stop: CANCEL,
    working: { enabled: true },
  },
  'the learning-rate sweep': {
    tag: 'np-rate-sweep',
    // Typed, not from a link: a link asking for this much work now asks first (issue 18).
    async start(page, w) {
      await page.fill(field(w, 'seeds'), '400');
      await page.fill(field(w, 'epochs'), '5000');
      await page.click(`${w} [data-action="run"]`);
    },
    stop: CANCEL,
    working: { enabled: true },
  },
  'the seed sweep': {
    tag: 'np-seed-sweep',
    async start(page, w) {
      await page.fill(field(w, 'runs'), '200');
      await page.fill(field(w, 'epochs'), '100000');
      await page.click(`${w} [data-action="run"]`);
    },
    stop: CANCEL,
    working: { enabled: true },
  },
  'the basin gallery': {
    tag: 'np-basin-gallery',
    async start(page, w) {
      await page.fill(field(w, 'runs'), '100');
      await page.fill(field(w, 'epochs'), '20000');
      await page.click(`${w} [data-action="run"]`);
    },
    stop: CANCEL,
    working: { enabled: true },
  },
};

describe('the page scrolls while a widget trains', () => {
  for (const [name, c] of Object.entries(CASES)) {
    test(name, async () => {
      const pages = pagesContaining(dist, `<${c.tag}`);
      expect(pages, `no page has <${c.tag}>`).not.toEqual([]);
      const p = await site.open(pages[0] + (c.query ?? ''));
      try {
        const { page } = p;
        const widget = page.locator(c.tag).first();
        await widget.scrollIntoViewIfNeeded();
        await whenReady(page, `${c.tag}`);
        const id = await widget.evaluate((el) => el.id || null);
        const w = id ? `#${id}` : `${c.tag}:first-of-type`;
        const working = () =>
          page.$eval(`${w} ${c.stop}`, (el, expected) => {
            const button = el as HTMLButtonElement;
            return 'text' in expected ? (button.textContent ?? '').trim() === expected.text : !button.disabled;
          }, c.working);
        await c.start(page, w);
        await expect.poll(working, { timeout: 30_000 }).toBe(true);
        await page.evaluate(({ selector, expected }) => {
          const state = window as unknown as { workingAtScroll?: boolean };
          addEventListener('scroll', () => {
            const button = document.querySelector<HTMLButtonElement>(selector)!;
            state.workingAtScroll = 'text' in expected ? (button.textContent ?? '').trim() === expected.text : !button.disabled;
          }, { once: true });
        }, { selector: `${w} ${c.stop}`, expected: c.working });
        const room = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight - scrollY);
        await page.mouse.move(10, 10);
        await page.mouse.wheel(0, room > 400 ? 300 : -300);
        const atScroll = () => page.evaluate(() => (window as unknown as { workingAtScroll?: boolean }).workingAtScroll ?? null);
        await expect.poll(atScroll, { timeout: 60_000 }).not.toBeNull();
        expect(await atScroll(), 'the page scrolled only once the work had finished').toBe(true);

        if (await working()) await page.click(`${w} ${c.stop}`);
        expect(p.problems()).toEqual([]);
      } finally {
        await p.close();
      }
    });
  }
});
