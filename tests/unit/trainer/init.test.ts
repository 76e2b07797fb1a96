import { describe, expect, it } from 'vitest';
import { initParams, INIT_PRESET_NAMES, WRITEUP_EXAMPLE, toNamed, parameterCount, mean, variance } from '../../../src/trainer';

describe('initParams', () => {
  it('draws the write-up’s scheme: weights in [-10, 10], biases in [-5, 5], two decimals', () => {
    for (let seed = 0; seed < 50; seed++) {
      const p = initParams({ preset: 'writeup', seed });
      p.subarray(0, 6).forEach((w) => expect(Math.abs(w)).toBeLessThanOrEqual(10));
      p.subarray(6).forEach((b) => expect(Math.abs(b)).toBeLessThanOrEqual(5));
      p.forEach((v) => expect(Math.abs(v * 100 - Math.round(v * 100))).toBeLessThan(1e-9));
    }
  });

  it('is reproducible for a seed and independent of the data seed', () => {
    expect(initParams({ preset: 'writeup', seed: 3 })).toEqual(initParams({ preset: 'writeup', seed: 3 }));
    expect(initParams({ preset: 'writeup', seed: 3 })).not.toEqual(initParams({ preset: 'writeup', seed: 4 }));
  });

  it('loads the exact starting values of the write-up’s table', () => {
    expect(toNamed(initParams({ preset: 'writeup-example' }))).toEqual({ ...WRITEUP_EXAMPLE });
  });

  it('builds the symmetric and extreme presets exactly', () => {
    expect(Array.from(initParams({ preset: 'zeros' }))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(initParams({ preset: 'weights0-biases2' }))).toEqual([0, 0, 0, 0, 0, 0, 2, 2, 2]);
    expect(Array.from(initParams({ preset: 'weights2-biases0' }))).toEqual([2, 2, 2, 2, 2, 2, 0, 0, 0]);
    const huge = initParams({ preset: 'huge-weights', seed: 1 });
    expect(Math.max(...huge.subarray(0, 6).map(Math.abs))).toBeGreaterThan(1e6);
    const biases = initParams({ preset: 'large-biases', seed: 1 });
    expect(Math.max(...biases.subarray(6).map(Math.abs))).toBeGreaterThan(5);
  });

  it('gives every preset 4H + 1 parameters for any width from 1 to 16', () => {
    for (const preset of INIT_PRESET_NAMES.filter((p) => p !== 'writeup-example')) {
      for (const hidden of [1, 2, 5, 16]) expect(initParams({ preset, hidden }).length).toBe(parameterCount(hidden));
    }
    expect(() => initParams({ preset: 'writeup-example', hidden: 3 })).toThrow(/only for 2 hidden units/);
    expect(() => initParams({ hidden: 0 })).toThrow(/hidden width/);
  });

  it('draws He weights with variance 2 / fan-in and zero biases', () => {
    const hidden = 16;
    const draws: number[] = [];
    for (let seed = 0; seed < 200; seed++) draws.push(...initParams({ preset: 'he', seed, hidden }).subarray(0, 2 * hidden));
    expect(mean(draws)).toBeCloseTo(0, 1);
    expect(variance(draws)).toBeGreaterThan(0.9);
    expect(variance(draws)).toBeLessThan(1.1);
    expect(Array.from(initParams({ hidden }).subarray(3 * hidden))).toEqual(new Array(hidden + 1).fill(0));
  });
});
