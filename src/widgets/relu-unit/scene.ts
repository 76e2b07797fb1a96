// Everything the ReLU-unit widget shows for hidden unit 1 on the training data: the input
// plane with the half-plane where the unit is on, its kink line and the samples marked on or
// off; the ReLU itself with each sample's z1 as a tick; the counts; and what state the unit
// is in. Pure: the .astro draws the server figure with it, the custom element every change.
import type { Dataset } from '../../trainer/data';
import { relu } from '../../trainer/activation';
import { chartFrame, chartSvg, type ChartFrame } from '../kit/chart';
import { formatFixed, formatInteger, formatShort } from '../../experiments/format';
import { activeRegion, kinkSegment, onDirection, type Point, type Rect, type Unit } from '../../experiments/halfPlane';
import { markerPath, type Shape } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import type { ReluUnitConfig } from '../../experiments/relu-unit/settings';
import { preActivations, stateOf, type ReluUnitState } from '../../experiments/relu-unit/unit';
import { COLOURS, NEUTRALS } from '../kit/palette';
import { textClass } from '../kit/type';

export const PANEL_WIDTH = 380;
export const PANEL_HEIGHT = 400;
export const SAMPLE_ROWS = 12;
/** The input plane's view: a little wider than the z-scored data (about ±1.7), so a kink line can be seen leaving it. */
export const PLANE_VIEW: Rect = { x0: -3, x1: 3, y0: -3, y1: 3 };


const ON = { fill: COLOURS.vermillion, shape: 'diamond' as Shape, words: 'on (h1 > 0)' };
const OFF = { fill: COLOURS.blue, shape: 'circle' as Shape, words: 'off (h1 = 0)' };
const REGION_FILL = COLOURS.orange;
const MARGIN = { top: 52, right: 14, bottom: 44, left: 56 };
/** The share of the ReLU panel's height, below h1 = 0, where the samples' z1 ticks stand. */
const STRIP = 0.16;

export interface ReluUnitScene {
  panels: { plane: SvgNode; relu: SvgNode };
  /** Display text keyed by name: on, off, n, formula, kink, zMin, zMax, samplesCaption. */
  numbers: Record<string, string>;
  state: ReluUnitState;
  /** One sentence on what the unit does on this data (a warning when it is dead). */
  stateMessage: string;
  tables: { samples: string[][] };
}

export const SAMPLE_COLUMNS = ['#', 'x1', 'x2', 'z1', 'h1 = ReLU(z1)', 'on or off'];

/** "1.00·x1 − 0.50·x2 + 0.25": a unit's pre-activation with its numbers, signs folded in. */
export function affineText(config: ReluUnitConfig): string {
  const sign = (v: number) => (v < 0 ? '−' : '+');
  const abs = (v: number) => formatFixed(Math.abs(v), 2);
  return `${formatFixed(config.W1, 2)}·x1 ${sign(config.W3)} ${abs(config.W3)}·x2 ${sign(config.B1)} ${abs(config.B1)}`;
}

/** "◆ on (h1 > 0)  ● off (h1 = 0)" above the plot, and on the plane "▭ shaded: z1 > 0". */
function legend(frame: ChartFrame, shaded: boolean): SvgNode {
  const y = 38;
  let x = frame.plot.left;
  const items: SvgNode[] = [];
  for (const style of [ON, OFF]) {
    items.push(h('path', { d: markerPath(style.shape, x + 5, y, 4.5), fill: style.fill }));
    items.push(h('text', { x: x + 14, y, dy: '0.32em' }, style.words));
    x += 14 + style.words.length * 6.6 + 14;
  }
  if (shaded) {
    items.push(h('rect', { x, y: y - 6, width: 16, height: 12, fill: REGION_FILL, 'fill-opacity': 0.35, stroke: 'currentColor', 'stroke-width': 0.5 }));
    items.push(h('text', { x: x + 21, y, dy: '0.32em' }, 'z1 > 0'));
  }
  return h('g', { class: textClass('body', 'np-legend'), fill: 'currentColor' }, items);
}

