// The frame every chart shares: a fixed viewBox, margins, linear, log or symlog scales, a grid,
// axes built from scale.ticks() (d3-axis needs a DOM; this does not), axis labels, and the
// accessible name. Pure: the same input gives the same scene on the server and in the browser.
import { scaleLinear, scaleLog, scaleSymlog } from 'd3-scale';
import { h, round, type SvgNode } from './svg';
import { format } from 'd3-format';
import { tickFormatter } from '../../experiments/format';
import { NEUTRALS } from './palette';
import { figureRootAttrs, textClass, textSizeOnPhone } from './type';

/**
 * 'symlog' is linear near 0 and logarithmic far from it (d3's scaleSymlog with constant 1):
 * for an epoch axis where epoch 0 and the first few epochs show as clearly as the thousandth.
 */
export type ScaleType = 'linear' | 'log' | 'symlog';

export interface AxisSpec {
  /** Axis title shown beside the axis, e.g. "x1 (scaled)". */
  label: string;
  /** Data interval; widened when empty, replaced when not finite (or not positive on a log axis). */
  domain: readonly [number, number];
  type?: ScaleType;
  /** Roughly how many ticks (d3 picks round numbers); default 6 on x, 5 on y. */
  ticks?: number;
  /** Extend the domain to round numbers (default true). */
  nice?: boolean;
  /** Every tick's label in your own words (e.g. 10⁻⁶); return '' to leave a tick unlabelled. */
  format?: (value: number) => string;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface FrameSpec {
  /** viewBox size; the SVG scales to its container's width. */
  width: number;
  height: number;
  margin?: Partial<Margins>;
  x: AxisSpec;
  y: AxisSpec;
  /** Accessible name (aria-label and <title>): what the chart shows, in one sentence. */
  title: string;
  /** Longer text alternative (<desc>): what the reader should see in it. */
  description?: string;
  /** Short visible heading drawn above the plot area. */
  heading?: string;
  grid?: boolean;
  /**
   * false for a chart with only a horizontal scale (rows or a strip labelled by the chart
   * itself): no vertical axis, y grid, y ticks or y label; `y` still sets the vertical mapping.
   */
  yAxis?: boolean;
}

export interface ChartFrame {
  spec: FrameSpec;
  width: number;
  height: number;
  margin: Margins;
  /** The plot area inside the margins, in viewBox units. */
  plot: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  /** Data → viewBox coordinate. */
  x: (value: number) => number;
  y: (value: number) => number;
  xDomain: [number, number];
  yDomain: [number, number];
  xTicks: { value: number; label: string }[];
  yTicks: { value: number; label: string }[];
  /** Where axisNodes puts the axes' words (room made for their size on a phone). */
  axisLayout: AxisLayout;
}

export const DEFAULT_MARGIN: Margins = { top: 30, right: 14, bottom: 44, left: 56 };

/** A usable interval: finite, non-empty, and positive for a log axis. */
export function safeDomain(domain: readonly number[], type: ScaleType = 'linear'): [number, number] {
  let [lo, hi] = [Math.min(domain[0], domain[1]), Math.max(domain[0], domain[1])];
  if (type === 'log') {
    if (!(lo > 0) || !Number.isFinite(hi)) return hi > 0 && Number.isFinite(hi) ? [hi / 100, hi] : [1, 10];
    return lo === hi ? [lo / 10, hi * 10] : [lo, hi];
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

function makeScale(axis: AxisSpec, range: [number, number], defaultTicks: number) {
  const type = axis.type ?? 'linear';
  const count = axis.ticks ?? defaultTicks;
  const domain = safeDomain(axis.domain, type);
  if (type === 'log') {
    const scale = scaleLog().domain(domain).range(range);
    if (axis.nice !== false) scale.nice();
    // d3 labels only some ticks of a log axis (often just the 1 of a range under a decade).
    const label = axis.format ?? scale.tickFormat(count, '~g');
    const ticks = scale.ticks(count).map((value) => ({ value, label: label(value) }));
    return { scale, ticks, domain: scale.domain() as [number, number] };
  }
  if (type === 'symlog') {
    const scale = scaleSymlog().constant(1).domain(domain).range(range);
    const label = axis.format ?? tickFormatter(domain, format(','));
    // 0 and ±1, 10, 100, … inside the domain: d3's own symlog ticks are linear ones.
    const values = [0];
    for (let p = 1; p <= Math.max(Math.abs(domain[0]), Math.abs(domain[1])); p *= 10) values.push(p, -p);
    const ticks = values
      .filter((v) => v >= domain[0] && v <= domain[1])
      .sort((a, b) => a - b)
      .map((value) => ({ value, label: label(value) }));
    return { scale, ticks, domain };
  }
  const scale = scaleLinear().domain(domain).range(range);
  if (axis.nice !== false) scale.nice(count);
  const d = scale.domain() as [number, number];
  const label = axis.format ?? tickFormatter(d, scale.tickFormat(count));
  const ticks = scale.ticks(count).map((value) => ({ value, label: label(value) }));
  return { scale, ticks, domain: d };
}

/**
 * Room for the axes' words at the size they have on a phone (kit/type.ts: text never renders below
 * 12 px, so in a chart drawn narrower than its viewBox it is larger in viewBox units than on a
 * desktop). The given margins are the least a chart gets; the left one grows to fit the widest y
 * tick label beside the y title, the bottom one to fit the x tick labels above the x title.
 */
function axisRoom(spec: FrameSpec, margin: Margins, yLabels: readonly string[]): { margin: Margins; layout: AxisLayout } {
  const tick = textSizeOnPhone('body', spec.width);
  const title = textSizeOnPhone('title', spec.width);
  // Glyph boxes: about 0.8 em above the baseline and 0.25 em below it.
  const yTitleX = round(Math.max(14, 0.8 * title + 2));
  // Low enough that the first x label clears the lowest y label at the plot's corner.
  const xTickBaseline = round(1.37 * tick + 2);
  const xTitleBaseline = round(xTickBaseline + 0.25 * tick + 4 + 0.8 * title);
  const widest = Math.max(0, ...yLabels.map((l) => labelWidth(l, tick)));
  const left = spec.yAxis === false ? margin.left : Math.max(margin.left, Math.ceil(yTitleX + 0.25 * title + 4 + widest + 7));
  const bottom = Math.max(margin.bottom, Math.ceil(xTitleBaseline + 0.25 * title + 2));
  // A heading's baseline low enough for its ascent; the plot below it clear of its descent and of
  // the top y label, which reaches half a line above the plot.
  const heading = textSizeOnPhone('heading', spec.width);
  const headingBaseline = round(Math.max(18, 0.85 * heading + 2));
  const top = spec.heading ? Math.max(margin.top, Math.ceil(headingBaseline + 0.3 * heading + 0.55 * tick + 3)) : margin.top;
  return { margin: { ...margin, left, bottom, top }, layout: { yTitleX, xTickBaseline, xTitleBaseline, headingBaseline, tick } };
}

/** Where the axes' words go, in viewBox units (see axisRoom). */
interface AxisLayout {
  yTitleX: number;
  /** Below plot.bottom. */
  xTickBaseline: number;
  xTitleBaseline: number;
  headingBaseline: number;
  /** The tick labels' size on a phone. */
  tick: number;
}

/**
 * As many ticks as the axis asks for, fewer if their labels (at their size on a phone) would run
 * into each other: d3 is asked again for fewer until neighbouring labels keep a gap.
 */
function spacedScale(axis: AxisSpec, range: [number, number], defaultTicks: number, room: (a: { value: number; label: string }, b: { value: number; label: string }, at: (v: number) => number) => boolean) {
  let count = axis.ticks ?? defaultTicks;
  for (;;) {
    const made = makeScale({ ...axis, ticks: count }, range, defaultTicks);
    const labelled = made.ticks.filter((t) => t.label !== '');
    const fits = labelled.every((t, i) => i === 0 || room(labelled[i - 1], t, (v) => made.scale(v)));
    if (fits || count <= 2 || (axis.type ?? 'linear') === 'symlog') return made;
    count -= 1;
  }
}

export function chartFrame(spec: FrameSpec): ChartFrame {
  const given = { ...DEFAULT_MARGIN, ...spec.margin };
  // The y labels do not depend on the range, only on the domain and the count.
  const provisional = spacedScale(spec.y, [given.top + 200, given.top], 5, () => true);
  const { margin: first, layout } = axisRoom(spec, given, provisional.ticks.map((t) => t.label));
  const plotOf = (margin: Margins) => ({
    left: margin.left,
    top: margin.top,
    right: spec.width - margin.right,
    bottom: spec.height - margin.bottom,
    width: spec.width - margin.left - margin.right,
    height: spec.height - margin.top - margin.bottom,
  });
  let plot = plotOf(first);
  const ys = spacedScale(spec.y, [plot.bottom, plot.top], 5, (a, b, at) => Math.abs(at(a.value) - at(b.value)) >= 1.1 * layout.tick);
  // Fewer y ticks may mean narrower labels, but never a wider margin than the first measure.
  const { margin } = axisRoom(spec, given, ys.ticks.map((t) => t.label));
  margin.left = Math.min(margin.left, first.left);
  plot = plotOf(margin);
  const xs = spacedScale(spec.x, [plot.left, plot.right], 6, (a, b, at) => {
    const [, aRight] = xLabelExtent(at(a.value), labelWidth(a.label, layout.tick), spec.width);
    const [bLeft] = xLabelExtent(at(b.value), labelWidth(b.label, layout.tick), spec.width);
    return bLeft - aRight >= 6;
  });
  return {
    spec,
    width: spec.width,
    height: spec.height,
    margin,
    plot,
    x: (v) => xs.scale(v),
    y: (v) => ys.scale(v),
    xDomain: xs.domain,
    yDomain: ys.domain,
    xTicks: xs.ticks,
    yTicks: ys.ticks,
    axisLayout: layout,
  };
}

/** The tick labels' size, in viewBox units. */
export const TICK_FONT_SIZE = 12;

/**
 * A label's width, in viewBox units, estimated without a DOM (the server has none): 0.6 em a
 * character, which the system sans-serif fonts' digits (about 0.55 em) stay under.
 */
export function labelWidth(label: string, fontSize: number): number {
  return 0.6 * fontSize * [...label].length;
}

/**
 * An x tick label's anchor and extent: centred on its tick, unless that would stick out of the
 * figure ("5,000" at the right end of an epoch axis): then it ends at its tick, or starts there.
 */
function xLabelExtent(x: number, width: number, figureWidth: number): [number, number, 'start' | 'middle' | 'end'] {
  if (x + width / 2 > figureWidth) return [x - width, x, 'end'];
  if (x - width / 2 < 0) return [x, x + width, 'start'];
  return [x - width / 2, x + width / 2, 'middle'];
}

/** Grid, axis lines, tick marks and labels, axis titles and the heading. */
export function axisNodes(frame: ChartFrame): SvgNode[] {
  const { plot, spec } = frame;
  const withY = spec.yAxis !== false;
  const yTicks = withY ? frame.yTicks : [];
  const nodes: SvgNode[] = [];
  if (spec.grid !== false) {
    const lines = [
      ...frame.xTicks.map((t) => `M${round(frame.x(t.value))},${plot.top}V${plot.bottom}`),
      ...yTicks.map((t) => `M${plot.left},${round(frame.y(t.value))}H${plot.right}`),
    ];
    nodes.push(h('path', { class: 'np-grid', d: lines.join(''), stroke: NEUTRALS.rule, 'stroke-width': 1, fill: 'none' }));
  }
  const xLabels = frame.xTicks.map((t) => {
    const x = round(frame.x(t.value));
    const [, , anchor] = xLabelExtent(x, labelWidth(t.label, frame.axisLayout.tick), frame.width);
    return h('text', { x, y: plot.bottom + frame.axisLayout.xTickBaseline, 'text-anchor': anchor }, t.label);
  });
  const yLabels = yTicks.map((t) => {
    const y = round(frame.y(t.value));
    return h('text', { x: plot.left - 7, y, dy: '0.32em', 'text-anchor': 'end' }, t.label);
  });
  const marks = [
    ...frame.xTicks.map((t) => `M${round(frame.x(t.value))},${plot.bottom}v5`),
    ...yTicks.map((t) => `M${plot.left},${round(frame.y(t.value))}h-5`),
  ].join('');
  nodes.push(
    h('path', { class: 'np-axis', d: `${withY ? `M${plot.left},${plot.top}V${plot.bottom}` : `M${plot.left},${plot.bottom}`}H${plot.right}${marks}`, stroke: 'currentColor', fill: 'none' }),
    h('g', { class: textClass('body', 'np-ticks'), fill: 'currentColor' }, [...xLabels, ...yLabels]),
    h('text', { class: textClass('title', 'np-axis-label'), x: round(plot.left + plot.width / 2), y: round(plot.bottom + frame.axisLayout.xTitleBaseline), 'text-anchor': 'middle', fill: 'currentColor' }, spec.x.label),
  );
  if (withY) {
    nodes.push(h('text', { class: textClass('title', 'np-axis-label'), transform: `translate(${frame.axisLayout.yTitleX},${round(plot.top + plot.height / 2)}) rotate(-90)`, 'text-anchor': 'middle', fill: 'currentColor' }, spec.y.label));
  }
  if (spec.heading) {
    // Over the plot, or from the figure's left edge where it would run past the right one at its size on a phone.
    const long = plot.left + 0.6 * textSizeOnPhone('heading', frame.width) * [...spec.heading].length > frame.width - 4;
    nodes.push(h('text', { class: textClass('heading', 'np-heading'), x: long ? 8 : plot.left, y: frame.axisLayout.headingBaseline, 'font-weight': 600, fill: 'currentColor' }, spec.heading));
  }
  return nodes;
}

/** The <svg> root: viewBox, role="img", aria-label, <title>, <desc>, axes, then `content`. */
export function chartSvg(frame: ChartFrame, content: SvgNode[], attrs: Record<string, string> = {}): SvgNode {
  const { spec } = frame;
  const children: SvgNode[] = [h('title', {}, spec.title)];
  if (spec.description) children.push(h('desc', {}, spec.description));
  return h(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${frame.width} ${frame.height}`, ...figureRootAttrs(frame.width, frame.height), role: 'img', 'aria-label': spec.title, ...attrs },
    [...children, ...axisNodes(frame), ...content],
  );
}
