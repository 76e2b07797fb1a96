/**
 * In-page probes for tests/e2e/devices.test.ts: layout at phone and tablet size, touch targets,
 * print, the keyboard and the text alternatives of widgets. Each probe runs INSIDE the page
 * (`page.evaluate(probe, arg)`), so it is self-contained: no imports, no module-level helpers.
 */

/** The smallest touch target, px (WCAG 2.5.5 Target Size, level AAA; global.css --target). */
export const TARGET_PX = 44;

/** Everything a pointer or a finger can activate. */
export const CONTROL_SELECTOR = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  '[role="slider"]',
  '[role="button"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="tab"]',
  '[role="switch"]',
].join(', ');

/** The interactive blocks the keyboard walkthrough visits: widgets and exercises. */
export const WIDGET_SELECTOR = '.widget, .exercise';

/** What one page at one size gets wrong; every list should be empty. */
export interface LayoutReport {
  /** document.documentElement.scrollWidth − clientWidth (must be ≤ 0). */
  overflowPx: number;
  /** The outermost elements sticking out of the page sideways (not inside a box that scrolls or clips). */
  overflowing: string[];
  /** Targets smaller than 44 × 44 px that are not inline links in a sentence. */
  smallTargets: string[];
  /** Pairs of targets whose boxes overlap. */
  overlaps: string[];
  /** Widget figures (their SVGs) not lying wholly inside the page's width, or not shown at all. */
  figuresOutside: string[];
  /** Style rules that show something only on :hover (information a finger cannot reach). */
  hoverOnly: string[];
  /** Each widget, and its first figure's box relative to the widget, for checking the screenshots. */
  widgets: { index: number; name: string; figure: { x: number; y: number; width: number; height: number } | null }[];
}

/**
 * The rule for targets, as applied here: every visible control (CONTROL_SELECTOR) has a box of at
 * least 44 × 44 CSS px (0.5 px allowed for rounding). A checkbox's or radio button's box is the
 * union of its own and its <label>'s (the label activates it too). Exempt, per WCAG 2.5.5's
 * "Inline" exception, is only a link laid out `display: inline` whose block also holds words or
 * numbers outside the link: a link in a sentence. Links standing alone (navigation, contents,
 * lists of links) are not exempt. Controls a pointer cannot reach (display: none, inside a closed
 * <details>, the 1 px visually-hidden pattern, parked above the page like the skip link) are skipped.
 */
