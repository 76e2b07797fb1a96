// The network's nine parameters as settings (W1 … B3), for widgets that let a student set them
// exactly: each a number field named as in the lessons, with its connection as the hint.
import { parameterConnection, PARAMETER_NAMES, type ParameterName } from '../../trainer/parameters';
import { choiceField, numberField, type NumberField } from '../settings/fields';

/** Every weight and bias a student types may lie between −10 and 10. */
export const PARAMETER_LIMIT = 10;

/** The field of one named parameter, starting at `value`. */
export function parameterField(name: ParameterName, value: number, limit = PARAMETER_LIMIT): NumberField {
  return numberField({ label: name, min: -limit, max: limit, step: 0.01, default: value, hint: parameterConnection(PARAMETER_NAMES.indexOf(name)) });
}

/** Fields for the named parameters, starting at the given values. */
export function parameterFields<N extends ParameterName>(values: Readonly<Record<N, number>>, limit = PARAMETER_LIMIT): Record<N, NumberField> {
  return Object.fromEntries(Object.entries<number>(values).map(([name, value]) => [name, parameterField(name as N, value, limit)])) as Record<N, NumberField>;
}

/** Each parameter with what it connects, for a select's labels ("W5 (h1 → ŷ)"). */
export const PARAMETER_OPTIONS: readonly { value: ParameterName; label: string }[] = PARAMETER_NAMES.map((name, i) => ({
  value: name,
  label: `${name} (${parameterConnection(i)})`,
}));

/** A choice of one of the nine parameters (the one a slice varies, an axis of a surface); "w5" names W5. */
export const parameterChoiceField = (spec: { label: string; default: ParameterName; hint?: string }) => choiceField<ParameterName>({ ...spec, options: PARAMETER_OPTIONS });
