// Training only some parameters (TrainConfig.trainable): the frozen ones never move, whatever the
// optimizer, and the trained ones follow the loss over just those — checked against a separate
// descent loop that steps with central finite differences of the loss along each trained parameter.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { datasetFromArrays, makeRandom, meanSquaredError, parameterCount, train, uniform, OPTIMIZER_KINDS, type Dataset } from '../../../src/trainer';

const randomCase = fc
  .record({ seed: fc.integer(), n: fc.integer({ min: 2, max: 12 }), a: fc.integer({ min: 0, max: 8 }), b: fc.integer({ min: 0, max: 8 }) })
  .filter(({ a, b }) => a !== b)
  .map(({ seed, n, a, b }) => {
    const random = makeRandom(`trainable-case:${seed}`);
    const draw = (s: number) => uniform(random, -s, s);
    const params = Float64Array.from({ length: parameterCount(2) }, () => draw(1.5));
    const column = () => Array.from({ length: n }, () => draw(2));
    return { params, data: datasetFromArrays(column(), column(), column()), trainable: [a, b] };
  });

/** Gradient descent on the trained parameters alone, each partial by central differences. */
function referenceDescent(start: Float64Array, data: Dataset, trainable: number[], rate: number, steps: number): Float64Array {
  const p = Float64Array.from(start);
  const h = 1e-6;
  for (let t = 0; t < steps; t++) {
    const slopes = trainable.map((j) => {
      const up = Float64Array.from(p), down = Float64Array.from(p);
      up[j] += h;
      down[j] -= h;
      return (meanSquaredError(up, data, 2) - meanSquaredError(down, data, 2)) / (2 * h);
    });
    trainable.forEach((j, k) => (p[j] -= rate * slopes[k]));
  }
  return p;
}

describe('training some parameters only', () => {
  it('leaves every frozen parameter exactly where it started, with every optimizer and mini-batches', () => {
    fc.assert(
      fc.property(randomCase, fc.constantFrom(...OPTIMIZER_KINDS), ({ params, data, trainable }, kind) => {
        const result = train({ data, params, learningRate: 0.05, epochs: 20, batchSize: 2, shuffleSeed: 3, optimizer: { kind }, trainable, weightDecay: 0.01 });
        for (let j = 0; j < params.length; j++) if (!trainable.includes(j)) expect(result.params[j]).toBe(params[j]);
      }),
      { numRuns: 40 },
    );
  });

  it('moves the trained ones as descent on the loss over just those parameters does', () => {
    fc.assert(
      fc.property(randomCase, ({ params, data, trainable }) => {
        const result = train({ data, params, learningRate: 0.02, epochs: 5, trainable });
        const reference = referenceDescent(params, data, trainable, 0.02, 5);
        for (const j of trainable) expect(result.params[j]).toBeCloseTo(reference[j], 6);
      }),
      { numRuns: 40 },
    );
  });

  it('with every index listed, takes the same steps as training everything, bit for bit', () => {
    fc.assert(
      fc.property(randomCase, ({ params, data }) => {
        const all = train({ data, params, learningRate: 0.05, epochs: 10, optimizer: { kind: 'adam' } });
        const listed = train({ data, params, learningRate: 0.05, epochs: 10, optimizer: { kind: 'adam' }, trainable: [...params.keys()] });
        expect(listed.params).toEqual(all.params);
      }),
      { numRuns: 20 },
    );
  });

  it('refuses an index that names no parameter', () => {
    const data = datasetFromArrays([0, 1], [1, 0], [1, 2]);
    const params = new Float64Array(9).fill(0.5);
    expect(() => train({ data, params, learningRate: 0.1, epochs: 1, trainable: [9] })).toThrow(/from 0 to 8/);
    expect(() => train({ data, params, learningRate: 0.1, epochs: 1, trainable: [1.5] })).toThrow(/whole number/);
  });
});
