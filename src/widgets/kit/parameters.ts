// Client side of ParameterFields.astro: the nine named controls as one parameter vector.
import { PARAMETER_NAMES } from '../../trainer/parameters';
import type { NumberControl } from './controls';

/** The current valid values of the named controls, in layout order (missing ones from `fallback`). */
export function readParameters(controls: Record<string, NumberControl>, fallback: ArrayLike<number>): Float64Array {
  return Float64Array.from(PARAMETER_NAMES, (name, i) => controls[name]?.value ?? fallback[i]);
}

/** Shows a parameter vector in the named controls (e.g. after a training step or a preset). */
export function writeParameters(controls: Record<string, NumberControl>, params: ArrayLike<number>): void {
  PARAMETER_NAMES.forEach((name, i) => controls[name]?.set(Math.round(params[i] * 1e4) / 1e4));
}
