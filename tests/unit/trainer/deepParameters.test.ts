import { describe, expect, it } from 'vitest';
import {
  biasIndex, checkDeepShape, checkHiddenWidths, deepLayout, deepParameterCount, deepParameterName, describeDeepParameter,
  hiddenBias, networkLabel, outputBias, parameterCount, parameterName, weightFromX1, weightFromX2, weightIndex, weightToOutput,
} from '../../../src/trainer';

describe('the layered parameter layout', () => {
  it('is the 2-H-1 layout of parameters.ts when there is one hidden layer', () => {
    for (let H = 1; H <= 16; H++) {
      const layout = deepLayout([H]);
      expect(layout.parameterCount).toBe(parameterCount(H));
      for (let k = 0; k < H; k++) {
        expect(weightIndex(layout, 1, 0, k)).toBe(weightFromX1(k, H));
        expect(weightIndex(layout, 1, 1, k)).toBe(weightFromX2(k, H));
        expect(weightIndex(layout, 2, k, 0)).toBe(weightToOutput(k, H));
        expect(biasIndex(layout, 1, k)).toBe(hiddenBias(k, H));
      }
      expect(biasIndex(layout, 2, 0)).toBe(outputBias(H));
      for (let i = 0; i < layout.parameterCount; i++) expect(deepParameterName(layout, i)).toBe(parameterName(i, H));
    }
  });

  it('counts n(l−1)·n(l) weights and n(l) biases per layer: 2-8-8-1 has 105 parameters, 2-2-2-1 has 15', () => {
    expect(deepParameterCount([8, 8])).toBe(2 * 8 + 8 * 8 + 8 + 8 + 8 + 1);
    expect(deepParameterCount([8, 8])).toBe(105);
    expect(deepParameterCount([2, 2])).toBe(15);
    expect(deepParameterCount([3, 5, 4])).toBe(6 + 15 + 20 + 4 + 3 + 5 + 4 + 1);
    expect(networkLabel([8, 8])).toBe('2-8-8-1');
  });

  it('puts every weight first, grouped by the unit it comes from, then every bias, layer by layer', () => {
    const layout = deepLayout([2, 2]);
    const names = Array.from({ length: layout.parameterCount }, (_, i) => deepParameterName(layout, i));
    expect(names).toEqual([
      'w(x1→h¹₁)', 'w(x1→h¹₂)', 'w(x2→h¹₁)', 'w(x2→h¹₂)',
      'w(h¹₁→h²₁)', 'w(h¹₁→h²₂)', 'w(h¹₂→h²₁)', 'w(h¹₂→h²₂)',
      'w(h²₁→out)', 'w(h²₂→out)',
      'b(h¹₁)', 'b(h¹₂)', 'b(h²₁)', 'b(h²₂)', 'b(out)',
    ]);
  });

  it('describes each index as the weight or bias it is, the inverse of weightIndex and biasIndex', () => {
    for (const hidden of [[1], [3], [2, 2], [8, 8], [3, 1, 4], [16, 16, 16, 16]]) {
      const layout = deepLayout(hidden);
      const seen = new Set<number>();
      for (let l = 1; l <= layout.layers; l++) {
        for (let to = 0; to < layout.sizes[l]; to++) {
          for (let from = 0; from < layout.sizes[l - 1]; from++) {
            const i = weightIndex(layout, l, from, to);
            expect(describeDeepParameter(layout, i)).toEqual({ kind: 'weight', layer: l, from, to });
            seen.add(i);
          }
          const b = biasIndex(layout, l, to);
          expect(describeDeepParameter(layout, b)).toEqual({ kind: 'bias', layer: l, unit: to });
          seen.add(b);
        }
      }
      expect(seen.size).toBe(layout.parameterCount);
      expect(Math.max(...seen)).toBe(layout.parameterCount - 1);
    }
  });

  it('explains bad widths and wrong vector lengths in words', () => {
    expect(checkHiddenWidths([8, 8])).toBeNull();
    expect(checkHiddenWidths([])).toMatch(/between 1 and 4 hidden layers/);
    expect(checkHiddenWidths([2, 2, 2, 2, 2])).toMatch(/between 1 and 4 hidden layers/);
    expect(checkHiddenWidths('8,8')).toMatch(/hidden layers/);
    expect(checkHiddenWidths([8, 0])).toMatch(/hidden layer 2.*between 1 and 16/);
    expect(checkHiddenWidths([8, 2.5])).toMatch(/whole number/);
    expect(checkHiddenWidths([Number.NaN])).toMatch(/must be a number/);
    expect(() => deepLayout([17])).toThrow(/between 1 and 16/);
    expect(() => checkDeepShape(new Float64Array(9), deepLayout([8, 8]))).toThrow(/2-8-8-1 network has 105 parameters, not 9/);
    expect(() => describeDeepParameter(deepLayout([2]), 9)).toThrow(/no parameter number 9/);
  });
});
