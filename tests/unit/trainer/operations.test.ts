import { describe, expect, it } from 'vitest';
import { countedEpoch, flopsPerEpoch, lossAndGradient, makeDataset, operationsPerEpoch, operationsPerSample, initParams, train, unitActivity } from '../../../src/trainer';

describe('counting the work', () => {
  const data = makeDataset({ n: 40 });

  it('gives the course network 6 mul, 6 add and 2 comparisons forward; 1 mul and 2 add for the loss; 11 mul and 9 add backward', () => {
    const s = operationsPerSample(2);
    expect(s.forward).toEqual({ multiplications: 6, additions: 6, comparisons: 2 });
    expect(s.loss).toEqual({ multiplications: 1, additions: 2, comparisons: 0 });
    expect(s.backward).toEqual({ multiplications: 11, additions: 9, comparisons: 0 });
    expect(operationsPerSample(2, true).backward.multiplications).toBe(9);
  });

  for (const hidden of [1, 2, 5]) {
    it(`counts exactly what the formulas say when the code runs, at H = ${hidden}`, () => {
      const params = initParams({ seed: 3, hidden });
      const run = countedEpoch(params, data, 0.01, hidden);
      const f = operationsPerSample(hidden);
      for (const phase of ['forward', 'loss', 'backward'] as const) {
        expect(run.perSample[phase]).toEqual({
          multiplications: f[phase].multiplications * data.n,
          additions: f[phase].additions * data.n,
          comparisons: f[phase].comparisons * data.n,
        });
      }
      expect(run.update).toEqual({ multiplications: 4 * hidden + 1, additions: 4 * hidden + 1, comparisons: 0 });
    });
  }

  it('computes the same loss, gradient and update as the trainer while counting', () => {
    const params = initParams({ preset: 'writeup', seed: 2 });
    const run = countedEpoch(params, data, 0.01);
    const reference = lossAndGradient(params, data);
    expect(run.loss).toBeCloseTo(reference.loss, 12);
    run.grad.forEach((g, j) => expect(g).toBeCloseTo(reference.grad[j], 12));
    const trained = train({ data, params, learningRate: 0.01, epochs: 1 });
    run.params.forEach((p, j) => expect(p).toBeCloseTo(trained.params[j], 12));
  });

  it('skips an off unit’s backward multiplications when ReLU′ is used as a mask', () => {
    const params = initParams({ preset: 'writeup', seed: 2 });
    const masked = countedEpoch(params, data, 0.01, 2, true);
    const plain = countedEpoch(params, data, 0.01, 2, false);
    expect(masked.perSample.backward.multiplications).toBeLessThan(plain.perSample.backward.multiplications);
    expect(masked.loss).toBe(plain.loss);
  });

  for (const [preset, hidden] of [['he', 1], ['writeup', 2], ['he', 7], ['writeup', 16]] as const) {
    it(`predicts a masked epoch's counts from the number of active sample–unit pairs (${preset}, H = ${hidden})`, () => {
      let params = initParams({ preset, seed: 5, hidden });
      // Three chained epochs: the units' activity, and so the count, changes as the parameters move.
      for (let epoch = 0; epoch < 3; epoch++) {
        const active = unitActivity(params, data, hidden).activeCounts.reduce((a, b) => a + b, 0);
        const run = countedEpoch(params, data, 0.01, hidden, true);
        const formula = operationsPerEpoch(data.n, hidden, active);
        expect(run.perSample).toEqual({ forward: formula.forward, loss: formula.loss, backward: formula.backward });
        expect(run.update).toEqual(formula.update);
        params = run.params;
      }
    });
  }

  it('gives the unmasked epoch N times the per-sample counts, and the mask never more than that', () => {
    const plain = operationsPerEpoch(300, 2);
    expect(plain.backward.multiplications).toBe(300 * 11);
    expect(plain.forward.additions + plain.loss.additions + plain.backward.additions + plain.update.additions
      + plain.forward.multiplications + plain.loss.multiplications + plain.backward.multiplications + plain.update.multiplications).toBe(flopsPerEpoch(300));
    // All 600 pairs on: the mask saves exactly the H multiplications by ReLU′ per sample.
    expect(operationsPerEpoch(300, 2, 600).backward.multiplications).toBe(300 * 9);
    expect(operationsPerEpoch(300, 2, 0).backward.multiplications).toBe(300 * 3);
  });

  it('adds up to about 10.5 thousand operations per epoch for 300 samples', () => {
    expect(flopsPerEpoch(300)).toBe(300 * (6 + 6 + 1 + 2 + 11 + 9) + 18);
    expect(flopsPerEpoch(300)).toBeGreaterThan(10_000);
    expect(flopsPerEpoch(300)).toBeLessThan(11_000);
  });
});
