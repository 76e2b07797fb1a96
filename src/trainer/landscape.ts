// The loss seen along one parameter with the other parameters held fixed: a 1-D slice
// of the loss surface, which is what the loss lesson draws.
import { meanSquaredError } from './loss';
import { DEFAULT_HIDDEN, type Parameters } from './parameters';
import type { Dataset } from './data';
import { checkShape } from './network';

/** L(θ with θ[index] = v) for each v in `values`, written into `out`. */
export function lossAlong(
  params: Parameters,
  data: Dataset,
  index: number,
  values: ArrayLike<number>,
  hidden: number = DEFAULT_HIDDEN,
  out = new Float64Array(values.length),
): Float64Array {
  checkShape(params, hidden);
  const probe = Float64Array.from(params);
  for (let j = 0; j < values.length; j++) {
    probe[index] = values[j];
    out[j] = meanSquaredError(probe, data, hidden);
  }
  return out;
}
