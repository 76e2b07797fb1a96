// Which hidden units of a deeper network are doing something, layer by layer (units.ts for the
// 2-H-1 network). A unit of the second layer is dead when its pre-activation z = W²·h¹ + b² is ≤ 0
// for every sample: then, exactly as in the first layer, its incoming weights, its bias and its
// outgoing weights get zero gradient. In the second layer this can also happen because the layer
// below went quiet: if every unit of h¹ is 0 on a sample, z² is just the bias there.
import { checkData, type Dataset } from './data';
import { checkDeepShape, type DeepLayout } from './deepParameters';
import { forwardDeep } from './deepNetwork';
import type { Parameters } from './parameters';
import type { UnitActivity, UnitState } from './units';

/** One UnitActivity per hidden layer, input side first. */
export function deepUnitActivity(params: Parameters, layout: DeepLayout, data: Dataset): UnitActivity[] {
  checkDeepShape(params, layout);
  checkData(data);
  const counts = layout.hidden.map((width) => new Array<number>(width).fill(0));
  for (let i = 0; i < data.n; i++) {
    const { z } = forwardDeep(params, layout, data.x1[i], data.x2[i]);
    z.forEach((layer, l) => layer.forEach((v, k) => {
      if (v > 0) counts[l][k] += 1;
    }));
  }
  return counts.map((activeCounts) => ({
    activeCounts,
    states: activeCounts.map((c): UnitState => (c === 0 ? 'dead' : c === data.n ? 'linear' : 'hinge')),
  }));
}

/** How many units of each hidden layer are dead. */
export function deadUnitsPerLayer(activity: readonly UnitActivity[]): number[] {
  return activity.map((layer) => layer.states.filter((s) => s === 'dead').length);
}
