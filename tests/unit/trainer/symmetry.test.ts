import { describe, expect, it } from 'vitest';
import { Trainer, initParams, lossAndGradient, makeDataset, TrainerInputError } from '../../../src/trainer';
import { swapUnits, unitGap, unitsIdentical } from '../../../src/trainer/symmetry';

const data = makeDataset({ n: 60 });

describe('swapUnits', () => {
  it('trades unit 1’s four parameters with unit 2’s and leaves the output bias alone', () => {
    const p = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9);
    expect(Array.from(swapUnits(p))).toEqual([2, 1, 4, 3, 6, 5, 8, 7, 9]);
    expect(Array.from(p)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('gives the same loss, and the swapped gradient: nothing in the network tells the units apart', () => {
    for (const seed of [1, 2, 3]) {
      const p = initParams({ preset: 'he', seed });
      const a = lossAndGradient(p, data);
      const b = lossAndGradient(swapUnits(p), data);
      // Equal up to the order of one addition (ŷ adds unit 1's share before unit 2's).
      expect(b.loss).toBeCloseTo(a.loss, 12);
      swapUnits(a.grad).forEach((g, j) => expect(b.grad[j]).toBeCloseTo(g, 12));
    }
  });

  it('works for any two units of a wider network', () => {
    const p = initParams({ preset: 'he', seed: 4, hidden: 4 });
    const q = swapUnits(p, 1, 3, 4);
    expect(lossAndGradient(q, data, 4).loss).toBeCloseTo(lossAndGradient(p, data, 4).loss, 12);
    expect(swapUnits(q, 1, 3, 4)).toEqual(p);
  });

  it('refuses a unit that does not exist', () => {
    expect(() => swapUnits(new Float64Array(9), 0, 2)).toThrow(TrainerInputError);
    expect(() => unitGap(new Float64Array(8))).toThrow(TrainerInputError);
  });
});

describe('unitGap and unitsIdentical', () => {
  it('are 0 and true for the symmetric presets, and stay so through training, bit for bit', () => {
    for (const preset of ['weights0-biases2', 'weights2-biases0'] as const) {
      const t = new Trainer({ data, params: initParams({ preset }), learningRate: 0.05 });
      for (let e = 0; e < 300; e++) {
        t.step(1);
        expect(unitsIdentical(t.params)).toBe(true);
      }
      expect(unitGap(t.params)).toBe(0);
    }
  });

  it('measure the largest difference between corresponding parameters', () => {
    const p = initParams({ preset: 'weights2-biases0' });
    p[6] += 1e-6;
    expect(unitsIdentical(p)).toBe(false);
    expect(unitGap(p)).toBeCloseTo(1e-6, 15);
    p[4] = -3;
    expect(unitGap(p)).toBe(5);
  });

  it('call an overflowed difference infinitely large, never "not a number"', () => {
    const p = initParams({ preset: 'zeros' });
    p[0] = Infinity;
    p[1] = Infinity;
    expect(unitGap(p)).toBe(Infinity);
    expect(unitsIdentical(p)).toBe(true);
  });
});
