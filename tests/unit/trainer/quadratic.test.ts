// The quadratic bowl of lesson 21: its matrix, gradient and paths checked against independent
// oracles — the Jacobi eigen-solver for the axes and curvatures, central differences for the
// gradient and the Hessian, and the written-out (1 − ηλ)^t form for gradient descent's path.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bestRate, bowlGradient, bowlLoss, bowlMatrix, bowlPath, conditionNumber, gradientDescentAfter, slowestFactor, symmetricEigen,
  TrainerInputError, type Bowl,
} from '../../../src/trainer';

const bowlArb = fc.record({
  lambda1: fc.double({ min: 0.05, max: 50, noNaN: true }),
  lambda2: fc.double({ min: 0.05, max: 50, noNaN: true }),
  angle: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
  centre: fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })),
});
const pointArb = fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }));

describe('the quadratic bowl', () => {
  it('has the two curvatures as the eigenvalues of its matrix, with its axes as eigenvectors', () => {
    fc.assert(
      fc.property(bowlArb, (bowl) => {
        const { values, vectors } = symmetricEigen(bowlMatrix(bowl));
        const hi = Math.max(bowl.lambda1, bowl.lambda2), lo = Math.min(bowl.lambda1, bowl.lambda2);
        const axis = bowl.lambda1 >= bowl.lambda2 ? [Math.cos(bowl.angle), Math.sin(bowl.angle)] : [-Math.sin(bowl.angle), Math.cos(bowl.angle)];
        const alignment = Math.abs(vectors[0][0] * axis[0] + vectors[0][1] * axis[1]);
        // Equal curvatures leave every direction an eigenvector; only the values are then checked.
        return Math.abs(values[0] - hi) < 1e-9 * hi && Math.abs(values[1] - lo) < 1e-9 * hi && (hi - lo < 1e-6 || alignment > 1 - 1e-9);
      }),
    );
  });

  it('has the gradient and the Hessian that central differences of its loss give', () => {
    fc.assert(
      fc.property(bowlArb, pointArb, (bowl, theta) => {
        const h = 1e-5;
        const at = (dx: number, dy: number) => bowlLoss(bowl, [theta[0] + dx, theta[1] + dy]);
        const g = bowlGradient(bowl, theta);
        const fd = [(at(h, 0) - at(-h, 0)) / (2 * h), (at(0, h) - at(0, -h)) / (2 * h)];
        const A = bowlMatrix(bowl);
        const hh = 1e-3;
        const mixed = (at(hh, hh) - at(hh, -hh) - at(-hh, hh) + at(-hh, -hh)) / (4 * hh * hh);
        const scale = 1 + Math.abs(bowl.lambda1) + Math.abs(bowl.lambda2);
        return Math.abs(g[0] - fd[0]) < 1e-5 * scale * 10 && Math.abs(g[1] - fd[1]) < 1e-5 * scale * 10 && Math.abs(A[1] - mixed) < 1e-4 * scale;
      }),
    );
  });

  it('moves gradient descent exactly as the error along each axis times (1 − ηλ)^t', () => {
    fc.assert(
      fc.property(bowlArb, pointArb, fc.double({ min: 0.001, max: 0.04, noNaN: true }), (bowl, start, rate) => {
        const path = bowlPath(bowl, start, { learningRate: rate, steps: 30 });
        return [0, 7, 30].every((t) => {
          const [x, y] = gradientDescentAfter(bowl, start, rate, t);
          return Math.abs(path.x[t] - x) < 1e-9 && Math.abs(path.y[t] - y) < 1e-9;
        });
      }),
    );
  });

  it('settles below 2/λmax and runs away above it', () => {
    const bowl: Bowl = { lambda1: 10, lambda2: 1, angle: 0.5 };
    const limit = 2 / 10;
    const below = bowlPath(bowl, [2, 1], { learningRate: 0.99 * limit, steps: 3000 });
    const above = bowlPath(bowl, [2, 1], { learningRate: 1.01 * limit, steps: 3000 });
    expect(below.losses[below.losses.length - 1]).toBeLessThan(1e-6 * below.losses[0]);
    expect(above.losses[above.losses.length - 1]).toBeGreaterThan(1e3 * above.losses[0]);
  });

  it('zig-zags across the steep axis when η is between 1/λmax and 2/λmax', () => {
    const bowl: Bowl = { lambda1: 10, lambda2: 1, angle: 0 };
    const path = bowlPath(bowl, [1, 1], { learningRate: 0.18, steps: 6 });
    // Along the steep axis (θ1 here) each step lands on the other side: the sign alternates.
    for (let t = 1; t < path.x.length; t++) expect(Math.sign(path.x[t])).toBe(-Math.sign(path.x[t - 1]));
    // Along the shallow axis it only creeps from one side.
    for (let t = 1; t < path.y.length; t++) expect(path.y[t]).toBeGreaterThan(0);
  });

  it('reports the run-away path as diverged instead of returning numbers that are not finite', () => {
    const path = bowlPath({ lambda1: 100, lambda2: 1, angle: 0 }, [1, 1], { learningRate: 1, steps: 10_000 });
    expect(path.diverged).toBe(true);
    expect([...path.x, ...path.y, ...path.losses].every(Number.isFinite)).toBe(true);
  });

  it('gives the best fixed rate 2/(λmin + λmax), whose slowest factor is (κ − 1)/(κ + 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 100, noNaN: true }), fc.double({ min: 0.1, max: 100, noNaN: true }), (a, b) => {
        const { learningRate, factor } = bestRate(a, b);
        const kappa = conditionNumber(a, b);
        const nearby = [0.97, 1.03].map((k) => slowestFactor(a, b, k * learningRate));
        return Math.abs(factor - (kappa - 1) / (kappa + 1)) < 1e-12 && Math.abs(slowestFactor(a, b, learningRate) - factor) < 1e-12 && nearby.every((f) => f >= factor - 1e-12);
      }),
    );
  });

  it('runs any of the trainer’s optimizers on the bowl, and heavy ball settles up to 2(1 + β)/λmax', () => {
    const bowl: Bowl = { lambda1: 4, lambda2: 0.5, angle: 1 };
    const limit = (2 * (1 + 0.9)) / 4;
    const run = (rate: number) => bowlPath(bowl, [1, -1], { learningRate: rate, steps: 5000, optimizer: { kind: 'momentum', beta: 0.9 } });
    expect(run(0.98 * limit).losses.at(-1)).toBeLessThan(1e-6);
    expect(run(1.02 * limit).losses.at(-1)! > 1 || run(1.02 * limit).diverged).toBe(true);
  });

  it('refuses a curvature or a rate that is not a number, with a message for the student', () => {
    expect(() => bowlMatrix({ lambda1: Number.NaN, lambda2: 1, angle: 0 })).toThrow(TrainerInputError);
    expect(() => bowlPath({ lambda1: 1, lambda2: 1, angle: 0 }, [0, 0], { learningRate: -1, steps: 5 })).toThrow(/learning rate/);
  });
});
