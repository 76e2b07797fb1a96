// Everything the bowl widget shows: the quadratic bowl as contour lines over θ1, θ2 with its two
// axes (the Hessian's eigenvectors, each labelled with its eigenvalue), gradient descent's path
// from the start, and the loss per step on a log scale; the numbers (λmax, κ, the limit 2/λmax,
// the factor by which the slowest part shrinks per step) and the path as a table. Pure: the .astro
// draws it at build time, the custom element on every change.
import { bowlAxes, bowlLoss, bowlPath, conditionNumber, slowestFactor, bestRate, type Bowl, type BowlPath } from '../../trainer/quadratic';
import { formatInteger, formatLoss, formatNumber } from '../../experiments/format';
import { bowlOf, START_LIMIT, type BowlConfig } from '../../experiments/bowl/settings';
import { stepsToOnePercent } from '../../experiments/bowl/steps';
import { chartFrame, chartSvg } from '../kit/chart';
import { contourPath } from '../kit/contours';
import { lineChart } from '../kit/lineChart';
import { h, round, type SvgNode } from '../kit/svg';
import { COLOURS } from '../kit/palette';
import { textClass } from '../kit/type';

export const BOWL_WIDTH = 420;
export const BOWL_HEIGHT = 420;
const MARGIN = { top: 30, right: 16, bottom: 44, left: 50 };
const GRID = 81;
const PATH_COLOR = COLOURS.vermillion;
const AXIS_COLOR = COLOURS.blue;

export const PATH_COLUMNS = ['step', 'θ1', 'θ2', 'loss'];

export interface BowlScene {
  panels: { bowl: SvgNode; loss: SvgNode };
  numbers: Record<string, string>;
  rows: string[][];
  state: 'settles' | 'diverges' | 'saddle' | 'slow';
}

export interface BowlRun {
  config: BowlConfig;
  bowl: Bowl;
  path: BowlPath;
}

export function runBowl(config: BowlConfig): BowlRun {
  const bowl = bowlOf(config);
  return { config, bowl, path: bowlPath(bowl, [config.startX, config.startY], { learningRate: config.learningRate, steps: config.steps }) };
}

/** The figure's frame: the same window for every bowl, so turning and squeezing it is visible. */
export function bowlFrame() {
  return chartFrame({
    width: BOWL_WIDTH,
    height: BOWL_HEIGHT,
    margin: MARGIN,
    heading: 'The bowl and the path of gradient descent',
    title: 'Contours of a quadratic loss over θ1 and θ2, its two axes, and the path of gradient descent.',
    x: { label: 'θ1', domain: [-START_LIMIT, START_LIMIT], nice: false },
    y: { label: 'θ2', domain: [-START_LIMIT, START_LIMIT], nice: false },
    grid: false,
  });
}

function bowlPanel(run: BowlRun): SvgNode {
  const { bowl, path, config } = run;
  const base = bowlFrame();
  const frame = {
    ...base,
    spec: {
      ...base.spec,
      description:
        `Each closed line joins points of equal loss. The blue lines are the bowl's axes: along the first, turned ${formatNumber(config.angle)}° from θ1, the curvature is λ1 = ${formatNumber(config.lambda1)}; along the second, λ2 = ${formatNumber(config.lambda2)}. ` +
        `The orange path is gradient descent with η = ${formatNumber(config.learningRate)} from (${formatNumber(config.startX)}, ${formatNumber(config.startY)}), ${path.diverged ? 'which runs away' : `which after ${formatInteger(path.x.length - 1)} steps is at (${formatNumber(path.x[path.x.length - 1])}, ${formatNumber(path.y[path.y.length - 1])})`}.`,
    },
  };
  const xs = Array.from({ length: GRID }, (_, i) => -START_LIMIT + (2 * START_LIMIT * i) / (GRID - 1));
  const grid = new Float64Array(GRID * GRID);
  for (let r = 0; r < GRID; r++) for (let c = 0; c < GRID; c++) grid[r * GRID + c] = bowlLoss(bowl, [xs[c], xs[r]]);
  // Levels at equal steps of √L (equal steps in distance along each axis) on both sides of 0, so a saddle shows too.
  const top = Math.max(...grid.map(Math.abs));
  const levels: number[] = [];
  for (let k = 1; k <= 10; k++) {
    const level = top * (k / 10) ** 2;
    levels.push(level, -level);
  }
  const toX = (c: number) => frame.x(xs[0] + (c * (xs[GRID - 1] - xs[0])) / (GRID - 1));
  const toY = (r: number) => frame.y(xs[0] + (r * (xs[GRID - 1] - xs[0])) / (GRID - 1));
  const { plot } = frame;
  const content: SvgNode[] = [
    h('path', { class: 'np-contours', d: levels.map((level) => contourPath(grid, GRID, GRID, level, toX, toY)).join(''), fill: 'none', stroke: 'currentColor', 'stroke-opacity': 0.35, 'stroke-width': 0.8 }),
  ];
  // The axes: lines through the bottom along u1 and u2, each labelled at its end with its curvature.
  const [u1, u2] = bowlAxes(bowl);
  [
    { u: u1, label: `λ1 = ${formatNumber(config.lambda1)}`, dash: '' },
    { u: u2, label: `λ2 = ${formatNumber(config.lambda2)}`, dash: '5 3' },
  ].forEach(({ u, label, dash }) => {
    const reach = START_LIMIT * 0.92;
    content.push(h('path', { class: 'np-axis-line', d: `M${round(frame.x(-reach * u[0]))},${round(frame.y(-reach * u[1]))}L${round(frame.x(reach * u[0]))},${round(frame.y(reach * u[1]))}`, stroke: AXIS_COLOR, 'stroke-width': 1.5, 'stroke-dasharray': dash, fill: 'none' }));
    const lx = Math.max(plot.left + 4, Math.min(plot.right - 70, frame.x(reach * u[0])));
    const ly = Math.max(plot.top + 12, Math.min(plot.bottom - 6, frame.y(reach * u[1]) - 6));
    content.push(h('text', { class: textClass('body'), x: round(lx), y: round(ly), fill: AXIS_COLOR, 'font-weight': 600 }, label));
  });
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo - 6, Math.min(hi + 6, v));
  const points = Array.from(path.x, (x, i) => `${round(clamp(frame.x(x), plot.left, plot.right))},${round(clamp(frame.y(path.y[i]), plot.top, plot.bottom))}`);
  content.push(h('path', { class: 'np-bowl-path', d: `M${points.join('L')}`, fill: 'none', stroke: PATH_COLOR, 'stroke-width': 1.6, 'stroke-linejoin': 'round' }));
  const dots = points.slice(0, 200).map((p) => {
    const [x, y] = p.split(',').map(Number);
    return `M${x + 2.4},${y}a2.4,2.4 0 1 0 -4.8,0a2.4,2.4 0 1 0 4.8,0`;
  });
  content.push(h('path', { d: dots.join(''), fill: PATH_COLOR }));
  const sx = frame.x(config.startX), sy = frame.y(config.startY);
  content.push(h('rect', { class: 'np-start', x: round(sx - 5), y: round(sy - 5), width: 10, height: 10, fill: 'currentColor' }));
  return chartSvg(frame, content);
}

