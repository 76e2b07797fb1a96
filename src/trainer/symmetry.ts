// Two hidden units that start with the same four numbers stay the same forever: the network
// treats every unit alike (unit 1 and unit 2 could swap names and nothing would change), so
// equal units get equal gradients and equal steps. These helpers swap two units and measure
// how far apart they are, so lessons and tests can check that, bit for bit.
import { hiddenWidthOf, unitParameters, type Parameters } from './parameters';
import { checkShape } from './network';
import { TrainerInputError } from './errors';

function checkUnits(params: ArrayLike<number>, a: number, b: number, hidden: number): void {
  checkShape(params, hidden);
  for (const k of [a, b]) {
    if (!Number.isInteger(k) || k < 0 || k >= hidden) throw new TrainerInputError(`There is no hidden unit number ${k + 1}.`);
  }
}

/**
 * The same network with hidden units a and b relabelled: their input weights, output weights
 * and biases trade places. It computes exactly the same predictions as `params`.
 */
export function swapUnits(params: Parameters, a = 0, b = 1, hidden: number = hiddenWidthOf(params)): Float64Array {
  checkUnits(params, a, b, hidden);
  const out = Float64Array.from(params);
  const pa = unitParameters(a, hidden), pb = unitParameters(b, hidden);
  pa.forEach((i, j) => {
    out[i] = params[pb[j]];
    out[pb[j]] = params[i];
  });
  return out;
}

/** The largest |difference| between unit a's and unit b's corresponding parameters (0: identical). */
export function unitGap(params: ArrayLike<number>, a = 0, b = 1, hidden: number = hiddenWidthOf(params)): number {
  checkUnits(params, a, b, hidden);
  const pa = unitParameters(a, hidden), pb = unitParameters(b, hidden);
  let gap = 0;
  pa.forEach((i, j) => {
    const d = Math.abs(params[i] - params[pb[j]]);
    // A difference that is not a number (an overflowed run) counts as infinitely far apart.
    gap = Number.isNaN(d) ? Infinity : Math.max(gap, d);
  });
  return gap;
}

/** Whether units a and b have bit-for-bit the same four parameters. */
export function unitsIdentical(params: ArrayLike<number>, a = 0, b = 1, hidden: number = hiddenWidthOf(params)): boolean {
  checkUnits(params, a, b, hidden);
  const pa = unitParameters(a, hidden), pb = unitParameters(b, hidden);
  return pa.every((i, j) => Object.is(params[i], params[pb[j]]));
}
