/**
 * Small helpers for end-to-end tests of one widget: selectors for the kit's Slider controls,
 * opening a page and waiting for the widget's script, and reading numbers as the page prints
 * them.
 */
import type { Page } from 'playwright-core';
import type { Site } from './e2e.ts';
import type { OpenedPage, OpenPageOptions } from './browser.ts';

/** Selectors for the text field and the range slider of the kit Slider named `name` inside `tag`. */
export function sliderSelectors(tag: string) {
  const wrapper = (name: string) => `${tag} [data-slider][data-name="${name}"]`;
  return {
    field: (name: string) => `${wrapper(name)} input[data-role="field"]`,
    range: (name: string) => `${wrapper(name)} input[type="range"]`,
  };
}

/**
 * Scrolls to the first element matching `selector` and waits until it has started (data-ready).
 * A widget's script loads when the reader comes near it, or else a few seconds after the page has
 * loaded (src/widgets/kit/hydrate.ts): a test goes to the widget, as a reader does, instead of
 * waiting for that. Scrolling moves no focus: a keyboard walk still starts at the top.
 */
export async function whenReady(page: Page, selector: string, options: { timeout?: number; state?: 'attached' | 'visible' } = {}): Promise<void> {
  await page.evaluate((s) => document.querySelector(s)?.scrollIntoView({ block: 'center' }), selector);
  await page.waitForSelector(`${selector}[data-ready]`, options);
}

/**
 * Brings every element matching `selector` near the screen in turn, so each one's script starts
 * now, then goes back to the top of the page and waits until every one of them (or the element
 * around it) is ready. For the checks that look at a whole page with its widgets started.
 */
export async function startEvery(page: Page, selector: string, options: { timeout?: number } = {}): Promise<void> {
  await page.evaluate(async (s) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (const element of document.querySelectorAll(s)) {
      if (element.closest('[data-ready]')) continue;
      element.scrollIntoView({ block: 'center' });
      await frame(); // the intersection observer reports after a frame
    }
    scrollTo(0, 0);
  }, selector);
  await page.waitForFunction(
    (s) => [...document.querySelectorAll(s)].every((w) => w.closest('[data-ready]')),
    selector,
    { timeout: 60_000, ...options },
  );
}

/** Opens `path` and, unless JavaScript is off, goes to the widget `tag` and waits until it has started (data-ready). */
export async function openWidget(site: Site, path: string, tag: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const p = await site.open(path, options);
  if (options.javaScriptEnabled !== false) await whenReady(p.page, tag);
  return p;
}

/**
 * Waits for `n` animation frames in the page. Widgets work in frames, timers and worker messages:
 * after a Pause or Cancel, `n` frames give a run that did not stop `n` chances to show itself, which
 * is what "nothing changes afterwards" can wait on instead of a fixed sleep.
 */
export async function animationFrames(page: Page, n = 10): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const next = () => (--left <= 0 ? resolve() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    n,
  );
}

/**
 * Reads `read()` until two reads `frames` animation frames apart agree, and returns that value:
 * the page has finished reacting (a widget that follows another redraws on the next frame).
 */
export async function settled<T>(page: Page, read: () => Promise<T>, frames = 3): Promise<T> {
  let last = JSON.stringify(await read());
  for (let i = 0; i < 200; i++) {
    await animationFrames(page, frames);
    const value = await read();
    const now = JSON.stringify(value);
    if (now === last) return value;
    last = now;
  }
  throw new Error('the page never settled: it kept changing over 200 reads');
}

/** A number as the page prints it (true minus sign, thousands commas) → a JavaScript number. */
export function printedNumber(text: string | null | undefined): number {
  return Number(String(text).replace(/\u2212/g, '-').replace(/,/g, ''));
}

/**
 * What a parameter field (limits ±limit) must say for each kind of bad input: text, empty,
 * NaN, Infinity, too small, too large (both ±1e308). Pairs of [typed text, expected message].
 */
