// What one ReLU unit does to the training data: its pre-activation for every sample, whether it
// is dead, a hinge or on everywhere, and where its kink line lies.
import type { Dataset } from '../../trainer/data';
import type { ReluUnitConfig } from './settings';

export type ReluUnitState = 'dead' | 'linear' | 'hinge';

/** z1 for every sample. */
export function preActivations(data: Dataset, c: ReluUnitConfig): Float64Array {
  return data.x1.map((x1, i) => c.W1 * x1 + c.W3 * data.x2[i] + c.B1);
}

/** Dead when off for every sample, linear when on for every one, a hinge otherwise. */
export function stateOf(onCount: number, n: number): ReluUnitState {
  return onCount === 0 ? 'dead' : onCount === n ? 'linear' : 'hinge';
}

/**
 * B1 that slides the kink line, turned as it is by W1 and W3, through the point (x1, x2):
 * W1·x1 + W3·x2 + B1 = 0. Rounded to 2 decimals and kept within ±limit; null when there is
 * no line to slide (W1 = W3 = 0).
 */
export function biasThrough(config: ReluUnitConfig, [x1, x2]: readonly [number, number], limit = 10): number | null {
  if (config.W1 === 0 && config.W3 === 0) return null;
  const b = Math.round(-(config.W1 * x1 + config.W3 * x2) * 100) / 100;
  return Math.max(-limit, Math.min(limit, b)) || 0;
}
