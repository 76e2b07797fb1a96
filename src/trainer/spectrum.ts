// The curvature of the loss at a point, as eigenvalues: the exact Hessian beside the
// Gauss–Newton matrix the rest of the course uses.
//
// Along a unit direction v the loss curves by vᵀ·M·v; the eigenvectors of M are the directions
// of extreme curvature and the eigenvalues how steep it is along each. Gradient descent with rate
// η multiplies the error along an eigenvector by 1 − η·λ each step, so it is stable only for
//   η < 2 / λmax.
// The Gauss–Newton matrix G = (2/N) Σ J_i J_iᵀ leaves out the residual term of the Hessian
// (hessian.ts). Near a good fit the residuals are small and the two agree; at a poor start they
// can differ a lot, and only the Hessian can have negative eigenvalues (saddle directions).
import { gaussNewton } from './curvature';
import { hessian } from './hessian';
import { symmetricEigen, type SquareMatrix } from './eigen';
import { hiddenWidthOf, type Parameters } from './parameters';
import type { Dataset } from './data';

export interface Spectrum {
  /** Every eigenvalue of the curvature matrix, largest first. */
  eigenvalues: Float64Array;
  /** eigenvectors[i]: the unit direction in parameter space whose curvature is eigenvalues[i]. */
  eigenvectors: Float64Array[];
  /** λmax, the steepest curvature in any direction. */
  lambdaMax: number;
  /** λmin, the least (for the Hessian, negative where the point is a saddle in that direction). */
  lambdaMin: number;
  /** 2 / λmax: gradient descent with a larger rate overshoots along the steepest direction (Infinity if λmax ≤ 0). */
  stableLearningRate: number;
}

/** The spectrum of any symmetric curvature matrix (row by row). */
export function spectrumOf(matrix: SquareMatrix): Spectrum {
  const { values, vectors } = symmetricEigen(matrix);
  const lambdaMax = values[0];
  return {
    eigenvalues: values,
    eigenvectors: vectors,
    lambdaMax,
    lambdaMin: values[values.length - 1],
    stableLearningRate: lambdaMax > 0 ? 2 / lambdaMax : Infinity,
  };
}

/** The eigenvalues and eigenvectors of the exact Hessian ∂²L/∂θ² at `params`. */
export function hessianSpectrum(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): Spectrum {
  return spectrumOf(hessian(params, data, hidden));
}

/**
 * The Gauss–Newton matrix G = (2/N) Σ_i J_i J_iᵀ with J_i = ∂ŷ_i/∂θ, row by row: the Hessian
 * without its residual term (curvature.ts's `gaussNewton`, named to stand beside `hessian`).
 */
export function gaussNewtonMatrix(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): SquareMatrix {
  return gaussNewton(params, data, hidden);
}

/** The eigenvalues and eigenvectors of the Gauss–Newton matrix (never negative). */
export function gaussNewtonSpectrum(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): Spectrum {
  return spectrumOf(gaussNewtonMatrix(params, data, hidden));
}

/** Both curvatures at one point, and how far apart their steepest curvatures are. */
export interface CurvatureComparison {
  hessian: Spectrum;
  gaussNewton: Spectrum;
  /** λmax of the Hessian ÷ λmax of Gauss–Newton: 1 where the residual term does not matter. */
  lambdaMaxRatio: number;
}

export function compareCurvature(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): CurvatureComparison {
  const exact = hessianSpectrum(params, data, hidden);
  const approximate = gaussNewtonSpectrum(params, data, hidden);
  return { hessian: exact, gaussNewton: approximate, lambdaMaxRatio: exact.lambdaMax / approximate.lambdaMax };
}
