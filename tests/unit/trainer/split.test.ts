import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkSplitOptions, Trainer, heldOutBaseline, heldOutLoss, initParams, makeDataset, meanSquaredError, splitDataset, train,
  TrainerInputError, type Dataset,
} from '../../../src/trainer';

const data = makeDataset({ n: 200, seed: 3 });

const populationMean = (v: ArrayLike<number>) => Array.from(v).reduce((s, x) => s + x, 0) / v.length;
const populationStd = (v: ArrayLike<number>) => {
  const m = populationMean(v);
  return Math.sqrt(Array.from(v).reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
};

describe('splitDataset', () => {
  it('holds out round(f·N) samples, disjoint from the training ones, together all of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.integer(), (n, f, seed) => {
        const d = makeDataset({ n, seed: 1 });
        if (checkSplitOptions(n, { testFraction: f }).length) {
          expect(() => splitDataset(d, { testFraction: f, seed })).toThrow(TrainerInputError);
          return;
        }
        const split = splitDataset(d, { testFraction: f, seed });
        expect(split.test.n).toBe(Math.round(f * n));
        expect(split.train.n + split.test.n).toBe(n);
        expect([...split.trainIndices, ...split.testIndices].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        // Each part keeps the original order, and carries its own samples' raw values.
        // (Whole arrays are compared at once: an expect per sample makes 150 runs of up to 300 samples slow.)
        for (const [part, indices] of [[split.train, split.trainIndices], [split.test, split.testIndices]] as const) {
          expect(Array.from(indices).every((i, k) => k === 0 || i > indices[k - 1])).toBe(true);
          expect(Array.from(part.raw.y)).toEqual(Array.from(indices, (i) => d.raw.y[i]));
          expect(Array.from(part.raw.noise)).toEqual(Array.from(indices, (i) => d.raw.noise[i]));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('holds out the same samples for the same seed and different ones for another', () => {
    const a = splitDataset(data, { testFraction: 0.25, seed: 7 });
    expect(Array.from(splitDataset(data, { testFraction: 0.25, seed: 7 }).testIndices)).toEqual(Array.from(a.testIndices));
    expect(Array.from(splitDataset(data, { testFraction: 0.25, seed: 8 }).testIndices)).not.toEqual(Array.from(a.testIndices));
  });

  it('z-scores both parts with the training part’s mean and population standard deviation', () => {
    const split = splitDataset(data, { testFraction: 0.3, seed: 2 });
    const trainRawY = Array.from(split.trainIndices, (i) => data.raw.y[i]);
    const shift = populationMean(trainRawY), scale = populationStd(trainRawY);
    expect(split.train.scaling.y.shift).toBeCloseTo(shift, 12);
    expect(split.train.scaling.y.scale).toBeCloseTo(scale, 12);
    expect(split.test.scaling).toEqual(split.train.scaling);
    split.test.y.forEach((y, k) => expect(y).toBeCloseTo((data.raw.y[split.testIndices[k]] - shift) / scale, 12));
    expect(populationMean(split.train.y)).toBeCloseTo(0, 12);
    expect(populationStd(split.train.y)).toBeCloseTo(1, 12);
    expect(Math.abs(populationMean(split.test.y))).toBeGreaterThan(1e-6); // the held-out part is not centred on its own
  });

  it('lets no held-out value reach the training part: changing one changes nothing the network trains on', () => {
    const split = splitDataset(data, { testFraction: 0.3, seed: 2 });
    const tampered: Dataset = { ...data, raw: { ...data.raw, y: Float64Array.from(data.raw.y) } };
    tampered.raw.y[split.testIndices[0]] += 1000;
    const again = splitDataset(tampered, { testFraction: 0.3, seed: 2 });
    expect(Array.from(again.train.y)).toEqual(Array.from(split.train.y));
    expect(again.train.scaling).toEqual(split.train.scaling);
    expect(again.test.y[0]).not.toBe(split.test.y[0]);
  });

  it('scales min-max by the training part’s range: training values in [0, 1], held-out ones may fall outside', () => {
    const d = makeDataset({ n: 300, scaling: 'minmax' });
    const split = splitDataset(d, { testFraction: 0.5, seed: 1 });
    expect(Math.min(...split.train.x1)).toBe(0);
    expect(Math.max(...split.train.x1)).toBe(1);
    const trainX1 = Array.from(split.trainIndices, (i) => d.raw.x1[i]);
    split.test.x1.forEach((x, k) => expect(x).toBeCloseTo((d.raw.x1[split.testIndices[k]] - Math.min(...trainX1)) / (Math.max(...trainX1) - Math.min(...trainX1)), 12));
  });

  it('refuses a fraction that leaves a part empty or is not a number, in words', () => {
    expect(() => splitDataset(data, { testFraction: 0 })).toThrow(/none to test on/);
    expect(() => splitDataset(data, { testFraction: 1 })).toThrow(/none to train on/);
    expect(() => splitDataset(makeDataset({ n: 3 }), { testFraction: 0.1 })).toThrow(/none to test on/);
    expect(() => splitDataset(data, { testFraction: NaN })).toThrow(/test fraction must be a number/);
    expect(() => splitDataset(data, { testFraction: 1.5 })).toThrow(/between 0 and 1/);
  });
});

describe('held-out loss', () => {
  const split = splitDataset(data, { testFraction: 0.25, seed: 4 });
  const params = initParams({ seed: 6 });

  it('is the mean squared error on the held-out part', () => {
    expect(heldOutLoss(params, split)).toBe(meanSquaredError(params, split.test));
  });

  it('has as baseline the held-out Var(y) plus the squared gap between the two parts’ means', () => {
    const gap = populationMean(split.test.y) - populationMean(split.train.y);
    expect(heldOutBaseline(split)).toBeCloseTo(populationStd(split.test.y) ** 2 + gap ** 2, 12);
  });

  it('is recorded by the trainer at the start of every epoch, without changing the training run', () => {
    const trainer = new Trainer({ data: split.train, params, learningRate: 0.05, heldOut: split.test });
    const expected: number[] = [];
    for (let e = 0; e < 20; e++) {
      expected.push(meanSquaredError(trainer.params, split.test));
      trainer.step(1);
    }
    expect(Array.from(trainer.heldOutLosses)).toEqual(expected);
    const withHeldOut = train({ data: split.train, params, learningRate: 0.05, epochs: 20, heldOut: split.test });
    const without = train({ data: split.train, params, learningRate: 0.05, epochs: 20 });
    expect(Array.from(withHeldOut.params)).toEqual(Array.from(without.params));
    expect(Array.from(withHeldOut.heldOutLosses!)).toEqual(expected);
    expect(without.heldOutLosses).toBeUndefined();
    expect(new Trainer({ data: split.train, params, learningRate: 0.05 }).heldOutLosses).toHaveLength(0);
  });

  it('keeps up with long runs (the history grows past its first 1,024 epochs)', () => {
    const run = train({ data: split.train, params, learningRate: 0.05, epochs: 1500, heldOut: split.test });
    expect(run.heldOutLosses).toHaveLength(1500);
    const before = train({ data: split.train, params, learningRate: 0.05, epochs: 1499 });
    expect(run.heldOutLosses![1499]).toBe(heldOutLoss(before.params, split));
    expect(run.heldOutLosses!.every(Number.isFinite)).toBe(true);
  });
});
