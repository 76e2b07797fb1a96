/**
 * Every widget survives every input: each text field of each widget on every page gets empty
 * text, words, NaN, negatives, zero, ±1e308, Infinity and markup; then every button is pressed.
 * After each, the page has no uncaught error, the widget shows no "NaN"/"undefined" outside an
 * explaining status message, no markup was injected, and the page still answers.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { crawlSite } from '../helpers/crawl.ts';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { animationFrames } from '../helpers/widget.ts';

const { dist, base } = e2eEnv();
const server = await startStaticServer({ root: dist, base });
afterAll(() => server.close());
const crawl = await crawlSite(server.url);
const site = useSite({ server });

const pages = crawl.pages.filter((p) => /\bclass\s*=\s*["'][^"']*\bwidget\b/i.test(p.html)).map((p) => [new URL(p.url).pathname, p.url] as const);
const BAD = ['', '   ', 'abc', 'NaN', '-5', '0', '1e308', '-1e308', 'Infinity', '<img src=x onerror=alert(1)>'];

describe('widgets survive bad input', () => {
  test('found pages with widgets', () => expect(pages.length).toBeGreaterThan(0));

  // Pages with many fields (the training console) take a while.
  test.concurrent.for(pages)('every field and button of the widgets on %s', { timeout: 240_000 }, async ([path, url], { expect }) => {
    const p = await site.open(url);
    const failures: string[] = [];
    let exercised = 0;
    try {
      const widgets = p.page.locator('.widget');
      for (let i = 0; i < (await widgets.count()); i++) {
        const w = widgets.nth(i);
        // A view that follows another widget (the playground's gradient check) has no controls of its own to fuzz.
        if ((await w.locator('input, button, select').count()) === 0) continue;
        await expect.poll(() => w.locator('input:enabled, button:enabled').count(), { timeout: 30_000 }).toBeGreaterThan(0);
        // What the student sees, minus the status line, which may quote the bad input to explain it.
        const check = async (what: string) => {
          // A hang detector, not a speed limit: a page that cannot answer for half a minute is stuck.
          const alive = await Promise.race([
            p.page.evaluate(() => true),
            new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000)),
          ]);
          if (!alive) failures.push(`widget ${i + 1}: page stopped answering after ${what}`);
          const text = await w.evaluate((el) => {
            const c = el.cloneNode(true) as HTMLElement;
            c.querySelectorAll('[role=status], input, textarea').forEach((x) => x.remove());
            return c.textContent ?? '';
          });
          const bad = text.match(/\bNaN\b|\bundefined\b|\bnull\b|Infinity/);
          if (bad) failures.push(`widget ${i + 1}: shows "${bad[0]}" after ${what}`);
          if (await w.locator('img[src=x]').count()) failures.push(`widget ${i + 1}: markup injected after ${what}`);
        };
        const fields = await w.locator('input[type=text]:visible:enabled, input[type=number]:visible:enabled').all();
        for (const field of fields) {
          const name = (await field.getAttribute('id')) ?? 'field';
          const original = await field.inputValue();
          for (const value of BAD) {
            exercised += 1;
            await field.fill(value);
            await field.press('Tab').catch(() => undefined);
            await check(`typing "${value}" into ${name}`);
          }
          await field.fill(original);
          await field.press('Tab').catch(() => undefined);
        }
        // Every button, by its place among all the widget's buttons: a filter such as :enabled
        // would renumber them as pressing one (Play → Pause, Cancel) switches another off.
        const buttons = await w.locator('button').all();
        for (const button of buttons) {
          const label = ((await button.textContent({ timeout: 2_000 }).catch(() => '')) ?? '').trim();
          for (let press = 0; press < 2; press++) {
            if (!(await button.isVisible()) || !(await button.isEnabled({ timeout: 2_000 }).catch(() => false))) break;
            exercised += 1;
            await button.click({ timeout: 2_000 }).catch(() => undefined);
            await animationFrames(p.page, 2);
            await check(`pressing "${label}"`);
          }
        }
      }
      expect(exercised, `${path}: no field or button was found to exercise`).toBeGreaterThan(0);
      expect.soft(failures, path).toEqual([]);
      expect.soft(p.problems(), `${path}: console errors while fuzzing`).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