function lossPanel(run: BowlRun): SvgNode {
  const { path } = run;
  const positive = run.bowl.lambda1 > 0 && run.bowl.lambda2 > 0;
  return lineChart({
    width: BOWL_WIDTH,
    height: BOWL_HEIGHT,
    heading: 'Loss per step',
    title: `The loss after each of ${formatInteger(path.losses.length - 1)} steps${positive ? ', on a log scale' : ''}.`,
    description: `From ${formatLoss(path.losses[0])} at the start to ${formatLoss(path.losses[path.losses.length - 1])}${path.diverged ? ', then too large to represent' : ''}.`,
    x: { label: 'step', domain: [0, Math.max(1, run.config.steps)] },
    y: positive ? { label: 'loss (log scale)', type: 'log' } : { label: 'loss' },
    series: [{ label: 'loss', y: path.losses, color: PATH_COLOR }],
  });
}

export function bowlScene(run: BowlRun): BowlScene {
  const { config, path } = run;
  const lmax = Math.max(config.lambda1, config.lambda2), lmin = Math.min(config.lambda1, config.lambda2);
  const limit = lmax > 0 ? 2 / lmax : Infinity;
  const kappa = conditionNumber(config.lambda1, config.lambda2);
  const factor = slowestFactor(config.lambda1, config.lambda2, config.learningRate);
  const best = lmin > 0 ? bestRate(config.lambda1, config.lambda2) : null;
  const reached = stepsToOnePercent(path.losses);
  const state: BowlScene['state'] = lmin < 0 ? 'saddle' : path.diverged || factor > 1 ? 'diverges' : reached < 0 ? 'slow' : 'settles';
  const numbers: Record<string, string> = {
    lambdaMax: formatNumber(lmax),
    lambdaMin: formatNumber(lmin),
    kappa: Number.isFinite(kappa) ? formatNumber(kappa) : 'no bottom (λmin ≤ 0)',
    limit: Number.isFinite(limit) ? formatNumber(limit) : 'none (no upward curvature)',
    ratio: Number.isFinite(limit) ? `${formatNumber(config.learningRate / limit)} of the limit` : '—',
    factor: formatNumber(factor),
    bestRate: best ? formatNumber(best.learningRate) : '—',
    bestFactor: best ? formatNumber(best.factor) : '—',
    reached: reached >= 0 ? `after step ${formatInteger(reached)}` : 'not within these steps',
    finalLoss: path.diverged ? 'too large to represent' : formatLoss(path.losses[path.losses.length - 1]),
    verdict: verdict(state, config, factor, limit),
  };
  const stride = Math.max(1, Math.ceil(path.x.length / 60));
  const rows: string[][] = [];
  for (let t = 0; t < path.x.length; t += stride) rows.push([formatInteger(t), formatNumber(path.x[t]), formatNumber(path.y[t]), formatLoss(path.losses[t])]);
  return { panels: { bowl: bowlPanel(run), loss: lossPanel(run) }, numbers, rows, state };
}

function verdict(state: BowlScene['state'], config: BowlConfig, factor: number, limit: number): string {
  if (state === 'saddle') return 'One curvature is negative: this is a saddle, not a bowl. Along that axis the loss curves down, and every step moves further away from the middle.';
  if (state === 'diverges') return `η = ${formatNumber(config.learningRate)} is above the limit 2/λmax = ${formatNumber(limit)}: along the steeper axis every step overshoots further than the last, by a factor of ${formatNumber(factor)}.`;
  if (state === 'slow') return `Below the limit, so it settles, but slowly: along the slower axis each step multiplies the distance to the bottom by ${formatNumber(factor)}.`;
  return `Below the limit 2/λmax = ${formatNumber(limit)}: every step multiplies the distance to the bottom along each axis by at most ${formatNumber(factor)}.`;
}
