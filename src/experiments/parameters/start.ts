// Where a widget's nine parameters start: one of the trainer's named starts, with any values a
// student typed or a link gave on top. As settings: `start` (the named start, or `custom` once the
// values are no longer a start's) and W1 … B3. A link that names a start but not every value gets
// the start's values for the rest (completeStartingPoint).
import { DEAD_UNIT_B1, HE_SEED, presetParameters } from '../../trainer/presets';
import { PARAMETER_NAMES, toNamed, type ParameterName } from '../../trainer/parameters';
import { choiceField, type ChoiceOption } from '../settings/fields';
import { parameterField, PARAMETER_LIMIT } from './settings';

/** The named starts a parameter-setting widget offers. */
export type NamedStart = 'writeup-example' | 'he' | 'dead-unit';
/** A named start, or the student's own values. */
export type Start = NamedStart | 'custom';

export const NAMED_STARTS: readonly (ChoiceOption<NamedStart> & { description: string })[] = [
  { value: 'writeup-example', label: 'Write-up’s example', description: 'The starting values printed in the write-up: W1 = −0.46 … B3 = −2.5.' },
  { value: 'he', label: `He start (seed ${HE_SEED})`, description: 'Weights drawn with variance 2/(inputs per unit), biases 0.' },
  {
    value: 'dead-unit',
    label: 'Dead unit h1',
    description: `The He start with B1 = ${DEAD_UNIT_B1}: z1 is negative on every sample, so h1 is 0 everywhere.`,
  },
];

/** The select shows this once the values are edited; it cannot be chosen by hand. */
const CUSTOM_OPTION: ChoiceOption<Start> = { value: 'custom', label: 'Your own values', disabled: true };

/** A named start's nine values, exactly (the fields show them rounded; a training step must not be). */
export function startValues(start: NamedStart): Record<ParameterName, number> {
  return toNamed(presetParameters(start));
}

export type StartingPoint = { start: Start } & Record<ParameterName, number>;

/** The fields of a starting point that begins at `start`; each value may lie within ±limit. */
export function startingPointFields(start: NamedStart = 'writeup-example', limit = PARAMETER_LIMIT) {
  const values = startValues(start);
  const parameters = Object.fromEntries(PARAMETER_NAMES.map((name) => [name, parameterField(name, values[name], limit)])) as Record<ParameterName, ReturnType<typeof parameterField>>;
  return {
    start: choiceField<Start>({ label: 'Start from', options: [...NAMED_STARTS, CUSTOM_OPTION], default: start }),
    ...parameters,
  };
}

/** A named start fills the values a source did not give; `custom` keeps the values in force. */
export function completeStartingPoint<C extends StartingPoint>(config: C, given: ReadonlySet<string>): C {
  if (config.start === 'custom') return config;
  const values = startValues(config.start);
  const out = { ...config };
  for (const name of PARAMETER_NAMES) if (!given.has(name)) out[name] = values[name];
  return out;
}

/** Whether the nine values are exactly the named start's (else the select shows "Your own values"). */
export function isNamedStart(config: StartingPoint): boolean {
  if (config.start === 'custom') return false;
  const values = startValues(config.start);
  return PARAMETER_NAMES.every((name) => Object.is(values[name], config[name]));
}

/** The nine values in layout order W1 … B3. */
export function startingParameters(config: StartingPoint): Float64Array {
  return Float64Array.from(PARAMETER_NAMES, (name) => config[name]);
}
