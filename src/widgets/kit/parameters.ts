// The nine named parameters in widgets: the client side of ParameterFields.astro (the nine
// controls as one parameter vector), and the rules a typed or linked value must meet.
import { PARAMETER_NAMES, type ParameterName } from '../../trainer/parameters';
import type { NumberControl } from './controls';
import type { NumberInputRules } from '../../experiments/settings/numberInput';

/** The current valid values of the named controls, in layout order (missing ones from `fallback`). */
export function readParameters(controls: Record<string, NumberControl>, fallback: ArrayLike<number>): Float64Array {
  return Float64Array.from(PARAMETER_NAMES, (name, i) => controls[name]?.value ?? fallback[i]);
}

/** Shows a parameter vector in the named controls (e.g. after a training step or a preset). */
export function writeParameters(controls: Record<string, NumberControl>, params: ArrayLike<number>): void {
  PARAMETER_NAMES.forEach((name, i) => controls[name]?.set(Math.round(params[i] * 1e4) / 1e4));
}

/** ParameterFields' default range: every weight and bias may be set between −10 and 10. */
export const PARAMETER_LIMIT = 10;

/** What a typed or linked value of one parameter must be; the name is the label in messages. */
export function parameterRules(name: ParameterName, limit = PARAMETER_LIMIT): NumberInputRules {
  return { min: -limit, max: limit, label: name };
}

/** "w5", "W5", " w5 " → 'W5'; anything else → null. */
export function parseParameterName(text: string): ParameterName | null {
  const t = text.trim().toUpperCase();
  return (PARAMETER_NAMES as readonly string[]).includes(t) ? (t as ParameterName) : null;
}
