// The deeper network's curvature and unit states against independent oracles: the Jacobian rows
// against central differences of the forward pass; power iteration's λmax against a full
// eigen-decomposition (Jacobi rotations) of the explicitly built Gauss–Newton matrix; with one
// hidden layer, both against curvature.ts's 2-H-1 Gauss–Newton; the unit states against the
// matrix form's pre-activations.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  curvature, datasetFromArrays, deadUnitsPerLayer, deepCurvature, deepCurvatureSteps, deepGaussNewton, deepLayout, deepUnitActivity,
  forwardDeep, gaussNewton, initDeepParams, makeDataset, makeRandom, matrixForward, outputGradient, symmetricEigen,
  uniform, unitActivity, type Dataset, type HiddenWidths,
} from '../../../src/trainer';

const widthsArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 });

/** A random network of the given widths on a small random data set, from a seeded generator. */
function randomCase(hidden: HiddenWidths, seed: number, n = 8): { params: Float64Array; data: Dataset } {
  const random = makeRandom(`deep-curvature:${seed}`);
  const layout = deepLayout(hidden);
  const params = Float64Array.from({ length: layout.parameterCount }, () => uniform(random, -1.5, 1.5));
  const column = () => Array.from({ length: n }, () => uniform(random, -2, 2));
  return { params, data: datasetFromArrays(column(), column(), column()) };
}

describe('∂ŷ/∂θ for one sample (outputGradient)', () => {
  it('agrees with a central difference of the forward pass for every parameter', () => {
    fc.assert(
      fc.property(widthsArb, fc.integer(), (hidden, seed) => {
        const { params, data } = randomCase(hidden, seed, 1);
        const layout = deepLayout(hidden);
        const J = outputGradient(params, layout, data.x1[0], data.x2[0]);
        const h = 1e-6;
        const yhat = (p: Float64Array) => forwardDeep(p, layout, data.x1[0], data.x2[0]).yhat;
        const worst = Array.from(params, (_, j) => {
          const plus = Float64Array.from(params), minus = Float64Array.from(params);
          plus[j] += h;
          minus[j] -= h;
          return Math.abs((yhat(plus) - yhat(minus)) / (2 * h) - J[j]);
        });
        // A kink within the nudge of some z would spoil the difference; random inputs miss them.
        expect(Math.max(...worst)).toBeLessThan(1e-6);
      }),
      { numRuns: 40 },
    );
  });
});

