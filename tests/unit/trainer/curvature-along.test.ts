import { describe, expect, it } from 'vitest';
import { B3, curvature, curvatureAlong, gaussNewton, initParams, lossAlong, makeDataset, W5 } from '../../../src/trainer';

describe('curvatureAlong', () => {
  const data = makeDataset({ n: 80 });

  it('is the diagonal of the Gauss–Newton matrix', () => {
    for (const seed of [1, 2, 3]) {
      const params = initParams({ preset: 'writeup', seed });
      const G = gaussNewton(params, data);
      for (let i = 0; i < 9; i++) expect(curvatureAlong(params, data, i)).toBeCloseTo(G[i * 9 + i], 10);
    }
  });

  it('is exactly 2 along the output bias, wherever the other parameters are', () => {
    for (const seed of [1, 5, 9]) expect(curvatureAlong(initParams({ preset: 'writeup', seed }), data, B3)).toBe(2);
  });

  it('is the second difference of the loss slice on a smooth piece', () => {
    const params = initParams({ preset: 'writeup', seed: 4 });
    for (let i = 0; i < 9; i++) {
      const p = params[i], h = 1e-4;
      const [lo, mid, hi] = lossAlong(params, data, i, [p - h, p, p + h]);
      const second = (hi - 2 * mid + lo) / (h * h);
      expect(curvatureAlong(params, data, i)).toBeCloseTo(second, 0);
      expect(Math.abs(curvatureAlong(params, data, i) - second) / Math.max(1, second)).toBeLessThan(1e-3);
    }
  });

  it('never exceeds λmax, the largest curvature over every direction', () => {
    for (const seed of [1, 2, 3, 4]) {
      const params = initParams({ preset: 'writeup', seed });
      const { lambdaMax } = curvature(params, data);
      for (let i = 0; i < 9; i++) expect(curvatureAlong(params, data, i)).toBeLessThanOrEqual(lambdaMax * (1 + 1e-12));
    }
    expect(curvatureAlong(initParams({ preset: 'writeup', seed: 1 }), data, W5)).toBeGreaterThan(2);
  });

  it('refuses a parameter that does not exist', () => {
    expect(() => curvatureAlong(initParams(), data, 9)).toThrow(/no parameter number 9/);
    expect(() => curvatureAlong(initParams(), data, 1.5)).toThrow(/no parameter/);
  });
});
