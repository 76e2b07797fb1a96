import { describe, expect, it } from 'vitest';
import {
  curvature, datasetFromArrays, gaussNewton, initParams, lossAlong, lossAndGradient, lossSurface, linspace,
  makeDataset, meanSquaredError, predict, symmetricEigenvalues, B3, W5, W1,
} from '../../../src/trainer';

describe('loss slices', () => {
  const data = makeDataset({ n: 50 });
  const params = initParams({ seed: 2 });

  it('gives the same loss on a grid as evaluating each grid point separately', () => {
    const cols = linspace(-2, 2, 7), rows = linspace(-1, 3, 5);
    const grid = lossSurface(params, data, W5, cols, B3, rows);
    for (let r = 0; r < rows.length; r++) {
      for (let c = 0; c < cols.length; c++) {
        const probe = Float64Array.from(params);
        probe[W5] = cols[c];
        probe[B3] = rows[r];
        expect(grid[r * cols.length + c]).toBeCloseTo(meanSquaredError(probe, data), 12);
      }
    }
  });

  it('passes through the current loss where the slice crosses the current parameters', () => {
    expect(lossAlong(params, data, W1, [params[W1]])[0]).toBeCloseTo(meanSquaredError(params, data), 14);
  });

  it('refuses a slice along one parameter twice or along a parameter that does not exist', () => {
    expect(() => lossSurface(params, data, B3, [0], B3, [0])).toThrow(/two different/);
    expect(() => lossAlong(params, data, 9, [0])).toThrow(/no parameter number 9/);
  });

  it('spaces values evenly including both ends', () => {
    expect(Array.from(linspace(0, 1, 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('curvature', () => {
  it('finds the eigenvalues of a small symmetric matrix', () => {
    const values = symmetricEigenvalues(Float64Array.of(2, 1, 0, 1, 2, 0, 0, 0, 5), 3);
    expect(Array.from(values).map((v) => Number(v.toFixed(10)))).toEqual([5, 3, 1]);
  });

  it('gives λmax = 2 and a stable rate of 1 when only the output bias is alive, as the one-parameter derivation says', () => {
    const data = makeDataset();
    const p = initParams({ preset: 'zeros' });
    p[6] = p[7] = -1; // both hidden units off everywhere
    const c = curvature(p, data);
    expect(c.lambdaMax).toBeCloseTo(2, 12);
    expect(c.stableLearningRate).toBeCloseTo(1, 12);
  });

  it('equals the finite-difference Hessian where the network fits its data exactly', () => {
    const params = initParams({ preset: 'writeup', seed: 3 }).map((v) => v / 5);
    const x1 = Array.from(linspace(-1, 1, 9)), x2 = x1.map((v, i) => Math.sin(3 * i));
    const y = x1.map((v, i) => predict(params, v, x2[i]));
    const data = datasetFromArrays(x1, x2, y); // residuals are all zero
    const G = gaussNewton(params, data);
    const h = 1e-6;
    for (let a = 0; a < 9; a++) {
      const plus = Float64Array.from(params), minus = Float64Array.from(params);
      plus[a] += h;
      minus[a] -= h;
      const gp = lossAndGradient(plus, data).grad, gm = lossAndGradient(minus, data).grad;
      for (let b = 0; b < 9; b++) expect(G[a * 9 + b]).toBeCloseTo((gp[b] - gm[b]) / (2 * h), 4);
    }
  });

  it('puts the stable rate of the write-up’s random starts near 0.01 on the default data', () => {
    const data = makeDataset();
    const rates = Array.from({ length: 21 }, (_, s) => curvature(initParams({ preset: 'writeup', seed: s + 1 }), data).stableLearningRate);
    rates.sort((a, b) => a - b);
    expect(rates[10]).toBeGreaterThan(0.005);
    expect(rates[10]).toBeLessThan(0.02);
  });
});
