// Why a fixed learning rate cannot settle with mini-batches.
//
// A mini-batch of m samples gives the gradient of its own loss, g_B = (1/m) Σ_{i in B} g_i, where
// g_i = ∂(ŷ_i − y_i)²/∂θ is one sample's gradient; on average over the batches it is the full
// gradient g = (1/N) Σ g_i, but each batch misses it by a random amount. At the bottom of the loss
// the full gradient is 0 while the batches' gradients are not, so every step with a fixed η still
// kicks the parameters by η·(g_B − g): the loss keeps jittering around its floor instead of
// settling, by an amount that shrinks with η and with the batch size. Full-batch descent has no
// such kicks and comes to rest. This file measures both sides: the size of the kicks
// (miniBatchGradientNoise) and the jitter they leave in the loss (lossSpread).
import { gradientScratchLength, lossAndGradient, lossAndGradientInto } from './gradient';
import { meanSquaredError } from './loss';
import { hiddenWidthOf, parameterCount, type Parameters } from './parameters';
import { checkShape } from './network';
import { checkNumber, throwIfAny } from './errors';
import type { Dataset } from './data';

/**
 * The full-data loss after each epoch: after epoch e is before epoch e + 1, so it is losses[e + 1],
 * and after the last epoch it is the loss at the final parameters. (A run's `losses` hold the loss
 * at the start of each epoch.)
 */
export function lossAfterEachEpoch(
  run: { losses: ArrayLike<number>; params: Parameters },
  data: Dataset,
  hidden: number = hiddenWidthOf(run.params),
): Float64Array {
  const n = run.losses.length;
  const after = new Float64Array(n);
  for (let e = 0; e + 1 < n; e++) after[e] = run.losses[e + 1];
  if (n > 0) after[n - 1] = meanSquaredError(run.params, data, hidden);
  return after;
}

export interface LossSpread {
  /** How many losses the window holds (the last `epochs`, or all if there are fewer). */
  count: number;
  mean: number;
  /** Population standard deviation over the window (divides by count): how much the loss still jitters. */
  standardDeviation: number;
  min: number;
  max: number;
  /** standardDeviation / mean: the jitter as a share of the loss (0 once a run has settled). */
  relativeSpread: number;
}

/** Mean and spread of the last `epochs` losses of a run: near 0 spread means it settled. */
export function lossSpread(losses: ArrayLike<number>, epochs: number): LossSpread {
  throwIfAny([checkNumber('The number of epochs to look back', epochs, 1, Number.MAX_SAFE_INTEGER, true)]);
  const start = Math.max(0, losses.length - epochs);
  const count = losses.length - start;
  if (count === 0) return { count: 0, mean: NaN, standardDeviation: NaN, min: NaN, max: NaN, relativeSpread: NaN };
  let sum = 0, min = Infinity, max = -Infinity;
  for (let e = start; e < losses.length; e++) {
    sum += losses[e];
    min = Math.min(min, losses[e]);
    max = Math.max(max, losses[e]);
  }
  const mean = sum / count;
  let squares = 0;
  for (let e = start; e < losses.length; e++) squares += (losses[e] - mean) * (losses[e] - mean);
  const standardDeviation = Math.sqrt(squares / count);
  return { count, mean, standardDeviation, min, max, relativeSpread: standardDeviation / mean };
}

export interface GradientNoise {
  /** g = ∂L/∂θ over all N samples. */
  fullGradient: Float64Array;
  /** (1/N) Σ ‖g_i − g‖²: how far one sample's gradient is from the full one, on average. */
  perSampleVariance: number;
  /**
   * E‖g_B − g‖² for a batch of m samples drawn without replacement (as a shuffled epoch deals them):
   * (N − m)/(m·(N − 1)) · perSampleVariance. 0 for full batches; for m = 1, perSampleVariance.
   */
  batchVariance: number;
  /** ‖g‖²: compare with batchVariance — where it is much smaller, the batches' steps are mostly noise. */
  fullGradientSquared: number;
}

/**
 * How much a mini-batch's gradient misses the full gradient at `params`, exactly (no sampling):
 * each sample's own gradient g_i = ∂(ŷ_i − y_i)²/∂θ, their spread around g, and what averaging m
 * of them without replacement leaves of it.
 */
export function miniBatchGradientNoise(params: Parameters, data: Dataset, batchSize: number, hidden: number = hiddenWidthOf(params)): GradientNoise {
  checkShape(params, hidden);
  const N = data.n;
  throwIfAny([checkNumber('The batch size', batchSize, 1, N, true)]);
  const P = parameterCount(hidden);
  const g = lossAndGradient(params, data, hidden).grad;
  const gi = new Float64Array(P);
  const scratch = new Float64Array(gradientScratchLength(hidden));
  let spread = 0;
  for (let i = 0; i < N; i++) {
    lossAndGradientInto(params, data, hidden, gi, i, i + 1, scratch); // the loss of sample i alone: (ŷ_i − y_i)²
    for (let j = 0; j < P; j++) spread += (gi[j] - g[j]) * (gi[j] - g[j]);
  }
  const perSampleVariance = spread / N;
  const m = batchSize;
  // Averaging m of N values without replacement divides their variance by m and multiplies it by
  // the finite-population correction (N − m)/(N − 1): a batch of all N samples has no noise left.
  const batchVariance = N > 1 ? ((N - m) / (m * (N - 1))) * perSampleVariance : 0;
  let fullGradientSquared = 0;
  for (let j = 0; j < P; j++) fullGradientSquared += g[j] * g[j];
  return { fullGradient: g, perSampleVariance, batchVariance, fullGradientSquared };
}
