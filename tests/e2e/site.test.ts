/**
 * Whole-site end-to-end checks against the BUILT site (dist/ or E2E_DIST), served under E2E_BASE.
 *
 * The site is crawled from the base URL (every same-origin <a href>, breadth-first) at collection
 * time, so every lesson gets its own test without this file knowing the lesson names.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { crawlSite } from '../helpers/crawl.ts';
import { atRoot as servedAtRoot, e2eEnv, useSite } from '../helpers/e2e.ts';
import { axeViolations, checkCssUrls, checkRefs, collectRefs, CONTRAST_RULES } from '../helpers/checks.ts';
import { startStaticServer } from '../helpers/static-server.ts';

const { dist, base } = e2eEnv();
const server = await startStaticServer({ root: dist, base });
afterAll(() => server.close());

const crawl = await crawlSite(server.url, { max: 200 });
const site = useSite({ server });
const rel = (url: string) => new URL(url).pathname;
/** Served under '/': the run where checks that cannot depend on the base path (axe, no JavaScript) happen. */
const atRoot = servedAtRoot();

/**
 * The pages opened in a browser. At '/' every page. Under a sub-path, one page of each folder and
 * depth: a BASE_PATH build differs from the default one only in its 404 page (scripts/test-all.mjs;
 * the links are page-relative), so what can go wrong under a sub-path is a path of some depth
 * resolved wrongly, and one page per folder and depth shows it. Every page's links are still
 * fetched by the crawl above.
 */
const pagesToOpen = atRoot
  ? crawl.pages
  : [...new Map(crawl.pages.map((p) => {
      const parts = rel(p.url).slice(base.length).split('/').filter(Boolean);
      return [`${parts[0] ?? ''}/${parts.length}`, p] as const;
    }).reverse()).values()].reverse();

// A lesson page to use for the colour-scheme checks: the first crawled page below the home page
// whose path mentions "lesson", else simply the second page found.
const lessonPage = crawl.pages.find((p) => /lesson/i.test(rel(p.url)) && rel(p.url) !== base) ?? crawl.pages[1];

