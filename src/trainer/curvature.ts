// How sharply the loss curves at the current parameters, and what that means for the step size.
//
// For a quadratic bowl with largest curvature λmax, gradient descent is stable only when
//   η < 2 / λmax
// (each step multiplies the error along that direction by 1 − η·λmax). For our loss we use the
// Gauss–Newton matrix G = (2/N) Σ_i J_i J_iᵀ with J_i = ∂ŷ_i/∂θ. The full Hessian adds
// (2/N) Σ_i e_i ∂²ŷ_i/∂θ², a term weighted by the residuals (for ReLU units only the cross terms
// between an output weight and its unit's incoming parameters are non-zero); G leaves it out,
// is never negative, and equals the Hessian wherever the residuals vanish.
import { hiddenWidthOf, parameterCount, type Parameters } from './parameters';
import { checkData, type Dataset } from './data';
import { checkShape } from './network';
import { TrainerInputError } from './errors';

/** The Gauss–Newton matrix, row-major, (4H+1) × (4H+1). */
export function gaussNewton(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): Float64Array {
  checkShape(params, hidden);
  checkData(data);
  const H = hidden;
  const P = parameterCount(H);
  const G = new Float64Array(P * P);
  const J = new Float64Array(P);
  for (let i = 0; i < data.n; i++) {
    const x1 = data.x1[i], x2 = data.x2[i];
    J.fill(0);
    for (let k = 0; k < H; k++) {
      const z = params[k] * x1 + params[H + k] * x2 + params[3 * H + k];
      if (z > 0) {
        const v = params[2 * H + k]; // ∂ŷ/∂z_k
        J[k] = v * x1;
        J[H + k] = v * x2;
        J[2 * H + k] = z; // ∂ŷ/∂w(hk→out) = h_k
        J[3 * H + k] = v;
      }
    }
    J[4 * H] = 1;
    for (let a = 0; a < P; a++) {
      if (J[a] === 0) continue;
      for (let b = 0; b < P; b++) G[a * P + b] += J[a] * J[b];
    }
  }
  const scale = 2 / data.n;
  for (let a = 0; a < P * P; a++) G[a] *= scale;
  return G;
}

/** Eigenvalues of a symmetric matrix by cyclic Jacobi rotations, largest first. */
export function symmetricEigenvalues(matrix: Float64Array, size: number): Float64Array {
  const A = Float64Array.from(matrix);
  const n = size;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p * n + q] * A[p * n + q];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (apq === 0) continue;
        const theta = (A[q * n + q] - A[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p], akq = A[k * n + q];
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k], aqk = A[q * n + k];
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = A[i * n + i];
  return values.sort().reverse();
}

export interface Curvature {
  /** The largest eigenvalue of the Gauss–Newton matrix. */
  lambdaMax: number;
  /** 2 / λmax: learning rates above this overshoot along the steepest direction. */
  stableLearningRate: number;
}

export function curvature(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): Curvature {
  const G = gaussNewton(params, data, hidden);
  const lambdaMax = symmetricEigenvalues(G, parameterCount(hidden))[0];
  return { lambdaMax, stableLearningRate: lambdaMax > 0 ? 2 / lambdaMax : Infinity };
}

/**
 * The curvature of the loss along one parameter with all the others held fixed: the second
 * derivative of the slice lossAlong(params, data, index, …) at the current value,
 *   c = (2/N) Σ_i (∂ŷ_i/∂θ_index)²,
 * the diagonal entry G[index][index]. With one parameter moving, every ŷ_i is piecewise linear
 * in it (ReLU kinks aside), so the slice is piecewise quadratic and this is its exact curvature
 * on the piece the parameter is in. For the output bias ∂ŷ/∂B3 = 1, so c = 2 everywhere.
 */
export function curvatureAlong(params: Parameters, data: Dataset, index: number, hidden: number = hiddenWidthOf(params)): number {
  checkShape(params, hidden);
  checkData(data);
  if (!Number.isInteger(index) || index < 0 || index >= params.length) {
    throw new TrainerInputError(`There is no parameter number ${index}.`);
  }
  const H = hidden;
  let sum = 0;
  for (let i = 0; i < data.n; i++) {
    const x1 = data.x1[i], x2 = data.x2[i];
    let slope: number; // ∂ŷ_i/∂θ_index
    if (index === 4 * H) slope = 1;
    else {
      const k = index % H;
      const z = params[k] * x1 + params[H + k] * x2 + params[3 * H + k];
      if (!(z > 0)) continue; // the unit is off for this sample: ŷ does not depend on its parameters
      const group = Math.floor(index / H);
      const v = params[2 * H + k];
      slope = group === 0 ? v * x1 : group === 1 ? v * x2 : group === 2 ? z : v;
    }
    sum += slope * slope;
  }
  return (2 / data.n) * sum;
}
