// A quadratic bowl in two parameters: the simplest loss with a Hessian, and the one every loss
// looks like near its bottom.
//
//   L(θ) = ½ (θ − θ*)ᵀ A (θ − θ*),    A = R(α) · diag(λ1, λ2) · R(α)ᵀ,   R(α) = [[cos α, −sin α], [sin α, cos α]]
//
// A is the Hessian (the same everywhere for a quadratic). Its eigenvectors are the bowl's axes:
// u1 = (cos α, sin α) with eigenvalue λ1 and u2 = (−sin α, cos α) with λ2. Along u_i the loss is
// the parabola ½·λ_i·s², so λ_i is how steeply the bowl rises in that direction. The gradient is
// A(θ − θ*), and one step of gradient descent multiplies the error's part along u_i by 1 − η·λ_i:
//   θ_t − θ* = Σ_i (1 − η·λ_i)^t · (u_iᵀ(θ_0 − θ*)) · u_i
// which shrinks only if |1 − η·λ_i| < 1 for every i: η < 2/λmax. The slowest part shrinks by
// max_i |1 − η·λ_i| per step; with the best η that is (κ − 1)/(κ + 1), κ = λmax/λmin the
// condition number: a long narrow bowl (large κ) needs many steps whatever η is.
import { checkNumber, throwIfAny } from './errors';
import { makeOptimizer, type OptimizerSpec } from './optimizers';

export interface Bowl {
  /** The curvature along the first axis u1 = (cos α, sin α). */
  lambda1: number;
  /** The curvature along the second axis u2 = (−sin α, cos α). */
  lambda2: number;
  /** α in radians: how far the first axis is turned from the θ1 axis. */
  angle: number;
  /** θ*, the bottom (default the origin). */
  centre?: readonly [number, number];
}

/** The largest curvature (or eigenvalue) a bowl may have: the widget's slider ends well below it. */
export const MAX_BOWL_CURVATURE = 1e6;

/** What is wrong with a bowl, in words (empty if nothing). Curvatures may be negative: a saddle. */
export function checkBowl(bowl: Bowl): string[] {
  return [
    checkNumber('The curvature λ1', bowl.lambda1, -MAX_BOWL_CURVATURE, MAX_BOWL_CURVATURE),
    checkNumber('The curvature λ2', bowl.lambda2, -MAX_BOWL_CURVATURE, MAX_BOWL_CURVATURE),
    checkNumber('The angle α', bowl.angle, -1e6, 1e6),
  ].filter((p): p is string => p !== null);
}

/** The two axes u1, u2 (unit vectors, perpendicular). */
export function bowlAxes(bowl: Bowl): [[number, number], [number, number]] {
  const c = Math.cos(bowl.angle), s = Math.sin(bowl.angle);
  return [[c, s], [-s, c]];
}

/** A = λ1·u1u1ᵀ + λ2·u2u2ᵀ, row by row: [a11, a12, a21, a22]. */
export function bowlMatrix(bowl: Bowl): Float64Array {
  throwIfAny(checkBowl(bowl));
  const [[c, s], [p, q]] = bowlAxes(bowl);
  const a11 = bowl.lambda1 * c * c + bowl.lambda2 * p * p;
  const a12 = bowl.lambda1 * c * s + bowl.lambda2 * p * q;
  const a22 = bowl.lambda1 * s * s + bowl.lambda2 * q * q;
  return Float64Array.of(a11, a12, a12, a22);
}

function offset(bowl: Bowl, theta: ArrayLike<number>): [number, number] {
  const [x0, y0] = bowl.centre ?? [0, 0];
  return [theta[0] - x0, theta[1] - y0];
}

/** L(θ) = ½ (θ − θ*)ᵀ A (θ − θ*). */
export function bowlLoss(bowl: Bowl, theta: ArrayLike<number>): number {
  const A = bowlMatrix(bowl);
  const [dx, dy] = offset(bowl, theta);
  return 0.5 * (A[0] * dx * dx + 2 * A[1] * dx * dy + A[3] * dy * dy);
}

