// Points, optionally coloured (and shaped) by a third value, with optional overlaid curves.
// All points of one style are one <path>, so 10,000 samples are a handful of elements.
import { extent } from 'd3-array';
import { line } from 'd3-shape';
import { chartFrame, chartSvg, type AxisSpec, type ChartFrame, type FrameSpec, type Margins } from './chart';
import { formatShort } from '../../experiments/format';
import { h, round, type SvgNode } from './svg';
import { COLOURS, NEUTRALS } from './palette';
import { textClass } from './type';
import { markerPath, type Shape } from './symbols';

// The markers moved to symbols.ts (d3-shape's); scenes still take them from here with the scatter plot.
export { markerPath, type Shape };

export interface PointStyle {
  fill: string;
  shape: Shape;
}

type AxisWithValues = Omit<AxisSpec, 'domain'> & { domain?: AxisSpec['domain']; values: ArrayLike<number> };

export interface ScatterCurve {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  label: string;
  color?: string;
  dash?: string;
}

export interface ScatterSpec extends Omit<FrameSpec, 'x' | 'y'> {
  x: AxisWithValues;
  y: AxisWithValues;
  /** Colour and shape each point by this value, cut into as many equal bins as there are styles. */
  colorBy?: { values: ArrayLike<number>; label: string; domain?: readonly [number, number]; styles?: PointStyle[] };
  curves?: ScatterCurve[];
  /** Point size in viewBox units (default 3). */
  radius?: number;
  /** One sample to point out (e.g. the one a stepper is walking through): a ring and a label. */
  highlight?: { index: number; label: string };
  /** Draw the curves under the points (a reference line such as h1 = h2 that points may sit on). */
  curvesUnder?: boolean;
}

/**
 * Low values blue, high values orange, in two shades each (Okabe–Ito: safe for the common
 * colour-vision deficiencies), and circles below the middle, diamonds above, so the
 * split survives greyscale too.
 */
export const TWO_COLOUR_STYLES: PointStyle[] = [
  { fill: COLOURS.blue, shape: 'circle' },
  { fill: COLOURS.sky, shape: 'circle' },
  { fill: COLOURS.orange, shape: 'diamond' },
  { fill: COLOURS.vermillion, shape: 'diamond' },
];

export const SCATTER_MARGIN: Partial<Margins> = { top: 50 };

/** Which of `bins` equal-width bins of [lo, hi] a value falls in (clamped to the ends). */
export function binIndex(value: number, lo: number, hi: number, bins: number): number {
  if (!(hi > lo) || !Number.isFinite(value)) return Math.floor((bins - 1) / 2);
  return Math.min(bins - 1, Math.max(0, Math.floor(((value - lo) / (hi - lo)) * bins)));
}

function finiteExtent(...arrays: ArrayLike<number>[]): [number, number] {
  const all: number[] = [];
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i])) all.push(a[i]);
  return all.length ? (extent(all) as [number, number]) : [0, 1];
}

export function scatterChart(spec: ScatterSpec): SvgNode {
  const curves = spec.curves ?? [];
  const margin = { ...SCATTER_MARGIN, ...spec.margin };
  const frameWith = (top: number) =>
    chartFrame({
      ...spec,
      margin: { ...margin, top },
      x: { ...spec.x, domain: spec.x.domain ?? finiteExtent(spec.x.values, ...curves.map((c) => c.x)) },
      y: { ...spec.y, domain: spec.y.domain ?? finiteExtent(spec.y.values, ...curves.map((c) => c.y)) },
    });
  const styles = spec.colorBy?.styles ?? (spec.colorBy ? TWO_COLOUR_STYLES : [TWO_COLOUR_STYLES[0]]);
  const [lo, hi] = spec.colorBy?.domain ?? (spec.colorBy ? finiteExtent(spec.colorBy.values) : [0, 1]);
  let frame = frameWith(margin.top ?? 50);
  // Where the colour key and the curves' samples do not both fit in one row at their phone size,
  // the curves take a second row and the plot starts that much lower (on lesson 1 at 375 px the
  // curve's sample lay over the key's last number).
  const tick = frame.axisLayout.tick;
  const split = !legendRowFits(spec, [lo, hi], styles.length, frame.plot.left, frame.plot.right, tick);
  if (split) frame = frameWith(Math.ceil(frame.margin.top + 1.3 * tick));
  const r = spec.radius ?? 3;
  const paths = styles.map(() => [] as string[]);
  const n = Math.min(spec.x.values.length, spec.y.values.length);
  for (let i = 0; i < n; i++) {
    const xv = spec.x.values[i], yv = spec.y.values[i];
    if (!Number.isFinite(xv) || !Number.isFinite(yv)) continue;
    const k = spec.colorBy ? binIndex(spec.colorBy.values[i], lo, hi, styles.length) : 0;
    paths[k].push(markerPath(styles[k].shape, frame.x(xv), frame.y(yv), r));
  }
  const points = h(
    'g',
    { class: 'np-points', 'stroke-width': r >= 2 ? 0.5 : 0, stroke: NEUTRALS.bg },
    paths.flatMap((d, k) => (d.length ? [h('path', { d: d.join(''), fill: styles[k].fill, 'data-bin': k })] : [])),
  );
  const content: SvgNode[] = spec.curvesUnder ? [] : [points];
  for (const c of curves) {
    const idx = Array.from({ length: Math.min(c.x.length, c.y.length) }, (_, i) => i);
    const d =
      line<number>()
        .defined((i) => Number.isFinite(c.x[i]) && Number.isFinite(c.y[i]))
        .x((i) => round(frame.x(c.x[i])))
        .y((i) => round(frame.y(c.y[i])))(idx) ?? '';
    const color = c.color ?? 'currentColor';
    content.push(
      h('g', { class: 'np-curve', fill: 'none', 'stroke-linejoin': 'round' }, [
        // A halo in the background colour keeps the curve readable over dense points.
        h('path', { d, stroke: NEUTRALS.bg, 'stroke-width': 5 }),
        h('path', { d, stroke: color, 'stroke-width': 2.2, 'stroke-dasharray': c.dash ?? '7 4' }),
      ]),
    );
  }
  if (spec.curvesUnder) content.push(points);
  if (spec.highlight) content.push(...highlightNodes(spec, frame, r));
  content.push(scatterLegend(spec, styles, [lo, hi], frame.plot.left, frame.plot.right, 40, tick, split ? round(40 + 1.3 * tick) : 40));
  return chartSvg(frame, content);
}

