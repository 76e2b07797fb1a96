/**
 * Once visited, the whole course works with the network cut: the service worker generated at
 * build time precaches every page, script, style and font.
 */
import { expect, test } from 'vitest';
import { useSite } from '../helpers/e2e.ts';

const site = useSite();

test('after one visit, lessons, the glossary and their widgets work offline', async () => {
  const p = await site.open('');
  try {
    // Wait until the service worker controls the page and has precached the course.
    await p.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    await p.context.setOffline(true);
    for (const path of ['lessons/01-the-data/', 'glossary/', '']) {
      await p.page.goto(site.url(path));
      expect(await p.page.locator('h1').count()).toBe(1);
    }
    await p.page.goto(site.url('lessons/01-the-data/'));
    const widget = p.page.locator('np-data-explorer');
    await widget.scrollIntoViewIfNeeded(); // a reader's arrival starts it (kit/hydrate.ts)
    await expect.poll(() => widget.getAttribute('data-ready')).toBe('');
    const before = await widget.locator('[data-number="varY"]').textContent();
    await widget.locator('[data-name="scaling"] select').selectOption('minmax');
    await expect.poll(() => widget.locator('[data-number="varY"]').textContent()).not.toBe(before);
    // KaTeX fonts come from the cache too.
    const fontsOk = await p.page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.family.includes('KaTeX')).every((f) => f.status !== 'error');
    });
    expect(fontsOk).toBe(true);
  } finally {
    await p.context.setOffline(false);
    await p.close();
  }
});
