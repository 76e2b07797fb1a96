/**
 * Issue 18, locks that hold: on every page, every widget that can be shared is opened from a link
 * that locks all its settings (the names its own lock/hide panel lists); then every button in it
 * (presets, cards, steps, runs, resets, new seeds) is pressed. No locked control may change value,
 * and the widget's Copy link must still carry its locks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { startEvery } from '../helpers/widget.ts';

const { dist } = e2eEnv();
const site = useSite();

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? htmlFiles(full) : name === 'index.html' ? [full] : [];
  });
}

/** A widget's host element (the teachers' link builder also names share keys, on <option>s). */
const HOST = /<(?!option\b)[a-z-]+\s[^>]*data-share-key=/;
const HOSTS = ':not(option)[data-share-key]';

/**
 * Pages with a shareable widget, as paths under the base. Not the widget-only embed/ copies of the
 * lessons: the same elements with the same settings, so pressing their buttons again proves nothing
 * new (tests/e2e/embed*.test.ts opens them with locks).
 */
const pages = htmlFiles(dist)
  .filter((file) => HOST.test(readFileSync(file, 'utf8')))
  .map((file) => path.relative(dist, path.dirname(file)).split(path.sep).join('/') + '/')
  .filter((page) => !page.startsWith('embed/'))
  .sort();

// Buttons that only write or show something outside the settings (a link, a file, the panel itself).
const NOT_SETTINGS = ['share', 'share-policy', 'save-toggle', 'save-svg', 'save-png', 'save-csv', 'save-json'];


describe('locked settings hold against every button', () => {
  test('found pages with shareable widgets', () => {
    expect(pages.length).toBeGreaterThan(5);
  });

  test.concurrent.for(pages)('on %s', async (page, { expect }) => {
    const p = await site.open(page);
    const ready = () => startEvery(p.page, HOSTS);
    try {
      await ready();
      // Every setting the widget's own panel offers, locked, for every widget on the page.
      const locks = await p.page.evaluate((hosts) =>
        [...document.querySelectorAll<HTMLElement>(hosts)].map((host) => ({
          key: host.dataset.shareKey ?? '',
          names: [...host.querySelectorAll<HTMLElement>('[data-share-policy] tr[data-setting]')].map((row) => row.dataset.setting ?? ''),
        })),
      HOSTS);
      const query = new URLSearchParams(locks.filter((l) => l.names.length).map((l) => [`${l.key}.lock`, l.names.join(',')]));
      await p.page.goto(`${site.url(page)}?${query}`);
      await ready();
      const values = () =>
        p.page.evaluate((hosts) =>
          Object.fromEntries(
            [...document.querySelectorAll<HTMLElement>(hosts)].flatMap((host) =>
              [...host.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-name] input:not([data-policy]), [data-name] select')].map((el) => [
                `${host.dataset.shareKey}.${el.closest<HTMLElement>('[data-name]')?.dataset.name}.${el.getAttribute('type') ?? el.tagName}`,
                el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? String(el.checked) : el.value,
              ]),
            ),
          ),
        HOSTS);
      const before = await values();
      const buttons = p.page.locator(`${HOSTS} button`);
      const unpressed: string[] = [];
      const count = await buttons.count();
      for (let i = 0; i < count; i++) {
        const button = buttons.nth(i);
        if (NOT_SETTINGS.includes((await button.getAttribute('data-action')) ?? '')) continue;
        if (!(await button.isVisible()) || !(await button.isEnabled())) continue;
        await button.click({ timeout: 15_000 }).catch(async () => {
          // A button may switch itself off meanwhile (Cancel once its run ended): nothing to press.
          if (await button.isEnabled()) unpressed.push((await button.getAttribute('data-action')) ?? (await button.innerText()));
        });
      }
      // Let the widgets draw what the presses asked for (two frames) before reading the controls.
      await p.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const after = await values();
      const leaked = [...new Set(Object.keys(before).filter((name) => after[name] !== before[name]).map((name) => name.split('.')[0]))].sort();
      expect(leaked, `widgets whose locked settings changed: ${JSON.stringify(Object.keys(before).filter((n) => after[n] !== before[n]))}`).toEqual([]);
      expect(unpressed, 'buttons that could not be pressed').toEqual([]);
      for (const host of await p.page.locator(`${HOSTS}:has([data-action="share"]:not([hidden]))`).all()) {
        const key = await host.getAttribute('data-share-key');
        await host.locator('[data-action="share"]').click();
        const link = await host.locator('[data-share-link]').inputValue();
        expect(link, `${key}: Copy link keeps the locks`).toMatch(new RegExp(`[?&]${key}\\.lock=`));
      }
      // Reloading the page with the locks may abort the first load's favicon request: that is the navigation.
      expect(p.problems().filter((problem) => !/favicon.*ERR_ABORTED|ERR_ABORTED.*favicon/.test(problem))).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
