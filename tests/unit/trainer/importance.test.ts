import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  B1, W2, W5, W6, fromNamed, initParams, largestChange, lossAndGradient, lossIfZeroed, lossWithoutUnit, makeDataset, makeSqueezedDataset,
  parameterChanges, train, WRITEUP_EXAMPLE,
} from '../../../src/trainer';

describe('parameterChanges', () => {
  it('gives each parameter its start, final value, change and whether it is bit-for-bit unchanged', () => {
    const start = Float64Array.from([1, 2, 3]);
    const final = Float64Array.from([1, 2.5, 3 + 2 ** -51]); // the next double after 3
    const changes = parameterChanges(start, final);
    expect(changes[0]).toEqual({ start: 1, final: 1, change: 0, unchanged: true });
    expect(changes[1].change).toBe(0.5);
    expect(changes[1].unchanged).toBe(false);
    // A change far too small to print is still a change.
    expect(changes[2].unchanged).toBe(false);
    expect(changes[2].change).toBeGreaterThan(0);
  });

  it('refuses lists of different lengths', () => {
    expect(() => parameterChanges(new Float64Array(9), new Float64Array(8))).toThrow(/same length/);
  });
});

describe('largestChange', () => {
  it('names the change largest in size, whatever its sign, and −1 when nothing moved', () => {
    const start = new Float64Array(3);
    expect(largestChange(parameterChanges(start, Float64Array.from([0.5, -2, 1])))).toBe(1);
    expect(largestChange(parameterChanges(start, start))).toBe(-1);
  });
});

/** ŷ for one sample, written out here so the tests share no code with the trainer's forward pass. */
function predict(p: ArrayLike<number>, x1: number, x2: number): number {
  const h1 = Math.max(0, p[0] * x1 + p[2] * x2 + p[6]);
  const h2 = Math.max(0, p[1] * x1 + p[3] * x2 + p[7]);
  return p[4] * h1 + p[5] * h2 + p[8];
}
function oracleLoss(p: ArrayLike<number>, data: ReturnType<typeof makeDataset>): number {
  let sum = 0;
  for (let i = 0; i < data.n; i++) sum += (predict(p, data.x1[i], data.x2[i]) - data.y[i]) ** 2;
  return sum / data.n;
}

describe('lossIfZeroed', () => {
  const data = makeSqueezedDataset();
  const start = fromNamed(WRITEUP_EXAMPLE);
  const final = train({ data, params: start, learningRate: 0.01, epochs: 300 }).params;

  it('is the loss with one parameter set to 0 minus the loss, for every parameter (independent forward pass)', () => {
    const zeroed = lossIfZeroed(final, data);
    for (let j = 0; j < 9; j++) {
      const p = Array.from(final);
      p[j] = 0;
      expect(zeroed[j]).toBeCloseTo(oracleLoss(p, data) - oracleLoss(final, data), 10);
    }
  });

  it('is exactly zero for a dead unit’s output weight, and can be huge for the bias that keeps it dead', () => {
    const zeroed = lossIfZeroed(final, data);
    expect(zeroed[W5]).toBe(0); // unit 1 is dead: W5 multiplies zeros
    expect(zeroed[B1]).toBeGreaterThan(1); // B1 = 0 switches unit 1 back on, with W5 ≈ −8.9 attached
  });

  it('measures an output weight by the size of what it carries, not by how far it moved', () => {
    // Along W5 the loss is exactly L + t·g + t²·mean(h1²), so zeroing costs −W5·g + W5²·mean(h1²),
    // whatever the start was: the journey does not enter.
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 9, maxLength: 9 }), (values) => {
        const p = Float64Array.from(values);
        const d = makeDataset();
        const { grad } = lossAndGradient(p, d);
        let h1Squared = 0;
        for (let i = 0; i < d.n; i++) h1Squared += Math.max(0, p[0] * d.x1[i] + p[2] * d.x2[i] + p[6]) ** 2;
        const expected = -p[W5] * grad[W5] + p[W5] ** 2 * (h1Squared / d.n);
        expect(lossIfZeroed(p, d)[W5]).toBeCloseTo(expected, 8);
      }),
      { numRuns: 30 },
    );
  });

  it('leaves the parameters it was given untouched, and gives 0 for a parameter already at 0', () => {
    const p = Float64Array.from(final);
    p[W2] = 0;
    const copy = Float64Array.from(p);
    const zeroed = lossIfZeroed(p, makeDataset());
    expect(p).toEqual(copy);
    expect(zeroed[W2]).toBe(0);
  });
});

describe('lossWithoutUnit', () => {
  it('is the cost of setting the unit’s output weight to 0, and 0 for a dead unit', () => {
    const data = makeSqueezedDataset();
    const final = train({ data, params: fromNamed(WRITEUP_EXAMPLE), learningRate: 0.01, epochs: 300 }).params;
    const without = lossWithoutUnit(final, data);
    expect(without).toHaveLength(2);
    expect(without[0]).toBe(0);
    const p = Array.from(final);
    p[W6] = 0;
    expect(without[1]).toBeCloseTo(oracleLoss(p, data) - oracleLoss(final, data), 10);
  });

  it('works for any width: H = 4 has four units to remove', () => {
    const p = initParams({ preset: 'he', seed: 3, hidden: 4 });
    expect(lossWithoutUnit(p, makeDataset(), 4)).toHaveLength(4);
  });
});