describe(`site served from ${dist} under ${base}`, () => {
  test('crawl reached the home page and more, and every crawled link answers 200', () => {
    expect(crawl.pages.map((p) => rel(p.url))[0], 'home page must answer 200 with HTML').toBe(base);
    expect(crawl.pages.length, 'the home page should link to at least one other page').toBeGreaterThan(1);
    expect(
      crawl.broken.map((b) => `${rel(b.url)} -> HTTP ${b.status} (linked from ${b.from ? rel(b.from) : '?'})`),
      'broken same-site links',
    ).toEqual([]);
    expect(crawl.capped, 'crawl hit the 200-page cap').toBe(false);
  });

  // Pages are independent (one browser context each), so they run a few at a time; concurrent tests
  // must use the `expect` from their own context. Under a sub-path only what depends on the base
  // runs (links, assets, console and loading problems); axe, the dark scheme and the page without
  // JavaScript do not depend on it and run once, at '/'.
  // The limit is a hang detector: two axe runs and two page loads of a long lesson on a machine
  // shared with other jobs have taken minutes.
  test.concurrent.for(pagesToOpen.map((p) => [rel(p.url), p] as const))('page %s', { timeout: 600_000 }, async ([path, crawled], { expect }) => {
    const p = await site.open(crawled.url);
    let svgPerWidget: number[] = [];
    try {
      expect(p.status, `${path}: HTTP status`).toBe(200);

      // Structure
      const { h1, title, katexErrors } = await p.page.evaluate(() => ({
        h1: [...document.querySelectorAll('h1')].map((h) => (h.textContent ?? '').trim()),
        title: document.title.trim(),
        katexErrors: [...document.querySelectorAll('.katex-error')].map(
          (e) => `${(e.getAttribute('title') ?? '').slice(0, 200)} :: ${(e.textContent ?? '').slice(0, 120)}`,
        ),
      }));
      expect.soft(h1.filter(Boolean).length, `${path}: needs a non-empty <h1>`).toBeGreaterThan(0);
      expect.soft(title, `${path}: needs a <title>`).not.toBe('');
      expect.soft(katexErrors, `${path}: KaTeX failed to render (.katex-error)`).toEqual([]);

      // Links and assets: under the base, and 200
      const refs = await collectRefs(p.page);
      expect.soft(await checkRefs(p.page, refs, server.origin, base), `${path}: links/assets`).toEqual([]);
      expect.soft(await checkCssUrls(p.page, server.origin, base), `${path}: CSS url() references`).toEqual([]);

      // Console errors, page errors, off-site requests, local 404s — after any scripts have run
      await p.page.waitForLoadState('networkidle').catch(() => {});
      expect.soft(p.problems(), `${path}: console errors / non-local requests / failed loads`).toEqual([]);
      if (!atRoot) return;

      // How many SVG figures each .widget shows once scripts ran, for the check without JavaScript below.
      svgPerWidget = await p.page.$$eval('.widget', (ws) => ws.map((w) => w.querySelectorAll('svg').length));

      // Accessibility: all WCAG 2.1 A/AA rules in the light scheme, the colour rules again in dark
      await p.page.emulateMedia({ colorScheme: 'light' });
      expect.soft(await axeViolations(p.page), `${path}: axe (light)`).toEqual([]);
      await p.page.emulateMedia({ colorScheme: 'dark' });
      expect.soft(await axeViolations(p.page, { rules: CONTRAST_RULES }), `${path}: axe colour contrast (dark)`).toEqual([]);
    } finally {
      await p.close();
    }

    // What a reader without JavaScript gets from the server-rendered HTML.
    const off = await site.open(crawled.url, { javaScriptEnabled: false });
    try {
      const got = await off.page.evaluate(() => ({
        h1: [...document.querySelectorAll('h1')].map((h) => (h.textContent ?? '').trim()).filter(Boolean),
        mainText: (document.querySelector('main')?.textContent ?? document.body.textContent ?? '').trim().length,
        widgets: [...document.querySelectorAll('.widget')].map((w, i) => ({
          i,
          label: w.getAttribute('aria-label') || w.id || w.tagName.toLowerCase(),
          svgs: w.querySelectorAll('svg').length,
          emptySvgs: [...w.querySelectorAll('svg')].filter((s) => s.childElementCount === 0).length,
        })),
      }));
      expect.soft(got.h1.length, `${path} (no JS): <h1>`).toBeGreaterThan(0);
      expect.soft(got.mainText, `${path} (no JS): main content text`).toBeGreaterThan(0);
      const missing = got.widgets
        .filter((w) => (svgPerWidget[w.i] ?? 0) > 0 && (w.svgs === 0 || w.emptySvgs === w.svgs))
        .map((w) => `.widget #${w.i + 1} (${w.label}): its SVG figure is only drawn by JavaScript — render it on the server`);
      expect.soft(missing, `${path} (no JS): widget figures`).toEqual([]);
    } finally {
      await off.close();
    }
  });

  test('the 404 page is served for unknown paths, with working assets', async () => {
    const missing = `${server.url}no-such-page/deeper/`;
    const res = await fetch(missing);
    const html = await res.text();
    expect(res.status).toBe(404);
    expect(html, 'dist/404.html should exist (src/pages/404.astro)').toMatch(/<title>[^<]+<\/title>/i);

    const p = await site.open(missing, {
      ignoreBadResponses: [new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)],
      ignoreConsole: [/Failed to load resource: the server responded with a status of 404/],
    });
    try {
      expect(p.status).toBe(404);
      expect.soft(await p.page.locator('h1').count(), '404 page: <h1>').toBeGreaterThan(0);
      const refs = await collectRefs(p.page);
      expect.soft(await checkRefs(p.page, refs, server.origin, base), '404 page: links/assets').toEqual([]);
      await p.page.waitForLoadState('networkidle').catch(() => {});
      // A 404 for a sub-resource also logs the same console message, so it shows up here instead:
      expect.soft(p.problems(), '404 page: console errors / non-local requests / failed loads').toEqual([]);
      if (atRoot) expect.soft(await axeViolations(p.page), '404 page: axe').toEqual([]);
    } finally {
      await p.close();
    }
  });

  test.runIf(base !== '/')('nothing is served outside the base path', async () => {
    const res = await fetch(`${server.origin}/`);
    await res.body?.cancel();
    expect(res.status).toBe(404);
  });

  test.runIf(atRoot).for(
    [
      ['home', crawl.pages[0]?.url],
      ['lesson', lessonPage?.url],
    ].filter(([, u]) => u) as [string, string][],
  )('colour contrast on the %s page, light and dark from the first paint', async ([, url]) => {
    // Unlike the per-page check (which switches the scheme after load), this opens a context that
    // prefers the scheme from the start, so scripts that read matchMedia at start-up are covered.
    for (const colorScheme of ['light', 'dark'] as const) {
      const p = await site.open(url, { colorScheme });
      try {
        const matches = await p.page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, colorScheme);
        expect(matches, 'emulated colour scheme is active').toBe(true);
        expect.soft(await axeViolations(p.page, { rules: CONTRAST_RULES }), `${rel(url)}: axe colour contrast (${colorScheme}, fresh context)`).toEqual([]);
      } finally {
        await p.close();
      }
    }
  });
});