function pointsNode(frame: ChartFrame, xs: ArrayLike<number>, ys: ArrayLike<number>, on: boolean[], r: number): SvgNode {
  const paths = { on: [] as string[], off: [] as string[] };
  for (let i = 0; i < xs.length; i++) {
    const style = on[i] ? ON : OFF;
    paths[on[i] ? 'on' : 'off'].push(markerPath(style.shape, frame.x(xs[i]), frame.y(ys[i]), r));
  }
  return h('g', { class: 'np-points', stroke: NEUTRALS.bg, 'stroke-width': 0.5 }, [
    ...(paths.off.length ? [h('path', { d: paths.off.join(''), fill: OFF.fill, 'data-points': 'off' })] : []),
    ...(paths.on.length ? [h('path', { d: paths.on.join(''), fill: ON.fill, 'data-points': 'on' })] : []),
  ]);
}

const halo = { stroke: NEUTRALS.surface, 'stroke-width': 4, 'paint-order': 'stroke', 'stroke-linejoin': 'round' };

/**
 * The arrow (W1, W3) from the middle of the kink line: the direction in which z1 grows, so
 * it always points into the on side. Drawn with a fixed length on the page.
 */
function weightArrow(frame: ChartFrame, unit: Unit, [mx, my]: Point): SvgNode {
  const direction = onDirection(unit)!;
  // Screen y grows downwards; the x and y scales are near enough equal for a direction.
  const ux = direction[0], uy = -direction[1];
  const length = 38, head = 9, room = length + 30;
  const { plot } = frame;
  const fits = (x: number, y: number) => x >= plot.left && x <= plot.right && y >= plot.top && y <= plot.bottom;
  // From the line into the on side; if that leaves the plot, from the off side up to the line.
  const mid = [frame.x(mx), frame.y(my)];
  const inward = fits(mid[0] + ux * room, mid[1] + uy * room);
  const x0 = inward ? mid[0] : mid[0] - ux * length, y0 = inward ? mid[1] : mid[1] - uy * length;
  const tx = x0 + ux * length, ty = y0 + uy * length;
  const [lx, ly] = inward ? [tx + ux * 16, ty + uy * 16] : [x0 - ux * 30, y0 - uy * 30];
  const px = -uy, py = ux;
  const d =
    `M${round(x0)},${round(y0)}L${round(tx - ux * head)},${round(ty - uy * head)}` +
    `M${round(tx)},${round(ty)}L${round(tx - ux * head + px * head * 0.5)},${round(ty - uy * head + py * head * 0.5)}` +
    `L${round(tx - ux * head - px * head * 0.5)},${round(ty - uy * head - py * head * 0.5)}Z`;
  return h('g', { class: 'np-weight-arrow' }, [
    h('path', { d, stroke: 'currentColor', 'stroke-width': 2, fill: 'currentColor', 'stroke-linejoin': 'round' }),
    h('text', { class: textClass('body'), x: round(lx), y: round(ly), dy: '0.32em', 'text-anchor': 'middle', fill: 'currentColor', ...halo }, '(W1, W3)'),
  ]);
}

