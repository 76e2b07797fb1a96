// How sharply the loss of a deeper network curves, and so the largest stable learning rate, as
// curvature.ts does for 2-H-1: the largest eigenvalue λmax of the Gauss–Newton matrix
//   G = (2/N) Σ_i J_i J_iᵀ,   J_i = ∂ŷ_i/∂θ,
// and the rate 2/λmax above which gradient descent overshoots along the steepest direction.
//
// J_i is backpropagation with the loss left out: the same layer rule started from δ(out) = 1
// instead of (2/N)·e_i. G is never built: power iteration only needs G·v = (2/N) Σ J_i (J_i·v),
// which costs two passes over the Jacobian rows, so a 2-16-16-1 network (337 parameters) takes
// milliseconds where a full eigen-decomposition of its 337 × 337 matrix would take seconds.
import { checkData, type Dataset } from './data';
import { biasIndex, checkDeepShape, weightIndex, type DeepLayout } from './deepParameters';
import { forwardDeep } from './deepNetwork';
import { passBack } from './deepBackprop';
import type { Parameters } from './parameters';
import type { Curvature } from './curvature';

/** ∂ŷ/∂θ for one sample (x1, x2), in the flat layout order. */
export function outputGradient(params: Parameters, layout: DeepLayout, x1: number, x2: number, into = new Float64Array(layout.parameterCount)): Float64Array {
  checkDeepShape(params, layout);
  into.fill(0);
  const pass = forwardDeep(params, layout, x1, x2);
  let delta: ArrayLike<number> = [1]; // ∂ŷ/∂ŷ
  for (let l = layout.layers; l >= 1; l--) {
    const input: ArrayLike<number> = l === 1 ? [x1, x2] : pass.h[l - 2];
    for (let to = 0; to < delta.length; to++) {
      for (let from = 0; from < input.length; from++) into[weightIndex(layout, l, from, to)] += delta[to] * input[from];
      into[biasIndex(layout, l, to)] += delta[to];
    }
    if (l > 1) delta = passBack(params, layout, l, delta, pass.z[l - 2]);
  }
  return into;
}

/** Every sample's J_i, row by row (N × P). */
export function outputJacobian(params: Parameters, layout: DeepLayout, data: Dataset): Float64Array[] {
  checkData(data);
  return Array.from({ length: data.n }, (_, i) => outputGradient(params, layout, data.x1[i], data.x2[i]));
}

/** How closely power iteration pins λmax down, and how long it may try. */
export interface PowerIterationOptions {
  /** Converged when λ changes by less than this share of itself between two rounds (default 1e-12). */
  tolerance?: number;
  /** Rounds at most (default 5,000). */
  maxRounds?: number;
  /** Rounds between pauses of deepCurvatureSteps (default 8). */
  roundsPerPause?: number;
}

/**
 * λmax of G = (2/N) Σ J_i J_iᵀ by power iteration from a fixed start (every entry equal, then
 * the same every time: no randomness, so every engine gives the same number). G is positive
 * semi-definite, so the iteration climbs to the largest eigenvalue.
 */
export function deepCurvature(params: Parameters, layout: DeepLayout, data: Dataset, options: PowerIterationOptions = {}): Curvature {
  const steps = deepCurvatureSteps(params, layout, data, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The same, pausing (yielding the rounds done) every few rounds, for a page that computes it in slices. */
export function* deepCurvatureSteps(params: Parameters, layout: DeepLayout, data: Dataset, options: PowerIterationOptions = {}): Generator<number, Curvature> {
  const { tolerance = 1e-12, maxRounds = 5_000, roundsPerPause = 8 } = options;
  const rows = outputJacobian(params, layout, data);
  const P = layout.parameterCount, N = data.n;
  // A start with a small component along every direction a row spans: the mean of the rows plus a
  // constant (the mean alone could be 0, a constant alone could be orthogonal to the top vector).
  let v = new Float64Array(P).fill(1);
  for (const row of rows) for (let j = 0; j < P; j++) v[j] += row[j] / N;
  let lambda = 0;
  for (let round = 1; round <= maxRounds; round++) {
    let squares = 0;
    for (let j = 0; j < P; j++) squares += v[j] * v[j];
    const norm = Math.sqrt(squares);
    if (!(norm > 0) || !Number.isFinite(norm)) break;
    for (let j = 0; j < P; j++) v[j] /= norm;
    const next = new Float64Array(P);
    for (const row of rows) {
      let dot = 0;
      for (let j = 0; j < P; j++) dot += row[j] * v[j];
      for (let j = 0; j < P; j++) next[j] += (2 / N) * dot * row[j];
    }
    let estimate = 0; // vᵀ G v with |v| = 1
    for (let j = 0; j < P; j++) estimate += v[j] * next[j];
    const settled = Math.abs(estimate - lambda) <= tolerance * Math.abs(estimate);
    lambda = estimate;
    v = next;
    if (settled) break;
    if (round % roundsPerPause === 0) yield round;
  }
  return { lambdaMax: lambda, stableLearningRate: lambda > 0 ? 2 / lambda : Infinity };
}

/** The Gauss–Newton matrix itself, row by row (P × P), for tests and small networks. */
export function deepGaussNewton(params: Parameters, layout: DeepLayout, data: Dataset): Float64Array {
  const rows = outputJacobian(params, layout, data);
  const P = layout.parameterCount;
  const G = new Float64Array(P * P);
  for (const row of rows) {
    for (let a = 0; a < P; a++) {
      if (row[a] === 0) continue;
      for (let b = 0; b < P; b++) G[a * P + b] += row[a] * row[b];
    }
  }
  // Scaled once at the end, so G[a][b] and G[b][a] are the same sums and G is exactly symmetric.
  for (let k = 0; k < G.length; k++) G[k] *= 2 / data.n;
  return G;
}
