/**
 * Browser helpers for the end-to-end tests: Debian's Chromium driven by playwright-core.
 * Nothing here ever downloads a browser.
 *
 *   const b = await launchChromium();
 *   const p = await openPage(b, server, 'lessons/forward-pass/');
 *   ... p.page ...
 *   expect(p.problems()).toEqual([]);   // console errors, page errors, non-local requests, 4xx/5xx
 *   await p.close();
 *
 * Most tests should use `useSite()` from ./e2e.ts, which wires this up with vitest hooks.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { StaticServer } from './static-server.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function chromiumPath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export class ChromiumMissingError extends Error {}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new ChromiumMissingError(
      `Chromium not found at ${executablePath}.\n` +
        `  Install Debian's package:  apt-get install -y chromium\n` +
        `  or point CHROME_PATH at a Chromium/Chrome binary. (Tests never download a browser.)`,
    );
  }
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  } catch (err) {
    throw new Error(`Could not launch Chromium at ${executablePath}: ${(err as Error).message}`);
  }
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Full URL that was opened. */
  url: string;
  /** HTTP status of the main document (null if there was no response). */
  status: number | null;
  /** console.error messages (`[console] …`) and uncaught exceptions (`[pageerror] …`). */
  consoleErrors: string[];
  /** Requests to anything but the local test server (aborted, never sent). data: and blob: are fine. */
  externalRequests: string[];
  /** Local sub-resources answered with 4xx/5xx, or that failed to load. */
  badResponses: string[];
  /** All of the above, prefixed, for one `expect(p.problems()).toEqual([])`. */
  problems(): string[];
  close(): Promise<void>;
}

export interface OpenPageOptions extends BrowserContextOptions {
  /** Ignore console errors matching these (e.g. the expected 404 message on the 404 page). */
  ignoreConsole?: RegExp[];
  /** Ignore bad responses whose URL matches (e.g. the 404 document itself). */
  ignoreBadResponses?: RegExp[];
  /** goto waitUntil; default 'load'. */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
  /**
   * Install Playwright's clock before the page loads (time still flows until the test pauses it),
   * so a test of something timed (a redraw once a second) moves time itself with page.clock.
   */
  clock?: boolean;
}

/**
 * Open `pathOrUrl` (relative to the site's base URL, e.g. 'lessons/x/', or absolute) in a fresh
 * context, recording console errors, page errors, non-local requests and failing local requests.
 */
export async function openPage(
  browser: Browser,
  server: Pick<StaticServer, 'origin' | 'url'>,
  pathOrUrl: string,
  options: OpenPageOptions = {},
): Promise<OpenedPage> {
  const { ignoreConsole = [], ignoreBadResponses = [], waitUntil = 'load', clock = false, ...contextOptions } = options;
  const context = await browser.newContext(contextOptions);
  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];
  const badResponses: string[] = [];
  const isLocal = (u: string) => u.startsWith('data:') || u.startsWith('blob:') || u.startsWith(server.origin + '/') || u === server.origin;

  // Abort (and record) anything that is not local, so nothing ever leaves the machine.
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (isLocal(u)) return route.fallback();
    externalRequests.push(`${route.request().resourceType()} ${u}`);
    return route.abort('blockedbyclient');
  });

  if (clock) await context.clock.install();
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (ignoreConsole.some((re) => re.test(text))) return;
    // Chromium's own "Failed to load resource: …" lines are recorded more precisely (with the URL)
    // as badResponses / externalRequests below.
    if (/^Failed to load resource: /.test(text)) return;
    const loc = msg.location();
    consoleErrors.push(`[console] ${text}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`[pageerror] ${err.stack || err.message}`));
  page.on('response', (res) => {
    const u = res.url();
    if (res.status() >= 400 && isLocal(u) && !ignoreBadResponses.some((re) => re.test(u))) {
      badResponses.push(`${res.status()} ${u}`);
    }
  });
  page.on('requestfailed', (req) => {
    const u = req.url();
    if (!isLocal(u) || ignoreBadResponses.some((re) => re.test(u))) return; // non-local: already recorded
    if (badResponses.some((b) => b.endsWith(' ' + u))) return; // already recorded as 4xx/5xx
    badResponses.push(`failed (${req.failure()?.errorText ?? '?'}) ${u}`);
  });

  const url = new URL(pathOrUrl, server.url).href;
  const response = await page.goto(url, { waitUntil });
  return {
    page,
    context,
    url,
    status: response?.status() ?? null,
    consoleErrors,
    externalRequests,
    badResponses,
    problems: () => [
      ...consoleErrors,
      ...externalRequests.map((r) => `[non-local request] ${r}`),
      ...badResponses.map((r) => `[bad response] ${r}`),
    ],
    close: () => context.close(),
  };
}
