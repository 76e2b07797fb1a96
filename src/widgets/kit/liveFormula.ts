// Formulas with live numbers, without KaTeX in the browser. A template is TeX (or plain text)
// with slots written @key, e.g. 'z_1 = (@W1)\cdot(@x1) + @B1 = @z1'. At build time
// src/lib/live-math.ts renders the TeX with each slot wrapped in \htmlData{live=key}{…}; in
// the browser showLiveValues() replaces the text of each [data-live] element. Screen readers
// get the same formula as plain text in a [data-live-text] element built from its own template.

import { fillText, UNKNOWN } from '../../experiments/formulaTemplate';

/**
 * Writes `values` into every rendered formula inside `host`: each [data-live="key"] shows
 * values[key], each [data-live-text] gets its data-template filled in. Text only.
 */
export function showLiveValues(host: Element, values: Readonly<Record<string, string>>): void {
  for (const el of host.querySelectorAll<HTMLElement>('[data-live]')) {
    const text = values[el.dataset.live ?? ''] ?? UNKNOWN;
    if (el.textContent !== text) el.textContent = text;
  }
  for (const el of host.querySelectorAll<HTMLElement>('[data-live-text]')) {
    const text = fillText(el.dataset.template ?? '', values);
    if (el.textContent !== text) el.textContent = text;
  }
}

/**
 * A formula box wider than the page scrolls sideways; it then needs keyboard focus so it can
 * be scrolled with the arrow keys. Boxes that fit get none, sparing a tab stop per formula.
 * Run after every redraw (numbers change widths); watchFormulaBoxes() also runs it on resize.
 */
export function focusScrollingFormulas(host: Element): void {
  for (const box of host.querySelectorAll<HTMLElement>('.np-live-formula')) {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && box.tabIndex !== 0) box.tabIndex = 0;
    if (!scrolls && box.hasAttribute('tabindex')) box.removeAttribute('tabindex');
  }
}

/** Keeps focusScrollingFormulas() true as the widget's width changes. */
export function watchFormulaBoxes(host: Element): void {
  focusScrollingFormulas(host);
  if (typeof ResizeObserver === 'function') new ResizeObserver(() => focusScrollingFormulas(host)).observe(host);
}
