// The largest learning rate each optimizer can use on a quadratic bowl without blowing up.
//
// On L(θ) = ½·λ·θ² (one eigen-direction of any quadratic, curvature λ) the gradient is λθ, so
//   gradient descent   θ ← (1 − ηλ)·θ                         stable while |1 − ηλ| < 1:  η < 2/λ
//   heavy ball         θ_{t+1} = (1 + β − ηλ)·θ_t − β·θ_{t−1}  (torch's form, b = velocity)
// The heavy-ball recursion is stable while both roots of r² − (1 + β − ηλ)·r + β = 0 lie inside
// the unit circle. Their product is β < 1, so trouble comes only from a root leaving through
// r = −1, which happens when 1 + (1 + β − ηλ) + β = 0: η < 2(1 + β)/λ. With dampening τ the
// gradient enters as (1 − τ)·λθ, so λ is replaced by (1 − τ)·λ. Nesterov's look-ahead step
// (torch's form) gives the state matrix [[1 − ηλ(1 + β), −ηβ²], [λ, β]], whose eigenvalue reaches
// −1 at ηλ(1 + 2β) = 2(1 + β): η < 2(1 + β)/((1 + 2β)·λ).
// On the network the bowl is the Hessian's: λ = λmax (spectrum.ts). The network is not a
// quadratic, so these are the limits at one point, not guarantees for the whole run.

/** 2/λmax: plain gradient descent overshoots along the steepest direction above this. */
export function gradientDescentStableRate(lambdaMax: number): number {
  return lambdaMax > 0 ? 2 / lambdaMax : Infinity;
}

/** 2(1 + β)/((1 − τ)·λmax): the heavy-ball limit, 1 + β times plain descent's. */
export function momentumStableRate(lambdaMax: number, beta: number, dampening = 0): number {
  const curvature = (1 - dampening) * lambdaMax;
  return curvature > 0 ? (2 * (1 + beta)) / curvature : Infinity;
}

/** 2(1 + β)/((1 + 2β)·λmax): the limit for Nesterov momentum as torch computes it. */
export function nesterovStableRate(lambdaMax: number, beta: number): number {
  return lambdaMax > 0 ? (2 * (1 + beta)) / ((1 + 2 * beta) * lambdaMax) : Infinity;
}