describe('deepCurvature', () => {
  it('finds the largest eigenvalue of the Gauss–Newton matrix that a full eigen-decomposition finds', () => {
    fc.assert(
      fc.property(widthsArb, fc.integer(), (hidden, seed) => {
        const { params, data } = randomCase(hidden, seed);
        const layout = deepLayout(hidden);
        const exact = symmetricEigen(deepGaussNewton(params, layout, data)).values[0];
        const { lambdaMax, stableLearningRate } = deepCurvature(params, layout, data);
        expect(Math.abs(lambdaMax - exact)).toBeLessThanOrEqual(1e-8 * exact);
        expect(stableLearningRate).toBeCloseTo(2 / exact, 10);
      }),
      { numRuns: 40 },
    );
  });

  it('is curvature.ts’s Gauss–Newton λmax when there is one hidden layer', () => {
    const data = makeDataset({ n: 60 });
    for (const H of [1, 2, 3, 5]) {
      for (const seed of [1, 2, 3]) {
        const params = initDeepParams({ hidden: [H], seed });
        const layout = deepLayout([H]);
        const G = deepGaussNewton(params, layout, data), G1 = gaussNewton(params, data, H);
        G.forEach((g, k) => expect(Math.abs(g - G1[k])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(g))));
        const ours = deepCurvature(params, layout, data).lambdaMax;
        expect(Math.abs(ours - curvature(params, data, H).lambdaMax)).toBeLessThanOrEqual(1e-8 * ours);
      }
    }
  });

  it('pauses every few rounds when run in steps, and ends with the same number', () => {
    const data = makeDataset({ n: 40 });
    const params = initDeepParams({ hidden: [3, 3], seed: 5 });
    const layout = deepLayout([3, 3]);
    const steps = deepCurvatureSteps(params, layout, data, { roundsPerPause: 2 });
    const pauses: number[] = [];
    let next = steps.next();
    while (!next.done) {
      pauses.push(next.value);
      next = steps.next();
    }
    expect(pauses.length).toBeGreaterThan(0);
    expect(pauses.every((round, i) => round === 2 * (i + 1))).toBe(true);
    expect(next.value).toEqual(deepCurvature(params, layout, data));
    // A looser tolerance stops sooner, close to the same λmax.
    const loose = deepCurvature(params, layout, data, { tolerance: 1e-6 }).lambdaMax;
    expect(Math.abs(loose - next.value.lambdaMax)).toBeLessThan(1e-3 * next.value.lambdaMax);
  });

  it('gives the same number every time (no random start)', () => {
    const data = makeDataset({ n: 50 });
    const params = initDeepParams({ hidden: [4, 4], seed: 9 });
    const layout = deepLayout([4, 4]);
    expect(deepCurvature(params, layout, data)).toEqual(deepCurvature(params, layout, data));
  });

  it('gives λmax = 2 and a stable rate of 1 when only the output bias moves the output (every unit dead)', () => {
    // Every hidden unit dead: ŷ = b(out) for every sample, J = (0, …, 0, 1), G has the one eigenvalue 2.
    const layout = deepLayout([2, 2]);
    const params = new Float64Array(layout.parameterCount);
    for (let i = layout.biasOffset[1]; i < layout.biasOffset[2]; i++) params[i] = -5;
    const data = makeDataset({ n: 20 });
    // Layer 1 dead; layer 2 sees h¹ = 0, so z² = b² = 0 and is off too.
    const { lambdaMax, stableLearningRate } = deepCurvature(params, layout, data);
    expect(lambdaMax).toBeCloseTo(2, 12);
    expect(stableLearningRate).toBeCloseTo(1, 12);
  });
});

describe('deepUnitActivity', () => {
  it('is unitActivity when there is one hidden layer', () => {
    const data = makeDataset({ n: 80 });
    for (const seed of [1, 2, 3, 4]) {
      const params = initDeepParams({ hidden: [3], seed, preset: 'writeup' });
      expect(deepUnitActivity(params, deepLayout([3]), data)).toEqual([unitActivity(params, data, 3)]);
    }
  });

  it('counts, for every layer, the samples on which each unit’s z > 0, as the matrix form’s Z shows', () => {
    fc.assert(
      fc.property(widthsArb, fc.integer(), (hidden, seed) => {
        const { params, data } = randomCase(hidden, seed, 12);
        const layout = deepLayout(hidden);
        const activity = deepUnitActivity(params, layout, data);
        const { Z } = matrixForward(params, layout, data);
        activity.forEach((layer, l) => {
          const expected = layer.activeCounts.map((_, k) => Z[l].filter((row) => row[k] > 0).length);
          expect(layer.activeCounts).toEqual(expected);
          layer.states.forEach((s, k) => expect(s).toBe(expected[k] === 0 ? 'dead' : expected[k] === data.n ? 'linear' : 'hinge'));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('finds a second-layer unit dead when its bias is far below anything the first layer can lift', () => {
    const layout = deepLayout([2, 3]);
    const params = initDeepParams({ hidden: [2, 3], seed: 4 });
    params[layout.biasOffset[2] + 1] = -1000;
    const activity = deepUnitActivity(params, layout, makeDataset({ n: 40 }));
    expect(activity[1].states[1]).toBe('dead');
    expect(deadUnitsPerLayer(activity)[1]).toBeGreaterThanOrEqual(1);
  });
});
