// The loss-surface figure: a heat map of the loss over two chosen parameters (the other seven
// held fixed), contour lines, a colour bar, and the training run's path projected onto the two
// axes. Pure: the server draws it at build time and the browser redraws it with the same code;
// only the heat map's pixels are turned into an image differently (PNG bytes / a canvas).
import type { EndStateReport } from '../../trainer/endState';
import { chartFrame, chartSvg, type ChartFrame } from '../kit/chart';
import { formatFixed, formatInteger, formatNumber, formatShort } from '../../experiments/format';
import type { HeatScale } from '../kit/heatmap';
import { colourBar, heatContours, heatImage } from '../kit/heatmapChart';
import { markerPath } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import type { LossSurfaceConfig } from '../../experiments/loss-surface/settings';
import { GRID, gridMinimum, indexOf, type SurfaceRun, type SurfaceWindow } from '../../experiments/loss-surface/run';
import { OVER_HEATMAP } from '../kit/palette';

export const SURFACE_WIDTH = 560;
export const SURFACE_HEIGHT = 480;
const MARGIN = { top: 30, right: 104, bottom: 44, left: 58 };
/** Contours are traced on every third grid point: smooth enough, and a small path. */
const CONTOUR_STRIDE = 3;
const CONTOUR_COUNT = 8;
/** The table alternative samples the grid at this many points per axis. */
export const TABLE_POINTS = 7;

export interface SurfaceSceneInput {
  config: LossSurfaceConfig;
  run: SurfaceRun;
  window: SurfaceWindow;
  grid: Float64Array;
  scale: HeatScale;
  /** The heat map as an image URL (a PNG data: URL). */
  image: string;
  /** The end state of the run. */
  report: EndStateReport;
  /** The gradient at the slice point. */
  gradient: Float64Array;
  /** The loss at each of the path's snapshots (same length as run.path). */
  pathLosses: ArrayLike<number>;
}

export interface SurfaceScene {
  svg: SvgNode;
  numbers: Record<string, string>;
  gridColumns: string[];
  gridRows: string[][];
  pathRows: string[][];
}

function frameFor(config: LossSurfaceConfig, window: SurfaceWindow, description: string): ChartFrame {
  return chartFrame({
    width: SURFACE_WIDTH,
    height: SURFACE_HEIGHT,
    margin: MARGIN,
    x: { label: config.x, domain: window.x, nice: false },
    y: { label: config.y, domain: window.y, nice: false },
    grid: false,
    title: `The loss over ${config.x} and ${config.y}, with the other seven parameters held at the ${config.slice} of the run`,
    description,
    heading: `Loss over ${config.x} and ${config.y}`,
  });
}

/** The (x, y) parameter values under a point of the figure (viewBox units), inside the window. */
export function valuesAt(window: SurfaceWindow, viewBoxX: number, viewBoxY: number): [number, number] {
  const left = MARGIN.left, right = SURFACE_WIDTH - MARGIN.right, top = MARGIN.top, bottom = SURFACE_HEIGHT - MARGIN.bottom;
  const sx = Math.min(1, Math.max(0, (viewBoxX - left) / (right - left)));
  const sy = Math.min(1, Math.max(0, (bottom - viewBoxY) / (bottom - top)));
  return [window.x[0] + sx * (window.x[1] - window.x[0]), window.y[0] + sy * (window.y[1] - window.y[0])];
}

