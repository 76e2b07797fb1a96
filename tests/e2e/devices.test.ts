/**
 * Any device, any network, any reader: every crawled page
 *
 *   - on a phone (375 × 800) and a tablet (768 × 1024), both touch contexts (hasTouch, isMobile):
 *     no sideways scrolling of the page (a table, formula or figure may scroll inside its own box),
 *     every control at least 44 × 44 px except links in a sentence (the exact rule is
 *     `layoutProblems` in ../helpers/devices.ts), no two controls overlapping, no information shown
 *     only on hover, every widget figure inside the page's width (with each widget's folded parts —
 *     its table alternative, its save buttons — opened, so they are measured too); at the phone's
 *     width, screenshots of the first screen and of each widget scrolled to its figure go to
 *     tests/.artifacts/screenshots/375/<page>[--<n>-<widget>].png and must not be blank, nor may
 *     any widget's figure within its screenshot;
 *   - by keyboard (with reduced motion on): Tab from the top of the page reaches every enabled
 *     control of every widget and exercise, each focused element shows a focus outline, each widget
 *     has a live region, each chart a name and a text alternative (a table or a <desc>), and no CSS
 *     animation runs;
 *   - in print, at the printable width of an A4 page: widgets print their server-drawn figure,
 *     screen-only controls are hidden, and nothing is wider than the page or cut off.
 *
 * Two visits per page: the phone, and the tablet, which also does the keyboard walk (a tablet with
 * a keyboard; the walk starts from the page as loaded) and then prints. Loading a page and starting
 * its widgets is most of the cost, so the tablet's checks share one load.
 *
 * Elsewhere already: light and dark colour contrast (axe, every page) and every page without
 * JavaScript in site.test.ts; Play under reduced motion shows steps in toy-landscape.test.ts
 * ("under reduced motion Play shows every step at once") and training-console.test.ts ("with
 * reduced motion, play advances in visible steps").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, test, type expect as Expect } from 'vitest';
import type { Page } from 'playwright-core';
import { crawlSite } from '../helpers/crawl.ts';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { startEvery } from '../helpers/widget.ts';
import {
  CONTROL_SELECTOR,
  TARGET_PX,
  WIDGET_SELECTOR,
  focusLog,
  layoutProblems,
  pngInk,
  printProblems,
  runningAnimations,
  startKeyboardWalk,
  widgetSemantics,
  type LayoutReport,
} from '../helpers/devices.ts';

const { dist, base } = e2eEnv();
const server = await startStaticServer({ root: dist, base });
afterAll(() => server.close());

const crawl = await crawlSite(server.url, { max: 200 });
const site = useSite({ server });
const SHOTS = path.resolve('tests/.artifacts/screenshots');

/** 'lessons/01-the-data/' → 'lessons-01-the-data'; the home page → 'home'. */
const pageName = (url: string) => new URL(url).pathname.slice(base.length).replace(/\/$/, '').replace(/\//g, '-') || 'home';
type Box = { x: number; y: number; width: number; height: number };
const pages = crawl.pages.map((p) => [pageName(p.url), p.url] as const);

const PHONE = { width: 375, height: 800 } as const;
const TABLET = { width: 768, height: 1024 } as const;
const TOUCH = { hasTouch: true, isMobile: true } as const;

/** A4 (210 × 297 mm) less 1 cm margins, at 96 CSS px per inch. */
const PRINT = { width: Math.floor((190 / 25.4) * 96), height: Math.floor((277 / 25.4) * 96) };

/** Starts every widget and exercise on the page and waits until each has (its custom element sets data-ready). */
const widgetsReady = (page: Page) => startEvery(page, WIDGET_SELECTOR);

/**
 * The layout checks at the page's present size, with every widget's folded parts (the table
 * alternative, saving) opened so they are measured too; `fold` closes them again.
 */
async function checkLayout(page: Page, where: string, expect: typeof Expect): Promise<LayoutReport> {
  await page.evaluate(() =>
    document.querySelectorAll<HTMLDetailsElement>('.widget details:not([hidden]):not([open])').forEach((d) => {
      d.open = true;
      d.dataset.testOpened = '';
    }),
  );
  const report = await page.evaluate(layoutProblems, { minTarget: TARGET_PX, controls: CONTROL_SELECTOR });
  expect.soft(report.overflowing, `${where}: sticks out sideways (page ${report.overflowPx} px too wide)`).toEqual([]);
  expect.soft(report.overflowPx, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(0);
  expect.soft(report.smallTargets, `${where}: targets under ${TARGET_PX} × ${TARGET_PX} px`).toEqual([]);
  expect.soft(report.overlaps, `${where}: overlapping targets`).toEqual([]);
  expect.soft(report.figuresOutside, `${where}: widget figures outside the page width`).toEqual([]);
  expect.soft(report.hoverOnly, `${where}: shown only on hover`).toEqual([]);
  return report;
}

async function fold(page: Page) {
  await page.evaluate(() =>
    document.querySelectorAll<HTMLDetailsElement>('.widget details[data-test-opened]').forEach((d) => {
      d.open = false;
      delete d.dataset.testOpened;
    }),
  );
}

describe(`devices and readers, site served from ${dist} under ${base}`, () => {
  test('the crawl found the pages', ({ expect }) => {
    expect(pages.length).toBeGreaterThan(1);
  });

  test.concurrent.for(pages)('at 375 px, %s: fits the screen, touch targets, screenshots', async ([name, url], { expect }) => {
    const { width, height } = PHONE;
    const p = await site.open(url, { viewport: { width, height }, ...TOUCH });
    try {
      await widgetsReady(p.page);
      const where = `${name} at ${width} px`;
      const report = await checkLayout(p.page, where, expect);
      expect.soft(p.problems(), `${where}: console errors / failed loads`).toEqual([]);

      // Screenshots of what the reader sees (the viewport, which is cheap: a full-page or element
      // shot of a tall page re-lays it out at full height): the first screen, then each widget
      // scrolled to its figure. None may be blank, nor any widget's figure. Taken at the phone's
      // width only: a figure is drawn by the same code at every width (the tablet pass still
      // checks that every figure fits), and the phone is where a figure is most likely to fail.
      const dir = path.join(SHOTS, String(width));
      mkdirSync(dir, { recursive: true });
      const shoot = async (file: string, region: Box | null, what: string) => {
        const png = await p.page.screenshot({ scale: 'css', animations: 'disabled', caret: 'hide' });
        writeFileSync(path.join(dir, file), png);
        const ink = await p.page.evaluate(pngInk, { png: png.toString('base64'), regions: region ? [region] : [] });
        expect.soft(ink.whole.ink, `${where}: ${what} screenshot is blank`).toBeGreaterThan(0.01);
        if (region) {
          expect.soft(ink.regions[0]!.ink, `${where}: ${what}'s figure is blank`).toBeGreaterThan(0.005);
          expect.soft(ink.regions[0]!.colours, `${where}: ${what}'s figure has no drawing`).toBeGreaterThan(2);
        }
      };
      await shoot(`${name}.png`, null, 'the first screen');
      for (const w of report.widgets) {
        const figure = await p.page.evaluate(
          ({ index, figure }) => {
            // Scrolled so that the widget's figure (else the widget) starts at the top of the screen.
            const widget = document.querySelectorAll('.widget')[index]!;
            scrollTo({ top: widget.getBoundingClientRect().top + scrollY + (figure?.y ?? 0) - 8, behavior: 'instant' });
            if (!figure) return null;
            const r = widget.getBoundingClientRect();
            const top = Math.max(0, r.top + figure.y);
            const bottom = Math.min(innerHeight, r.top + figure.y + figure.height);
            return bottom - top > 8 ? { x: r.left + figure.x, y: top, width: figure.width, height: bottom - top } : null;
          },
          { index: w.index, figure: w.figure },
        );
        if (w.figure) expect.soft(figure, `${where}: widget ${w.name}'s figure is not on the screen`).not.toBeNull();
        await shoot(`${name}--${w.index + 1}-${w.name}.png`, figure, `widget ${w.name}`);
      }
    } finally {
      await p.close();
    }
  });

  // The limit only catches a hang: a long lesson's walk, layout and print on a loaded machine
  // have taken over three minutes.
  test.concurrent.for(pages)('at 768 px, %s: keyboard and screen reader, fits the screen, then print', { timeout: 600_000 }, async ([name, url], { expect }) => {
    const p = await site.open(url, { viewport: { width: TABLET.width, height: TABLET.height }, ...TOUCH, reducedMotion: 'reduce' });
    try {
      await widgetsReady(p.page);
      expect.soft(await p.page.evaluate(widgetSemantics, { widgets: WIDGET_SELECTOR }), `${name}: live regions and chart alternatives`).toEqual([]);
      expect.soft(await p.page.evaluate(runningAnimations), `${name}: animations running under reduced motion`).toEqual([]);

      // Tab from the top of the page through every tab stop (and a few more, to be sure).
      const { expected, stops } = await p.page.evaluate(startKeyboardWalk, { widgets: WIDGET_SELECTOR, controls: CONTROL_SELECTOR });
      // The presses are sent without waiting for each (they stay in order), which saves a round
      // trip per tab stop. A widget may add tab stops as it settles (a formula box is one while
      // it scrolls: the playground's gradient check at 768 px), so Tab goes round the page again,
      // up to twice more, while something is still unreached.
      const press = () => Promise.all(Array.from({ length: stops + 5 }, () => p.page.keyboard.press('Tab')));
      await press();
      let walk = await p.page.evaluate(focusLog);
      const unreached = () => {
        const reached = new Set(walk.steps.map((s) => s.key));
        const stillFocusable = new Set(walk.focusableNow);
        return expected.filter((c) => !reached.has(c.key) && stillFocusable.has(c.key));
      };
      for (let round = 0; round < 2 && unreached().length; round++) {
        await press();
        walk = await p.page.evaluate(focusLog);
      }
      const { steps } = walk;
      expect.soft(unreached().map((c) => `widget ${c.widget}: ${c.what}`), `${name}: controls Tab never reaches`).toEqual([]);
      expect.soft([...new Set(steps.filter((s) => !s.visible).map((s) => s.what))], `${name}: focused without a visible focus outline`).toEqual([]);

      // The tablet's layout, then the folded parts closed again: the page prints as the reader left it.
      await checkLayout(p.page, `${name} at ${TABLET.width} px`, expect);
      await fold(p.page);

      // Print
      // (Print media first: emulated after a resize, it did not always take effect.)
      await p.page.emulateMedia({ media: 'print' });
      await p.page.setViewportSize({ width: PRINT.width, height: PRINT.height });
      expect(await p.page.evaluate(() => matchMedia('print').matches), `${name}: print media is emulated`).toBe(true);
      expect.soft(
        await p.page.evaluate(printProblems, { pageWidth: PRINT.width, pageHeight: PRINT.height, controls: CONTROL_SELECTOR }),
        `${name}: print`,
      ).toEqual([]);
      expect.soft(p.problems(), `${name}: console errors / failed loads`).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
