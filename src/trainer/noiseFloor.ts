// The noise floor: the lowest loss any predictor can expect on new data.
//
// The data are y = x1² + x2 + b with b a whole number drawn uniformly from {lo, …, hi},
// independently of x1 and x2. Nothing in (x1, x2) says what b will be, so the best any function of
// the inputs can do is predict E[y | x1, x2] = x1² + x2 + E[b]; what is left is b − E[b], and
//   best expected loss = E[(b − E[b])²] = Var(b) = ((hi − lo + 1)² − 1) / 12      (raw units of y)
// (the variance of a fair die with k = hi − lo + 1 faces is (k² − 1)/12). For the default noise
// {−1, 0, 1} that is 2/3.
//
// The network sees y scaled, (y − shift)/scale, so every loss is divided by scale²:
//   floor = Var(b) / scale²
// with the data set's own scaling statistics — those computed from its raw y (`data.scaling.y`):
//   z-score   scale = the population standard deviation of the N raw y values (divides by N, not
//             N − 1), so floor = Var(b) / ((1/N) Σ (y_i − ȳ)²)
//   min-max   scale = max y − min y;  none: scale = 1.
// After a train/test split both parts carry the training part's statistics, so this is the floor
// for both losses. A training loss below the floor means the network is fitting the particular
// noise of its own samples, which no new sample will share.
import { makeDataset, type Dataset, type DatasetOptions } from './data';
import { TrainerInputError } from './errors';

/** Var(b) for b uniform on the whole numbers lo, lo + 1, …, hi: ((hi − lo + 1)² − 1)/12. */
export function noiseVariance(noiseRange: readonly [number, number]): number {
  const [lo, hi] = noiseRange;
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo > hi) {
    throw new TrainerInputError('The noise range must be two whole numbers, the lower first.');
  }
  const faces = hi - lo + 1;
  return (faces * faces - 1) / 12;
}

const isDataset = (source: Dataset | DatasetOptions): source is Dataset => 'scaling' in source && 'raw' in source;

/**
 * The best expected loss in the units the network trains in: Var(b) / scale², scale being the
 * data set's own y statistics (see above). Given options instead of a data set, it is the floor
 * of the data set those options draw. For data drawn by makeDataset (and splits of it); a data
 * set built from arrays carries no noise description.
 */
export function noiseFloor(source: Dataset | DatasetOptions = {}): number {
  const data = isDataset(source) ? source : makeDataset(source);
  const { scale } = data.scaling.y;
  return noiseVariance(data.options.noiseRange) / (scale * scale);
}

/**
 * The loss the best predictor, x1² + x2 + E[b], scores on these very samples: the mean of
 * (b_i − E[b])² over the drawn noise, scaled. It scatters around the floor (closer as N grows);
 * a network's training loss can go below it only by fitting the noise.
 */
export function trueFunctionLoss(data: Dataset): number {
  const [lo, hi] = data.options.noiseRange;
  const expectedNoise = (lo + hi) / 2;
  let sum = 0;
  for (const b of data.raw.noise) sum += (b - expectedNoise) * (b - expectedNoise);
  const { scale } = data.scaling.y;
  return sum / data.n / (scale * scale);
}
