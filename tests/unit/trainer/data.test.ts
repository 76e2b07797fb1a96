import { describe, expect, it } from 'vitest';
import {
  backpropagate221, checkData, curvature, datasetFromArrays, initParams, linearFit, lossAndGradient, makeDataset, mean, meanSquaredError,
  TrainerInputError, unitActivity, validateDatasetOptions, variance, type Dataset,
} from '../../../src/trainer';

describe('makeDataset', () => {
  it('follows the write-up by default: 300 samples, x1 in [-5, 5], x2 in [-10, 10], integer noise in {-1, 0, 1}', () => {
    const d = makeDataset();
    expect(d.n).toBe(300);
    for (let i = 0; i < d.n; i++) {
      expect(d.raw.x1[i]).toBeGreaterThanOrEqual(-5);
      expect(d.raw.x1[i]).toBeLessThan(5);
      expect(d.raw.x2[i]).toBeGreaterThanOrEqual(-10);
      expect(d.raw.x2[i]).toBeLessThan(10);
      expect([-1, 0, 1]).toContain(d.raw.noise[i]);
      expect(d.raw.y[i]).toBe(d.raw.x1[i] ** 2 + d.raw.x2[i] + d.raw.noise[i]);
    }
    expect(new Set(d.raw.noise).size).toBe(3);
  });

  it('standardises every column to mean 0 and variance 1 by default', () => {
    const d = makeDataset();
    for (const col of [d.x1, d.x2, d.y]) {
      expect(mean(col)).toBeCloseTo(0, 12);
      expect(variance(col)).toBeCloseTo(1, 12);
    }
    expect(d.scaling.y.shift).toBeCloseTo(mean(d.raw.y), 12);
  });

  it('gives identical numbers for the same seed and different numbers for another seed', () => {
    expect(makeDataset({ seed: 7 }).y).toEqual(makeDataset({ seed: 7 }).y);
    expect(makeDataset({ seed: '7' }).y).toEqual(makeDataset({ seed: 7 }).y);
    expect(makeDataset({ seed: 8 }).raw.x1[0]).not.toBe(makeDataset({ seed: 7 }).raw.x1[0]);
  });

  it('draws samples one at a time, so the first 300 of 3,000 are the 300-sample set', () => {
    const small = makeDataset({ n: 300, seed: 3 });
    const large = makeDataset({ n: 3000, seed: 3 });
    expect(Array.from(large.raw.y.subarray(0, 300))).toEqual(Array.from(small.raw.y));
  });

  it('maps every column into [0, 1] under min-max scaling and leaves values alone with no scaling', () => {
    const mm = makeDataset({ scaling: 'minmax' });
    for (const col of [mm.x1, mm.x2, mm.y]) {
      expect(Math.min(...col)).toBe(0);
      expect(Math.max(...col)).toBe(1);
    }
    const none = makeDataset({ scaling: 'none' });
    expect(Array.from(none.y)).toEqual(Array.from(none.raw.y));
  });

  it('keeps scale 1 for a column with no spread instead of dividing by zero', () => {
    const d = makeDataset({ x1Range: [2, 2], n: 10 });
    expect(d.scaling.x1.scale).toBe(1);
    expect(d.x1.every((v) => v === 0)).toBe(true);
    const one = makeDataset({ n: 1 });
    expect(Number.isFinite(one.y[0])).toBe(true);
  });

  it('rejects impossible options with a message a student can act on', () => {
    expect(validateDatasetOptions({ n: 0 })[0]).toMatch(/number of samples/);
    expect(validateDatasetOptions({ n: NaN })[0]).toMatch(/must be a number/);
    expect(validateDatasetOptions({ n: 2.5 })[0]).toMatch(/whole number/);
    expect(validateDatasetOptions({ x1Range: [5, -5] })[0]).toMatch(/lower end must not be above/);
    expect(validateDatasetOptions({ x2Range: [-Infinity, 1] })[0]).toMatch(/finite/);
    expect(validateDatasetOptions({ x2Range: [-1e308, 1] })[0]).toMatch(/between/);
    expect(validateDatasetOptions({ noiseRange: [-0.5, 1] })[0]).toMatch(/whole number/);
    expect(() => makeDataset({ n: -3 })).toThrow(TrainerInputError);
    expect(validateDatasetOptions({})).toEqual([]);
  });

  it('builds an unscaled data set from given arrays and refuses ragged or non-finite ones', () => {
    const d = datasetFromArrays([1, 2], [3, 4], [5, 6]);
    expect(d.n).toBe(2);
    expect(() => datasetFromArrays([1], [1, 2], [1])).toThrow(/same length/);
    expect(() => datasetFromArrays([NaN], [1], [1])).toThrow(/finite/);
  });
});

describe('checkData', () => {
  const { x1, x2, y } = makeDataset({ n: 20 });
  const params = initParams();

  it('accepts n samples in three columns of n numbers', () => {
    expect(() => checkData(makeDataset({ n: 20 }))).not.toThrow();
    expect(() => checkData({ n: 20, x1, x2, y })).not.toThrow();
  });

  it('refuses data without n, with n = 0, or with columns of different lengths, naming what is wrong', () => {
    expect(() => checkData({ x1, x2, y })).toThrow(/how many samples it holds: n/);
    expect(() => checkData({ n: 2.5, x1, x2, y })).toThrow(TrainerInputError);
    expect(() => checkData({ n: 0, x1: x1.subarray(0, 0), x2: x2.subarray(0, 0), y: y.subarray(0, 0) })).toThrow(/no samples/);
    expect(() => checkData({ n: 20, x1, x2: x2.subarray(0, 19), y })).toThrow(/x2 has 19/);
    expect(() => checkData({ n: 21, x1, x2, y })).toThrow(/n = 21.*x1 has 20/);
    expect(() => checkData({ n: 20, x1, x2 })).toThrow(/y is missing/);
    expect(() => checkData(undefined)).toThrow(/There is no data/);
  });

  it('is checked by every loss, gradient and measurement instead of returning NaN', () => {
    const noN = { x1, x2, y } as unknown as Dataset;
    const ragged = { ...makeDataset({ n: 20 }), y: y.subarray(0, 10) };
    for (const data of [noN, ragged]) {
      expect(() => lossAndGradient(params, data)).toThrow(TrainerInputError);
      expect(() => meanSquaredError(params, data)).toThrow(TrainerInputError);
      expect(() => backpropagate221(params, data)).toThrow(TrainerInputError);
      expect(() => unitActivity(params, data)).toThrow(TrainerInputError);
      expect(() => curvature(params, data)).toThrow(TrainerInputError);
      expect(() => linearFit(data)).toThrow(TrainerInputError);
    }
  });
});
