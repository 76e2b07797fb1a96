// The loss explorer's settings (lesson 5): the nine parameters, which one the slice varies (the
// other eight stay fixed) and the loss axis. A lesson names the starting preset; the page then
// carries its nine values, and a link carries whatever the reader typed or loaded.
import { PARAMETER_NAMES, type ParameterName } from '../../trainer/parameters';
import { choiceField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { parameterChoiceField, parameterFields, PARAMETER_LIMIT } from '../parameters/settings';
import { presetParameters } from '../../trainer/presets';

export type LossAxis = 'linear' | 'log';

export const AXIS_OPTIONS = [
  { value: 'linear', label: 'linear' },
  { value: 'log', label: 'logarithmic' },
] as const satisfies readonly { value: LossAxis; label: string }[];

// The He start as the buttons hold it (4 decimals); the page's own start comes as data-* attributes.
const he = presetParameters('he', { decimals: 4 });
const fields = {
  parameter: parameterChoiceField({ label: 'Slice along', default: 'B3', hint: 'the other eight stay fixed' }),
  axis: choiceField<LossAxis>({ label: 'Loss axis', options: AXIS_OPTIONS, default: 'linear' }),
  ...parameterFields(Object.fromEntries(PARAMETER_NAMES.map((name, i) => [name, he[i]])) as Record<ParameterName, number>, PARAMETER_LIMIT),
};

export type LossExplorerConfig = ConfigOf<typeof fields>;

/** Starts at the He start (seed 1), sliced along B3. */
export const lossExplorerSettings = defineSettings(fields);

/** The nine values of a config, in layout order. */
export function parametersOf(config: LossExplorerConfig): Float64Array {
  return Float64Array.from(PARAMETER_NAMES, (name) => config[name]);
}

/** The nine values as settings (a preset loaded, a page's start). */
export function parameterSettings(params: ArrayLike<number>): Record<ParameterName, number> {
  return Object.fromEntries(PARAMETER_NAMES.map((name, i) => [name, params[i]])) as Record<ParameterName, number>;
}
