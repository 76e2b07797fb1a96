// The data the network learns: y = x1² + x2 + b, with b a small integer noise term.
// A parabola in x1 plus a plane in x2, so one straight line cannot fit it and the
// hidden ReLU units have something to bend.
import { makeRandom, uniform, uniformInteger } from './random';
import { checkNumber, throwIfAny, TrainerInputError } from './errors';

export type Scaling = 'zscore' | 'minmax' | 'none';
export const SCALINGS: readonly Scaling[] = ['zscore', 'minmax', 'none'];

export interface DatasetOptions {
  /** Number of samples N. */
  n?: number;
  /** x1 is drawn uniformly from this interval. */
  x1Range?: readonly [number, number];
  /** x2 is drawn uniformly from this interval. */
  x2Range?: readonly [number, number];
  /** The noise b is a whole number drawn uniformly from this inclusive range. */
  noiseRange?: readonly [number, number];
  /** Seed of the data generator (separate from the initialisation seed). */
  seed?: number | string;
  /** How x1, x2 and y are rescaled before training. */
  scaling?: Scaling;
}

/** scaled = (raw − shift) / scale, for one variable. */
export interface ScaleStats {
  shift: number;
  scale: number;
  /** Mean, standard deviation (population), minimum and maximum of the raw values. */
  mean: number;
  std: number;
  min: number;
  max: number;
}

export interface Dataset {
  n: number;
  /** Inputs and target after scaling: what the network sees. */
  x1: Float64Array;
  x2: Float64Array;
  y: Float64Array;
  /** The same samples before scaling. */
  raw: { x1: Float64Array; x2: Float64Array; y: Float64Array; noise: Float64Array };
  scaling: { method: Scaling; x1: ScaleStats; x2: ScaleStats; y: ScaleStats };
  options: Required<DatasetOptions>;
}

export const DEFAULT_DATASET: Required<DatasetOptions> = {
  n: 300,
  x1Range: [-5, 5],
  x2Range: [-10, 10],
  noiseRange: [-1, 1],
  seed: 1,
  scaling: 'zscore',
};

export const MAX_SAMPLES = 100_000;
export const MAX_INPUT_MAGNITUDE = 1e6;

/** The noise-free target surface, in raw units. */
export function targetFunction(x1: number, x2: number): number {
  return x1 * x1 + x2;
}

/** Explains what is wrong with a set of options, or returns an empty list. */
export function validateDatasetOptions(options: DatasetOptions = {}): string[] {
  const o = { ...DEFAULT_DATASET, ...options };
  const messages: (string | null)[] = [checkNumber('The number of samples', o.n, 1, MAX_SAMPLES, true)];
  for (const [label, range, integer] of [
    ['The x1 range', o.x1Range, false],
    ['The x2 range', o.x2Range, false],
    ['The noise range', o.noiseRange, true],
  ] as const) {
    if (!Array.isArray(range) || range.length !== 2) {
      messages.push(`${label} must be two numbers.`);
      continue;
    }
    const m = MAX_INPUT_MAGNITUDE;
    messages.push(checkNumber(`${label}'s lower end`, range[0], -m, m, integer));
    messages.push(checkNumber(`${label}'s upper end`, range[1], -m, m, integer));
    if (range[0] > range[1]) messages.push(`${label}'s lower end must not be above its upper end.`);
  }
  if (!SCALINGS.includes(o.scaling)) messages.push(`Scaling must be one of ${SCALINGS.join(', ')}.`);
  if (typeof o.seed !== 'number' && typeof o.seed !== 'string') messages.push('The seed must be a number or text.');
  return messages.filter((m): m is string => m !== null);
}

function describe(values: Float64Array): Omit<ScaleStats, 'shift' | 'scale'> {
  let sum = 0, min = Infinity, max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return { mean, std: Math.sqrt(squares / values.length), min, max };
}

/**
 * Shift and scale for one variable. A variable with no spread keeps scale 1,
 * so a zero-width range never divides by zero.
 */
export function scaleStats(values: Float64Array, method: Scaling): ScaleStats {
  const d = describe(values);
  if (method === 'zscore') return { ...d, shift: d.mean, scale: d.std > 0 ? d.std : 1 };
  if (method === 'minmax') return { ...d, shift: d.min, scale: d.max > d.min ? d.max - d.min : 1 };
  return { ...d, shift: 0, scale: 1 };
}

