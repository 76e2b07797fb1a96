// What a trained network's before/after table can and cannot say. How far a parameter moved is
// η times the sum of its partial derivatives along the way: a record of the journey, not a
// measure of how much the final network needs it. "How much worse would the final network be if
// it stayed where it started?" is no better: at the end of training the slope along an output
// weight or the output bias is about 0 and the loss is an exact parabola along it, so putting it
// back raises the loss by ½·c·(distance moved)² — the journey again, weighted by the curvature c.
// What does not depend on the journey is the network without the parameter: set it to zero (no
// connection, no shift) and measure the loss (lossIfZeroed). For an output weight that removes its
// hidden unit from the prediction; for the output bias it removes the shift that carries the mean
// of y; for a hidden weight or bias zero is not "absent" in the same way, since it can move the
// unit's kink line and switch the unit on or off, so whole units are also removed
// (lossWithoutUnit), which asks the cleaner question for a hidden unit.
import { meanSquaredError } from './loss';
import { checkShape } from './network';
import { hiddenWidthOf, type Parameters } from './parameters';
import type { Dataset } from './data';

export interface ParameterChange {
  start: number;
  final: number;
  /** final − start. */
  change: number;
  /** The final value is bit-for-bit the starting value: every step it took was exactly zero. */
  unchanged: boolean;
}

export function parameterChanges(start: Parameters, final: Parameters): ParameterChange[] {
  if (start.length !== final.length) throw new RangeError('The starting and final parameters must have the same length.');
  return Array.from(start, (s, j) => ({ start: s, final: final[j], change: final[j] - s, unchanged: Object.is(s, final[j]) }));
}

/** The index of the largest change in size, or −1 if nothing moved. */
export function largestChange(changes: readonly ParameterChange[]): number {
  let best = -1, size = 0;
  changes.forEach((c, j) => {
    if (Math.abs(c.change) > size) [best, size] = [j, Math.abs(c.change)];
  });
  return best;
}

/**
 * For each parameter j: L(params with θ_j = 0) − L(params), the others unchanged. Zero for a
 * parameter that is already 0 or that does nothing (an output weight of a dead unit); for an
 * output weight, the cost of removing its unit; negative where the run has not settled and the
 * network does better without that number.
 */
export function lossIfZeroed(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): Float64Array {
  checkShape(params, hidden);
  const base = meanSquaredError(params, data, hidden);
  const trial = Float64Array.from(params);
  return Float64Array.from(params, (value, j) => {
    if (value === 0) return 0;
    trial[j] = 0;
    const loss = meanSquaredError(trial, data, hidden);
    trial[j] = value;
    return loss - base;
  });
}

/**
 * For each hidden unit k: L without the unit − L, where "without" drops h_k from every prediction
 * (the same as setting its output weight to 0; its other parameters then do nothing). Zero for a
 * dead unit: it adds nothing to any prediction.
 */
export function lossWithoutUnit(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): Float64Array {
  checkShape(params, hidden);
  const base = meanSquaredError(params, data, hidden);
  const trial = Float64Array.from(params);
  return Float64Array.from({ length: hidden }, (_, k) => {
    const out = 2 * hidden + k; // the weight from h_k to ŷ
    trial[out] = 0;
    const loss = meanSquaredError(trial, data, hidden);
    trial[out] = params[out];
    return loss - base;
  });
}
