// The toy landscape's figure: the curve f(x) = x⁴ − 3x² + x, its two minima and the hump
// between them, and the path of gradient descent from the chosen start, revealed up to a given
// step. Pure: the server draws it at build time, the browser redraws it with the same code.
import { toyDescent, toyGradient, toyLoss, TOY_GLOBAL_MINIMUM, TOY_HUMP, TOY_LOCAL_MINIMUM, type ToyDescent } from '../../trainer/toy';
import { chartFrame, chartSvg, type ChartFrame } from '../kit/chart';
import { clipToBand } from '../kit/clipBand';
import { formatFixed, formatInteger, formatNumber } from '../../experiments/format';
import { markerPath } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import { settledAfter, TOY_X_RANGE, type ToyLandscapeConfig } from '../../experiments/toy-landscape/settings';
import { COLOURS, NEUTRALS } from '../kit/palette';
import { textClass } from '../kit/type';

export const TOY_WIDTH = 640;
export const TOY_HEIGHT = 360;
const Y_RANGE = [-4, 10] as const;
/** The path table lists at most this many steps (the figure shows them all). */
export const TABLE_STEPS = 60;
export const PATH_COLUMNS = ['step', 'x', 'f(x)', "slope f'(x)", "step −η·f'(x)"] as const;

const frameFor = (): ChartFrame =>
  chartFrame({
    width: TOY_WIDTH,
    height: TOY_HEIGHT,
    margin: { top: 34, right: 16, bottom: 44, left: 48 },
    x: { label: 'x (the toy’s one parameter)', domain: TOY_X_RANGE, nice: false },
    y: { label: 'f(x)', domain: Y_RANGE, nice: false },
    title: 'A toy loss curve f(x) = x⁴ − 3x² + x with gradient descent on it',
    heading: 'A toy curve, not the network',
  });

const FRAME = frameFor();

/** The start x under a point of the figure (viewBox units), kept on the drawn range. */
export function startAt(viewBoxX: number): number {
  const { plot } = FRAME;
  const share = Math.min(1, Math.max(0, (viewBoxX - plot.left) / plot.width));
  return Math.round((TOY_X_RANGE[0] + share * (TOY_X_RANGE[1] - TOY_X_RANGE[0])) * 100) / 100;
}

/** What the whole run does, in words. */
export function outcomeText(descent: ToyDescent): string {
  const last = descent.path.length - 1;
  switch (descent.outcome) {
    case 'local minimum':
      return `It settles in the shallow basin on the right, at the local minimum x ≈ ${formatFixed(TOY_LOCAL_MINIMUM, 2)} (f = ${formatFixed(toyLoss(TOY_LOCAL_MINIMUM), 2)}), after ${formatInteger(settledAfter(descent.path))} steps.`;
    case 'global minimum':
      return `It settles in the deep basin on the left, at the global minimum x ≈ ${formatFixed(TOY_GLOBAL_MINIMUM, 2)} (f = ${formatFixed(toyLoss(TOY_GLOBAL_MINIMUM), 2)}), after ${formatInteger(settledAfter(descent.path))} steps.`;
    case 'diverged':
      return `It diverges: every step overshoots by more than the last, and after step ${formatInteger(last)} x has run off past a million.`;
    default:
      return `It has not settled after ${formatInteger(last)} steps: it is still creeping or bouncing. Add steps, or change η.`;
  }
}

export interface ToyLandscapeScene {
  svg: SvgNode;
  numbers: Record<string, string>;
  rows: string[][];
  tableCaption: string;
  /** Steps in the whole run (the path has steps + 1 points, fewer if it diverged). */
  steps: number;
  outcome: ToyDescent['outcome'];
}

const curve = (() => {
  const xs: number[] = [], ys: number[] = [];
  for (let i = 0; i <= 250; i++) {
    const x = TOY_X_RANGE[0] + ((TOY_X_RANGE[1] - TOY_X_RANGE[0]) * i) / 250;
    xs.push(x);
    ys.push(toyLoss(x));
  }
  return clipToBand(xs, ys, Y_RANGE[0], Y_RANGE[1]);
})();

function inside(x: number, y: number): boolean {
  return x >= TOY_X_RANGE[0] && x <= TOY_X_RANGE[1] && y >= Y_RANGE[0] && y <= Y_RANGE[1];
}

/** A landmark of the curve: a point and its label, placed by (dx, dy) from it. */
function landmark(x: number, label: string, dx: number, dy: number, anchor: 'start' | 'middle' | 'end'): SvgNode {
  const px = round(FRAME.x(x)), py = round(FRAME.y(toyLoss(x)));
  return h('g', { class: 'tl-landmark' }, [
    h('path', { d: markerPath('diamond', px, py, 5), fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5 }),
    h('text', { class: textClass('body'), x: px + dx, y: py + dy, 'text-anchor': anchor, fill: 'currentColor' }, label),
  ]);
}

/**
 * The scene with the first `shown` steps of the descent drawn (all of them if omitted).
 * `descent` may be passed in to avoid recomputing it while animating.
 */
