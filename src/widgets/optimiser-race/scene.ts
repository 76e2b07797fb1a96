// Everything the optimiser race shows: the loss slice over the two trained parameters as contour
// lines (every other parameter where it starts, so the slice is exactly the landscape both
// optimisers move on) with both paths drawn from the shared start; the two loss curves on one
// chart with the noise floor and Var(y); the numbers beside them (the slice's λmax and the
// stability limits it sets) and a table as the figures' text alternative. Pure: the .astro
// draws it at build time, the custom element on every change.
import { linspace, lossSurface } from '../../trainer/landscape';
import { noiseFloor } from '../../trainer/noiseFloor';
import { variance } from '../../trainer/loss';
import { PARAMETER_NAMES } from '../../trainer/parameters';
import { formatInteger, formatLoss, formatNumber } from '../../experiments/format';
import { tableEpochs } from '../../experiments/training/report';
import { OPTIMISER_LABELS } from '../../experiments/optimiser-race/settings';
import type { OptimiserRace, RaceArm } from '../../experiments/optimiser-race/run';
import { chartFrame, chartSvg, type ChartFrame } from '../kit/chart';
import { contourPath } from '../kit/contours';
import { lineChart } from '../kit/lineChart';
import { markerPath } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import { COLOURS, NEUTRALS, TEXT_COLOURS } from '../kit/palette';
import { textClass } from '../kit/type';

export const PANEL_WIDTH = 440;
export const PANEL_HEIGHT = 360;
/** Grid points per axis of the slice. */
export const RACE_GRID = 61;
const CONTOURS = 12;
/** A path point is drawn every `stride` epochs at most this many times, so long runs stay light. */
const MAX_PATH_POINTS = 600;

const ARM_STYLES = [
  { color: COLOURS.blue, dash: '', marker: 'circle' as const },
  { color: COLOURS.vermillion, dash: '6 4', marker: 'diamond' as const },
];

export const RACE_COLUMNS = ['epoch', 'loss of A', 'loss of B'];

export interface RaceScene {
  panels: { slice: SvgNode; loss: SvgNode };
  numbers: Record<string, string>;
  tables: { losses: string[][] };
}

export const armName = (arm: RaceArm, letter: string) => `${letter}: ${OPTIMISER_LABELS[arm.kind]}, η = ${formatNumber(arm.learningRate)}`;

