/**
 * Opened straight from the disk (file://), as a teacher double-clicking index.html in the unpacked
 * zip would: every page is readable, with its styles, formulas and server-drawn figures; a note
 * says the widgets need a web server and how to start one; links lead to pages, not folder
 * listings. Module scripts cannot load from file:// (Chromium gives such pages an opaque origin),
 * so the widgets stay as drawn, with their controls honestly disabled.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { e2eEnv } from '../helpers/e2e.ts';

const { dist } = e2eEnv();
function pagesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return pagesIn(file);
    return name === 'index.html' ? [path.relative(dist, file)] : [];
  });
}
// Every page of the site (the 404 page is served by a host, never opened from the disk; the
// widget-only pages under embed/ exist to be framed by another site's page, so always from a server).
const pages = pagesIn(dist).filter((page) => !page.startsWith('embed/')).sort();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('pages opened from the disk (file://)', () => {
  test.concurrent.for(pages)('%s is readable, styled, with formulas and figures, and says how to start a server', async (page, { expect }) => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await tab.goto(pathToFileURL(path.join(dist, page)).href);
      const got = await tab.evaluate(() => {
        const header = document.querySelector('.site-header');
        const note = document.querySelector<HTMLElement>('.file-note');
        const katex = [...document.querySelectorAll('.katex')];
        return {
          h1: document.querySelector('h1')?.textContent?.trim() ?? '',
          // The stylesheet is applied: the header is laid out as a flex row, not the browser's block.
          headerDisplay: header ? getComputedStyle(header.querySelector('.site-header-inner') ?? header).display : '',
          noteShown: note ? note.offsetHeight > 0 && note.textContent!.includes('python3 -m http.server') : false,
          formulas: katex.length,
          // KaTeX's stylesheet hides its MathML copy and lays the HTML out: unstyled, both would show.
          formulasStyled: katex.every((k) => {
            const mathml = k.querySelector('.katex-mathml');
            return !mathml || getComputedStyle(mathml).position === 'absolute';
          }),
          figures: [...document.querySelectorAll('.widget svg')].filter((svg) => svg.childElementCount === 0).length,
          folderLinks: [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
            .map((a) => a.getAttribute('href') ?? '')
            .filter((href) => !/^([a-z]+:|#)/i.test(href) && /\/([?#]|$)/.test(href)),
        };
      });
      expect.soft(got.h1).not.toBe('');
      expect.soft(got.headerDisplay).toBe('flex');
      expect.soft(got.noteShown, 'the note on starting a web server').toBe(true);
      expect.soft(got.formulasStyled, 'formulas drawn with KaTeX’s styles').toBe(true);
      expect.soft(got.figures, 'empty server-drawn figures').toBe(0);
      expect.soft(got.folderLinks, 'links to a folder (a file listing on the disk)').toEqual([]);
      expect.soft(pageErrors, 'errors from the page’s own inline scripts').toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a lesson’s formulas are there and a link leads to the next page, not to a folder listing', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    try {
      await tab.goto(pathToFileURL(path.join(dist, 'lessons/04-the-forward-pass/index.html')).href);
      expect(await tab.locator('.katex').count()).toBeGreaterThan(10);
      await tab.locator('.site-nav a', { hasText: 'Glossary' }).click();
      await tab.waitForLoadState('load');
      expect(tab.url()).toMatch(/\/glossary\/index\.html$/);
      expect(await tab.locator('h1').textContent()).toMatch(/Glossary/i);
    } finally {
      await context.close();
    }
  });
});
