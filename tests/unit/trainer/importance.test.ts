import { describe, expect, it } from 'vitest';
import {
  B1, B3, W1, W3, W5, fromNamed, initParams, largestChange, lossIfReset, makeDataset, makeSqueezedDataset, meanSquaredError,
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

describe('lossIfReset', () => {
  const data = makeSqueezedDataset();
  const start = fromNamed(WRITEUP_EXAMPLE);
  const final = train({ data, params: start, learningRate: 0.01, epochs: 300 }).params;

  it('is exactly zero for a parameter that never moved, such as a dead unit’s', () => {
    const reset = lossIfReset(start, final, data);
    for (const j of [W1, W3, W5, B1]) expect(reset[j]).toBe(0);
  });

  it('is the loss with one parameter put back minus the final loss', () => {
    const reset = lossIfReset(start, final, data);
    const back = Float64Array.from(final);
    back[B3] = start[B3];
    expect(reset[B3]).toBeCloseTo(meanSquaredError(back, data) - meanSquaredError(final, data), 12);
  });

  it('leaves the parameters it was given untouched', () => {
    const copy = Float64Array.from(final);
    lossIfReset(start, final, makeDataset());
    expect(final).toEqual(copy);
  });

  it('is zero everywhere when nothing changed', () => {
    const p = initParams({ preset: 'he', seed: 2 });
    expect(Array.from(lossIfReset(p, p, data))).toEqual(new Array(9).fill(0));
  });
});
