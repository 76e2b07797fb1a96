/**
 * One build, any folder: the site built once (E2E_DIST, whatever base it was built for) is served
 * under '/', '/a/' and '/a/b/c/', as a school copying dist/ into some folder of its server would.
 * Under each: every page crawled answers, every link, script, style and font resolves inside the
 * folder with no failed request, every widget comes alive, and after one visit it works offline.
 * (404.html is the one page that names the site's root: site.test.ts checks it where it was built for.)
 */
import { afterAll, describe, expect, test } from 'vitest';
import { crawlSite } from '../helpers/crawl.ts';
import { e2eEnv, useSite } from '../helpers/e2e.ts';
import { checkCssUrls, checkRefs, collectRefs } from '../helpers/checks.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { whenReady } from '../helpers/widget.ts';

const { dist } = e2eEnv();
// '/' itself is what site.test.ts and offline.test.ts check page by page; here it is the reference
// the other folders' crawls are compared with. Every page's assets and widgets are opened in the
// deepest folder (one folder down adds nothing a third one would not catch).
const FOLDERS = ['/', '/a/', '/a/b/c/'];
const servers = await Promise.all(FOLDERS.map((base) => startStaticServer({ root: dist, base })));
afterAll(() => Promise.all(servers.map((s) => s.close())));
const crawls = await Promise.all(servers.map((s) => crawlSite(s.url, { max: 200 })));

describe.each(FOLDERS.slice(1).map((folder, i) => [folder, i + 1] as const))('the same build served under %s', (folder, i) => {
  const server = servers[i];
  const crawl = crawls[i];
  const site = useSite({ server });
  const pages = folder === '/a/b/c/' ? crawl.pages.map((p) => [new URL(p.url).pathname.slice(folder.length) || '(home)', p.url] as const) : [];

  test('reaches every page of the root copy, with no broken link', () => {
    expect(crawl.broken.map((b) => `${b.url} -> ${b.status} (from ${b.from})`)).toEqual([]);
    expect(crawl.pages.map((p) => new URL(p.url).pathname.slice(folder.length))).toEqual(crawls[0].pages.map((p) => new URL(p.url).pathname.slice(1)));
  });

  test.concurrent.for(pages)('page %s loads everything from inside the folder and its widgets come alive', async ([, url], { expect }) => {
    const p = await site.open(url);
    try {
      const refs = await collectRefs(p.page);
      expect.soft(await checkRefs(p.page, refs, server.origin, folder), 'links and assets').toEqual([]);
      expect.soft(await checkCssUrls(p.page, server.origin, folder), 'CSS url()s').toEqual([]);
      // Widgets start when they come near the screen: bring each there and wait for its controls.
      const figures = p.page.locator('.widget:has(fieldset[data-controls])');
      const dead: string[] = [];
      for (let n = 0, count = await figures.count(); n < count; n++) {
        const figure = figures.nth(n);
        await figure.scrollIntoViewIfNeeded();
        const alive = await expect
          .poll(() => figure.evaluate((el) => [...el.querySelectorAll('fieldset[data-controls]')].some((f) => !(f as HTMLFieldSetElement).disabled)), { timeout: 20_000 })
          .toBe(true)
          .then(
            () => true,
            () => false,
          );
        if (!alive) dead.push(`widget ${n + 1} (${(await figure.locator('figcaption').textContent())?.slice(0, 60)})`);
      }
      expect.soft(dead, 'widgets whose controls never came alive').toEqual([]);
      await p.page.waitForLoadState('networkidle').catch(() => {});
      expect.soft(p.problems(), 'console errors, requests outside the folder, failed loads').toEqual([]);
    } finally {
      await p.close();
    }
  });

  test('after one visit, a lesson and its widget work with the network cut', async () => {
    const p = await site.open('');
    try {
      const scope = await p.page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
        }
        return registration.scope;
      });
      expect(scope).toBe(server.url);
      await p.context.setOffline(true);
      await p.page.goto(site.url('lessons/01-the-data/'));
      expect(await p.page.locator('h1').count()).toBe(1);
      const widget = p.page.locator('np-data-explorer');
      await whenReady(p.page, 'np-data-explorer');
      const before = await widget.locator('[data-number="varY"]').textContent();
      await widget.locator('[data-name="scaling"] select').selectOption('minmax');
      await expect.poll(() => widget.locator('[data-number="varY"]').textContent(), { timeout: 15_000 }).not.toBe(before);
    } finally {
      await p.context.setOffline(false);
      await p.close();
    }
  });
});
