// Which hidden units are doing something. A unit that is off (z ≤ 0) for every training
// sample is dead: its output is 0 everywhere, ReLU'(z) = 0 everywhere, so its two input
// weights, its bias and its output weight all get exactly zero gradient, forever.
import { hiddenWidthOf, type Parameters } from './parameters';
import { checkData, type Dataset } from './data';
import { checkShape } from './network';

/** dead: off on every sample; linear: on for every sample (no kink inside the data); hinge: on for some. */
export type UnitState = 'dead' | 'linear' | 'hinge';

export interface UnitActivity {
  /** For each hidden unit, on how many samples z > 0. */
  activeCounts: number[];
  states: UnitState[];
}

export function unitActivity(params: Parameters, data: Dataset, hidden: number = hiddenWidthOf(params)): UnitActivity {
  checkShape(params, hidden);
  checkData(data);
  const H = hidden;
  const activeCounts = new Array<number>(H).fill(0);
  for (let i = 0; i < data.n; i++) {
    for (let k = 0; k < H; k++) {
      if (params[k] * data.x1[i] + params[H + k] * data.x2[i] + params[3 * H + k] > 0) activeCounts[k] += 1;
    }
  }
  const states = activeCounts.map((c): UnitState => (c === 0 ? 'dead' : c === data.n ? 'linear' : 'hinge'));
  return { activeCounts, states };
}
