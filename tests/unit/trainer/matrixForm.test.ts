import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addToEveryRow, backpropagate221, backpropagateDeep, columnSums, datasetFromArrays, deepLayout, forwardDeep, hadamard,
  layerMatrices, makeRandom, mapEntries, matMul, matrixBackward, matrixEntryOf, matrixForward, parameterAtEntry, transpose,
  uniform, biasIndex, PARAMETER_NAMES,
} from '../../../src/trainer';

const bits = (values: ArrayLike<number>) => Array.from(values, (v) => (Object.is(v, -0) ? '-0' : String(v)));

/** A random network (1–3 hidden layers, widths 1–6) and a few samples; sometimes one unit dead, sometimes an exact kink. */
const randomCase = (widths = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 })) =>
  fc.record({ hidden: widths, seed: fc.integer(), n: fc.integer({ min: 1, max: 8 }), dead: fc.boolean(), onKink: fc.boolean() })
    .map(({ hidden, seed, n, dead, onKink }) => {
      const layout = deepLayout(hidden);
      const random = makeRandom(`matrix:${seed}`);
      const draw = (s: number) => uniform(random, -s, s);
      const params = Float64Array.from({ length: layout.parameterCount }, () => draw(2));
      const x1 = Array.from({ length: n }, () => draw(2)), x2 = Array.from({ length: n }, () => draw(2));
      if (dead) params[biasIndex(layout, 1, 0)] = -1e3;
      if (onKink) {
        x1[0] = 0;
        x2[0] = 0;
        params[biasIndex(layout, 1, layout.sizes[1] - 1)] = 0;
      }
      return { layout, params, data: datasetFromArrays(x1, x2, Array.from({ length: n }, () => draw(2))) };
    });

describe('the matrix helpers', () => {
  it('multiply, transpose, broadcast a bias, apply a function, multiply entrywise and sum columns', () => {
    const A = [[1, 2, 3], [4, 5, 6]];
    expect(matMul(A, [[1, 0], [0, 1], [1, 1]])).toEqual([[4, 5], [10, 11]]);
    expect(transpose(A)).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(addToEveryRow(A, [10, 20, 30])).toEqual([[11, 22, 33], [14, 25, 36]]);
    expect(mapEntries([[-1, 2]], (v) => Math.max(0, v))).toEqual([[0, 2]]);
    expect(hadamard(A, [[0, 1, 2], [1, 0, -1]])).toEqual([[0, 2, 6], [4, 0, -6]]);
    expect(columnSums(A)).toEqual([5, 7, 9]);
    expect(() => matMul(A, [[1, 2]])).toThrow(/3 columns but B has 1 rows/);
  });

  it('lays the 2-2-1 parameters out as W¹ = [[W1, W3], [W2, W4]], b¹ = (B1, B2), w² = [[W5, W6]], b² = (B3)', () => {
    const [first, second] = layerMatrices(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9), deepLayout([2]));
    expect(first).toEqual({ W: [[1, 3], [2, 4]], b: [7, 8] });
    expect(second).toEqual({ W: [[5, 6]], b: [9] });
  });
});

