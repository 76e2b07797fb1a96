import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  datasetFromArrays, forward, initParams, isWeight, l2Penalty, lossAndGradient, makeDataset, makeRandom, meanSquaredError,
  parameterCount, regularisedLossAndGradient, train, uniform, type Dataset,
} from '../../../src/trainer';

/** The regularised loss computed directly: mean squared error plus λ times the sum of the squared weights. */
function regularisedLoss(params: Float64Array, data: Dataset, lambda: number, hidden: number): number {
  let weights = 0;
  for (let j = 0; j < 3 * hidden; j++) weights += params[j] ** 2;
  return meanSquaredError(params, data, hidden) + lambda * weights;
}

const randomCase = (hidden: number) =>
  fc.record({ seed: fc.integer(), n: fc.integer({ min: 1, max: 10 }), lambda: fc.constantFrom(0, 1e-3, 0.1, 2) }).map(({ seed, n, lambda }) => {
    const random = makeRandom(`decay-case:${seed}`);
    const draw = (s: number) => uniform(random, -s, s);
    const params = Float64Array.from({ length: parameterCount(hidden) }, () => draw(2));
    const column = () => Array.from({ length: n }, () => draw(2));
    return { params, data: datasetFromArrays(column(), column(), column()), lambda };
  });

function closestToKink(params: Float64Array, data: Dataset, hidden: number): number {
  let closest = Infinity;
  for (let i = 0; i < data.n; i++) for (const z of forward(params, data.x1[i], data.x2[i], hidden).z) closest = Math.min(closest, Math.abs(z));
  return closest;
}

describe('L2 weight decay', () => {
  for (const hidden of [2, 3]) {
    it(`has partials that agree with central differences of L + λ·Σw² at H = ${hidden}`, () => {
      fc.assert(
        fc.property(randomCase(hidden), ({ params, data, lambda }) => {
          if (closestToKink(params, data, hidden) < 1e-4) return;
          const { loss, grad } = regularisedLossAndGradient(params, data, lambda, hidden);
          expect(loss).toBeCloseTo(regularisedLoss(params, data, lambda, hidden), 10);
          for (let j = 0; j < params.length; j++) {
            const up = Float64Array.from(params), down = Float64Array.from(params), h = 1e-6;
            up[j] += h;
            down[j] -= h;
            const numeric = (regularisedLoss(up, data, lambda, hidden) - regularisedLoss(down, data, lambda, hidden)) / (2 * h);
            expect(Math.abs(grad[j] - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('adds 2λ·w to each weight’s partial and leaves the three biases’ partials alone', () => {
    const params = initParams({ preset: 'writeup', seed: 2 }), data = makeDataset({ n: 30 });
    const plain = lossAndGradient(params, data).grad;
    const decayed = regularisedLossAndGradient(params, data, 0.25);
    for (let j = 0; j < 9; j++) expect(decayed.grad[j]).toBe(isWeight(j) ? plain[j] + 2 * 0.25 * params[j] : plain[j]);
    expect(decayed.penalty).toBe(l2Penalty(params, 0.25));
    expect(decayed.dataLoss).toBe(lossAndGradient(params, data).loss);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].filter((j) => isWeight(j))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('makes one step of plain descent shrink every weight by 1 − 2ηλ before following the data', () => {
    const data = makeDataset({ n: 50 }), params = initParams({ seed: 5 });
    const eta = 0.05, lambda = 0.1;
    const { grad } = lossAndGradient(params, data);
    const after = train({ data, params, learningRate: eta, epochs: 1, weightDecay: lambda }).params;
    for (let j = 0; j < 9; j++) {
      const expected = isWeight(j) ? (1 - 2 * eta * lambda) * params[j] - eta * grad[j] : params[j] - eta * grad[j];
      expect(after[j]).toBeCloseTo(expected, 14);
    }
  });

  it('leaves every run unchanged at λ = 0, and ends with smaller weights for λ > 0', () => {
    const data = makeDataset({ n: 80 }), params = initParams({ seed: 2 });
    const plain = train({ data, params, learningRate: 0.05, epochs: 300 });
    expect(Array.from(train({ data, params, learningRate: 0.05, epochs: 300, weightDecay: 0 }).params)).toEqual(Array.from(plain.params));
    const decayed = train({ data, params, learningRate: 0.05, epochs: 300, weightDecay: 0.05 });
    expect(l2Penalty(decayed.params, 1)).toBeLessThan(l2Penalty(plain.params, 1));
    // The recorded losses are still the plain mean squared error.
    expect(decayed.losses[0]).toBe(plain.losses[0]);
  });

  it('refuses a negative or non-numeric λ in words', () => {
    const data = makeDataset({ n: 10 }), params = initParams();
    for (const weightDecay of [-1, NaN, Infinity]) expect(() => train({ data, params, learningRate: 0.1, epochs: 1, weightDecay })).toThrow(/weight decay/);
  });
});
