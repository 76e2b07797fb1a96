/**
 * Embedding a widget as a teacher would: on the lesson, with a link that locks a control, "Embed in
 * another page" gives an <iframe>; pasted into a page of another origin (a second local server)
 * with the few lines the teachers' guide gives, it shows that widget alone, alive, with the same
 * settings and locks, fitted to its height, with a link back to its lesson.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { useSite } from '../helpers/e2e.ts';
import { startStaticServer } from '../helpers/static-server.ts';
import { HEIGHT_LISTENER } from '../../src/lib/embed.ts';
import { whenReady } from '../helpers/widget.ts';

const site = useSite();
const otherFolder = mkdtempSync(path.join(tmpdir(), 'np-embed-'));
const other = await startStaticServer({ root: otherFolder, base: '/' });
afterAll(() => other.close());

test('a locked widget embedded in a page of another origin works alone, fits its height and links back', async () => {
  const lesson = await site.open('lessons/01-the-data/?data.scaling=minmax&data.lock=scaling#widget-data', { permissions: [] });
  let snippet: string;
  try {
    const widget = lesson.page.locator('np-data-explorer');
    await whenReady(lesson.page, 'np-data-explorer');
    await widget.locator('[data-action="embed"]').click();
    const field = widget.locator('[data-embed-snippet]');
    await expect.poll(() => field.inputValue(), { timeout: 15_000 }).toMatch(/^<iframe /);
    snippet = await field.inputValue();
  } finally {
    await lesson.close();
  }
  const src = new URL((/src="([^"]+)"/.exec(snippet)?.[1] ?? '').replaceAll('&amp;', '&'));
  expect(src.pathname).toMatch(/\/embed\/01-the-data\/$/);
  expect(src.searchParams.get('data.scaling')).toBe('minmax');
  expect(src.searchParams.get('data.lock')?.split(',')).toContain('scaling');
  expect(src.hash).toBe('#widget-data');

  writeFileSync(path.join(otherFolder, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A class page</title></head>
<body><h1>Our class page</h1><p>Before the widget.</p>${snippet}<p>After the widget.</p>${HEIGHT_LISTENER}</body></html>`);
  const host = await site.browser.newContext();
  const page = await host.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(other.url);
    const frameElement = page.locator('iframe');
    const frame = page.frameLocator('iframe');
    const widget = frame.locator('np-data-explorer');
    await frame.locator('np-data-explorer[data-ready]').waitFor();
    // Alone: no other widget, no lesson prose, no site header.
    expect(await frame.locator('.embed-item').count()).toBe(1);
    expect(await frame.locator('.site-header').count()).toBe(0);
    // The link's settings and locks hold inside the frame.
    const scaling = widget.locator('[data-name="scaling"] select');
    expect(await scaling.inputValue()).toBe('minmax');
    expect(await scaling.isDisabled()).toBe(true);
    // The outer page fitted the frame to the widget: no scroll bar inside.
    await expect
      .poll(async () => {
        const frameHeight = await frameElement.evaluate((f) => f.getBoundingClientRect().height);
        const content = await frame.locator('html').evaluate((html) => html.scrollHeight);
        return Math.abs(frameHeight - content) <= 2 && frameHeight > 300;
      }, { timeout: 15_000 })
      .toBe(true);
    // A link back to the lesson with the same settings, opening outside the frame.
    const back = frame.locator('[data-embed-back]');
    const href = await back.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href).toBe(site.url(`lessons/01-the-data/${src.search}#widget-data`));
    expect(await back.evaluate((a) => (a as HTMLAnchorElement).target || document.querySelector('base')?.target)).toBe('_blank');
    expect(errors).toEqual([]);
  } finally {
    await host.close();
  }
});
