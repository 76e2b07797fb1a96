// The loss surface's computation, shared by the server, the browser and lesson 9's facts: the training
// run from the chosen start (with snapshots for its path), the window the picture shows, and
// the grid of losses over the two chosen parameters with the other seven held fixed.
import type { Dataset } from '../../trainer/data';
import { classifyEndState, type EndStateReport } from '../../trainer/endState';
import { lossAndGradient } from '../../trainer/gradient';
import { initParams } from '../../trainer/init';
import { linspace, lossSurface } from '../../trainer/landscape';
import { meanSquaredError, variance } from '../../trainer/loss';
import { PARAMETER_NAMES, type ParameterName } from '../../trainer/parameters';
import { Trainer, type TrainStatus } from '../../trainer/train';
import { lossSurfaceSettings, type LossSurfaceConfig } from './settings';

/** Grid points along each axis: 150 × 150 = 22,500 losses per picture. */
export const GRID = 150;
/** At most this many snapshots of the parameters make up the drawn path. */
const PATH_POINTS = 300;

export const indexOf = (name: ParameterName) => PARAMETER_NAMES.indexOf(name);

/** The nine starting values: the seeded preset's, with any set by hand on top. */
export function startingValues(config: Pick<LossSurfaceConfig, 'init' | 'initSeed' | ParameterName>): Float64Array {
  const params = initParams({ preset: config.init, seed: config.initSeed });
  PARAMETER_NAMES.forEach((name, j) => {
    const v = config[name];
    if (v !== null) params[j] = v;
  });
  return params;
}

export interface SurfaceRun {
  start: Float64Array;
  end: Float64Array;
  status: TrainStatus;
  message: string;
  epochs: number;
  /** Parameter snapshots along the way, the start first and the end last. */
  path: Float64Array[];
  pathEpochs: number[];
  startLoss: number;
  endLoss: number;
  varY: number;
}

/** Trains from the config's start and keeps about PATH_POINTS snapshots of the way. */
export function surfaceRun(config: LossSurfaceConfig, data: Dataset): SurfaceRun {
  const start = startingValues(config);
  const trainer = new Trainer({ data, params: start, learningRate: config.learningRate });
  const every = Math.max(1, Math.ceil(config.epochs / PATH_POINTS));
  const path = [Float64Array.from(start)];
  const pathEpochs = [0];
  while (trainer.epoch < config.epochs && trainer.status === 'ok') {
    trainer.step(Math.min(every, config.epochs - trainer.epoch));
    path.push(Float64Array.from(trainer.params));
    pathEpochs.push(trainer.epoch);
  }
  const losses = trainer.losses;
  return {
    start,
    end: Float64Array.from(trainer.params),
    status: trainer.status,
    message: trainer.message,
    epochs: trainer.epoch,
    path,
    pathEpochs,
    startLoss: losses.length ? losses[0] : NaN,
    endLoss: trainer.currentLoss(),
    varY: variance(data.y),
  };
}

export interface SurfaceWindow {
  x: [number, number];
  y: [number, number];
}

/** The point the slice goes through. */
export function slicePoint(config: LossSurfaceConfig, run: SurfaceRun): Float64Array {
  return config.slice === 'end' ? run.end : run.start;
}

/**
 * The picture's window: the slice point ± span on each axis, widened (up to the span's
 * largest allowed value) until the start and the end of the run both fit.
 */
export function surfaceWindow(config: LossSurfaceConfig, run: SurfaceRun): SurfaceWindow {
  const centre = slicePoint(config, run);
  const axis = (name: ParameterName): [number, number] => {
    const j = indexOf(name);
    const c = centre[j];
    const reach = Math.max(Math.abs(run.start[j] - c), Math.abs(run.end[j] - c));
    const half = Math.min(lossSurfaceSettings.fields.span.max, Math.max(config.span, Number.isFinite(reach) ? reach * 1.15 : 0));
    return [c - half, c + half];
  };
  return { x: axis(config.x), y: axis(config.y) };
}

/** The grid of losses: out[r * GRID + c] with the x parameter at column c and the y parameter at row r (row 0 lowest). */
export function surfaceGrid(
  config: LossSurfaceConfig,
  point: Float64Array,
  window: SurfaceWindow,
  data: Dataset,
  out = new Float64Array(GRID * GRID),
  probe = new Float64Array(point.length),
): Float64Array {
  return lossSurface(point, data, indexOf(config.x), linspace(window.x[0], window.x[1], GRID), indexOf(config.y), linspace(window.y[0], window.y[1], GRID), 2, out, probe);
}

/** Everything the picture needs except the heat map's colours and image. */
export interface SurfaceState {
  run: SurfaceRun;
  window: SurfaceWindow;
  grid: Float64Array;
  report: EndStateReport;
  gradient: Float64Array;
  pathLosses: number[];
  /** How long filling the grid took. */
  gridMilliseconds: number;
}

/**
 * Trains, frames and fills the grid. Pass `window` to keep the picture's window (while a
 * point is dragged, the window stays put under the pointer).
 */
export function surfaceState(config: LossSurfaceConfig, data: Dataset, window?: SurfaceWindow, grid?: Float64Array<ArrayBuffer>): SurfaceState {
  const run = surfaceRun(config, data);
  const frame = window ?? surfaceWindow(config, run);
  const t0 = performance.now();
  const values = surfaceGrid(config, slicePoint(config, run), frame, data, grid);
  const gridMilliseconds = performance.now() - t0;
  return {
    run,
    window: frame,
    grid: values,
    report: classifyEndState(run.end, data),
    gradient: lossAndGradient(slicePoint(config, run), data).grad,
    pathLosses: run.path.map((p) => meanSquaredError(p, data)),
    gridMilliseconds,
  };
}

/** The lowest finite value of the grid and its column and row. */
export function gridMinimum(grid: ArrayLike<number>): { value: number; column: number; row: number } {
  let best = Infinity, at = -1;
  for (let i = 0; i < grid.length; i++) if (grid[i] < best) (best = grid[i]), (at = i);
  return { value: best, column: at % GRID, row: Math.floor(at / GRID) };
}
