// The layers of a heat-map chart over a chart frame's plot (chart.ts): contour lines at evenly
// spaced colours of the scale, and a colour bar beside the plot whose labels give the value each
// colour stands for, with a reference value (e.g. Var(y)) marked. The image itself is the grid's
// pixels (heatmap.ts), a PNG on the server and a canvas in the browser. Pure.
import type { ChartFrame } from './chart';
import { contourPath } from './contours';
import { formatShort } from '../../experiments/format';
import { heatPosition, heatValue, viridis, type HeatScale } from './heatmap';
import { h, round, type SvgNode } from './svg';
import { OVER_HEATMAP } from './palette';
import { textClass } from './type';

/** The parameter values a square grid spans: x across (columns), y up (rows, row 0 lowest). */
export interface GridWindow {
  x: [number, number];
  y: [number, number];
}

/** The value at grid index i of a `size`-point axis over [lo, hi]. */
export function gridValue(axis: [number, number], size: number, i: number): number {
  return axis[0] + (i * (axis[1] - axis[0])) / (size - 1);
}

/** The heat map's image, stretched over the plot. */
export function heatImage(frame: ChartFrame, href: string, className: string): SvgNode {
  const { plot } = frame;
  return h('image', { class: className, href, x: plot.left, y: plot.top, width: plot.width, height: plot.height, preserveAspectRatio: 'none' });
}

/**
 * Contour lines of a size × size grid (values[r * size + c]) spanning `window`, at `count`
 * evenly spaced colours of the scale (so where the colours are finest, so are the lines),
 * traced on every `stride`-th grid point to keep the path small. A second cue besides colour.
 */
export function heatContours(
  frame: ChartFrame,
  grid: ArrayLike<number>,
  size: number,
  window: GridWindow,
  scale: HeatScale,
  options: { count: number; stride: number; className: string },
): SvgNode {
  const { count, stride } = options;
  const n = Math.floor((size - 1) / stride) + 1;
  const coarse = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) coarse[r * n + c] = grid[r * stride * size + c * stride];
  const toX = (c: number) => frame.x(gridValue(window.x, size, c * stride));
  const toY = (r: number) => frame.y(gridValue(window.y, size, r * stride));
  const levels = Array.from({ length: count }, (_, i) => heatValue((i + 1) / (count + 1), scale));
  const d = levels.map((level) => contourPath(coarse, n, n, level, toX, toY)).join('');
  return h('path', { class: options.className, d, fill: 'none', stroke: OVER_HEATMAP.contour, 'stroke-width': 0.8 });
}

/**
 * A colour bar right of the plot (it needs about 90 viewBox units of right margin): the ramp,
 * five labels at evenly spaced colours with the value each stands for, and `reference` marked
 * with a dashed tick if it lies within the scale.
 */
export function colourBar(
  frame: ChartFrame,
  scale: HeatScale,
  options: { label: string; className: string; reference?: { value: number; label: string } },
): SvgNode {
  const { plot } = frame;
  const x = plot.right + 14, width = 14;
  const bands = 40;
  const rects: SvgNode[] = [];
  for (let i = 0; i < bands; i++) {
    const [r, g, b] = viridis((i + 0.5) / bands);
    const y0 = plot.bottom - ((i + 1) * plot.height) / bands;
    rects.push(h('rect', { x, y: round(y0), width, height: round(plot.height / bands + 0.6), fill: `rgb(${r},${g},${b})` }));
  }
  const yAt = (position: number) => round(plot.bottom - position * plot.height);
  const reference = options.reference;
  const referenceAt = reference && reference.value >= scale.low && reference.value <= scale.high ? yAt(heatPosition(reference.value, scale)) : null;
  // The reference is named on the right, like the values; a value label it would touch gives way.
  const tickNodes = [0, 0.25, 0.5, 0.75, 1].flatMap((p) => {
    const y = yAt(p);
    const mark = h('path', { d: `M${x + width},${y}h4`, stroke: 'currentColor' });
    if (referenceAt !== null && Math.abs(referenceAt - y) < 14) return [mark];
    return [mark, h('text', { class: textClass('small'), x: x + width + 6, y, dy: '0.32em', fill: 'currentColor' }, formatShort(heatValue(p, scale)))];
  });
  const nodes: SvgNode[] = [
    ...rects,
    h('rect', { x, y: plot.top, width, height: plot.height, fill: 'none', stroke: 'currentColor', 'stroke-width': 0.5 }),
    ...tickNodes,
    // Above the top value's label, which reaches half a line over the bar at its size on a phone.
    h('text', { class: textClass('small'), x: x + width / 2, y: round(plot.top - 6 - 0.6 * frame.axisLayout.tick), 'text-anchor': 'middle', fill: 'currentColor' }, options.label),
  ];
  if (reference && referenceAt !== null) {
    nodes.push(h('path', { d: `M${x - 3},${referenceAt}h${width + 9}`, stroke: 'currentColor', 'stroke-width': 2, 'stroke-dasharray': '3 2' }));
    nodes.push(h('text', { class: textClass('small'), x: x + width + 8, y: referenceAt, dy: '0.32em', 'font-style': 'italic', fill: 'currentColor' }, reference.label));
  }
  return h('g', { class: options.className }, nodes);
}
