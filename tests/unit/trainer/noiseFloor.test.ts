import { describe, expect, it } from 'vitest';
import {
  makeDataset, noiseFloor, noiseVariance, splitDataset, TrainerInputError, trueFunctionLoss, variance, type Dataset,
} from '../../../src/trainer';

/** The variance of the whole numbers lo…hi, each equally likely, by listing them. */
function listedVariance(lo: number, hi: number): number {
  const values = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
}

/**
 * Least squares on the true function's features (x1², x2, 1), in raw units, by the 3 × 3 normal
 * equations (Cramer's rule): the best this model family can do. Returns its residuals, scaled
 * into the units the network sees.
 */
function trueFeatureFitResiduals(data: Dataset): Float64Array {
  const { x1, x2, y } = data.raw;
  const features = (i: number) => [x1[i] * x1[i], x2[i], 1];
  const A = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const b = [0, 0, 0];
  for (let i = 0; i < data.n; i++) {
    const f = features(i);
    for (let r = 0; r < 3; r++) {
      b[r] += f[r] * y[i];
      for (let c = 0; c < 3; c++) A[r][c] += f[r] * f[c];
    }
  }
  const det = (M: number[][]) =>
    M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0]) + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0]);
  const D = det(A);
  const coefficients = [0, 1, 2].map((k) => det(A.map((row, r) => row.map((v, c) => (c === k ? b[r] : v)))) / D);
  const { scale } = data.scaling.y;
  return Float64Array.from({ length: data.n }, (_, i) => features(i).reduce((s, f, k) => s + f * coefficients[k], 0) - y[i]).map((e) => e / scale);
}

describe('noiseVariance', () => {
  it('is ((hi − lo + 1)² − 1)/12, the variance of the listed whole numbers', () => {
    for (const [lo, hi] of [[-1, 1], [0, 0], [-3, 5], [2, 3], [-10, 10]] as const) expect(noiseVariance([lo, hi])).toBeCloseTo(listedVariance(lo, hi), 12);
    expect(noiseVariance([-1, 1])).toBe(2 / 3);
  });

  it('refuses a range that is not two whole numbers in order', () => {
    expect(() => noiseVariance([1, -1])).toThrow(TrainerInputError);
    expect(() => noiseVariance([0.5, 1])).toThrow(/whole numbers/);
  });
});

describe('noiseFloor', () => {
  it('is Var(b) divided by the population variance of the data’s own raw y under z-scoring', () => {
    const data = makeDataset();
    expect(noiseFloor(data)).toBeCloseTo((2 / 3) / variance(data.raw.y), 14);
    expect(noiseFloor()).toBe(noiseFloor(data)); // options (here the defaults) mean the data set they draw
  });

  it('follows the sample’s own Var(y), not the population’s: 0.0077 for the default 300 samples, 6/806 ≈ 0.00744 as N grows', () => {
    // Population: Var(x1²) + Var(x2) + Var(b) = 500/9 + 100/3 + 2/3 = 806/9 for x1 ~ U(−5, 5), x2 ~ U(−10, 10).
    const population = (2 / 3) / (806 / 9);
    expect(noiseFloor()).toBeCloseTo(0.00772, 5);
    expect(Math.abs(noiseFloor({ n: 100_000 }) - population)).toBeLessThan(0.01 * population);
  });

  it('uses (max y − min y)² under min-max scaling and nothing under none', () => {
    const minmax = makeDataset({ scaling: 'minmax', noiseRange: [-3, 5] });
    const range = Math.max(...minmax.raw.y) - Math.min(...minmax.raw.y);
    expect(noiseFloor(minmax)).toBeCloseTo(listedVariance(-3, 5) / range ** 2, 14);
    expect(noiseFloor({ scaling: 'none', noiseRange: [-3, 5] })).toBe(listedVariance(-3, 5));
    expect(noiseFloor({ noiseRange: [0, 0] })).toBe(0);
  });

  it('after a split, is the floor of both parts in the training part’s units', () => {
    const split = splitDataset(makeDataset({ n: 500 }), { testFraction: 0.2, seed: 3 });
    expect(noiseFloor(split.train)).toBeCloseTo((2 / 3) / variance(split.train.raw.y), 14);
    expect(noiseFloor(split.test)).toBe(noiseFloor(split.train));
  });

  for (const options of [
    { noiseRange: [-1, 1] as const, scaling: 'zscore' as const },
    { noiseRange: [-3, 5] as const, scaling: 'minmax' as const },
    { noiseRange: [-2, 2] as const, scaling: 'none' as const },
  ]) {
    it(`is reached by least squares on (x1², x2, 1) at N = 100,000, within sampling error (noise ${options.noiseRange.join('…')}, ${options.scaling})`, () => {
      const data = makeDataset({ n: 100_000, seed: 11, ...options });
      const squared = trueFeatureFitResiduals(data).map((e) => e * e);
      const loss = squared.reduce((s, v) => s + v, 0) / data.n;
      const spread = Math.sqrt(variance(squared) / data.n); // standard error of a mean of N squared residuals
      expect(Math.abs(loss - noiseFloor(data))).toBeLessThan(4 * spread);
      expect(Math.abs(trueFunctionLoss(data) - noiseFloor(data))).toBeLessThan(4 * spread);
      expect(loss).toBeLessThanOrEqual(trueFunctionLoss(data) * (1 + 1e-12)); // the fit may only beat the true function on its own sample
    });
  }

  it('is matched exactly, without noise, by a perfect fit', () => {
    const data = makeDataset({ n: 1000, noiseRange: [0, 0] });
    const squared = trueFeatureFitResiduals(data).map((e) => e * e);
    expect(Math.max(...squared)).toBeLessThan(1e-20);
    expect(trueFunctionLoss(data)).toBe(0);
  });
});
