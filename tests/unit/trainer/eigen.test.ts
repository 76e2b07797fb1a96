import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeRandom, matrixSize, symmetricEigen, TrainerInputError, uniform } from '../../../src/trainer';

/** A random symmetric n × n matrix, row by row, entries uniform in ±scale. */
function randomSymmetric(n: number, seed: number, scale: number): Float64Array {
  const random = makeRandom(`symmetric:${seed}`);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) A[i * n + j] = A[j * n + i] = uniform(random, -scale, scale);
  }
  return A;
}

/** Q Λ Qᵀ for a Householder reflection Q = I − 2uuᵀ/uᵀu: a symmetric matrix whose eigenvalues are exactly Λ. */
function withEigenvalues(lambda: number[], seed: number): Float64Array {
  const n = lambda.length;
  const random = makeRandom(`householder:${seed}`);
  const u = Array.from({ length: n }, () => uniform(random, -1, 1));
  const uu = u.reduce((s, x) => s + x * x, 0);
  const Q = (i: number, j: number) => (i === j ? 1 : 0) - (2 * u[i] * u[j]) / uu;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) A[i * n + j] += Q(i, k) * lambda[k] * Q(j, k);
  return A;
}

const largestEntry = (A: Float64Array) => A.reduce((m, a) => Math.max(m, Math.abs(a)), 0);

describe('symmetricEigen', () => {
  it('finds λ = 3 along (1, 1) and λ = 1 along (1, −1) for [[2, 1], [1, 2]]', () => {
    const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2));
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    // Eigenvectors are defined up to sign: compare |components|, then the relative sign.
    expect(Math.abs(vectors[0][0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0][0] * vectors[0][1]).toBeCloseTo(0.5, 14);
    expect(vectors[1][0] * vectors[1][1]).toBeCloseTo(-0.5, 14);
  });

  it('gives 2 − √2, 2 and 2 + √2 for the second-difference matrix tridiag(−1, 2, −1)', () => {
    const { values } = symmetricEigen(Float64Array.of(2, -1, 0, -1, 2, -1, 0, -1, 2));
    expect(Array.from(values)).toEqual([2 + Math.SQRT2, 2, 2 - Math.SQRT2].map((v) => expect.closeTo(v, 14)));
  });

  it('returns a diagonal matrix’s entries, largest first, with the coordinate axes as eigenvectors', () => {
    const { values, vectors } = symmetricEigen(Float64Array.of(-1, 0, 0, 0, 5, 0, 0, 0, 2));
    expect(Array.from(values)).toEqual([5, 2, -1]);
    expect(vectors.map((v) => Array.from(v, Math.abs))).toEqual([
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ]);
  });

  it('recovers the eigenvalues a matrix was built from, repeated ones and negative ones included', () => {
    for (const [seed, lambda] of [
      [1, [4, 4, 1, -2, 0.5]],
      [2, [1e3, 1, 1e-3, -7, -7, 0, 3, 2, 1]],
      [3, [0, 0, 0]],
    ] as const) {
      const { values } = symmetricEigen(withEigenvalues([...lambda], seed));
      const expected = [...lambda].sort((a, b) => b - a);
      values.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-12 * Math.max(1, ...lambda.map(Math.abs))));
    }
  });

  it('rebuilds every random symmetric matrix as V Λ Vᵀ from perpendicular unit eigenvectors', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer(), fc.constantFrom(1e-3, 1, 1e3), (n, seed, scale) => {
        const A = randomSymmetric(n, seed, scale);
        const { values, vectors } = symmetricEigen(A);
        let rebuildError = 0, orthogonalityError = 0; // the worst entries, asserted once per case
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            // V Λ Vᵀ entry (i, j) against A, and Vᵀ V against the identity
            let rebuilt = 0, dot = 0;
            for (let k = 0; k < n; k++) rebuilt += vectors[k][i] * values[k] * vectors[k][j];
            for (let k = 0; k < n; k++) dot += vectors[i][k] * vectors[j][k];
            rebuildError = Math.max(rebuildError, Math.abs(rebuilt - A[i * n + j]));
            orthogonalityError = Math.max(orthogonalityError, Math.abs(dot - (i === j ? 1 : 0)));
          }
        }
        expect(rebuildError).toBeLessThan(1e-12 * n * largestEntry(A));
        expect(orthogonalityError).toBeLessThan(1e-12 * n);
        for (let k = 1; k < n; k++) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
      }),
      { numRuns: 200 },
    );
  });

  it('satisfies A·v = λ·v for each pair, and the eigenvalues add up to the trace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer(), (n, seed) => {
        const A = randomSymmetric(n, seed, 1);
        const { values, vectors } = symmetricEigen(A);
        let worst = 0;
        vectors.forEach((v, k) => {
          for (let i = 0; i < n; i++) {
            let Av = 0;
            for (let j = 0; j < n; j++) Av += A[i * n + j] * v[j];
            worst = Math.max(worst, Math.abs(Av - values[k] * v[i]));
          }
        });
        expect(worst).toBeLessThan(1e-12 * n);
        let trace = 0;
        for (let i = 0; i < n; i++) trace += A[i * n + i];
        expect(Math.abs(values.reduce((s, v) => s + v, 0) - trace)).toBeLessThan(1e-12 * n);
      }),
      { numRuns: 200 },
    );
  });

  it('handles huge and tiny curvatures without overflow or underflow', () => {
    for (const scale of [1e200, 1e-200]) {
      const { values } = symmetricEigen(Float64Array.of(2, 1, 1, 2).map((a) => a * scale));
      expect(values[0] / scale).toBeCloseTo(3, 12);
      expect(values[1] / scale).toBeCloseTo(1, 12);
    }
  });

  it('refuses a matrix that is not square, not symmetric or not finite, in words', () => {
    expect(() => symmetricEigen(Float64Array.of(1, 2, 3))).toThrow(TrainerInputError);
    expect(() => matrixSize([])).toThrow(/square/);
    expect(() => symmetricEigen(Float64Array.of(1, 2, 3, 4))).toThrow(/not symmetric/);
    expect(() => symmetricEigen(Float64Array.of(1, NaN, NaN, 1))).toThrow(/finite/);
    expect(() => symmetricEigen(Float64Array.of(Infinity))).toThrow(/finite/);
  });
});