function planePanel(data: Dataset, config: ReluUnitConfig, on: boolean[], summary: string): SvgNode {
  const unit: Unit = { w1: config.W1, w2: config.W3, b: config.B1 };
  const frame = chartFrame({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    margin: MARGIN,
    heading: 'Where h1 is on, in the input plane',
    title: `The input plane (x1, x2) with the ${formatInteger(data.n)} samples; ${summary}`,
    description:
      `The shaded part of the plane is where z1 = ${affineText(config)} is positive, so the unit is on; ` +
      'the solid line is the kink line z1 = 0, and the arrow (W1, W3) from its middle points towards growing z1, into the on side. Samples where the unit is on are orange-red diamonds, samples where it is off are blue circles.',
    x: { label: 'x1 (z-score)', domain: [PLANE_VIEW.x0, PLANE_VIEW.x1], nice: false },
    y: { label: 'x2 (z-score)', domain: [PLANE_VIEW.y0, PLANE_VIEW.y1], nice: false },
  });
  const content: SvgNode[] = [];
  const toPath = (points: Point[]) => `M${points.map(([x, y]) => `${round(frame.x(x))},${round(frame.y(y))}`).join('L')}Z`;
  const region = activeRegion(PLANE_VIEW, unit);
  if (region.length) content.push(h('path', { class: 'np-active-region', d: toPath(region), fill: REGION_FILL, 'fill-opacity': 0.22 }));
  content.push(pointsNode(frame, data.x1, data.x2, on, 3));
  const labels: SvgNode[] = [];
  const segment = kinkSegment(PLANE_VIEW, unit);
  if (segment) {
    const [[ax, ay], [bx, by]] = segment;
    content.push(
      h('path', {
        class: 'np-kink-line',
        d: `M${round(frame.x(ax))},${round(frame.y(ay))}L${round(frame.x(bx))},${round(frame.y(by))}`,
        stroke: 'currentColor',
        'stroke-width': 2.5,
        fill: 'none',
      }),
    );
    content.push(weightArrow(frame, unit, [(ax + bx) / 2, (ay + by) / 2]));
    // The label sits near the end of the line that is higher on the page, inside the plot.
    const [tx, ty] = frame.y(ay) < frame.y(by) ? [ax, ay] : [bx, by];
    const px = Math.min(frame.plot.right - 40, Math.max(frame.plot.left + 40, frame.x(tx)));
    labels.push(h('text', { x: round(px), y: round(frame.y(ty) + 14), 'text-anchor': 'middle' }, 'kink: z1 = 0'));
  }
  content.push(h('g', { class: textClass('body', 'np-plane-labels'), fill: 'currentColor', ...halo }, labels));
  content.push(legend(frame, true));
  return chartSvg(frame, content, { 'data-panel-kind': 'plane' });
}

function reluPanel(z: Float64Array, on: boolean[], summary: string): SvgNode {
  let lo = -1, hi = 1;
  for (const v of z) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const frame = chartFrame({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    margin: MARGIN,
    heading: 'h1 = ReLU(z1), with each sample’s z1',
    title: `The ReLU function h1 = max(0, z1), with a tick for each sample’s z1; ${summary}`,
    description:
      'The line is flat at 0 for z1 ≤ 0 and rises with slope 1 for z1 > 0; the corner at z1 = 0 is the kink. ' +
      'Each sample is drawn at its (z1, h1) on the line and as a tick above the z1 axis: orange-red diamonds and long ticks where the unit is on, blue circles and short ticks where it is off.',
    x: { label: 'z1 = W1·x1 + W3·x2 + B1', domain: [lo, hi] },
    // Below h1 = 0 a strip holds the ticks, one per sample's z1; h1 itself is never negative,
    // so that strip gets no tick labels.
    y: { label: 'h1', domain: [-STRIP * Math.max(hi, 1), Math.max(hi, 1) * 1.04], nice: false },
  });
  frame.yTicks = frame.yTicks.filter((t) => t.value >= 0);
  const [zLo, zHi] = frame.xDomain;
  const curve = `M${round(frame.x(zLo))},${round(frame.y(0))}L${round(frame.x(0))},${round(frame.y(0))}L${round(frame.x(zHi))},${round(frame.y(relu(zHi)))}`;
  const ticks = { on: [] as string[], off: [] as string[] };
  z.forEach((v, i) => {
    const length = on[i] ? 14 : 8;
    ticks[on[i] ? 'on' : 'off'].push(`M${round(frame.x(v))},${round(frame.plot.bottom - 3)}v${-length}`);
  });
  const h1 = z.map(relu);
  const content: SvgNode[] = [
    h('g', { class: 'np-rug', 'stroke-width': 1.2, fill: 'none', 'stroke-opacity': 0.8 }, [
      ...(ticks.off.length ? [h('path', { d: ticks.off.join(''), stroke: OFF.fill, 'data-ticks': 'off' })] : []),
      ...(ticks.on.length ? [h('path', { d: ticks.on.join(''), stroke: ON.fill, 'data-ticks': 'on' })] : []),
    ]),
    h('path', { class: 'np-relu-curve', d: curve, stroke: 'currentColor', 'stroke-width': 2.5, fill: 'none', 'stroke-linejoin': 'round' }),
    pointsNode(frame, z, h1, on, 3),
    h('g', { class: textClass('body'), fill: 'currentColor', ...halo }, [
      h('text', { x: round(frame.x(0)), y: round(frame.y(0) - 16), 'text-anchor': 'end' }, 'kink at z1 = 0 →'),
      h('text', { class: textClass('small'), x: frame.plot.left + 4, y: round(frame.plot.bottom - 24) }, 'each sample’s z1:'),
    ]),
    legend(frame, false),
  ];
  return chartSvg(frame, content, { 'data-panel-kind': 'relu' });
}