export function applyScale(value: number, s: ScaleStats): number {
  return (value - s.shift) / s.scale;
}

export function undoScale(value: number, s: ScaleStats): number {
  return value * s.scale + s.shift;
}

/**
 * Draws the data set. Samples are drawn one at a time (x1, x2, noise), so the first
 * 300 samples of a 3,000-sample set with the same seed are the 300-sample set.
 */
export function makeDataset(options: DatasetOptions = {}): Dataset {
  const errors = validateDatasetOptions(options);
  if (errors.length) throw new TrainerInputError(errors[0]);
  const o: Required<DatasetOptions> = { ...DEFAULT_DATASET, ...options };
  const random = makeRandom(`data:${o.seed}`);
  const n = o.n;
  const raw = { x1: new Float64Array(n), x2: new Float64Array(n), y: new Float64Array(n), noise: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const x1 = uniform(random, o.x1Range[0], o.x1Range[1]);
    const x2 = uniform(random, o.x2Range[0], o.x2Range[1]);
    const b = uniformInteger(random, o.noiseRange[0], o.noiseRange[1]);
    raw.x1[i] = x1;
    raw.x2[i] = x2;
    raw.noise[i] = b;
    raw.y[i] = targetFunction(x1, x2) + b;
  }
  const scaling = {
    method: o.scaling,
    x1: scaleStats(raw.x1, o.scaling),
    x2: scaleStats(raw.x2, o.scaling),
    y: scaleStats(raw.y, o.scaling),
  };
  const scaled = (values: Float64Array, s: ScaleStats) => values.map((v) => applyScale(v, s));
  return {
    n,
    x1: scaled(raw.x1, scaling.x1),
    x2: scaled(raw.x2, scaling.x2),
    y: scaled(raw.y, scaling.y),
    raw,
    scaling,
    options: o,
  };
}

/**
 * Throws a TrainerInputError unless `data` says how many samples it holds (n ≥ 1) and x1, x2
 * and y each hold exactly n numbers. The loops run to n, so without this a missing n gives a
 * silent NaN and a short column reads past its end.
 */
export function checkData(data: Partial<Pick<Dataset, 'n' | 'x1' | 'x2' | 'y'>> | null | undefined): void {
  if (!data || typeof data !== 'object') throw new TrainerInputError('There is no data: give n samples as columns x1, x2 and y.');
  const { n } = data;
  if (n === 0) throw new TrainerInputError('The data has no samples: the loss and training need at least one.');
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new TrainerInputError('The data must say how many samples it holds: n, a whole number of at least 1 (the length of x1, x2 and y).');
  }
  const lengths = (['x1', 'x2', 'y'] as const).map((name) => {
    const column = data[name];
    return column && typeof column.length === 'number' ? column.length : -1;
  });
  if (lengths.some((length) => length !== n)) {
    const described = lengths.map((length, i) => `${['x1', 'x2', 'y'][i]} ${length < 0 ? 'is missing' : `has ${length}`}`).join(', ');
    throw new TrainerInputError(`The data holds n = ${n} samples, so x1, x2 and y must each hold ${n} numbers: ${described}.`);
  }
}

/** A data set from given arrays (for exercises and tests), with no scaling applied. */
export function datasetFromArrays(x1: ArrayLike<number>, x2: ArrayLike<number>, y: ArrayLike<number>): Dataset {
  const n = x1.length;
  if (n === 0 || x2.length !== n || y.length !== n) {
    throw new TrainerInputError('x1, x2 and y must be non-empty and of the same length.');
  }
  const a = Float64Array.from(x1), b = Float64Array.from(x2), c = Float64Array.from(y);
  for (const arr of [a, b, c]) {
    if (arr.some((v) => !Number.isFinite(v))) throw new TrainerInputError('Every data value must be a finite number.');
  }
  return {
    n,
    x1: a,
    x2: b,
    y: c,
    raw: { x1: a, x2: b, y: c, noise: new Float64Array(n) },
    scaling: { method: 'none', x1: scaleStats(a, 'none'), x2: scaleStats(b, 'none'), y: scaleStats(c, 'none') },
    options: { ...DEFAULT_DATASET, n, scaling: 'none' },
  };
}
