// What the slice stepper draws: the loss along one parameter with the other eight fixed, and a
// ball taking gradient-descent steps along it, each step an arrow from where it stood to where
// it lands, so every overshoot is visible. Beside it the slice's curvature c at the start and
// its limit 2/c. Pure: the .astro draws the server figure with it, the custom element redraws.
import type { Dataset } from '../../trainer/data';
import { linspace, lossAlong } from '../../trainer/landscape';
import { rSquared } from '../../trainer/loss';
import type { ParameterName, Parameters } from '../../trainer/parameters';
import { chartFrame, chartSvg, type ChartFrame } from '../kit/chart';
import { formatFixed, formatInteger, formatNumber } from '../../experiments/format';
import { markerPath } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import type { SliceWalk } from '../../experiments/learning-rate/runs';
import { textClass } from '../kit/type';

export const SLICE_WIDTH = 440;
export const SLICE_HEIGHT = 290;
const CURVE_POINTS = 161;
const CURVE_COLOR = 'var(--c-blue, #0072b2)';
const STEP_COLOR = 'var(--c-vermillion, #d55e00)';

export const STEP_COLUMNS = ['step k', 'θ', 'loss L', 'slope ∂L/∂θ', 'next step −η·∂L/∂θ'];

export interface SliceScene {
  svg: SvgNode;
  numbers: Record<string, string>;
  /** What the steps do, in words (for the status line and the caption under the figure). */
  verdict: string;
  rows: string[][];
  /** The table's caption. */
  caption: string;
}

/**
 * The part of the slice to draw: around its lowest point, wide enough to hold the start and any
 * step that lands no further from the bottom than the start was (so every overshoot of a rate
 * below the limit stays in the picture).
 */
export function sliceDomain(walk: Pick<SliceWalk, 'points' | 'lowest'>): [number, number] {
  const start = walk.points[0].value, bottom = walk.lowest.value;
  const half = Math.max(1.25 * Math.abs(start - bottom), 0.5);
  return [bottom - half, bottom + half];
}

/** What the steps do, judged from η·c, the factor 1 − η·c of a parabola with curvature c. */
export function verdictOf(walk: SliceWalk, name: string): string {
  const { rate, curvature: c, points } = walk;
  const last = points[points.length - 1];
  const steps = points.length - 1;
  const where = `After ${formatInteger(steps)} step${steps === 1 ? '' : 's'} ${name} = ${formatNumber(last.value)}, loss ${formatNumber(last.loss)}.`;
  if (walk.escaped) return `The steps grew until the numbers were too large to represent: η = ${formatNumber(rate)} is far above this slice's limit 2/c = ${formatNumber(walk.limit)}.`;
  if (!(c > 0)) return `The loss is flat along ${name} here (curvature 0): the slope is 0 and the ball does not move.`;
  const ec = rate * c;
  const tail = name === 'B3' ? '' : ' (Along a weight the curvature changes where a unit switches on or off, so this holds near the start.)';
  if (ec < 1) return `η·c = ${formatNumber(ec)} is below 1: each step moves towards the bottom from the same side. ${where}${tail}`;
  if (ec === 1) return `η·c = 1: the first step lands on the bottom. ${where}${tail}`;
  if (ec < 2) return `η·c = ${formatNumber(ec)} is between 1 and 2: each step jumps over the bottom, but less far each time. ${where}${tail}`;
  if (ec === 2) return `η·c = 2, exactly the limit: the ball bounces between the same two heights. ${where}${tail}`;
  return `η·c = ${formatNumber(ec)} is above 2, η above the limit 2/c = ${formatNumber(walk.limit)}: each step overshoots further than the last, and the run diverges. ${where}${tail}`;
}

/** An arrow from point a to point b, bowed upwards so it does not hide the curve, with its head at b. */
function hop(frame: ChartFrame, ax: number, ay: number, bx: number, by: number): SvgNode {
  const lift = 0.18 * Math.abs(bx - ax) + 10;
  const cx = (ax + bx) / 2, cy = Math.max(frame.plot.top + 2, Math.min(ay, by) - lift);
  const dx = bx - cx, dy = by - cy;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len, uy = dy / len;
  const head = `M${round(bx)},${round(by)}L${round(bx - 8 * ux - 4 * uy)},${round(by - 8 * uy + 4 * ux)}L${round(bx - 8 * ux + 4 * uy)},${round(by - 8 * uy - 4 * ux)}z`;
  return h('g', { class: 'lr-step' }, [
    h('path', { d: `M${round(ax)},${round(ay)}Q${round(cx)},${round(cy)} ${round(bx)},${round(by)}`, stroke: STEP_COLOR, 'stroke-width': 1.8, fill: 'none' }),
    h('path', { d: head, fill: STEP_COLOR }),
  ]);
}