/**
 * The point (x1, x2) of the input plane under a viewBox position of the plane panel, so a
 * pointer on the picture can be turned into data coordinates (the inverse of its scales).
 */
export function planePointAt(vx: number, vy: number): Point {
  const left = MARGIN.left, right = PANEL_WIDTH - MARGIN.right, top = MARGIN.top, bottom = PANEL_HEIGHT - MARGIN.bottom;
  const x1 = PLANE_VIEW.x0 + ((vx - left) / (right - left)) * (PLANE_VIEW.x1 - PLANE_VIEW.x0);
  const x2 = PLANE_VIEW.y1 - ((vy - top) / (bottom - top)) * (PLANE_VIEW.y1 - PLANE_VIEW.y0);
  return [x1, x2];
}

export function stateMessage(state: ReluUnitState, n: number): string {
  const all = formatInteger(n);
  if (state === 'dead') {
    return `Dead unit: z1 ≤ 0 for all ${all} samples, so h1 = 0 and ReLU′(z1) = 0 for every one. It adds nothing to the prediction, and W1, W3, B1 and W5 get exactly zero gradient: training cannot revive it.`;
  }
  if (state === 'linear') {
    return `On for all ${all} samples: the kink line misses the data, so on these samples h1 = z1 exactly. The unit is just a linear function here and bends nothing.`;
  }
  // No counts here: this line is a live region, and should speak only when the state changes.
  return 'A hinge: the kink line runs through the data, so the unit is on for some samples and off for others, and its output bends along the line.';
}

export function reluUnitScene(data: Dataset, config: ReluUnitConfig): ReluUnitScene {
  const z = preActivations(data, config);
  const on = Array.from(z, (v) => v > 0);
  const onCount = on.filter(Boolean).length;
  const state = stateOf(onCount, data.n);
  const summary = `the unit is on for ${formatInteger(onCount)} of ${formatInteger(data.n)}.`;
  let zMin = Infinity, zMax = -Infinity;
  for (const v of z) {
    zMin = Math.min(zMin, v);
    zMax = Math.max(zMax, v);
  }
  const constant = config.W1 === 0 && config.W3 === 0;
  const kinkInView = kinkSegment(PLANE_VIEW, { w1: config.W1, w2: config.W3, b: config.B1 }) !== null;
  const numbers: Record<string, string> = {
    on: formatInteger(onCount),
    off: formatInteger(data.n - onCount),
    n: formatInteger(data.n),
    formula: `z1 = ${affineText(config)}`,
    kink: constant
      ? `none: with W1 = W3 = 0, z1 is the constant ${formatFixed(config.B1, 2)}`
      : `${affineText(config)} = 0${kinkInView ? '' : ' (outside the picture)'}`,
    zMin: formatShort(zMin),
    zMax: formatShort(zMax),
    samplesCaption: `The first ${Math.min(SAMPLE_ROWS, data.n)} of ${formatInteger(data.n)} samples (z-scored), with z1 = ${affineText(config)}.`,
  };
  const samples: string[][] = [];
  for (let i = 0; i < Math.min(SAMPLE_ROWS, data.n); i++) {
    samples.push([String(i + 1), formatFixed(data.x1[i], 3), formatFixed(data.x2[i], 3), formatFixed(z[i], 3), formatFixed(relu(z[i]), 3), on[i] ? 'on' : 'off']);
  }
  return {
    panels: { plane: planePanel(data, config, on, summary), relu: reluPanel(z, on, summary) },
    numbers,
    state,
    stateMessage: stateMessage(state, data.n),
    tables: { samples },
  };
}
