import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  Trainer, datasetFromArrays, initParams, lossAfterEachEpoch, lossAndGradient, lossSpread, makeDataset, makeRandom,
  makeSchedule, meanSquaredError, miniBatchGradientNoise, parameterCount, train, TrainerInputError, uniform,
} from '../../../src/trainer';

/** Every m-element subset of {0, …, n − 1}. */
function subsets(n: number, m: number): number[][] {
  if (m === 0) return [[]];
  if (n < m) return [];
  return [...subsets(n - 1, m), ...subsets(n - 1, m - 1).map((s) => [...s, n - 1])];
}

describe('lossAfterEachEpoch', () => {
  it('is the full-data loss measured after each epoch’s steps', () => {
    const data = makeDataset({ n: 50 });
    const config = { data, params: initParams({ seed: 2 }), learningRate: 0.05, batchSize: 7 };
    const trainer = new Trainer(config);
    const measured: number[] = [];
    for (let e = 0; e < 30; e++) {
      trainer.step(1);
      measured.push(meanSquaredError(trainer.params, data));
    }
    expect(Array.from(lossAfterEachEpoch(train({ ...config, epochs: 30 }), data))).toEqual(measured);
    expect(lossAfterEachEpoch({ losses: [], params: initParams() }, data)).toHaveLength(0);
  });
});

describe('lossSpread', () => {
  it('summarises the last k losses: mean, population standard deviation, extremes', () => {
    const s = lossSpread([10, 1, 2, 3], 3);
    expect(s).toMatchObject({ count: 3, mean: 2, min: 1, max: 3 });
    expect(s.standardDeviation).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(s.relativeSpread).toBeCloseTo(Math.sqrt(2 / 3) / 2, 14);
    expect(lossSpread([4, 4], 10)).toMatchObject({ count: 2, standardDeviation: 0, relativeSpread: 0 });
    expect(lossSpread([], 5).count).toBe(0);
  });

  it('refuses a window that is not a whole number of epochs', () => {
    for (const k of [0, -1, 2.5, NaN]) expect(() => lossSpread([1, 2], k)).toThrow(TrainerInputError);
  });
});

describe('miniBatchGradientNoise', () => {
  it('gives E‖g_B − g‖² exactly: the average over every possible batch of m samples', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.constantFrom(1, 2, 3), (seed, n, m0, hidden) => {
        const m = Math.min(m0, n);
        const random = makeRandom(`noise-case:${seed}`);
        const draw = () => uniform(random, -2, 2);
        const column = () => Array.from({ length: n }, draw);
        const data = datasetFromArrays(column(), column(), column());
        const params = Float64Array.from({ length: parameterCount(hidden) }, draw);
        const g = lossAndGradient(params, data, hidden).grad;
        const batches = subsets(n, m);
        let total = 0;
        for (const batch of batches) {
          const part = datasetFromArrays(batch.map((i) => data.x1[i]), batch.map((i) => data.x2[i]), batch.map((i) => data.y[i]));
          const gB = lossAndGradient(params, part, hidden).grad;
          total += gB.reduce((s, v, j) => s + (v - g[j]) ** 2, 0);
        }
        const exact = total / batches.length;
        const noise = miniBatchGradientNoise(params, data, m, hidden);
        expect(Math.abs(noise.batchVariance - exact)).toBeLessThanOrEqual(1e-10 * Math.max(1, exact));
        expect(Array.from(noise.fullGradient)).toEqual(Array.from(g));
      }),
      { numRuns: 100 },
    );
  });

  it('is zero for a full batch and the per-sample spread for single samples', () => {
    const data = makeDataset({ n: 40 }), params = initParams({ seed: 4 });
    expect(miniBatchGradientNoise(params, data, 40).batchVariance).toBe(0);
    const single = miniBatchGradientNoise(params, data, 1);
    expect(single.batchVariance).toBeCloseTo(single.perSampleVariance, 12);
    expect(() => miniBatchGradientNoise(params, data, 41)).toThrow(/batch size/);
  });
});

describe('a fixed rate with mini-batches (default data, He start 1, 3,000 epochs)', () => {
  const data = makeDataset();
  const params = initParams({ seed: 1 });
  const run = (learningRate: number, extra: object = {}) => train({ data, params, learningRate, epochs: 3000, ...extra });
  const spreadOfLast200 = (r: ReturnType<typeof run>) => lossSpread(lossAfterEachEpoch(r, data), 200);
  // The four runs are made once, when the file is collected, and shared by the tests below.
  const fullBatch = run(0.05);
  const fixed = spreadOfLast200(run(0.05, { batchSize: 10 }));
  const half = spreadOfLast200(run(0.025, { batchSize: 10 }));
  const decayed = spreadOfLast200(run(0.05, { batchSize: 10, schedule: makeSchedule({ kind: 'step-decay', stepSize: 1000, gamma: 0.1 }) }));

  it('settles with full batches at η = 0.05: the loss stops moving', () => {
    expect(spreadOfLast200(fullBatch).relativeSpread).toBeLessThan(1e-10);
  });

  it('never settles with batches of 10 at η = 0.05: the loss keeps jittering by more than 5% of itself, above the full-batch loss', () => {
    expect(fixed.relativeSpread).toBeGreaterThan(0.05);
    expect(fixed.mean).toBeGreaterThan(spreadOfLast200(fullBatch).mean);
  });

  it('jitters less at half the rate, and settles once step decay has cut the rate twice', () => {
    expect(half.standardDeviation).toBeLessThan(0.5 * fixed.standardDeviation);
    expect(decayed.relativeSpread).toBeLessThan(1e-4);
  });

  it('keeps kicking at the full-batch minimum: the full gradient is 0 there, the batches’ gradients are not', () => {
    const noise = miniBatchGradientNoise(fullBatch.params, data, 10);
    expect(noise.fullGradientSquared).toBeLessThan(1e-12);
    expect(noise.batchVariance).toBeGreaterThan(0.1);
  });
});
