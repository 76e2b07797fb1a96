/**
 * Every interactive widget on the built site, found by crawling, in one visit per page:
 *
 *   1. It responds: each control inside a `.widget` (range, number, checkbox, radio, select, button)
 *      must change something the reader sees in that widget (its SVG, an <output>, text). A control
 *      that legitimately changes nothing visible carries data-test-inert.
 *   2. It survives bad input: its first text field gets empty text, words, NaN, negatives, zero,
 *      ±1e308, Infinity and markup, every later field one value of each kind (BAD_KINDS); then
 *      every button is pressed twice. After each, the page still answers,
 *      the widget shows no "NaN"/"undefined" outside its status line (which may quote the bad input
 *      to explain it) and no markup was injected.
 *
 * No console error in either part. (These were two suites that each opened every page; the second
 * now continues on the page the first leaves, which is as good a state to abuse as a fresh one.)
 *
 * Both parts run once per kind of widget: its element, the panels it shows and whether it follows
 * another widget (the playground's gradient check has no controls of its own; the training
 * console is on four pages, lesson 14 has four setup comparisons with the same controls). Later
 * copies, on a later page of the crawl or further down the same page, are only checked to come to
 * life; their own e2e files test what their settings do.

 * Widget-specific behaviour belongs in its own file next to this one (see tests/e2e/README.md).
 */
import { afterAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { crawlSite } from '../helpers/crawl.ts';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { animationFrames } from '../helpers/widget.ts';

const { dist, base } = e2eEnv();
const server = await startStaticServer({ root: dist, base });
afterAll(() => server.close());
const crawl = await crawlSite(server.url);
const site = useSite({ server });

const WIDGET_CLASS = /\bclass\s*=\s*["'][^"']*\bwidget\b/i;
const pagesWithWidgets = crawl.pages.filter((p) => WIDGET_CLASS.test(p.html)).map((p) => [new URL(p.url).pathname, p.url] as const);

/**
 * A widget's kind: its element's tag, the panels it shows and whether it follows another widget
 * (which decide its controls). The host element carries data-share-key; `.widget` is it or inside it.
 */
const KIND_OF_HOST = /<(np-[a-z-]+)\b([^>]*\bdata-share-key\b[^>]*)>/g;
const kindOf = (tag: string, panels: string | null | undefined, follows: boolean) => `${tag.toLowerCase()}${panels ? `[${panels}]` : ''}${follows ? '[follow]' : ''}`;
/** Each kind's first page, in crawl order: that page's first copy is the one exercised. */
const firstPageOf = new Map<string, string>();
for (const page of crawl.pages) {
  for (const [, tag, attributes] of page.html.matchAll(KIND_OF_HOST)) {
    const kind = kindOf(tag!, attributes!.match(/\bdata-panels="([^"]*)"/)?.[1], /\bdata-follow\b/.test(attributes!));
    if (!firstPageOf.has(kind)) firstPageOf.set(kind, page.url);
  }
}

const BAD = ['', '   ', 'abc', 'NaN', '-5', '0', '1e308', '-1e308', 'Infinity', '<img src=x onerror=alert(1)>'];
/**
 * One value of each kind of bad input (empty, words, negative, zero, huge, markup), for a widget's
 * later fields: every field reads its text through the same field readers (unit-tested value by
 * value in tests/unit/experiments), so what a later field can still get wrong is what the widget
 * does with a refused or extreme value, not the reading. The first field gets the whole list.
 */
const BAD_KINDS = ['', 'abc', '-5', '0', '1e308', '<img src=x onerror=alert(1)>'];

describe('widgets respond to their controls and survive bad input', () => {
  test('crawl found pages (widgets found on ' + pagesWithWidgets.length + ')', () => {
    expect(crawl.pages.length).toBeGreaterThan(0);
    expect(pagesWithWidgets.length).toBeGreaterThan(0);
  });

  // Pages with many fields (the training console) take a while; the limit only catches a hang (a
  // loaded machine has needed over five minutes for a page).
  test.concurrent.for(pagesWithWidgets)('widgets on %s', { timeout: 900_000 }, async ([path, url], { expect }) => {
    const p = await site.open(url);
    try {
      const widgets = p.page.locator('.widget');
      const count = await widgets.count();
      const dead: string[] = [];
      const failures: string[] = [];
      let exercised = 0;
      let owned = 0;
      const seen = new Set<string>();
      for (let i = 0; i < count; i++) {
        const w = widgets.nth(i);
        const label = (await w.getAttribute('aria-label')) || (await w.getAttribute('id')) || `#${i + 1}`;
        const kind = await w.evaluate((el) => {
          const host = el.closest('[data-share-key]') ?? el.querySelector('[data-share-key]');
          return host ? { tag: host.tagName, panels: host.getAttribute('data-panels'), follows: host.hasAttribute('data-follow') } : null;
        });
        const key = kind ? kindOf(kind.tag, kind.panels, kind.follows) : null;
        // A kind's first copy on its first page (or a widget of no known kind) gets both parts.
        const first = !key || ((firstPageOf.get(key) ?? url) === url && !seen.has(key));
        if (key) seen.add(key);
        if (!first) {
          const hydrated = await comesToLife(w, expect);
          if (!hydrated) dead.push(`widget ${label}: all its controls stay disabled (did its script run?)`);
          continue;
        }
        owned += 1;
        const responded = await respond(w, label, expect);
        dead.push(...responded.dead);
        exercised += responded.poked + (await abuse(p.page, w, i, failures, expect));
      }
      if (owned) expect(exercised, `${path}: no control was found to exercise`).toBeGreaterThan(0);
      expect.soft(dead, `${path}: controls that do nothing`).toEqual([]);
      expect.soft(failures, `${path}: bad input`).toEqual([]);
      expect.soft(p.problems(), `${path}: console errors etc. while using the widgets`).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

type Expect = typeof expect;

/** A widget with controls enables at least one once its script has run (true if it has none). */
async function comesToLife(w: Locator, expect: Expect): Promise<boolean> {
  const controls = w.locator('input, select, button');
  if ((await controls.count()) === 0) return true;
  await w.evaluate((el) => el.scrollIntoView({ block: 'center' })).catch(() => undefined); // a reader's arrival starts it (kit/hydrate.ts)
  return expect.poll(() => w.locator('input:enabled, select:enabled, button:enabled').count(), { timeout: 30_000 }).toBeGreaterThan(0).then(() => true, () => false);
}

/** Part 1: pokes every control of the widget; returns the ones that changed nothing visible, and how many it poked. */
async function respond(w: Locator, label: string, expect: Expect): Promise<{ dead: string[]; poked: number }> {
  const dead: string[] = [];
  let poked = 0;
  // What the reader sees, ignoring the controls themselves: a fingerprint of it, taken in the page
  // (a widget's markup with its figures is hundreds of kilobytes, read every 50 ms while polling).
  const snapshot = () =>
    w.evaluate((el) => {
      const c = el.cloneNode(true) as Element;
      c.querySelectorAll('input, select, button, textarea').forEach((x) => x.remove());
      const html = c.innerHTML;
      let hash = 2166136261; // FNV-1a, 32 bits
      for (let i = 0; i < html.length; i++) hash = Math.imul(hash ^ html.charCodeAt(i), 16777619);
      return `${html.length}:${hash >>> 0}`;
    });
  // Widgets below the screen start when they come near it (or in idle time after the load): bring
  // it there and wait until its element says it is ready, so the controls its script adds exist.
  await w.evaluate((el) => el.scrollIntoView({ block: 'center' })).catch(() => undefined);
  await expect
    .poll(() => w.evaluate((el) => { const host = el.closest('[data-share-key]') ?? el.querySelector('[data-share-key]'); return !host || host.hasAttribute('data-ready'); }), { timeout: 30_000 })
    .toBe(true)
    .catch(() => undefined);
  // Inputs first, buttons last (so a "reset" button finds something to reset).
  const controls = [
    ...(await w.locator('input:is([type=range],[type=number],[type=checkbox],[type=radio]):not([data-test-inert])').all()),
    ...(await w.locator('select:not([data-test-inert])').all()),
    ...(await w.locator('button:not([type=submit]):not([data-test-inert])').all()),
  ];
  if (!controls.length) return { dead, poked };
  // Controls may start disabled until the widget's script has run: wait for that.
  const anyEnabled = () => Promise.all(controls.map((c) => c.isEnabled())).then((e) => e.some(Boolean));
  const hydrated = await expect.poll(anyEnabled, { timeout: 30_000 }).toBe(true).then(() => true, () => false);
  if (!hydrated) return { dead: [`widget ${label}: all ${controls.length} controls stay disabled (did its script run?)`], poked };
  for (const c of controls) {
    if (!(await c.isVisible()) || !(await c.isEnabled())) continue;
    if (await c.evaluate((el) => el instanceof HTMLInputElement && el.type === 'radio' && el.checked)) continue;
    const before = await snapshot();
    const desc = await c.evaluate((el) => `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''}${el.id ? '#' + el.id : ''}${el.getAttribute('aria-label') ? ` "${el.getAttribute('aria-label')}"` : ''}`);
    // A control may switch itself off meanwhile: a Cancel button once the run it cancels has
    // finished. Such a control has nothing to do now; its own widget test covers it.
    if (!(await poke(c))) continue;
    poked += 1;
    // Generous: a control that works answers at once; a busy machine must not make it look dead.
    const changed = await expect
      .poll(snapshot, { timeout: 10_000, interval: 50 })
      .not.toBe(before)
      .then(() => true, () => false);
    if (!changed) dead.push(`widget ${label}: ${desc} changed nothing in the widget`);
  }
  return { dead, poked };
}

/** Part 2: bad text in every field, every button twice; returns how many things it did. */
async function abuse(page: Page, w: Locator, i: number, failures: string[], expect: Expect): Promise<number> {
  // A view that follows another widget (the playground's gradient check) has no controls of its own.
  if ((await w.locator('input, button, select').count()) === 0) return 0;
  await expect.poll(() => w.locator('input:enabled, button:enabled').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  let exercised = 0;
  // What the student sees, minus the status line, which may quote the bad input to explain it.
  const check = async (what: string) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A hang detector, not a speed limit: a page that cannot answer for half a minute is stuck.
    const seen = await Promise.race([
      w.evaluate((el) => {
        const c = el.cloneNode(true) as HTMLElement;
        c.querySelectorAll('[role=status], input, textarea').forEach((x) => x.remove());
        return { text: c.textContent ?? '', injected: el.querySelectorAll('img[src=x]').length };
      }),
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 30_000))),
    ]);
    clearTimeout(timer);
    if (!seen) return failures.push(`widget ${i + 1}: page stopped answering after ${what}`);
    const bad = seen.text.match(/\bNaN\b|\bundefined\b|\bnull\b|Infinity/);
    if (bad) failures.push(`widget ${i + 1}: shows "${bad[0]}" after ${what}`);
    if (seen.injected) failures.push(`widget ${i + 1}: markup injected after ${what}`);
  };
  // (Not read-only ones: the share box the first part opened holds its link in one.)
  const fields = await w.locator('input:is([type=text],[type=number]):visible:enabled:not([readonly])').all();
  for (const [f, field] of fields.entries()) {
    const name = (await field.getAttribute('id')) ?? 'field';
    const original = await field.inputValue();
    for (const value of f === 0 ? BAD : BAD_KINDS) {
      exercised += 1;
      await field.fill(value);
      await field.press('Tab').catch(() => undefined);
      await check(`typing "${value}" into ${name}`);
    }
    await field.fill(original);
    await field.press('Tab').catch(() => undefined);
  }
  // Every button, by its place among all the widget's buttons: a filter such as :enabled would
  // renumber them as pressing one (Play → Pause, Cancel) switches another off. Not the share and
  // save buttons: they read the settings without changing them, the first part pressed each once,
  // and export.test.ts and share.test.ts check what they write (twice, each made a PNG or a file).
  const buttons = await w.locator('button:not([data-action^="save-"]):not([data-action^="share"]):not([data-action="embed"])').all();
  for (const button of buttons) {
    const label = ((await button.textContent({ timeout: 10_000 }).catch(() => '')) ?? '').trim();
    for (let press = 0; press < 2; press++) {
      if (!(await button.isVisible()) || !(await button.isEnabled({ timeout: 10_000 }).catch(() => false))) break;
      exercised += 1;
      await button.click({ timeout: 10_000 }).catch(() => undefined);
      await animationFrames(page, 2);
      await check(`pressing "${label}"`);
    }
  }
  return exercised;
}

/** Change a control to a different valid value the way a reader would; false if it went disabled first. */
async function poke(c: Locator): Promise<boolean> {
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
      // Generous, as a hang detector: a click waits for the page to take it, which a busy
      // machine has delayed past 5 s.
      await c.click({ timeout: 30_000 });
    } catch (error) {
      if (await c.isEnabled()) throw error;
      return false;
    }
  }
  return true;
}
