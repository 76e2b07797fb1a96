// Held-out data: does the network work on samples it has never seen?
//
// A seeded share of the samples is set aside before training; the network trains on the rest
// and its loss on the held-out part estimates its loss on new data from the same source.
// Training loss can only say how well the training samples are fitted; a training loss far
// below the held-out loss (and below the noise floor, noiseFloor.ts) is the network memorising
// the noise of its own samples.
//
// Scaling uses the training part's statistics only, for both parts. The held-out samples stand
// for data that arrives after training: their values must not shape anything the training run
// sees, and the mean and spread used for scaling are such a thing (a test sample with an
// unusual y would shift the scale the network learns in). So the test part is scaled with the
// training part's shift and scale — exactly what happens to a genuinely new sample — and both
// losses are in the same units. The test part's mean is then not exactly 0 nor its Var(y)
// exactly 1: compare its loss with `heldOutBaseline`, the loss of predicting the training mean.
import { applyScale, scaleStats, type Dataset, type ScaleStats } from './data';
import { makeRandom } from './random';
import { checkNumber, throwIfAny } from './errors';
import { meanSquaredError } from './loss';
import { hiddenWidthOf, type Parameters } from './parameters';

export interface SplitOptions {
  /** The share of samples held out for testing, 0 < f < 1; round(f·N) samples are held out. */
  testFraction: number;
  /** Seed of the choice of held-out samples (separate from the data and initialisation seeds). */
  seed?: number | string;
}

export interface DataSplit {
  /** The samples the network trains on, scaled with their own statistics. */
  train: Dataset;
  /** The held-out samples, scaled with the training part's statistics. */
  test: Dataset;
  /** Which samples of the original data set went to each part (ascending). */
  trainIndices: Int32Array;
  testIndices: Int32Array;
}

/** What is wrong with a split of N samples, in words (empty if nothing). */
export function checkSplitOptions(n: number, options: SplitOptions): string[] {
  const problem = checkNumber('The test fraction', options.testFraction, 0, 1);
  if (problem) return [problem];
  const testCount = Math.round(options.testFraction * n);
  if (testCount < 1 || testCount > n - 1) {
    return [`A test fraction of ${options.testFraction} of ${n} samples leaves ${testCount < 1 ? 'none to test on' : 'none to train on'}: each part needs at least one sample.`];
  }
  return [];
}

/**
 * Splits a data set into training and held-out samples. The held-out ones are the first
 * round(f·N) of a seeded shuffle; each part keeps the original order of its samples.
 */
export function splitDataset(data: Dataset, options: SplitOptions): DataSplit {
  throwIfAny(checkSplitOptions(data.n, options));
  const n = data.n;
  const testCount = Math.round(options.testFraction * n);
  // Fisher–Yates with the split's own generator, so the same seed holds out the same samples.
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const random = makeRandom(`split:${options.seed ?? 1}`);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const testIndices = order.slice(0, testCount).sort();
  const trainIndices = order.slice(testCount).sort();
  const method = data.scaling.method;
  const pick = (values: Float64Array, indices: Int32Array) => Float64Array.from(indices, (i) => values[i]);
  const trainRaw = { x1: pick(data.raw.x1, trainIndices), x2: pick(data.raw.x2, trainIndices), y: pick(data.raw.y, trainIndices) };
  const scaling = {
    method,
    x1: scaleStats(trainRaw.x1, method),
    x2: scaleStats(trainRaw.x2, method),
    y: scaleStats(trainRaw.y, method),
  };
  return {
    train: subset(data, trainIndices, scaling),
    test: subset(data, testIndices, scaling),
    trainIndices,
    testIndices,
  };
}

/** The samples at `indices`, scaled with the given statistics. */
function subset(data: Dataset, indices: Int32Array, scaling: { method: Dataset['scaling']['method']; x1: ScaleStats; x2: ScaleStats; y: ScaleStats }): Dataset {
  const pick = (values: Float64Array) => Float64Array.from(indices, (i) => values[i]);
  const raw = { x1: pick(data.raw.x1), x2: pick(data.raw.x2), y: pick(data.raw.y), noise: pick(data.raw.noise) };
  const scaled = (values: Float64Array, s: ScaleStats) => values.map((v) => applyScale(v, s));
  return {
    n: indices.length,
    x1: scaled(raw.x1, scaling.x1),
    x2: scaled(raw.x2, scaling.x2),
    y: scaled(raw.y, scaling.y),
    raw,
    scaling,
    options: { ...data.options, n: indices.length },
  };
}

/** The network's mean squared error on the held-out samples (in the training part's units). */
export function heldOutLoss(params: Parameters, split: DataSplit, hidden: number = hiddenWidthOf(params)): number {
  return meanSquaredError(params, split.test, hidden);
}

/**
 * The held-out loss of always predicting the training part's mean of y: the baseline a held-out
 * loss is compared with, as Var(y) is for the training loss. (It is the test part's Var(y) plus
 * the squared gap between the two parts' means.)
 */
export function heldOutBaseline(split: DataSplit): number {
  let trainMean = 0;
  for (const y of split.train.y) trainMean += y;
  trainMean /= split.train.n;
  let sum = 0;
  for (const y of split.test.y) sum += (y - trainMean) * (y - trainMean);
  return sum / split.test.n;
}
