// The independent check of backpropagation: nudge one parameter a little up and a little
// down and watch the loss. It needs no calculus, only two loss evaluations per parameter, so
// when it agrees with the chain-rule gradient the derivation and the code are both right.
// (It is too slow and too imprecise to train with; it is a test, not a method.)
import { meanSquaredError } from './loss';
import { hiddenWidthOf, parameterCount, type Parameters } from './parameters';
import { checkShape } from './network';
import type { Dataset } from './data';
import { deepMeanSquaredError } from './deepNetwork';
import type { DeepLayout } from './deepParameters';
import type { Samples } from './gradient';

/**
 * The nudge h. Small enough that the loss is close to a straight line over [θ − h, θ + h],
 * large enough that the two losses differ in many more digits than rounding disturbs.
 */
export const FINITE_DIFFERENCE_STEP = 1e-6;

/** (L(θ + h·e_j) − L(θ − h·e_j)) / 2h: the slope of the loss along parameter j. */
export function centralDifference(
  params: Parameters,
  data: Dataset,
  j: number,
  h: number = FINITE_DIFFERENCE_STEP,
  hidden: number = hiddenWidthOf(params),
): number {
  const nudged = Float64Array.from(params);
  nudged[j] = params[j] + h;
  const up = meanSquaredError(nudged, data, hidden);
  nudged[j] = params[j] - h;
  const down = meanSquaredError(nudged, data, hidden);
  return (up - down) / (2 * h);
}

/** The central difference along every parameter: an estimate of the whole gradient. */
export function finiteDifferenceGradient(
  params: Parameters,
  data: Dataset,
  h: number = FINITE_DIFFERENCE_STEP,
  hidden: number = hiddenWidthOf(params),
): Float64Array {
  checkShape(params, hidden);
  return Float64Array.from({ length: parameterCount(hidden) }, (_, j) => centralDifference(params, data, j, h, hidden));
}

/**
 * The same slope for a network with any hidden widths (deepParameters.ts's layout), through the
 * readable forward pass of deepNetwork.ts: the check a widget sets beside the chain rule's partial.
 */
export function deepCentralDifference(
  params: Parameters,
  layout: DeepLayout,
  data: Samples & { n: number },
  j: number,
  h: number = FINITE_DIFFERENCE_STEP,
): number {
  const nudged = Float64Array.from(params);
  nudged[j] = params[j] + h;
  const up = deepMeanSquaredError(nudged, layout, data);
  nudged[j] = params[j] - h;
  const down = deepMeanSquaredError(nudged, layout, data);
  return (up - down) / (2 * h);
}