/** ∇L(θ) = A (θ − θ*). */
export function bowlGradient(bowl: Bowl, theta: ArrayLike<number>): Float64Array {
  const A = bowlMatrix(bowl);
  const [dx, dy] = offset(bowl, theta);
  return Float64Array.of(A[0] * dx + A[1] * dy, A[2] * dx + A[3] * dy);
}

/** κ = λmax / λmin for a bowl with two positive curvatures (Infinity if either is 0 or below). */
export function conditionNumber(lambda1: number, lambda2: number): number {
  const lo = Math.min(lambda1, lambda2), hi = Math.max(lambda1, lambda2);
  return lo > 0 ? hi / lo : Infinity;
}

export interface BowlPathOptions {
  learningRate: number;
  steps: number;
  /** How each step is taken (default plain gradient descent): the trainer's own optimizers. */
  optimizer?: OptimizerSpec;
}

export interface BowlPath {
  /** θ after 0, 1, …, steps steps (fewer if it ran off to infinity): θ1 and θ2. */
  x: Float64Array;
  y: Float64Array;
  /** L after each of those steps. */
  losses: Float64Array;
  /** Whether the path left every finite number behind (the steps grew without end). */
  diverged: boolean;
}

export const MAX_BOWL_STEPS = 100_000;

/** The path an optimizer takes on the bowl from `start`: the same step code the network trains with. */
export function bowlPath(bowl: Bowl, start: readonly [number, number], options: BowlPathOptions): BowlPath {
  throwIfAny([
    ...checkBowl(bowl),
    checkNumber('The learning rate', options.learningRate, 0, 1e300),
    checkNumber('The number of steps', options.steps, 0, MAX_BOWL_STEPS, true),
    checkNumber('The starting θ1', start[0], -1e12, 1e12),
    checkNumber('The starting θ2', start[1], -1e12, 1e12),
  ]);
  const optimizer = makeOptimizer(options.optimizer);
  const theta = Float64Array.from(start);
  const x = [theta[0]], y = [theta[1]], losses = [bowlLoss(bowl, theta)];
  let diverged = false;
  for (let t = 0; t < options.steps; t++) {
    optimizer.step(theta, bowlGradient(bowl, theta), options.learningRate);
    const loss = bowlLoss(bowl, theta);
    if (!Number.isFinite(theta[0]) || !Number.isFinite(theta[1]) || !Number.isFinite(loss)) {
      diverged = true;
      break;
    }
    x.push(theta[0]);
    y.push(theta[1]);
    losses.push(loss);
  }
  return { x: Float64Array.from(x), y: Float64Array.from(y), losses: Float64Array.from(losses), diverged };
}

/**
 * Where plain gradient descent is after t steps, written out instead of stepped: the error's part
 * along each axis times (1 − η·λ_i)^t. (The test checks bowlPath against it.)
 */
export function gradientDescentAfter(bowl: Bowl, start: readonly [number, number], learningRate: number, t: number): [number, number] {
  const [u1, u2] = bowlAxes(bowl);
  const [dx, dy] = offset(bowl, start);
  const a1 = (u1[0] * dx + u1[1] * dy) * (1 - learningRate * bowl.lambda1) ** t;
  const a2 = (u2[0] * dx + u2[1] * dy) * (1 - learningRate * bowl.lambda2) ** t;
  const [x0, y0] = bowl.centre ?? [0, 0];
  return [x0 + a1 * u1[0] + a2 * u2[0], y0 + a1 * u1[1] + a2 * u2[1]];
}

/** The factor by which gradient descent's slowest part of the error shrinks per step: max_i |1 − η·λ_i|. */
export function slowestFactor(lambda1: number, lambda2: number, learningRate: number): number {
  return Math.max(Math.abs(1 - learningRate * lambda1), Math.abs(1 - learningRate * lambda2));
}

/** The rate that makes the slowest factor smallest, 2/(λmin + λmax), and that factor, (κ − 1)/(κ + 1). */
export function bestRate(lambda1: number, lambda2: number): { learningRate: number; factor: number } {
  const lo = Math.min(lambda1, lambda2), hi = Math.max(lambda1, lambda2);
  const learningRate = 2 / (lo + hi);
  return { learningRate, factor: (hi - lo) / (hi + lo) };
}