/** The window the slice spans: both paths (the finite part) and the start, with a margin. */
export function raceWindow(race: OptimiserRace): { x: [number, number]; y: [number, number] } {
  const sx = race.start[race.xIndex], sy = race.start[race.yIndex];
  let x0 = sx - 0.5, x1 = sx + 0.5, y0 = sy - 0.5, y1 = sy + 0.5;
  // A path that runs away is cut at 20 from the start: the reader sees it leave, the bowl stays readable.
  const far = 20;
  for (const arm of race.arms) {
    for (let i = 0; i < arm.x.length; i++) {
      const x = Math.max(sx - far, Math.min(sx + far, arm.x[i]));
      const y = Math.max(sy - far, Math.min(sy + far, arm.y[i]));
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
  }
  const mx = 0.1 * (x1 - x0), my = 0.1 * (y1 - y0);
  return { x: [x0 - mx, x1 + mx], y: [y0 - my, y1 + my] };
}

/** Contour levels: evenly spaced in the logarithm of the loss between the grid's lowest and a high quantile. */
function levels(grid: Float64Array): number[] {
  const finite = [...grid].filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (finite.length < 2) return [];
  const lo = finite[0], hi = finite[Math.floor(0.95 * (finite.length - 1))];
  if (!(hi > lo)) return [];
  return Array.from({ length: CONTOURS }, (_, i) => lo * (hi / lo) ** ((i + 0.5) / CONTOURS));
}

function pathD(frame: ChartFrame, arm: RaceArm): string {
  const stride = Math.max(1, Math.ceil(arm.x.length / MAX_PATH_POINTS));
  const { plot } = frame;
  const clampX = (v: number) => Math.max(plot.left - 4, Math.min(plot.right + 4, frame.x(v)));
  const clampY = (v: number) => Math.max(plot.top - 4, Math.min(plot.bottom + 4, frame.y(v)));
  const points: string[] = [];
  for (let i = 0; i < arm.x.length; i += stride) points.push(`${round(clampX(arm.x[i]))},${round(clampY(arm.y[i]))}`);
  const last = arm.x.length - 1;
  if (last % stride !== 0) points.push(`${round(clampX(arm.x[last]))},${round(clampY(arm.y[last]))}`);
  return points.length ? `M${points.join('L')}` : '';
}

function slicePanel(race: OptimiserRace): SvgNode {
  const window = raceWindow(race);
  const xs = linspace(window.x[0], window.x[1], RACE_GRID), ys = linspace(window.y[0], window.y[1], RACE_GRID);
  const grid = lossSurface(race.start, race.data, race.xIndex, xs, race.yIndex, ys, 2);
  const xName = PARAMETER_NAMES[race.xIndex], yName = PARAMETER_NAMES[race.yIndex];
  const frame = chartFrame({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    margin: { top: 62 },
    heading: `The loss over ${xName} and ${yName}`,
    title: `Contours of the loss over ${xName} and ${yName}, every other parameter at the start, with the paths of both optimisers.`,
    description:
      `Each closed line joins points of equal loss; the lines crowd where the loss rises steeply. Both optimisers start at the black square and train only ${xName} and ${yName}, so their paths lie on this picture exactly. ` +
      race.arms.map((arm, i) => `${armName(arm, 'AB'[i])} ${arm.status === 'diverged' ? `diverged at epoch ${formatInteger(arm.divergedAt)}` : `ends at ${xName} = ${formatNumber(arm.x[arm.x.length - 1])}, ${yName} = ${formatNumber(arm.y[arm.y.length - 1])}`}.`).join(' '),
    x: { label: xName, domain: window.x, nice: false },
    y: { label: yName, domain: window.y, nice: false },
    grid: false,
  });
  const toX = (c: number) => frame.x(xs[0] + (c * (xs[xs.length - 1] - xs[0])) / (RACE_GRID - 1));
  const toY = (r: number) => frame.y(ys[0] + (r * (ys[ys.length - 1] - ys[0])) / (RACE_GRID - 1));
  const content: SvgNode[] = [
    h('path', { class: 'np-contours', d: levels(grid).map((level) => contourPath(grid, RACE_GRID, RACE_GRID, level, toX, toY)).join(''), fill: 'none', stroke: 'currentColor', 'stroke-opacity': 0.35, 'stroke-width': 0.8 }),
  ];
  race.arms.forEach((arm, i) => {
    const style = ARM_STYLES[i];
    content.push(h('path', { class: 'np-race-path', 'data-arm': 'AB'[i], d: pathD(frame, arm), fill: 'none', stroke: style.color, 'stroke-width': 1.8, 'stroke-dasharray': style.dash, 'stroke-linejoin': 'round' }));
    const last = arm.x.length - 1;
    const ex = frame.x(arm.x[last]), ey = frame.y(arm.y[last]);
    const { plot } = frame;
    if (ex >= plot.left && ex <= plot.right && ey >= plot.top && ey <= plot.bottom) content.push(h('path', { d: markerPath(style.marker, ex, ey, 5), fill: style.color, stroke: NEUTRALS.bg, 'stroke-width': 1 }));
  });
  const sx = frame.x(race.start[race.xIndex]), sy = frame.y(race.start[race.yIndex]);
  content.push(h('rect', { x: round(sx - 4.5), y: round(sy - 4.5), width: 9, height: 9, fill: 'currentColor' }));
  // The key above the plot, one line per optimiser: which path is which, told apart by dash as well as colour.
  race.arms.forEach((arm, i) => {
    const style = ARM_STYLES[i];
    const y = round(32 + Math.max(14, 1.2 * frame.axisLayout.tick) * i);
    content.push(h('path', { d: `M${frame.plot.left},${y}h22`, stroke: style.color, 'stroke-width': 2, 'stroke-dasharray': style.dash }));
    content.push(h('text', { class: textClass('small'), x: frame.plot.left + 26, y, dy: '0.32em', fill: 'currentColor' }, armName(arm, 'AB'[i])));
  });
  return chartSvg(frame, content);
}

function lossPanel(race: OptimiserRace, floor: number, varY: number): SvgNode {
  const E = Math.max(...race.arms.map((a) => a.losses.length - 1));
  return lineChart({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    heading: 'Loss per epoch',
    title: `The loss of both optimisers over ${formatInteger(E)} epochs, with the noise floor and Var(y).`,
    description: race.arms.map((arm, i) => `${armName(arm, 'AB'[i])}: from ${formatLoss(arm.losses[0])} to ${formatLoss(arm.losses[arm.losses.length - 1])}${arm.status === 'diverged' ? ', then diverged' : ''}.`).join(' '),
    x: { label: 'epoch', type: 'symlog', domain: [0, Math.max(1, E)] },
    y: { label: 'loss (log scale)', type: 'log' },
    series: race.arms.map((arm, i) => ({ label: 'AB'[i], y: arm.losses, color: ARM_STYLES[i].color, dash: ARM_STYLES[i].dash })),
    references: [
      { value: varY, label: 'Var(y): predict the mean' },
      { value: floor, label: 'noise floor', color: TEXT_COLOURS.green, dash: '2 3' },
    ],
  });
}

export function raceScene(race: OptimiserRace): RaceScene {
  const floor = noiseFloor(race.data);
  const varY = variance(race.data.y);
  const c = race.curvature;
  const [a, b] = race.arms;
  const end = (arm: RaceArm) => (arm.status === 'diverged' ? `diverged at epoch ${formatInteger(arm.divergedAt)}` : formatLoss(arm.losses[arm.losses.length - 1]));
  const numbers: Record<string, string> = {
    lambdaMax: formatNumber(c.lambdaMax),
    lambdaMin: formatNumber(c.lambdaMin),
    gdLimit: formatNumber(c.gradientDescentLimit),
    momentumLimit: formatNumber(c.momentumLimit),
    nesterovLimit: formatNumber(c.nesterovLimit),
    beta: formatNumber(race.config.beta),
    endA: end(a),
    endB: end(b),
    floor: formatNumber(floor),
  };
  const E = Math.max(a.losses.length, b.losses.length) - 1;
  const at = (arm: RaceArm, e: number) => (e < arm.losses.length ? formatLoss(arm.losses[e]) : 'diverged');
  const rows = tableEpochs(E).map((e) => [formatInteger(e), at(a, e), at(b, e)]);
  return { panels: { slice: slicePanel(race), loss: lossPanel(race, floor, varY) }, numbers, tables: { losses: rows } };
}
