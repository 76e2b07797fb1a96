/**
 * One-line setup for an end-to-end test file:
 *
 *   import { describe, expect, test } from 'vitest';
 *   import { useSite } from '../helpers/e2e.ts';
 *
 *   const site = useSite();            // static server on the built site + one Chromium, per file
 *
 *   test('…', async () => {
 *     const p = await site.open('lessons/forward-pass/');   // path relative to the base
 *     …
 *     expect(p.problems()).toEqual([]);
 *     await p.close();
 *   });
 *
 * Which build is served comes from the environment (set by scripts/test-all.mjs):
 *   E2E_DIST  folder to serve (default: dist)
 *   E2E_BASE  base path the site was built with (default: /)
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser, type Download } from 'playwright-core';
import { launchChromium, openPage, type OpenedPage, type OpenPageOptions } from './browser.ts';
import { normaliseBase, startStaticServer, type StaticServer } from './static-server.ts';

export function e2eEnv() {
  return {
    dist: path.resolve(process.env.E2E_DIST || 'dist'),
    base: normaliseBase(process.env.E2E_BASE || '/'),
  };
}

/**
 * Served under '/'? A suite that also runs under a sub-path (scripts/test-all.mjs lists them) keeps
 * the tests whose result cannot depend on the base for this run only: `test.runIf(atRoot())(…)`.
 */
export function atRoot(): boolean {
  return e2eEnv().base === '/';
}

export interface Site {
  readonly server: StaticServer;
  readonly browser: Browser;
  /** Absolute URL of a path relative to the base ('' = home page). */
  url(relative?: string): string;
  /** Open a page (path relative to the base, or absolute URL) in a fresh browser context. */
  open(relative?: string, options?: OpenPageOptions): Promise<OpenedPage>;
}

/** Registers beforeAll/afterAll hooks that start the server and Chromium for this test file. */
export function useSite(options: { server?: StaticServer } = {}): Site {
  let server: StaticServer | undefined = options.server;
  let browser: Browser | undefined;
  const ownsServer = !server;

  beforeAll(async () => {
    if (!server) {
      const { dist, base } = e2eEnv();
      server = await startStaticServer({ root: dist, base });
    }
    // The run's shared Chromium (./browser-server.ts) when there is one, else one of our own.
    const endpoint = inject('chromiumEndpoint');
    browser = endpoint ? await chromium.connect(endpoint, { timeout: 60_000 }) : await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (ownsServer) await server?.close();
  });

  const need = <T>(v: T | undefined, what: string): T => {
    if (!v) throw new Error(`useSite(): ${what} is not ready (use it inside a test or hook, not at collection time)`);
    return v;
  };
  return {
    get server() {
      return need(server, 'server');
    },
    get browser() {
      return need(browser, 'browser');
    },
    url: (relative = '') => new URL(relative.replace(/^\//, ''), need(server, 'server').url).href,
    open: (relative = '', opts) => openPage(need(browser, 'browser'), need(server, 'server'), relative.replace(/^\//, '') || './', opts),
  };
}

/**
 * The bytes of a finished download. Through saveAs, not path(): the browser is the run's shared
 * one, reached over a connection, and Playwright then streams the file here instead of naming its
 * own copy (path() throws "not available when connecting remotely").
 */
export async function downloaded(download: Download): Promise<Buffer> {
  const failure = await download.failure();
  if (failure) throw new Error(`the download of ${download.suggestedFilename()} failed: ${failure}`);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'np-download-')), download.suggestedFilename());
  await download.saveAs(file);
  return readFile(file);
}