export function layoutProblems({ minTarget, controls }: { minTarget: number; controls: string }): LayoutReport {
  const doc = document.documentElement;
  const pageWidth = doc.clientWidth;
  const describe = (el: Element): string => {
    const name =
      el.getAttribute('data-action') ??
      el.getAttribute('aria-label') ??
      el.getAttribute('name') ??
      (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const cls = el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().split(/\s+/).join('.')}` : '';
    const type = el.getAttribute('type') ? ` type=${el.getAttribute('type')}` : '';
    const host = el.parentElement?.closest('[id]:not(main), .widget');
    const where = host ? ` in ${host.id ? `#${host.id}` : `.${host.className}`}` : '';
    return `<${el.tagName.toLowerCase()}${cls}${type}> "${name}"${where}`;
  };
  const shown = (el: Element): boolean => {
    if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  };
  // The nearest ancestor that scrolls or clips sideways (cached: pages have thousands of elements).
  const scrollerOf = new Map<Element, Element | null>();
  const insideScroller = (el: Element): Element | null => {
    const parent = el.parentElement;
    if (!parent || parent === document.body) return null;
    let found = scrollerOf.get(parent);
    if (found === undefined) {
      found = getComputedStyle(parent).overflowX !== 'visible' ? parent : insideScroller(parent);
      scrollerOf.set(parent, found);
    }
    return found;
  };
  // What cannot be seen however wide the screen: the visually-hidden pattern (KaTeX's MathML too).
  const hiddenText = '.visually-hidden, .katex-mathml';

  // Sideways overflow: the outermost visible elements past the right (or left) edge. Inside an
  // SVG only text counts (a path's box ignores its clip path).
  const overflowing: string[] = [];
  const sticksOut = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > pageWidth + 0.5 || r.left < -0.5);
  };
  for (const el of document.body.querySelectorAll('*')) {
    if (el instanceof SVGElement && !(el instanceof SVGSVGElement) && !(el instanceof SVGTextElement)) continue;
    if (!sticksOut(el) || insideScroller(el) || el.closest(hiddenText) || !shown(el)) continue;
    const parent = el.parentElement;
    if (parent && parent !== document.body && !(parent instanceof SVGElement && !(parent instanceof SVGSVGElement)) && sticksOut(parent)) continue;
    const r = el.getBoundingClientRect();
    overflowing.push(`${describe(el)}: ${Math.round(r.left)}…${Math.round(r.right)} px of ${pageWidth}`);
  }

  // Touch targets
  const blockOf = (n: Node): Element | null => {
    for (let a = n.parentElement; a; a = a.parentElement) if (!getComputedStyle(a).display.startsWith('inline')) return a;
    return null;
  };
  const isInlineLink = (el: Element): boolean => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const block = blockOf(el);
    if (!block) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (el.contains(t) || !/[\p{L}\p{N}]/u.test(t.nodeValue ?? '')) continue;
      if (blockOf(t) === block) return true;
    }
    return false;
  };
  const targetBox = (el: Element): DOMRect => {
    const r = el.getBoundingClientRect();
    const input = el as HTMLInputElement;
    if (el.tagName === 'INPUT' && (input.type === 'checkbox' || input.type === 'radio')) {
      const label = el.closest('label') ?? input.labels?.[0];
      if (label) {
        const l = label.getBoundingClientRect();
        const left = Math.min(r.left, l.left);
        const top = Math.min(r.top, l.top);
        return new DOMRect(left, top, Math.max(r.right, l.right) - left, Math.max(r.bottom, l.bottom) - top);
      }
    }
    return r;
  };
  // For overlaps: the parts of a target a finger can actually touch: each line of a wrapped link
  // separately, clipped to every box that scrolls or clips it (cards scrolled out of sight are not there).
  const touchable = (el: Element, box: DOMRect): DOMRect[] => {
    const parts = getComputedStyle(el).display === 'inline' ? [...el.getClientRects()] : [box];
    const clipped: DOMRect[] = [];
    for (const part of parts) {
      let { left, top, right, bottom } = part;
      for (let s = insideScroller(el); s; s = insideScroller(s)) {
        const c = s.getBoundingClientRect();
        left = Math.max(left, c.left);
        top = Math.max(top, c.top);
        right = Math.min(right, c.right);
        bottom = Math.min(bottom, c.bottom);
      }
      if (right - left > 1 && bottom - top > 1) clipped.push(new DOMRect(left, top, right - left, bottom - top));
    }
    return clipped;
  };
  const targets: { el: Element; parts: DOMRect[] }[] = [];
  const smallTargets: string[] = [];
  for (const el of document.querySelectorAll(controls)) {
    if (!shown(el) || el.closest(hiddenText)) continue;
    const box = targetBox(el);
    if (box.bottom + scrollY < 0) continue;
    targets.push({ el, parts: touchable(el, box) });
    if (box.width >= minTarget - 0.5 && box.height >= minTarget - 0.5) continue;
    if (isInlineLink(el)) continue;
    smallTargets.push(`${describe(el)}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`);
  }

  // Overlapping targets (a control inside another, like a checkbox in its label, is no clash).
  // Sorted by top edge, so each target is only compared with those that start above its bottom.
  const overlaps: string[] = [];
  const pieces = targets.flatMap((t) => t.parts.map((box) => ({ el: t.el, box }))).sort((a, b) => a.box.top - b.box.top);
  for (let i = 0; i < pieces.length; i++) {
    const a = pieces[i]!;
    for (let j = i + 1; j < pieces.length && pieces[j]!.box.top < a.box.bottom - 1; j++) {
      const b = pieces[j]!;
      if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (w > 1 && h > 1) overlaps.push(`${describe(a.el)} and ${describe(b.el)} overlap by ${w.toFixed(0)} × ${h.toFixed(0)} px`);
    }
  }

  // Widget figures inside the page width (a figure may scroll inside its own box, if that box fits)
  const figuresOutside: string[] = [];
  const widgets: LayoutReport['widgets'] = [];
  document.querySelectorAll('.widget').forEach((widget, index) => {
    if (!shown(widget)) return; // e.g. the playground's all-partials table, shown only for other widths
    const name = `${widget.closest('[id]')?.id || widget.parentElement?.tagName.toLowerCase() || 'widget'}`;
    const wr = widget.getBoundingClientRect();
    const svgs = [...widget.querySelectorAll('svg')].filter((s) => shown(s) && s.getBoundingClientRect().width > 24);
    const first = svgs[0]?.getBoundingClientRect();
    widgets.push({ index, name, figure: first ? { x: first.left - wr.left, y: first.top - wr.top, width: first.width, height: first.height } : null });
    if (!svgs.length && widget.querySelector('svg')) figuresOutside.push(`${name}: its figure is not shown`);
    for (const svg of svgs) {
      const box = (insideScroller(svg) ?? svg).getBoundingClientRect();
      if (box.left < -0.5 || box.right > pageWidth + 0.5) {
        figuresOutside.push(`${name}: ${describe(svg)} spans ${Math.round(box.left)}…${Math.round(box.right)} px of ${pageWidth}`);
      }
    }
  });

  // Information shown only on hover: a :hover rule that reveals something
  const hoverOnly: string[] = [];
  const reveals = /(^|;)\s*(display\s*:\s*(?!none)|visibility\s*:\s*visible|opacity\s*:\s*(?!0\s*(;|$)))/;
  const visit = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule && /:hover/.test(rule.selectorText) && reveals.test(rule.style.cssText)) {
        hoverOnly.push(`${rule.selectorText} { ${rule.style.cssText} }`);
      }
      if (rule instanceof CSSGroupingRule) visit(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) visit(sheet.cssRules);

  return { overflowPx: doc.scrollWidth - pageWidth, overflowing, smallTargets, overlaps, figuresOutside, hoverOnly, widgets };
}

/**
 * Counts how much of a PNG (base64) is not background, in the page (the browser decodes it): the
 * share of sampled pixels that differ from the most common colour, and the number of colours,
 * for the whole image and for each region (CSS px = image px).
 */
export async function pngInk({ png, regions }: { png: string; regions: { x: number; y: number; width: number; height: number }[] }) {
  const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const measure = (x0: number, y0: number, w: number, h: number) => {
    const x = Math.max(0, Math.floor(x0));
    const y = Math.max(0, Math.floor(y0));
    const width = Math.min(bitmap.width - x, Math.floor(w));
    const height = Math.min(bitmap.height - y, Math.floor(h));
    if (width < 1 || height < 1) return { ink: 0, colours: 0 };
    const data = ctx.getImageData(x, y, width, height).data;
    const counts = new Map<number, number>();
    let samples = 0;
    for (let i = 0; i < data.length; i += 4 * 3) {
      // Quantised to 5 bits a channel, so anti-aliasing does not count as many colours.
      const key = ((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      samples++;
    }
    const background = Math.max(...counts.values());
    return { ink: (samples - background) / samples, colours: counts.size };
  };
  return {
    width: bitmap.width,
    height: bitmap.height,
    whole: measure(0, 0, bitmap.width, bitmap.height),
    regions: regions.map((r) => measure(r.x, r.y, r.width, r.height)),
  };
}

/**
 * Print, laid out at the printable width of a page: widgets keep a visible, drawn figure; no
 * control that only works on screen is shown; nothing is wider than the page or scrolls (a
 * scrolling box prints cut off); no figure is taller than a page (it would be cut).
 */
export function printProblems({ pageWidth, pageHeight, controls }: { pageWidth: number; pageHeight: number; controls: string }): string[] {
  const problems: string[] = [];
  const shown = (el: Element) => {
    if (!el.checkVisibility({ visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  };
  const describe = (el: Element) => {
    const host = el.closest('[id]');
    return `<${el.tagName.toLowerCase()}${el.getAttribute('class') ? ` class="${el.getAttribute('class')}"` : ''}>${host ? ` in #${host.id}` : ''} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30)}"`;
  };
  document.querySelectorAll('.widget').forEach((widget, i) => {
    const figures = [...widget.querySelectorAll('svg')].filter((s) => s.childElementCount > 0 && shown(s));
    if (widget.querySelector('svg') && !figures.length) problems.push(`widget ${i + 1} (${describe(widget)}): no figure printed`);
    for (const svg of figures) {
      const r = svg.getBoundingClientRect();
      if (r.height > pageHeight) problems.push(`widget ${i + 1}: a figure ${Math.round(r.height)} px tall does not fit a ${pageHeight} px page`);
    }
  });
  // On paper a link still names where it goes; everything else that is pressed, typed or dragged is screen-only.
  for (const el of document.querySelectorAll(controls)) {
    if (el.tagName === 'A' || !shown(el)) continue;
    if (el.tagName === 'SUMMARY' && !el.closest('.widget')) continue; // "Answer and explanations" still says what is hidden
    problems.push(`a screen-only control is printed: ${describe(el)}`);
  }
  const width = document.documentElement.clientWidth;
  const outside = (r: DOMRect) => r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
  for (const el of document.querySelectorAll('main *')) {
    // Inside an SVG only text counts (a path's box ignores its clip path); hidden text never prints.
    if (el instanceof SVGElement && !(el instanceof SVGSVGElement) && !(el instanceof SVGTextElement)) continue;
    const r = el.getBoundingClientRect();
    const scrolls = el.scrollWidth > el.clientWidth + 1;
    if (!outside(r) && !scrolls) continue; // the cheap checks first: pages have thousands of elements
    if (el.closest('.visually-hidden, .katex-mathml') || !shown(el)) continue;
    if (outside(r)) {
      const parent = el.parentElement!;
      const svgPart = parent instanceof SVGElement && !(parent instanceof SVGSVGElement);
      if (!svgPart && outside(parent.getBoundingClientRect())) continue; // report the outermost only
      problems.push(`wider than the page: ${describe(el)} spans ${Math.round(r.left)}…${Math.round(r.right)} px of ${width}`);
    }
    if (scrolls && getComputedStyle(el).overflowX !== 'visible') {
      problems.push(`cut off in print (scrolls sideways): ${describe(el)} ${el.scrollWidth} px in ${el.clientWidth} px`);
    }
  }
  return problems;
}

