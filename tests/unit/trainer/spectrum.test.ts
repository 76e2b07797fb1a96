import { describe, expect, it } from 'vitest';
import { quantile } from 'd3-array';
import {
  compareCurvature, curvature, datasetFromArrays, gaussNewton, gaussNewtonMatrix, gaussNewtonSpectrum, hessian, hessianSpectrum,
  initParams, makeDataset, predictAll, spectrumOf, train,
} from '../../../src/trainer';

const data = makeDataset();

describe('hessianSpectrum and gaussNewtonSpectrum', () => {
  it('list the eigenvalues largest first, with λmax, λmin and the stable rate 2/λmax', () => {
    for (const seed of [1, 2, 3]) {
      const params = initParams({ preset: 'writeup', seed });
      for (const s of [hessianSpectrum(params, data), gaussNewtonSpectrum(params, data)]) {
        expect(s.eigenvalues).toHaveLength(9);
        expect(s.lambdaMax).toBe(s.eigenvalues[0]);
        expect(s.lambdaMin).toBe(s.eigenvalues[8]);
        expect(s.stableLearningRate).toBe(2 / s.lambdaMax);
        for (let i = 1; i < 9; i++) expect(s.eigenvalues[i]).toBeLessThanOrEqual(s.eigenvalues[i - 1]);
      }
    }
  });

  it('give the steepest direction: the curvature vᵀMv along the top eigenvector is λmax', () => {
    const params = initParams({ preset: 'writeup', seed: 7 });
    for (const [M, s] of [
      [hessian(params, data), hessianSpectrum(params, data)],
      [gaussNewton(params, data), gaussNewtonSpectrum(params, data)],
    ] as const) {
      const v = s.eigenvectors[0];
      let vMv = 0;
      for (let i = 0; i < 9; i++) for (let j = 0; j < 9; j++) vMv += v[i] * M[i * 9 + j] * v[j];
      expect(vMv).toBeCloseTo(s.lambdaMax, 8);
    }
  });

  it('agree with curvature.ts on the Gauss–Newton λmax', () => {
    for (const seed of [1, 4, 9]) {
      const params = initParams({ preset: 'writeup', seed });
      expect(gaussNewtonSpectrum(params, data).lambdaMax).toBeCloseTo(curvature(params, data).lambdaMax, 9);
      expect(Array.from(gaussNewtonMatrix(params, data))).toEqual(Array.from(gaussNewton(params, data)));
    }
  });

  it('say the Gauss–Newton matrix is never negative while the Hessian can be', () => {
    const params = initParams({ preset: 'writeup', seed: 1 });
    expect(gaussNewtonSpectrum(params, data).lambdaMin).toBeGreaterThan(-1e-9);
    expect(hessianSpectrum(params, data).lambdaMin).toBeLessThan(-1);
  });

  it('coincide for a perfect fit, and nearly so after training to a good fit', () => {
    const params = initParams({ preset: 'writeup', seed: 3 });
    const perfect = datasetFromArrays(data.x1, data.x2, predictAll(params, data));
    const exact = compareCurvature(params, perfect);
    expect(Array.from(exact.hessian.eigenvalues)).toEqual(Array.from(exact.gaussNewton.eigenvalues));
    const trained = train({ data, params: initParams({ seed: 1 }), learningRate: 0.05, epochs: 3000 });
    expect(compareCurvature(trained.params, data).lambdaMaxRatio).toBeCloseTo(1, 4);
  });

  it('return Infinity as the stable rate where nothing curves upward', () => {
    expect(spectrumOf(new Float64Array(4)).stableLearningRate).toBe(Infinity);
    expect(spectrumOf(Float64Array.of(-1, 0, 0, -2)).stableLearningRate).toBe(Infinity);
  });
});

// Issue 12, item 4: the figures an independent numpy review found at the write-up's starts
// (init preset 'writeup', seeds 1–100, the default data: N = 300, seed 1, z-scored).
describe('the Hessian against Gauss–Newton at the write-up’s 100 starts', () => {
  const starts = Array.from({ length: 100 }, (_, i) => compareCurvature(initParams({ preset: 'writeup', seed: i + 1 }), data));
  const ratios = starts.map((s) => s.lambdaMaxRatio);

  it('has a Hessian λmax a median 1.33 times the Gauss–Newton one, between 1.0 and 1.5 times', () => {
    expect(quantile(ratios, 0.5)).toBeCloseTo(1.327, 3);
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...ratios)).toBeLessThan(1.51);
  });

  it('puts 72 of the 100 starts below a stable rate of 0.01 by the Hessian, 50 by Gauss–Newton', () => {
    expect(starts.filter((s) => s.hessian.stableLearningRate < 0.01)).toHaveLength(72);
    expect(starts.filter((s) => s.gaussNewton.stableLearningRate < 0.01)).toHaveLength(50);
  });

  it('finds a negative Hessian eigenvalue at every one of the 100 starts', () => {
    expect(starts.filter((s) => s.hessian.lambdaMin < 0)).toHaveLength(100);
  });
});
