/**
 * Generic smoke test for every interactive widget on the built site, found by crawling:
 * each control inside a `.widget` (range, number, checkbox, radio, select, button) must change
 * something the reader sees in that widget (its SVG, an <output>, text), with no console error.
 *
 * Widget-specific behaviour belongs in its own file next to this one (see tests/e2e/README.md).
 */
import { describe, expect, test } from 'vitest';
import { crawlSite } from '../helpers/crawl.ts';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { afterAll } from 'vitest';

const { dist, base } = e2eEnv();
const server = await startStaticServer({ root: dist, base });
afterAll(() => server.close());
const crawl = await crawlSite(server.url);
const site = useSite({ server });

const WIDGET_CLASS = /\bclass\s*=\s*["'][^"']*\bwidget\b/i;
const pagesWithWidgets = crawl.pages.filter((p) => WIDGET_CLASS.test(p.html)).map((p) => [new URL(p.url).pathname, p.url] as const);

describe('widgets respond to their controls', () => {
  test('crawl found pages (widgets found on ' + pagesWithWidgets.length + ')', () => {
    expect(crawl.pages.length).toBeGreaterThan(0);
  });

  test.concurrent.for(pagesWithWidgets)('widgets on %s', async ([path, url], { expect }) => {
    const p = await site.open(url);
    try {
      const widgets = p.page.locator('.widget');
      const count = await widgets.count();
      const dead: string[] = [];
      for (let i = 0; i < count; i++) {
        const w = widgets.nth(i);
        const label = (await w.getAttribute('aria-label')) || (await w.getAttribute('id')) || `#${i + 1}`;
        // What the reader sees, ignoring the controls themselves.
        const snapshot = () =>
          w.evaluate((el) => {
            const c = el.cloneNode(true) as Element;
            c.querySelectorAll('input, select, button, textarea').forEach((x) => x.remove());
            return c.innerHTML;
          });
        // Inputs first, buttons last (so a "reset" button finds something to reset).
        // A control that legitimately changes nothing visible can carry data-test-inert.
        const controls = [
          ...(await w.locator('input:is([type=range],[type=number],[type=checkbox],[type=radio]):not([data-test-inert])').all()),
          ...(await w.locator('select:not([data-test-inert])').all()),
          ...(await w.locator('button:not([type=submit]):not([data-test-inert])').all()),
        ];
        // Controls may start disabled until the widget's script has run: wait for that.
        if (controls.length) {
          const anyEnabled = () => Promise.all(controls.map((c) => c.isEnabled())).then((e) => e.some(Boolean));
          const hydrated = await expect.poll(anyEnabled, { timeout: 30_000 }).toBe(true).then(() => true, () => false);
          if (!hydrated) {
            dead.push(`widget ${label}: all ${controls.length} controls stay disabled (did its script run?)`);
            continue;
          }
        }
        for (const c of controls) {
          if (!(await c.isVisible()) || !(await c.isEnabled())) continue;
          if (await c.evaluate((el) => el instanceof HTMLInputElement && el.type === 'radio' && el.checked)) continue;
          const before = await snapshot();
          const desc = await c.evaluate((el) => `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''}${el.id ? '#' + el.id : ''}${el.getAttribute('aria-label') ? ` "${el.getAttribute('aria-label')}"` : ''}`);
          // A control may switch itself off meanwhile: a Cancel button once the run it cancels has
          // finished. Such a control has nothing to do now; its own widget test covers it.
          if (!(await poke(c))) continue;
          // Generous: a control that works answers at once; a busy machine must not make it look dead.
          const changed = await expect
            .poll(snapshot, { timeout: 10_000, interval: 50 })
            .not.toBe(before)
            .then(() => true, () => false);
          if (!changed) dead.push(`widget ${label}: ${desc} changed nothing in the widget`);
        }
      }
      expect.soft(dead, `${path}: controls that do nothing`).toEqual([]);
      expect.soft(p.problems(), `${path}: console errors etc. while using the widgets`).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

/** Change a control to a different valid value the way a reader would; false if it went disabled first. */
async function poke(c: import('playwright-core').Locator): Promise<boolean> {
  const kind = await c.evaluate((el) => (el.tagName === 'INPUT' ? (el as HTMLInputElement).type : el.tagName.toLowerCase()));
  if (kind === 'range' || kind === 'number') {
    const next = await c.evaluate((el) => {
      const inp = el as HTMLInputElement;
      const min = inp.min === '' ? (inp.type === 'range' ? 0 : -Infinity) : Number(inp.min);
      const max = inp.max === '' ? (inp.type === 'range' ? 100 : Infinity) : Number(inp.max);
      const v = Number(inp.value);
      // Go to whichever end is further away, or +1 step for unbounded numbers.
      if (Number.isFinite(min) && Number.isFinite(max)) return String(Math.abs(max - v) >= Math.abs(v - min) ? max : min);
      const step = inp.step && inp.step !== 'any' ? Number(inp.step) : 1;
      return String(v + step);
    });
    await c.fill(next);
  } else if (kind === 'checkbox' || kind === 'radio') {
    await c.click();
  } else if (kind === 'select') {
    const values = await c.evaluate((el) => [...(el as HTMLSelectElement).options].filter((o) => !o.disabled).map((o) => o.value));
    const current = await c.inputValue();
    const other = values.find((v) => v !== current);
    if (other !== undefined) await c.selectOption(other);
  } else {
    try {
      await c.click({ timeout: 5_000 });
    } catch (error) {
      if (await c.isEnabled()) throw error;
      return false;
    }
  }
  return true;
}
