// The loss over two parameters around the network's current point, every other parameter held
// where it is: the grid (lossSurface), the heat map with contours and colour bar (kit), the
// current point, the direction the next full-batch step would take within these two, and the
// lowest loss in the window. Pure: the server draws it at build time, the browser on change;
// only the heat map's pixels become an image differently (PNG bytes / a canvas).
import type { Dataset } from '../../trainer/data';
import { lossAndGradient } from '../../trainer/gradient';
import { heatPixels, heatScaleOf, type HeatScale } from '../kit/heatmap';
import { linspace, lossSurface } from '../../trainer/landscape';
import { meanSquaredError, variance } from '../../trainer/loss';
import { chartFrame, chartSvg } from '../kit/chart';
import { formatNumber, formatShort } from '../../experiments/format';
import { colourBar, gridValue, heatContours, heatImage, type GridWindow } from '../kit/heatmapChart';
import { markerPath } from '../kit/scatter';
import { h, round, type SvgNode } from '../kit/svg';
import { parameterName } from '../../trainer/parameters';
import { OVER_HEATMAP } from '../kit/palette';

/** Grid points along each axis; odd, so the current point is the centre grid point. */
export const SLICE_GRID = 81;
export const SLICE_WIDTH = 480;
export const SLICE_HEIGHT = 400;
const MARGIN = { top: 30, right: 96, bottom: 44, left: 58 };
const CONTOUR_STRIDE = 2;
const CONTOUR_COUNT = 8;
/** The table alternative samples the grid at this many points per axis (the centre among them). */
export const SLICE_TABLE_POINTS = 5;

export interface SliceInput {
  params: Float64Array;
  data: Dataset;
  hidden: number;
  /** Indices of the horizontal and vertical parameters. */
  x: number;
  y: number;
  span: number;
}

export interface SliceState extends SliceInput {
  window: GridWindow;
  /** grid[r * SLICE_GRID + c]: the loss with the x parameter at column c, the y parameter at row r (row 0 lowest). */
  grid: Float64Array;
  scale: HeatScale;
  /** L and ∂L/∂θ at the current point. */
  loss: number;
  gradient: Float64Array;
  varY: number;
}

/** The window around the current point and the losses over it. */
export function sliceState(input: SliceInput, grid = new Float64Array(SLICE_GRID * SLICE_GRID)): SliceState {
  const { params, data, hidden, x, y, span } = input;
  const window: GridWindow = { x: [params[x] - span, params[x] + span], y: [params[y] - span, params[y] + span] };
  lossSurface(params, data, x, linspace(window.x[0], window.x[1], SLICE_GRID), y, linspace(window.y[0], window.y[1], SLICE_GRID), hidden, grid);
  // A loss that overflowed is too large to represent, whatever the arithmetic made of it.
  for (let i = 0; i < grid.length; i++) if (Number.isNaN(grid[i])) grid[i] = Infinity;
  const loss = meanSquaredError(params, data, hidden);
  return {
    ...input,
    window,
    grid,
    scale: heatScaleOf(grid),
    loss: Number.isNaN(loss) ? Infinity : loss,
    gradient: lossAndGradient(params, data, hidden).grad,
    varY: variance(data.y),
  };
}

/**
 * The heat map's RGBA pixels. The colours span the finite losses; a loss too large to represent
 * is painted with the highest colour (the kit would paint it with the lowest, as if it were a valley).
 */
export function slicePixels(state: Pick<SliceState, 'grid' | 'scale'>): Uint8ClampedArray<ArrayBuffer> {
  const paint = Float64Array.from(state.grid, (v) => (Number.isFinite(v) ? v : state.scale.high));
  return heatPixels(paint, SLICE_GRID, SLICE_GRID, state.scale);
}

/** The lowest finite value of the grid and its column and row. */
export function sliceMinimum(grid: ArrayLike<number>): { value: number; column: number; row: number } {
  let best = Infinity, at = -1;
  for (let i = 0; i < grid.length; i++) if (grid[i] < best) (best = grid[i]), (at = i);
  return at < 0 ? { value: Infinity, column: (SLICE_GRID - 1) / 2, row: (SLICE_GRID - 1) / 2 } : { value: best, column: at % SLICE_GRID, row: Math.floor(at / SLICE_GRID) };
}

export interface SliceScene {
  svg: SvgNode;
  numbers: Record<string, string>;
  tableColumns: string[];
  tableRows: string[][];
}

