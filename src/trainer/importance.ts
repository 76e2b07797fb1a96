// What a trained network's before/after table can and cannot say. How far a parameter moved is
// η times the sum of its partial derivatives along the way, not a measure of how much the
// network needs it; "how much worse would the final network be had this one parameter stayed
// where it started?" is closer to that question, and is what lossIfReset answers.
import { meanSquaredError } from './loss';
import { checkShape } from './network';
import { DEFAULT_HIDDEN, type Parameters } from './parameters';
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
 * For each parameter j: L(final with θ_j put back to its starting value) − L(final), the others
 * kept at their final values. Zero for a parameter that never moved; large for one the final
 * network leans on; it can be negative where the run has not settled (putting one value back
 * then happens to help a little).
 */
export function lossIfReset(start: Parameters, final: Parameters, data: Dataset, hidden: number = DEFAULT_HIDDEN): Float64Array {
  checkShape(start, hidden);
  checkShape(final, hidden);
  const base = meanSquaredError(final, data, hidden);
  const trial = Float64Array.from(final);
  return Float64Array.from(final, (value, j) => {
    if (Object.is(start[j], value)) return 0;
    trial[j] = start[j];
    const loss = meanSquaredError(trial, data, hidden);
    trial[j] = value;
    return loss - base;
  });
}
