import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  B1, B2, B3, datasetFromArrays, forward, gaussNewton, hessian, hiddenBias, lossAndGradient, makeRandom, parameterCount,
  predictAll, residualCurvature, uniform, W1, W2, W3, W4, W5, W6, weightFromX1, weightFromX2, weightToOutput, type Dataset,
} from '../../../src/trainer';

/** A random network and small data set, values continuous (fast-check's doubles favour kinks). */
const randomCase = (hidden: number) =>
  fc.record({ seed: fc.integer(), n: fc.integer({ min: 1, max: 10 }), scale: fc.constantFrom(0.3, 1, 3) }).map(({ seed, n, scale }) => {
    const random = makeRandom(`hessian-case:${seed}`);
    const draw = (s: number) => uniform(random, -s, s);
    const params = Float64Array.from({ length: parameterCount(hidden) }, () => draw(scale));
    const column = () => Array.from({ length: n }, () => draw(2));
    return { params, data: datasetFromArrays(column(), column(), column()) };
  });

/** Smallest |z| over samples and units: a nudge of h must not carry any unit across its kink. */
function closestToKink(params: Float64Array, data: Dataset, hidden: number): number {
  let closest = Infinity;
  for (let i = 0; i < data.n; i++) for (const z of forward(params, data.x1[i], data.x2[i], hidden).z) closest = Math.min(closest, Math.abs(z));
  return closest;
}

/** Column j of the Hessian by central differences of the analytic gradient: (∇L(θ + h·e_j) − ∇L(θ − h·e_j)) / 2h. */
function gradientDifference(params: Float64Array, data: Dataset, hidden: number, j: number, h = 1e-5): Float64Array {
  const up = Float64Array.from(params), down = Float64Array.from(params);
  up[j] += h;
  down[j] -= h;
  const gUp = lossAndGradient(up, data, hidden).grad, gDown = lossAndGradient(down, data, hidden).grad;
  return gUp.map((g, i) => (g - gDown[i]) / (2 * h));
}

describe('hessian', () => {
  for (const hidden of [1, 2, 3, 5]) {
    it(`agrees with central differences of the gradient in every entry at H = ${hidden}`, () => {
      fc.assert(
        fc.property(randomCase(hidden), ({ params, data }) => {
          if (closestToKink(params, data, hidden) < 1e-3) return; // a kink within reach of the nudge
          const P = params.length;
          const H = hessian(params, data, hidden);
          let worst = 0; // the largest error relative to max(1, |entry|), asserted once per case
          for (let j = 0; j < P; j++) {
            const column = gradientDifference(params, data, hidden, j);
            for (let i = 0; i < P; i++) worst = Math.max(worst, Math.abs(H[i * P + j] - column[i]) / Math.max(1, Math.abs(column[i])));
          }
          expect(worst).toBeLessThanOrEqual(1e-6);
        }),
        { numRuns: 120 },
      );
    });
  }

  it('is symmetric, and is the Gauss–Newton matrix plus the residual term', () => {
    fc.assert(
      fc.property(randomCase(2), ({ params, data }) => {
        const H = hessian(params, data), G = gaussNewton(params, data), R = residualCurvature(params, data);
        const transposed = Array.from(H, (_, a) => H[(a % 9) * 9 + Math.floor(a / 9)]);
        expect(Array.from(H)).toEqual(transposed);
        expect(Array.from(H)).toEqual(Array.from(G, (g, a) => g + R[a]));
      }),
    );
  });

  it('has a residual term only where an output weight meets its own unit’s input weights and bias', () => {
    const allowed = new Set([
      [W5, W1], [W5, W3], [W5, B1],
      [W6, W2], [W6, W4], [W6, B2],
    ].flatMap(([a, b]) => [a * 9 + b, b * 9 + a]));
    fc.assert(
      fc.property(randomCase(2), ({ params, data }) => {
        const R = residualCurvature(params, data);
        expect(Array.from(R).filter((r, index) => !allowed.has(index) && r !== 0)).toEqual([]);
      }),
    );
    // B3 is the plainest case: ŷ is linear in it, so its whole row is Gauss–Newton's.
    const { params, data } = fc.sample(randomCase(2), 1)[0];
    const H = hessian(params, data), G = gaussNewton(params, data);
    for (let j = 0; j < 9; j++) expect(H[B3 * 9 + j]).toBe(G[B3 * 9 + j]);
  });

  it('has residual entries equal to an input-side partial divided by the output weight, e.g. R[W5][W1] = (∂L/∂W1)/W5', () => {
    for (const hidden of [2, 4]) {
      fc.assert(
        fc.property(randomCase(hidden), ({ params, data }) => {
          const R = residualCurvature(params, data, hidden), { grad } = lossAndGradient(params, data, hidden);
          const P = params.length;
          for (let k = 0; k < hidden; k++) {
            const v = weightToOutput(k, hidden);
            for (const a of [weightFromX1(k, hidden), weightFromX2(k, hidden), hiddenBias(k, hidden)]) {
              expect(R[v * P + a] * params[v]).toBeCloseTo(grad[a], 10);
            }
          }
        }),
      );
    }
  });

  it('is the Gauss–Newton matrix exactly when the network fits the data perfectly', () => {
    fc.assert(
      fc.property(randomCase(2), ({ params, data }) => {
        const perfect = datasetFromArrays(data.x1, data.x2, predictAll(params, data));
        expect(Array.from(residualCurvature(params, perfect)).every((r) => r === 0)).toBe(true);
        expect(Array.from(hessian(params, perfect))).toEqual(Array.from(gaussNewton(params, perfect)));
      }),
    );
  });

  it('matches a one-sample example worked by hand', () => {
    // x = (1, 2), y = 0; W1 = 1, W3 = 1, B1 = 0 → z1 = 3 (on); W2 = W4 = −1, B2 = 0 → z2 = −3 (off)
    // W5 = 2, W6 = 5, B3 = 0 → ŷ = 6, e = 6. With N = 1: J = (W5·x1, 0, W5·x2, 0, z1, 0, W5, 0, 1) = (2, 0, 4, 0, 3, 0, 2, 0, 1)
    // G = 2·J Jᵀ; R = 2·e·(x1, x2, 1) at (W5, W1), (W5, W3), (W5, B1): 12, 24, 12.
    const params = Float64Array.of(1, -1, 1, -1, 2, 5, 0, 0, 0);
    const data = datasetFromArrays([1], [2], [0]);
    const H = hessian(params, data);
    const at = (a: number, b: number) => H[a * 9 + b];
    expect(at(W5, W5)).toBe(2 * 3 * 3);
    expect(at(W1, W1)).toBe(2 * 2 * 2);
    expect(at(W5, W1)).toBe(2 * 3 * 2 + 12);
    expect(at(W5, W3)).toBe(2 * 3 * 4 + 24);
    expect(at(W5, B1)).toBe(2 * 3 * 2 + 12);
    expect(at(B3, B3)).toBe(2);
    expect(at(W6, W6)).toBe(0); // unit 2 is off: nothing depends on its parameters
    expect(at(W2, W6)).toBe(0);
  });
});
