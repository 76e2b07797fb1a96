import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backpropagate221, datasetFromArrays, lossAndGradient, makeDataset, meanSquaredError, parameterCount,
  forward, initParams, makeRandom, uniform, W1, W3, W5, B1, B3, unitParameters, type Dataset,
} from '../../../src/trainer';

/** Central finite difference of the loss along parameter j. */
function finiteDifference(params: Float64Array, data: Dataset, hidden: number, j: number, h = 1e-6): number {
  const plus = Float64Array.from(params);
  const minus = Float64Array.from(params);
  plus[j] += h;
  minus[j] -= h;
  return (meanSquaredError(plus, data, hidden) - meanSquaredError(minus, data, hidden)) / (2 * h);
}

/** Smallest |z| over samples and units: finite differences are only valid away from the kinks. */
function closestToKink(params: Float64Array, data: Dataset, hidden: number): number {
  let closest = Infinity;
  for (let i = 0; i < data.n; i++) {
    for (const z of forward(params, data.x1[i], data.x2[i], hidden).z) closest = Math.min(closest, Math.abs(z));
  }
  return closest;
}

/**
 * A random network and data set. fast-check picks the seed, size and scale; the values
 * themselves come from a seeded generator so they are continuous (fast-check's own doubles
 * favour 0 and other edge values, which sit exactly on ReLU kinks).
 */
const randomCase = (hidden: number) =>
  fc.record({ seed: fc.integer(), n: fc.integer({ min: 1, max: 12 }), scale: fc.constantFrom(0.3, 1, 3) }).map(({ seed, n, scale }) => {
    const random = makeRandom(`case:${seed}`);
    const draw = (s: number) => uniform(random, -s, s);
    const params = Float64Array.from({ length: parameterCount(hidden) }, () => draw(scale));
    const column = () => Array.from({ length: n }, () => draw(2));
    const data = datasetFromArrays(column(), column(), column());
    return { params, data };
  });

describe('lossAndGradient', () => {
  it('matches a small example worked by hand', () => {
    // Two samples. Unit 1 is on for the first only, unit 2 for both.
    // params: W1=1, W2=0.5, W3=-1, W4=1, W5=2, W6=-1, B1=0, B2=1, B3=0.5
    const params = Float64Array.of(1, 0.5, -1, 1, 2, -1, 0, 1, 0.5);
    const data = datasetFromArrays([2, 0], [1, 1], [3, -1]);
    // sample 1: z1 = 2 - 1 + 0 = 1 → h1 = 1; z2 = 1 + 1 + 1 = 3 → h2 = 3; ŷ = 2 - 3 + 0.5 = -0.5; e = -3.5
    // sample 2: z1 = 0 - 1 + 0 = -1 → h1 = 0; z2 = 0 + 1 + 1 = 2 → h2 = 2; ŷ = 0 - 2 + 0.5 = -1.5; e = -0.5
    // L = (12.25 + 0.25) / 2 = 6.25; dL/dŷ = (2/2)·e = e
    const { loss, grad } = lossAndGradient(params, data);
    expect(loss).toBe(6.25);
    const expected = {
      B3: -3.5 + -0.5,
      W5: -3.5 * 1 + -0.5 * 0,
      W6: -3.5 * 3 + -0.5 * 2,
      B1: -3.5 * 2, // only sample 1, through W5 = 2
      W1: -3.5 * 2 * 2,
      W3: -3.5 * 2 * 1,
      B2: -3.5 * -1 + -0.5 * -1, // through W6 = -1
      W2: -3.5 * -1 * 2 + -0.5 * -1 * 0,
      W4: -3.5 * -1 * 1 + -0.5 * -1 * 1,
    };
    expect(Array.from(grad)).toEqual([
      expected.W1, expected.W2, expected.W3, expected.W4, expected.W5, expected.W6, expected.B1, expected.B2, expected.B3,
    ]);
  });

  for (const hidden of [1, 2, 3, 6]) {
    it(`agrees with central finite differences for every parameter at H = ${hidden}`, () => {
      fc.assert(
        fc.property(randomCase(hidden), ({ params: p, data }) => {
          if (closestToKink(p, data, hidden) < 1e-4) return; // a kink inside ±h: the numeric estimate is invalid
          const { loss, grad } = lossAndGradient(p, data, hidden);
          expect(loss).toBeCloseTo(meanSquaredError(p, data, hidden), 10);
          for (let j = 0; j < p.length; j++) {
            const numeric = finiteDifference(p, data, hidden, j);
            expect(Math.abs(grad[j] - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('agrees with finite differences on the default data from the write-up’s random starts', () => {
    const data = makeDataset();
    for (let seed = 1; seed <= 10; seed++) {
      const p = initParams({ preset: 'writeup', seed });
      if (closestToKink(p, data, 2) < 1e-3) continue;
      const { grad } = lossAndGradient(p, data);
      for (let j = 0; j < 9; j++) {
        const numeric = finiteDifference(p, data, 2, j);
        expect(Math.abs(grad[j] - numeric)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(numeric)));
      }
    }
  });

  it('gives the same numbers as the readable lesson version of backpropagation', () => {
    fc.assert(
      fc.property(randomCase(2), ({ params: p, data }) => {
        const fast = lossAndGradient(p, data, 2);
        const readable = backpropagate221(p, data);
        expect(fast.loss).toBeCloseTo(readable.loss, 12);
        for (let j = 0; j < 9; j++) expect(fast.grad[j]).toBeCloseTo(readable.grad[j], 10);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the general-width loop the same answer as the H = 2 loop when extra units contribute nothing', () => {
    fc.assert(
      fc.property(randomCase(2), ({ params: p2, data }) => {
        // H = 3 with the third unit dead (weights 0, bias −1) and output weight 0.
        const p3 = Float64Array.of(p2[0], p2[1], 0, p2[2], p2[3], 0, p2[4], p2[5], 0, p2[6], p2[7], -1, p2[8]);
        const a = lossAndGradient(p2, data, 2);
        const b = lossAndGradient(p3, data, 3);
        expect(b.loss).toBeCloseTo(a.loss, 12);
        const map = [0, 1, 3, 4, 6, 7, 9, 10, 12];
        map.forEach((j3, j2) => expect(b.grad[j3]).toBeCloseTo(a.grad[j2], 10));
      }),
      { numRuns: 100 },
    );
  });

  it('gives a unit that is off for every sample exactly zero gradient on its four parameters', () => {
    const data = makeDataset();
    const p = initParams({ preset: 'he', seed: 4 });
    p[B1] = -1000; // z1 < 0 everywhere: unit 1 is dead
    const { grad } = lossAndGradient(p, data);
    expect(unitParameters(0)).toEqual([W1, W3, W5, B1]);
    for (const j of [W1, W3, W5, B1]) expect(grad[j]).toBe(0);
    expect(grad[B3]).not.toBe(0);
  });

  it('uses ReLU\'(0) = 0: a unit sitting exactly on its kink passes no gradient back', () => {
    const data = datasetFromArrays([0], [0], [1]);
    const p = Float64Array.of(1, 1, 1, 1, 1, 1, 0, 0, 0); // z1 = z2 = 0
    const { grad } = lossAndGradient(p, data);
    expect(Array.from(grad.subarray(0, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(grad[B3]).toBe(-2);
  });
});