export function lossSurfaceScene(input: SurfaceSceneInput): SurfaceScene {
  const { config, run, window, grid, scale, image, report, gradient, pathLosses } = input;
  const xi = indexOf(config.x), yi = indexOf(config.y);
  const lowest = gridMinimum(grid);
  const step = (w: [number, number]) => (w[1] - w[0]) / (GRID - 1);
  const at = (w: [number, number], i: number) => w[0] + i * step(w);
  const lowX = at(window.x, lowest.column), lowY = at(window.y, lowest.row);
  const slice = config.slice === 'end' ? run.end : run.start;
  const sliceLoss = config.slice === 'end' ? run.endLoss : run.startLoss;
  const stateWords =
    run.status === 'diverged' ? `diverged at epoch ${formatInteger(run.epochs)} (the last finite values are shown)` : `${report.state} (h1 ${report.units[0]}, h2 ${report.units[1]})`;
  const description =
    `A heat map of the loss: darker is lower, from ${formatShort(scale.low)} to ${formatShort(scale.high)}${scale.kind === 'excess' ? ', with the colours spread most just above the lowest value so that shallow dips show' : ''}. ` +
    `${config.x} runs from ${formatShort(window.x[0])} to ${formatShort(window.x[1])} across, ${config.y} from ${formatShort(window.y[0])} to ${formatShort(window.y[1])} up; the other seven parameters are held at the ${config.slice} of the run. ` +
    `The lowest loss in this window is ${formatShort(lowest.value)}, at ${config.x} = ${formatShort(lowX)}, ${config.y} = ${formatShort(lowY)}. ` +
    `The run starts at ${config.x} = ${formatShort(run.start[xi])}, ${config.y} = ${formatShort(run.start[yi])} (square) with loss ${formatShort(run.startLoss)} and ends after ${formatInteger(run.epochs)} epochs at ${formatShort(run.end[xi])}, ${formatShort(run.end[yi])} (circle) with loss ${formatShort(run.endLoss)}, as ${stateWords}.`;
  const frame = frameFor(config, window, description);
  const { plot } = frame;
  const content: SvgNode[] = [];
  content.push(heatImage(frame, image, 'ls-heat'));
  content.push(heatContours(frame, grid, GRID, window, scale, { count: CONTOUR_COUNT, stride: CONTOUR_STRIDE, className: 'ls-contours' }));

  // The path: the two chosen coordinates of each snapshot; segments outside the window are left out.
  const inside = (p: Float64Array) => p[xi] >= window.x[0] && p[xi] <= window.x[1] && p[yi] >= window.y[0] && p[yi] <= window.y[1];
  const pieces: string[] = [];
  for (let k = 0; k + 1 < run.path.length; k++) {
    const [a, b] = [run.path[k], run.path[k + 1]];
    if (inside(a) && inside(b)) pieces.push(`M${round(frame.x(a[xi]))},${round(frame.y(a[yi]))}L${round(frame.x(b[xi]))},${round(frame.y(b[yi]))}`);
  }
  const d = pieces.join('');
  content.push(h('path', { class: 'ls-path-halo', d, fill: 'none', stroke: OVER_HEATMAP.halo, 'stroke-width': 4.5, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
  content.push(h('path', { class: 'ls-path', d, fill: 'none', stroke: OVER_HEATMAP.current, 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));

  const marker = (p: Float64Array, shape: 'square' | 'circle', fill: string, cls: string) =>
    inside(p) ? h('path', { class: cls, d: markerPath(shape, frame.x(p[xi]), frame.y(p[yi]), 7), fill, stroke: OVER_HEATMAP.halo, 'stroke-width': 2 }) : null;
  const startNode = marker(run.start, 'square', OVER_HEATMAP.start, 'ls-start');
  const endNode = marker(run.end, 'circle', OVER_HEATMAP.current, 'ls-end');
  if (endNode) content.push(endNode);
  if (startNode) content.push(startNode);
  // The slice point gets a ring: the picture is exact there and only there in all nine directions.
  if (inside(slice)) {
    content.push(h('circle', { class: 'ls-slice', cx: round(frame.x(slice[xi])), cy: round(frame.y(slice[yi])), r: 12, fill: 'none', stroke: OVER_HEATMAP.halo, 'stroke-width': 2, 'stroke-dasharray': '3 2' }));
  }
  const lowestNode = h('path', { class: 'ls-lowest', d: markerPath('triangle', frame.x(lowX), frame.y(lowY), 6), fill: OVER_HEATMAP.halo, stroke: OVER_HEATMAP.outline, 'stroke-width': 1 });
  content.push(lowestNode);
  content.push(colourBar(frame, scale, { label: 'loss', className: 'ls-colour-bar', reference: { value: run.varY, label: 'Var(y)' } }));
  const svg = chartSvg(frame, content);

  // The table alternative: the grid sampled at TABLE_POINTS × TABLE_POINTS, top row first.
  const picks = Array.from({ length: TABLE_POINTS }, (_, i) => Math.round((i * (GRID - 1)) / (TABLE_POINTS - 1)));
  const gridColumns = [`${config.y} \\ ${config.x}`, ...picks.map((c) => formatShort(at(window.x, c)))];
  const gridRows = [...picks].reverse().map((r) => [formatShort(at(window.y, r)), ...picks.map((c) => formatShort(grid[r * GRID + c]))]);
  const pathPicks = Array.from(new Set(Array.from({ length: 11 }, (_, i) => Math.round((i * (run.path.length - 1)) / 10))));
  const pathRows = pathPicks.map((k) => [formatInteger(run.pathEpochs[k]), formatFixed(run.path[k][xi], 3), formatFixed(run.path[k][yi], 3), formatShort(pathLosses[k])]);

  return {
    svg,
    numbers: {
      x: config.x,
      y: config.y,
      startAt: `${config.x} = ${formatShort(run.start[xi])}, ${config.y} = ${formatShort(run.start[yi])}`,
      startLoss: formatShort(run.startLoss),
      endLoss: formatShort(run.endLoss),
      endR2: formatFixed(report.rSquared, 3),
      state: stateWords,
      epochs: formatInteger(run.epochs),
      sliceAt: config.slice,
      sliceLoss: formatShort(sliceLoss),
      lowest: formatShort(lowest.value),
      lowestAt: `${config.x} = ${formatShort(lowX)}, ${config.y} = ${formatShort(lowY)}`,
      gradX: formatNumber(gradient[xi]),
      gradY: formatNumber(gradient[yi]),
      gradientNorm: formatShort(report.gradientNorm),
    },
    gridColumns,
    gridRows,
    pathRows,
  };
}