/** A ring around the highlighted sample and its label, on the side with more room; nothing if it is off the plot. */
function highlightNodes(spec: ScatterSpec, frame: ChartFrame, r: number): SvgNode[] {
  const { index, label } = spec.highlight!;
  const { plot } = frame;
  const px = round(frame.x(spec.x.values[index])), py = round(frame.y(spec.y.values[index]));
  if (!(px >= plot.left && px <= plot.right && py >= plot.top && py <= plot.bottom)) return [];
  const ring = round(r + 4);
  const right = px > plot.left + plot.width * 0.6;
  return [
    h('g', { class: 'np-highlight', 'data-index': index }, [
      h('circle', { cx: px, cy: py, r: ring, fill: 'none', stroke: NEUTRALS.bg, 'stroke-width': 5 }),
      h('circle', { cx: px, cy: py, r: ring, fill: 'none', stroke: 'currentColor', 'stroke-width': 2 }),
      h(
        'text',
        { class: textClass('body'), x: right ? px - ring - 4 : px + ring + 4, y: round(py < plot.top + 16 ? py + 14 : py - ring), 'text-anchor': right ? 'end' : 'start', 'font-weight': 600, fill: 'currentColor', stroke: NEUTRALS.surface, 'stroke-width': 4, 'paint-order': 'stroke' },
        label,
      ),
    ]),
  ];
}

/** Room per character at the text's size on a phone (kit/type.ts), where it is largest. */
const charWidth = (size: number) => Math.max(6.6, 0.58 * size);

const colourKeyWords = (spec: ScatterSpec, [lo, hi]: [number, number]) => [`${spec.colorBy?.label}: ${formatShort(lo)}`, formatShort(hi)] as const;

/** Whether the colour key (left) and the curves' samples (right) fit side by side in one row. */
function legendRowFits(spec: ScatterSpec, domain: [number, number], styleCount: number, left: number, right: number, size: number): boolean {
  const char = charWidth(size);
  const [start, end] = colourKeyWords(spec, domain);
  const key = spec.colorBy ? (start.length + end.length) * char + 8 + 12 * styleCount : 0;
  const samples = (spec.curves ?? []).reduce((sum, c) => sum + c.label.length * char + 40, 0);
  return left + key + 8 + samples <= right;
}

/**
 * The row above the plot: "x2: −10 ●●◆◆ 10" for the colours, then a sample of each curve at the
 * right, on the row at `curvesY` (a second row where both do not fit in one).
 */
function scatterLegend(spec: ScatterSpec, styles: PointStyle[], domain: [number, number], left: number, right: number, y: number, size: number, curvesY = y): SvgNode {
  const items: SvgNode[] = [];
  const char = charWidth(size);
  let x = left;
  if (spec.colorBy) {
    const [start, end] = colourKeyWords(spec, domain);
    items.push(h('text', { x, y, dy: '0.32em' }, start));
    x += start.length * char + 8;
    styles.forEach((s, k) => items.push(h('path', { d: markerPath(s.shape, x + 12 * k, y, 4.5), fill: s.fill })));
    x += 12 * styles.length;
    items.push(h('text', { x, y, dy: '0.32em' }, end));
  }
  let cx = right;
  for (const c of [...(spec.curves ?? [])].reverse()) {
    items.push(h('text', { x: cx, y: curvesY, dy: '0.32em', 'text-anchor': 'end' }, c.label));
    cx -= c.label.length * char + 6;
    items.push(h('path', { d: `M${round(cx - 24)},${curvesY}h24`, stroke: c.color ?? 'currentColor', 'stroke-width': 2.2, 'stroke-dasharray': c.dash ?? '7 4', fill: 'none' }));
    cx -= 34;
  }
  return h('g', { class: textClass('body', 'np-legend'), fill: 'currentColor' }, items);
}