/** One focus change seen while tabbing: which marked control (if any), and whether focus shows. */
export interface FocusStep {
  key: string | null;
  what: string;
  visible: boolean;
}

/**
 * Marks every control the keyboard must reach in each widget (enabled, shown, in the tab order;
 * one radio button per group, as the browser tabs to the checked one only) with data-kbd, and
 * starts logging focus changes with whether the focused element shows a focus indicator (an
 * outline at least 2 px wide, or a box-shadow). Returns the marked controls and how many tab stops
 * the page has in all.
 */
export function startKeyboardWalk({ widgets, controls }: { widgets: string; controls: string }) {
  const shown = (el: Element) => {
    if (!el.checkVisibility({ visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const focusable = (el: Element) =>
    shown(el) && !(el as HTMLButtonElement).disabled && (el as HTMLElement).tabIndex >= 0 && !el.closest('[inert], fieldset:disabled');
  const expected: { key: string; widget: string; what: string }[] = [];
  document.querySelectorAll(widgets).forEach((widget, w) => {
    const host = widget.closest('[id]');
    const widgetName = `${w + 1}${host ? ` (#${host.id})` : ''}`;
    const groups = new Set<string>();
    [...widget.querySelectorAll(`${controls}, [tabindex="0"]`)].filter(focusable).forEach((el, i) => {
      const input = el as HTMLInputElement;
      if (input.type === 'radio') {
        if (groups.has(input.name)) return;
        groups.add(input.name);
        widget.querySelectorAll(`input[type="radio"][name="${CSS.escape(input.name)}"]`).forEach((r) => r.setAttribute('data-kbd', `${w}-${i}`));
      }
      el.setAttribute('data-kbd', `${w}-${i}`);
      const name = el.getAttribute('data-action') ?? el.getAttribute('aria-label') ?? el.getAttribute('data-role') ?? (el.textContent ?? '').trim().slice(0, 30);
      expected.push({ key: `${w}-${i}`, widget: widgetName, what: `<${el.tagName.toLowerCase()}${input.type ? ` type=${input.type}` : ''}> "${name}"` });
    });
  });
  const log: { key: string | null; what: string; visible: boolean }[] = [];
  (window as unknown as { focusLog: typeof log }).focusLog = log;
  document.addEventListener('focusin', (event) => {
    const el = event.target as HTMLElement;
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && cs.outlineColor !== 'rgba(0, 0, 0, 0)';
    const host = el.closest('[id]');
    log.push({
      key: el.getAttribute('data-kbd'),
      what: `<${el.tagName.toLowerCase()}${el.getAttribute('class') ? ` class="${el.getAttribute('class')}"` : ''}>${host ? ` in #${host.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30)}"`,
      visible: outline || cs.boxShadow !== 'none',
    });
  });
  const stops = [...document.querySelectorAll(`${controls}, [tabindex]`)].filter(focusable).length;
  (document.activeElement as HTMLElement | null)?.blur();
  return { expected, stops };
}

/**
 * The focus log, and which marked controls can still take focus now: a formula box is a tab stop
 * only while it scrolls (kit/liveFormula.ts), which can change as a widget settles.
 */
export function focusLog(): { steps: FocusStep[]; focusableNow: string[] } {
  const focusable = (el: Element) =>
    el.checkVisibility({ visibilityProperty: true }) &&
    !(el as HTMLButtonElement).disabled &&
    (el as HTMLElement).tabIndex >= 0 &&
    !el.closest('[inert], fieldset:disabled');
  return {
    steps: (window as unknown as { focusLog: FocusStep[] }).focusLog,
    focusableNow: [...document.querySelectorAll('[data-kbd]')].filter(focusable).map((el) => el.getAttribute('data-kbd')!),
  };
}

/**
 * What a screen-reader user is owed by each widget: a live region (role=status or aria-live) that
 * announces its news, and for each chart (an SVG of a few dozen px or more that is not hidden from
 * assistive technology) role="img" with a name, plus a text alternative — a table (the kit puts
 * one in a <details>) or the SVG's own <desc>.
 */
export function widgetSemantics({ widgets }: { widgets: string }): string[] {
  const problems: string[] = [];
  document.querySelectorAll(widgets).forEach((widget, w) => {
    const host = widget.closest('[id]');
    const name = `widget ${w + 1}${host ? ` (#${host.id})` : ''}`;
    const scope = widget.closest('[data-ready]') ?? widget;
    if (!scope.querySelector('[role="status"], [role="alert"], [role="log"], [aria-live="polite"], [aria-live="assertive"]')) {
      problems.push(`${name}: no live region (role="status" or aria-live) for its news`);
    }
    const hasTable = !!widget.querySelector('table');
    for (const svg of widget.querySelectorAll('svg')) {
      if (svg.closest('[aria-hidden="true"]') || svg.parentElement?.closest('svg')) continue;
      const box = svg.viewBox.baseVal;
      const big = (box && box.width > 60) || svg.getBoundingClientRect().width > 60;
      if (!big) continue;
      const label = (svg.getAttribute('aria-label') ?? '').trim() || svg.getAttribute('aria-labelledby') || svg.querySelector(':scope > title')?.textContent?.trim();
      if (svg.getAttribute('role') !== 'img' || !label) problems.push(`${name}: a chart without role="img" and a name (aria-label or <title>)`);
      const desc = svg.querySelector(':scope > desc')?.textContent?.trim() || svg.getAttribute('aria-describedby');
      if (!hasTable && !desc) problems.push(`${name}: chart "${label ?? ''}" has no text alternative (a table, or a <desc>)`);
    }
  });
  return problems;
}

/** CSS animations or transitions still running with a real duration (reduced motion should stop them). */
export function runningAnimations(): string[] {
  return document
    .getAnimations()
    .filter((a) => a.playState === 'running' && Number(a.effect?.getComputedTiming().duration ?? 0) > 1)
    .map((a) => `${(a as CSSAnimation).animationName ?? (a as CSSTransition).transitionProperty ?? 'animation'} on ${(a.effect as KeyframeEffect | null)?.target?.tagName ?? '?'}`);
}