export function sliceScene(data: Dataset, params: Parameters, name: ParameterName, walk: SliceWalk, varY: number): SliceScene {
  const [lo, hi] = sliceDomain(walk);
  const values = linspace(lo, hi, CURVE_POINTS);
  const losses = lossAlong(params, data, walk.index, values);
  let yLo = Infinity, yHi = -Infinity;
  for (const v of losses) {
    if (!Number.isFinite(v)) continue;
    yLo = Math.min(yLo, v);
    yHi = Math.max(yHi, v);
  }
  const start = walk.points[0];
  const verdict = verdictOf(walk, name);
  const frame = chartFrame({
    width: SLICE_WIDTH,
    height: SLICE_HEIGHT,
    margin: { top: 30, right: 12, bottom: 44, left: 56 },
    heading: `Loss along ${name} alone · η = ${formatNumber(walk.rate)}`,
    title: `The loss as a function of ${name} alone, with ${formatInteger(walk.points.length - 1)} gradient-descent steps at η = ${formatNumber(walk.rate)} drawn as arrows.`,
    description: `The curve is the loss when only ${name} changes. The ball starts at ${name} = ${formatNumber(start.value)}, where the curvature is c = ${formatNumber(walk.curvature)} and the limit 2/c = ${formatNumber(walk.limit)}. ${verdict}`,
    x: { label: `${name} (the other eight fixed)`, domain: [lo, hi], nice: false },
    // A band under the curve's bottom for the 'lowest point' label (on a phone it ran into the
    // last steps, which gather there); a loss axis still starts at 0 at most.
    y: { label: 'loss L', domain: [Math.max(0, Math.min(yLo, start.loss) - 0.16 * (Math.max(yHi, start.loss) - Math.min(yLo, start.loss))), Math.max(yHi, start.loss)] },
  });
  const { plot } = frame;
  const content: SvgNode[] = [];
  const d = Array.from(values, (v, i) => `${i ? 'L' : 'M'}${round(frame.x(v))},${round(frame.y(losses[i]))}`).join('');
  content.push(h('path', { class: 'lr-slice', d, fill: 'none', stroke: CURVE_COLOR, 'stroke-width': 2.2 }));
  const bx = round(frame.x(walk.lowest.value));
  content.push(
    h('g', { class: 'lr-bottom' }, [
      h('path', { d: `M${bx},${plot.bottom}V${round(frame.y(walk.lowest.loss))}`, stroke: 'var(--muted, #555)', 'stroke-dasharray': '3 3', fill: 'none' }),
      h('text', { class: textClass('small'), x: bx, y: plot.bottom - 6, 'text-anchor': 'middle', fill: 'currentColor' }, 'lowest point'),
    ]),
  );

  const inside = (v: number) => v >= lo && v <= hi;
  const steps: SvgNode[] = [];
  let leftAt = -1;
  for (let k = 0; k + 1 < walk.points.length; k++) {
    const a = walk.points[k], b = walk.points[k + 1];
    const ax = frame.x(a.value), ay = frame.y(a.loss);
    if (!inside(b.value)) {
      // The landing point is off the picture: an arrow to the edge it leaves by, and a note.
      const edge = b.value > hi ? plot.right : plot.left;
      steps.push(hop(frame, ax, ay, edge, plot.top + 4));
      leftAt = k + 1;
      break;
    }
    steps.push(hop(frame, ax, ay, frame.x(b.value), frame.y(b.loss)));
  }
  content.push(h('g', { class: 'lr-steps' }, steps));
  const shown = leftAt < 0 ? walk.points : walk.points.slice(0, leftAt);
  content.push(
    h(
      'path',
      { class: 'lr-points', d: shown.slice(1).map((p) => markerPath('circle', frame.x(p.value), frame.y(p.loss), 3.2)).join(''), fill: STEP_COLOR, stroke: 'var(--bg, #fff)', 'stroke-width': 0.8 },
    ),
  );
  content.push(
    h('g', { class: 'lr-start' }, [
      h('path', { d: markerPath('circle', frame.x(start.value), frame.y(start.loss), 6), fill: CURVE_COLOR, stroke: 'var(--bg, #fff)', 'stroke-width': 1.5 }),
      h('text', { class: textClass('body'), x: round(frame.x(start.value)), y: round(frame.y(start.loss) - 12), 'text-anchor': 'middle', 'font-weight': 600, fill: 'currentColor' }, 'start'),
    ]),
  );
  if (leftAt >= 0 || walk.escaped) {
    const k = leftAt >= 0 ? leftAt : walk.points.length;
    content.push(
      h('text', { class: textClass('title', 'lr-left'), x: plot.left + 8, y: plot.top + 16, 'font-weight': 700, fill: 'currentColor' }, `✕ step ${formatInteger(k)} leaves the picture: the steps grow`),
    );
  }

  const last = walk.points[walk.points.length - 1];
  const ec = walk.rate * walk.curvature;
  return {
    svg: chartSvg(frame, content),
    verdict,
    numbers: {
      curvature: formatNumber(walk.curvature),
      limit: formatNumber(walk.limit),
      rateTimesCurvature: formatNumber(ec),
      factor: formatNumber(1 - ec),
      start: formatNumber(start.value),
      lowest: formatNumber(walk.lowest.value),
      last: formatNumber(last.value),
      lossStart: formatNumber(start.loss),
      lossLast: formatNumber(last.loss),
      r2Last: formatFixed(rSquared(last.loss, varY), 3),
      steps: formatInteger(walk.points.length - 1),
    },
    caption: `The ball's position after each step along ${name}, with the loss, the slope there and the next step.`,
    rows: walk.points.map((p, k) => [formatInteger(k), formatNumber(p.value), formatNumber(p.loss), formatNumber(p.slope), formatNumber(-walk.rate * p.slope)]),
  };
}