describe('the forward pass for all samples at once', () => {
  it('gives every sample the numbers the one-sample forward pass gives, in rows', () => {
    fc.assert(
      fc.property(randomCase(), ({ layout, params, data }) => {
        const pass = matrixForward(params, layout, data);
        for (let i = 0; i < data.n; i++) {
          const one = forwardDeep(params, layout, data.x1[i], data.x2[i]);
          one.z.forEach((z, l) => expect(bits(pass.Z[l][i])).toEqual(bits(z)));
          one.h.forEach((h, l) => expect(bits(pass.H[l + 1][i])).toEqual(bits(h)));
          expect(bits(pass.Yhat[i])).toEqual(bits([one.yhat]));
        }
        expect(pass.H[0]).toEqual(Array.from({ length: data.n }, (_, i) => [data.x1[i], data.x2[i]]));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the backward rule in matrix form', () => {
  it('gives backprop.ts’s nine partials bit for bit for 2-2-1, dead units and exact kinks included', () => {
    fc.assert(
      fc.property(randomCase(fc.constant([2])), ({ layout, params, data }) => {
        expect(bits(matrixBackward(params, layout, data).grad)).toEqual(bits(backpropagate221(params, data).grad));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the layer rule’s partials bit for bit for any depth, and the matrices hold them entry by entry', () => {
    fc.assert(
      fc.property(randomCase(), ({ layout, params, data }) => {
        const matrix = matrixBackward(params, layout, data);
        const rule = backpropagateDeep(params, layout, data);
        expect(bits(matrix.grad)).toEqual(bits(rule.grad));
        expect(bits([matrix.loss])).toEqual(bits([rule.loss]));
        for (let i = 0; i < layout.parameterCount; i++) {
          const entry = matrixEntryOf(layout, i);
          const fromMatrix = entry.matrix === 'W' ? matrix.dW[entry.layer - 1][entry.row][entry.column] : matrix.db[entry.layer - 1][entry.row];
          expect(fromMatrix).toBe(rule.grad[i]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('has Δ(out) = (2/N)(Ŷ − Y) and Δ of a hidden layer zero wherever its unit is off', () => {
    const layout = deepLayout([3, 2]);
    const params = Float64Array.from({ length: layout.parameterCount }, (_, j) => ((j * 7) % 5) - 2);
    const data = datasetFromArrays([1, -2, 0.5], [0, 1, -1], [1, 2, 3]);
    const back = matrixBackward(params, layout, data);
    const pass = matrixForward(params, layout, data);
    expect(back.Delta[2]).toEqual(pass.Yhat.map(([yhat], i) => [(2 / 3) * (yhat - data.y[i])]));
    expect(pass.Z.slice(0, 2).flat(2).filter((z) => !(z > 0)).length).toBeGreaterThan(0); // some units are off here
    back.Delta.slice(0, 2).forEach((D, l) => D.forEach((row, i) => row.forEach((d, j) => {
      if (!(pass.Z[l][i][j] > 0)) expect(Math.abs(d)).toBe(0); // ±0: ReLU′ = 0 times a negative sum
    })));
  });
});

describe('matrix entries and the lesson’s parameter names', () => {
  it('names every entry of the 2-2-1 matrices with the partial it equals', () => {
    const layout = deepLayout([2]);
    const named = (matrix: 'W' | 'b', layer: number, row: number, column: number) => parameterAtEntry(layout, { matrix, layer, row, column }).name;
    expect([named('W', 1, 0, 0), named('W', 1, 1, 0), named('W', 1, 0, 1), named('W', 1, 1, 1)]).toEqual(['W1', 'W2', 'W3', 'W4']);
    expect([named('W', 2, 0, 0), named('W', 2, 0, 1)]).toEqual(['W5', 'W6']);
    expect([named('b', 1, 0, 0), named('b', 1, 1, 0), named('b', 2, 0, 0)]).toEqual(['B1', 'B2', 'B3']);
    PARAMETER_NAMES.forEach((name, i) => expect(parameterAtEntry(layout, matrixEntryOf(layout, i))).toEqual({ index: i, name }));
  });

  it('maps entries and parameters one to one for deeper networks, and refuses an entry outside a matrix', () => {
    for (const hidden of [[3], [2, 2], [8, 8], [4, 1, 3]]) {
      const layout = deepLayout(hidden);
      for (let i = 0; i < layout.parameterCount; i++) expect(parameterAtEntry(layout, matrixEntryOf(layout, i)).index).toBe(i);
    }
    const layout = deepLayout([2, 2]);
    expect(parameterAtEntry(layout, { matrix: 'W', layer: 2, row: 1, column: 0 }).name).toBe('w(h¹₁→h²₂)');
    expect(() => parameterAtEntry(layout, { matrix: 'W', layer: 1, row: 2, column: 0 })).toThrow(/Layer 1's weight matrix has no entry in row 3, column 1/);
    expect(() => parameterAtEntry(layout, { matrix: 'b', layer: 4, row: 0, column: 0 })).toThrow(/Layer 4's bias vector/);
    expect(() => parameterAtEntry(layout, { matrix: 'b', layer: 1, row: 0, column: 1 })).toThrow(/no entry/);
  });
});