export function toyLandscapeScene(config: ToyLandscapeConfig, shown?: number, descent: ToyDescent = toyDescent(config.start, config.learningRate, config.steps)): ToyLandscapeScene {
  const { plot } = FRAME;
  const steps = descent.path.length - 1;
  const upTo = Math.max(0, Math.min(steps, shown ?? steps));
  const content: SvgNode[] = [];
  content.push(
    ...curve.map((run) =>
      h('path', {
        class: 'tl-curve',
        d: run.x.map((x, i) => `${i ? 'L' : 'M'}${round(FRAME.x(x))},${round(FRAME.y(run.y[i]))}`).join(''),
        fill: 'none',
        stroke: COLOURS.blue,
        'stroke-width': 2.5,
      }),
    ),
  );
  content.push(
    landmark(TOY_GLOBAL_MINIMUM, 'deep (global) minimum', 12, 4, 'start'),
    landmark(TOY_LOCAL_MINIMUM, 'shallow (local) minimum', 0, 20, 'middle'),
    landmark(TOY_HUMP, 'hump', 0, -10, 'middle'),
  );

  // The steps: a thin line for each jump, a dot for each point reached.
  const points = Array.from(descent.path.subarray(0, upTo + 1), (x) => ({ x, y: toyLoss(x) }));
  const jumps: string[] = [];
  const dots: SvgNode[] = [];
  let offChart = 0;
  points.forEach((p, t) => {
    if (!inside(p.x, p.y)) {
      offChart += 1;
      return;
    }
    const px = round(FRAME.x(p.x)), py = round(FRAME.y(p.y));
    const next = points[t + 1];
    if (next && inside(next.x, next.y)) jumps.push(`M${px},${py}L${round(FRAME.x(next.x))},${round(FRAME.y(next.y))}`);
    if (t > 0 && t < upTo) dots.push(h('circle', { cx: px, cy: py, r: 3, fill: NEUTRALS.bg, stroke: COLOURS.vermillion, 'stroke-width': 1.5 }));
  });
  content.push(h('path', { class: 'tl-jumps', d: jumps.join(''), fill: 'none', stroke: COLOURS.vermillion, 'stroke-width': 1.2, 'stroke-dasharray': '4 3' }));
  content.push(h('g', { class: 'tl-dots' }, dots));

  const start = points[0];
  content.push(
    h('path', {
      class: 'tl-start',
      d: markerPath('square', round(FRAME.x(start.x)), round(FRAME.y(Math.min(Y_RANGE[1], start.y))), 6),
      fill: COLOURS.green,
      stroke: NEUTRALS.bg,
      'stroke-width': 1,
    }),
  );
  const now = points[upTo];
  if (inside(now.x, now.y)) {
    content.push(h('circle', { class: 'tl-now', cx: round(FRAME.x(now.x)), cy: round(FRAME.y(now.y)), r: 6.5, fill: COLOURS.vermillion, stroke: NEUTRALS.bg, 'stroke-width': 1.5 }));
  } else {
    // Off the chart: say so at the edge it left by.
    const right = now.x > 0;
    content.push(
      h('text', { class: textClass('body', 'tl-off'), x: right ? plot.right - 4 : plot.left + 4, y: plot.top + 14, 'text-anchor': right ? 'end' : 'start', 'font-weight': 600, fill: 'currentColor' }, `${right ? '' : '← '}x = ${formatNumber(now.x)} is off the chart${right ? ' →' : ''}`),
    );
  }
  content.push(
    h('g', { class: textClass('body', 'tl-key'), fill: 'currentColor' }, [
      h('path', { d: markerPath('square', plot.left + 12, plot.top + 12, 5), fill: COLOURS.green }),
      h('text', { x: plot.left + 22, y: plot.top + 12, dy: '0.32em' }, 'start'),
      h('circle', { cx: plot.left + 68, cy: plot.top + 12, r: 5, fill: COLOURS.vermillion }),
      h('text', { x: plot.left + 78, y: plot.top + 12, dy: '0.32em' }, `after step ${formatInteger(upTo)}`),
    ]),
  );

  const description =
    `Gradient descent from x = ${formatNumber(config.start)} with η = ${formatNumber(config.learningRate)}, shown up to step ${formatInteger(upTo)} of ${formatInteger(steps)}, ` +
    `where x = ${formatNumber(now.x)}. ${outcomeText(descent)}${offChart ? ` ${offChart} of the points shown lie off the chart.` : ''}`;
  const svg = chartSvg({ ...FRAME, spec: { ...FRAME.spec, description } }, content);

  const rows: string[][] = [];
  for (let t = 0; t <= Math.min(upTo, TABLE_STEPS); t++) {
    const x = descent.path[t];
    const slope = toyGradient(x);
    rows.push([formatInteger(t), formatFixed(x, 4), formatFixed(toyLoss(x), 4), formatFixed(slope, 4), t < steps ? formatFixed(-config.learningRate * slope, 4) : '—']);
  }
  return {
    svg,
    numbers: {
      step: formatInteger(upTo),
      steps: formatInteger(steps),
      x: formatFixed(now.x, 3),
      loss: formatFixed(toyLoss(now.x), 3),
      slope: formatFixed(toyGradient(now.x), 3),
      outcome: outcomeText(descent),
    },
    rows,
    tableCaption: `The descent step by step: x, f(x), the slope, and the step taken (first ${formatInteger(rows.length)} of ${formatInteger(steps + 1)} points).`,
    steps,
    outcome: descent.outcome,
  };
}
