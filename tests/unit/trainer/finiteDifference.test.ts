import { describe, expect, it } from 'vitest';
import {
  B1, W1, W3, W5, centralDifference, finiteDifferenceGradient, initParams, lossAndGradient, makeDataset, meanSquaredError, unitParameters,
} from '../../../src/trainer';

const data = makeDataset();

describe('finiteDifferenceGradient', () => {
  it('agrees with backpropagation on the write-up example and a He start', () => {
    for (const params of [initParams({ preset: 'writeup-example' }), initParams({ preset: 'he', seed: 1 }), initParams({ preset: 'he', seed: 7 })]) {
      const { grad } = lossAndGradient(params, data);
      const estimate = finiteDifferenceGradient(params, data);
      grad.forEach((g, j) => expect(estimate[j]).toBeCloseTo(g, 4));
    }
  });

  it('is the slope of the loss between two nudged copies', () => {
    const params = initParams({ preset: 'he', seed: 3 });
    const up = Float64Array.from(params), down = Float64Array.from(params);
    up[W5] += 0.5;
    down[W5] -= 0.5;
    expect(centralDifference(params, data, W5, 0.5)).toBeCloseTo((meanSquaredError(up, data) - meanSquaredError(down, data)) / 1, 12);
  });

  it('gives exactly zero for the four parameters of a dead unit, as backprop does', () => {
    const params = initParams({ preset: 'he', seed: 1 });
    params[B1] = -5;
    const estimate = finiteDifferenceGradient(params, data);
    const { grad } = lossAndGradient(params, data);
    for (const j of unitParameters(0)) {
      expect(estimate[j]).toBe(0);
      expect(grad[j]).toBe(0);
    }
    expect([W1, W3, W5, B1].sort()).toEqual(unitParameters(0).sort());
  });

  it('leaves the parameters it nudges unchanged', () => {
    const params = initParams({ preset: 'writeup-example' });
    const copy = Float64Array.from(params);
    finiteDifferenceGradient(params, data);
    expect(params).toEqual(copy);
  });
});