export function sliceScene(state: SliceState, image: string): SliceScene {
  const { params, hidden, x, y, window, grid, scale, gradient } = state;
  const xName = parameterName(x, hidden), yName = parameterName(y, hidden);
  const others = params.length - 2;
  const lowest = sliceMinimum(grid);
  const lowX = gridValue(window.x, SLICE_GRID, lowest.column), lowY = gridValue(window.y, SLICE_GRID, lowest.row);
  const gx = gradient[x], gy = gradient[y];
  const description =
    `A heat map of the loss over ${xName} (across, ${formatShort(window.x[0])} to ${formatShort(window.x[1])}) and ${yName} (up, ${formatShort(window.y[0])} to ${formatShort(window.y[1])}), ` +
    `the other ${others} parameters held at their current values; darker is lower, from ${formatShort(scale.low)} to ${formatShort(scale.high)}. ` +
    `The ringed circle is the current point, loss ${formatShort(state.loss)}; the arrow points the way the next full-batch step moves these two (against the slopes ${formatShort(gx)} and ${formatShort(gy)}). ` +
    `The triangle marks the lowest loss in the window, ${formatShort(lowest.value)}, at ${xName} = ${formatShort(lowX)}, ${yName} = ${formatShort(lowY)}.`;
  const frame = chartFrame({
    width: SLICE_WIDTH,
    height: SLICE_HEIGHT,
    margin: MARGIN,
    x: { label: xName, domain: window.x, nice: false },
    y: { label: yName, domain: window.y, nice: false },
    grid: false,
    heading: `Loss over ${xName} and ${yName}`,
    title: `The loss over ${xName} and ${yName} around the current parameters`,
    description,
  });
  const content: SvgNode[] = [
    heatImage(frame, image, 'ss-heat'),
    heatContours(frame, grid, SLICE_GRID, window, scale, { count: CONTOUR_COUNT, stride: CONTOUR_STRIDE, className: 'ss-contours' }),
  ];

  // −∇L within the two: an arrow a third of the window long, pointing where the next step goes.
  const cx = frame.x(params[x]), cy = frame.y(params[y]);
  const length = Math.hypot(gx / (window.x[1] - window.x[0]), gy / (window.y[1] - window.y[0]));
  if (length > 0 && Number.isFinite(length)) {
    const k = 1 / (3 * length);
    const ex = frame.x(params[x] - k * gx), ey = frame.y(params[y] - k * gy);
    const angle = Math.atan2(ey - cy, ex - cx);
    const head = (a: number) => `${round(ex - 9 * Math.cos(angle + a))},${round(ey - 9 * Math.sin(angle + a))}`;
    const arrow = `M${round(cx)},${round(cy)}L${round(ex)},${round(ey)}M${head(0.45)}L${round(ex)},${round(ey)}L${head(-0.45)}`;
    content.push(h('path', { class: 'ss-step-halo', d: arrow, fill: 'none', stroke: OVER_HEATMAP.halo, 'stroke-width': 5, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
    content.push(h('path', { class: 'ss-step', d: arrow, fill: 'none', stroke: OVER_HEATMAP.current, 'stroke-width': 2.5, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
  }
  content.push(h('path', { class: 'ss-lowest', d: markerPath('triangle', frame.x(lowX), frame.y(lowY), 6), fill: OVER_HEATMAP.halo, stroke: OVER_HEATMAP.outline, 'stroke-width': 1 }));
  content.push(h('circle', { class: 'ss-now', cx: round(cx), cy: round(cy), r: 6, fill: OVER_HEATMAP.current, stroke: OVER_HEATMAP.halo, 'stroke-width': 2 }));
  content.push(h('circle', { class: 'ss-now-ring', cx: round(cx), cy: round(cy), r: 11, fill: 'none', stroke: OVER_HEATMAP.halo, 'stroke-width': 2, 'stroke-dasharray': '3 2' }));
  content.push(colourBar(frame, scale, { label: 'loss', className: 'ss-colour-bar', reference: { value: state.varY, label: 'Var(y)' } }));

  // The table alternative: the grid sampled at SLICE_TABLE_POINTS per axis, top row first.
  const picks = Array.from({ length: SLICE_TABLE_POINTS }, (_, i) => Math.round((i * (SLICE_GRID - 1)) / (SLICE_TABLE_POINTS - 1)));
  const tableColumns = [`${yName} \\ ${xName}`, ...picks.map((c) => formatShort(gridValue(window.x, SLICE_GRID, c)))];
  const tableRows = [...picks].reverse().map((r) => [formatShort(gridValue(window.y, SLICE_GRID, r)), ...picks.map((c) => formatShort(grid[r * SLICE_GRID + c]))]);

  return {
    svg: chartSvg(frame, content),
    numbers: {
      xName,
      yName,
      now: `${xName} = ${formatNumber(params[x])}, ${yName} = ${formatNumber(params[y])}`,
      loss: formatShort(state.loss),
      slopes: `∂L/∂${xName} = ${formatNumber(gx)}, ∂L/∂${yName} = ${formatNumber(gy)}`,
      lowest: formatShort(lowest.value),
      lowestAt: `${xName} = ${formatShort(lowX)}, ${yName} = ${formatShort(lowY)}`,
      others: String(others),
    },
    tableColumns,
    tableRows,
  };
}
