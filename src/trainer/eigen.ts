// Eigenvalues and eigenvectors of a symmetric matrix, by Jacobi rotations.
//
// A symmetric matrix A has a full set of perpendicular unit vectors v with A·v = λ·v: the
// directions a quadratic bowl ½·θᵀAθ stretches along, and how steeply (λ) along each. Jacobi's
// method finds them the way one would by hand for a 2 × 2 matrix, repeated: pick an
// off-diagonal entry A[p][q], turn the (p, q) plane by the angle that makes it zero, and go on
// to the next. Each turn moves weight from the off-diagonal onto the diagonal, so after a few
// sweeps over every pair A is diagonal: the diagonal holds the eigenvalues and the product of
// all the turns holds the eigenvectors. Slower than library routines for large matrices, but
// our matrices are 9 × 9 (at most 65 × 65), it is accurate to rounding, and it reads.
import { TrainerInputError } from './errors';

/**
 * A square matrix stored row by row: entry (i, j) of an n × n matrix is `values[i * n + j]`
 * (the layout `gaussNewton` and `hessian` return).
 */
export type SquareMatrix = Float64Array;

/** The size n of an n × n matrix stored row by row, or a clear error if the length is not a square. */
export function matrixSize(matrix: ArrayLike<number>): number {
  const n = Math.round(Math.sqrt(matrix.length));
  if (n < 1 || n * n !== matrix.length) {
    throw new TrainerInputError(`A square matrix needs n × n entries; ${matrix.length} is not a square number.`);
  }
  return n;
}

export interface Eigen {
  /** The eigenvalues λ, largest first. */
  values: Float64Array;
  /** vectors[i] is the unit eigenvector of values[i]: A·vectors[i] = values[i]·vectors[i]. */
  vectors: Float64Array[];
}

/** Sweeps over every pair allowed before giving up; cyclic Jacobi needs 5–10 for a 9 × 9 matrix. */
const MAX_SWEEPS = 100;

/**
 * All eigenvalues and eigenvectors of a symmetric matrix (row by row, n × n), largest first.
 * Refuses a matrix that is not square, not symmetric, or has entries that are not finite.
 */
export function symmetricEigen(matrix: ArrayLike<number>): Eigen {
  const n = matrixSize(matrix);
  const unit = powerOfTwoNear(checkSymmetric(matrix, n));
  // Work in units of a power of two near the largest entry (exact: only the exponent changes), so
  // the sums of squares below neither overflow for huge curvatures nor underflow for tiny ones.
  const A = Float64Array.from(matrix, (a) => a / unit); // turned step by step into the diagonal matrix of eigenvalues
  const V = new Float64Array(n * n); // the product of the turns so far; its columns become the eigenvectors
  for (let i = 0; i < n; i++) V[i * n + i] = 1;

  const scale = frobeniusNorm(A);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    // Stop when what is left off the diagonal is rounding noise compared with the whole matrix.
    if (offDiagonalNorm(A, n) <= 1e-15 * scale) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) rotate(A, V, n, p, q);
    }
  }

  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => A[j * n + j] - A[i * n + i]);
  return {
    values: Float64Array.from(order, (i) => A[i * n + i] * unit),
    vectors: order.map((i) => Float64Array.from({ length: n }, (_, k) => V[k * n + i])),
  };
}

/**
 * One Jacobi turn in the (p, q) plane: A ← JᵀAJ with the angle that zeroes A[p][q], and V ← VJ.
 * With θ = (A[q][q] − A[p][p]) / (2·A[p][q]), the tangent of the turning angle is the smaller root
 * of t² + 2θt − 1 = 0 (the smaller turn is the stable choice), c = cos = 1/√(1 + t²), s = sin = t·c.
 */
function rotate(A: Float64Array, V: Float64Array, n: number, p: number, q: number): void {
  const apq = A[p * n + q];
  if (apq === 0) return;
  const theta = (A[q * n + q] - A[p * n + p]) / (2 * apq);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    // columns p and q of A·J
    const akp = A[k * n + p], akq = A[k * n + q];
    A[k * n + p] = c * akp - s * akq;
    A[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    // rows p and q of Jᵀ·(A·J)
    const apk = A[p * n + k], aqk = A[q * n + k];
    A[p * n + k] = c * apk - s * aqk;
    A[q * n + k] = s * apk + c * aqk;
  }
  A[p * n + q] = 0; // zero by construction; setting it keeps rounding from leaving a trace
  A[q * n + p] = 0;
  for (let k = 0; k < n; k++) {
    const vkp = V[k * n + p], vkq = V[k * n + q];
    V[k * n + p] = c * vkp - s * vkq;
    V[k * n + q] = s * vkp + c * vkq;
  }
}

function frobeniusNorm(A: Float64Array): number {
  let sum = 0;
  for (const a of A) sum += a * a;
  return Math.sqrt(sum);
}

function offDiagonalNorm(A: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) sum += A[i * n + j] * A[i * n + j];
  return Math.sqrt(sum);
}

/** A power of two within a factor 2^64 of `largest` (1 for a zero matrix). */
function powerOfTwoNear(largest: number): number {
  let unit = 1;
  while (largest / unit > 2 ** 64) unit *= 2 ** 64;
  while (largest > 0 && largest / unit < 2 ** -64) unit /= 2 ** 64;
  return unit;
}

/** Throws unless the matrix is symmetric with finite entries; returns its largest |entry|. */
function checkSymmetric(matrix: ArrayLike<number>, n: number): number {
  let largest = 0;
  for (let i = 0; i < matrix.length; i++) {
    if (!Number.isFinite(matrix[i])) {
      throw new TrainerInputError('Every entry of the matrix must be a finite number (a diverged run has no curvature to show).');
    }
    largest = Math.max(largest, Math.abs(matrix[i]));
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(matrix[i * n + j] - matrix[j * n + i]) > 1e-12 * largest) {
        throw new TrainerInputError(`The matrix is not symmetric: entry (${i + 1}, ${j + 1}) differs from entry (${j + 1}, ${i + 1}).`);
      }
    }
  }
  return largest;
}
