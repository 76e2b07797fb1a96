/**
 * Small helpers for end-to-end tests of one widget: selectors for the kit's Slider controls,
 * opening a page and waiting for the widget's script, and reading numbers as the page prints
 * them.
 */
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

/** Opens `path` and, unless JavaScript is off, waits until the widget `tag` has started (data-ready). */
export async function openWidget(site: Site, path: string, tag: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const p = await site.open(path, options);
  if (options.javaScriptEnabled !== false) await p.page.waitForSelector(`${tag}[data-ready]`);
  return p;
}

/** A number as the page prints it (true minus sign, thousands commas) → a JavaScript number. */
export function printedNumber(text: string | null | undefined): number {
  return Number(String(text).replace(/\u2212/g, '-').replace(/,/g, ''));
}
