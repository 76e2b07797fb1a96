// Can a reader read a figure's words? Runs in the page (page.evaluate): for every SVG in a widget
// (the outermost ones, as the reader sees them), every visible <text> is measured on the screen:
//  - its rendered size: the computed font-size times the scale the SVG is drawn at, so a 12-unit
//    label in a 640-unit-wide chart drawn 340 px wide is 6.4 px tall;
//  - its box against every other text box in the same SVG: two labels whose boxes overlap by more
//    than `overlap` px in both directions are drawn over each other;
//  - its box against its SVG's box: a label that sticks out by more than `clip` px is cut off
//    (an inner <svg> or the page clips it).
// Boxes are the glyph boxes of getBBox (the font's ascent to descent, not the line box), taken to
// the screen through the element's CTM, so rotated axis titles are measured as drawn.

export interface TextProblem {
  /** The widget (its custom element's tag or the exercise), the SVG's accessible name, the text. */
  where: string;
  kind: 'small' | 'overlap' | 'clipped';
  detail: string;
}

export interface LegibilityOptions {
  /** Widgets to look in. */
  widgets: string;
  /** Smallest rendered font size, in CSS px. */
  minFontPx: number;
  /** Overlap allowed in both directions before two labels count as drawn over each other, px. */
  overlap: number;
  /** How far a label may stick out of its SVG before it counts as cut off, px. */
  clip: number;
}

export function figureTextProblems({ widgets, minFontPx, overlap, clip }: LegibilityOptions): TextProblem[] {
  const problems: TextProblem[] = [];
  const short = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 48);
  for (const widget of document.querySelectorAll(widgets)) {
    // The widget's custom element wraps its <figure>; an exercise is named by its id.
    let name = widget.id || widget.className;
    for (let a: Element | null = widget; a; a = a.parentElement) {
      if (a.tagName.includes('-')) {
        name = a.tagName.toLowerCase();
        break;
      }
    }
    // The outermost SVGs of the figure: not icons in buttons, not SVGs inside other SVGs.
    const svgs = [...widget.querySelectorAll('svg')].filter(
      (svg) => !svg.parentElement?.closest('svg') && !svg.closest('button, summary, label, .katex') && svg.checkVisibility({ visibilityProperty: true }),
    );
    for (const svg of svgs) {
      const frame = svg.getBoundingClientRect();
      if (frame.width < 2 || frame.height < 2) continue;
      const figure = svg.getAttribute('aria-label') ?? svg.querySelector('title')?.textContent ?? '';
      const where = (text: string) => `${name} / ${short(figure)} / "${short(text)}"`;
      type Measured = { text: string; left: number; right: number; top: number; bottom: number };
      const boxes: Measured[] = [];
      for (const el of svg.querySelectorAll('text')) {
        const text = el.textContent ?? '';
        if (!text.trim() || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        // Text in a nested <svg> or a group scaled on its own: the CTM has it all.
        const ctm = el.getScreenCTM();
        if (!ctm) continue;
        const scale = Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c));
        const px = parseFloat(getComputedStyle(el).fontSize) * scale;
        if (px < minFontPx - 0.05) problems.push({ where: where(text), kind: 'small', detail: `${px.toFixed(1)} px` });
        const b = el.getBBox();
        if (b.width === 0 || b.height === 0) continue;
        const corners = [
          new DOMPoint(b.x, b.y),
          new DOMPoint(b.x + b.width, b.y),
          new DOMPoint(b.x, b.y + b.height),
          new DOMPoint(b.x + b.width, b.y + b.height),
        ].map((p) => p.matrixTransform(ctm));
        const box = {
          text,
          left: Math.min(...corners.map((p) => p.x)),
          right: Math.max(...corners.map((p) => p.x)),
          top: Math.min(...corners.map((p) => p.y)),
          bottom: Math.max(...corners.map((p) => p.y)),
        };
        const out = Math.max(frame.left - box.left, box.right - frame.right, frame.top - box.top, box.bottom - frame.bottom);
        if (out > clip) problems.push({ where: where(text), kind: 'clipped', detail: `${out.toFixed(1)} px outside the figure` });
        // A label's halo (the same text drawn under it, stroked) is not a collision.
        const twin = boxes.find((o) => o.text === text && Math.abs(o.left - box.left) < 0.5 && Math.abs(o.top - box.top) < 0.5);
        if (!twin) {
          for (const o of boxes) {
            const dx = Math.min(o.right, box.right) - Math.max(o.left, box.left);
            const dy = Math.min(o.bottom, box.bottom) - Math.max(o.top, box.top);
            if (dx > overlap && dy > overlap) {
              problems.push({ where: where(text), kind: 'overlap', detail: `over "${short(o.text)}" by ${dx.toFixed(1)} × ${dy.toFixed(1)} px` });
            }
          }
        }
        boxes.push(box);
      }
    }
  }
  return problems;
}