export function badParameterInputs(name: string, limit = 10): [string, RegExp][] {
  return [
    ['abc', /“abc” is not a number/],
    ['', new RegExp(`${name} is empty`)],
    ['NaN', /must be an actual number/],
    ['Infinity', /must be a finite number/],
    [String(-5 * limit), new RegExp(`${name} must be at least [−-]${limit}`)],
    ['-1e308', new RegExp(`${name} must be at least [−-]${limit}`)],
    ['1e308', new RegExp(`${name} must be at most ${limit}`)],
  ];
}

/**
 * Presses Tab until `done(reached)` holds (or `max` presses), collecting a name for each
 * focused element inside the widget `tag`: the value of the first of `attributes` it has,
 * else its data-role, else its tag name.
 */
export async function tabThrough(page: import('playwright-core').Page, tag: string, done: (reached: string[]) => boolean, attributes: string[] = ['data-action'], max = 300): Promise<string[]> {
  const reached: string[] = [];
  for (let i = 0; i < max && !done(reached); i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(
      ([t, attrs]) => {
        const a = document.activeElement;
        if (!a || !a.closest(t as string)) return null;
        for (const attr of attrs as string[]) if (a.hasAttribute(attr)) return a.getAttribute(attr);
        return a.getAttribute('data-role') ?? a.tagName.toLowerCase();
      },
      [tag, attributes] as const,
    );
    if (name) reached.push(name);
  }
  return reached;
}

/** What a kit widget shows: each [data-panel]'s SVG by name, each [data-number]'s text, the status line, all visible text. */
export interface WidgetView {
  panels: Record<string, string>;
  numbers: Record<string, string>;
  status: string;
  visibleText: string;
}

export async function widgetView(page: Page, tag: string): Promise<WidgetView> {
  return page.$eval(tag, (el) => ({
    panels: Object.fromEntries([...el.querySelectorAll<HTMLElement>('[data-panel]')].map((p) => [p.dataset.panel ?? '', p.querySelector('svg')?.outerHTML ?? ''])),
    numbers: Object.fromEntries([...el.querySelectorAll<HTMLElement>('[data-number]')].map((c) => [c.dataset.number ?? '', c.textContent ?? ''])),
    status: el.querySelector('[data-status]')?.textContent ?? '',
    visibleText: (el as HTMLElement).innerText,
  }));
}

/** Types `value` into the text field of the kit Slider `name` inside `tag` and leaves it with Tab, as a reader would. */
export async function typeInto(page: Page, tag: string, name: string, value: string): Promise<void> {
  const field = sliderSelectors(tag).field(name);
  await page.fill(field, value);
  await page.press(field, 'Tab');
}

/**
 * Types each bad value into its field and expects: the message in the status line, the field
 * marked aria-invalid, every panel unchanged (the last good figure stays) and no "NaN",
 * "undefined" or "Infinity" on screen. After each case the field gets `good[name]` back.
 */
export async function expectBadInputsRejected(page: Page, tag: string, cases: readonly [string, string, RegExp][], good: Record<string, string>): Promise<void> {
  const { expect } = await import('vitest');
  const before = await widgetView(page, tag);
  for (const [name, text, message] of cases) {
    await typeInto(page, tag, name, text);
    await expect.poll(async () => (await widgetView(page, tag)).status, { message: `${name} = “${text}”` }).toMatch(message);
    expect(await page.getAttribute(sliderSelectors(tag).field(name), 'aria-invalid')).toBe('true');
    const now = await widgetView(page, tag);
    expect(now.panels).toEqual(before.panels);
    expect(now.visibleText).not.toMatch(/NaN|undefined|Infinity/);
    await typeInto(page, tag, name, good[name]);
  }
  await expect.poll(async () => (await widgetView(page, tag)).status).toBe('');
}

/** Presses Tab `count` times and names each control reached: its kit wrapper's data-name, or its data-action. */
export async function tabbedControls(page: Page, count: number): Promise<string[]> {
  const reached: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate(() => {
        const a = document.activeElement;
        return (a?.closest('[data-name]') as HTMLElement | null)?.dataset.name ?? a?.getAttribute('data-action') ?? '';
      }),
    );
  }
  return reached;
}
