// What the training console still borrows from the plateau widget until it is built on the
// reduce-on-plateau settings group (experiments/plateau/settings.ts), in the old names, all
// derived from the group. Nothing in the plateau widget uses this file; it goes with the
// console's migration (issue 11).
import type { NumberInputRules } from '../../experiments/settings/numberInput';
import { plateauComparisonSettings, type PlateauConfig } from '../../experiments/plateau/comparison-settings';
import { FLAVOUR_OPTIONS, MODE_OPTIONS, parseFactor, PLATEAU_FIELDS, plateauRules, type Flavour, type PlateauSettings, type ThresholdMode } from '../../experiments/plateau/settings';

export { FLAVOUR_OPTIONS, MODE_OPTIONS, parseFactor, type Flavour, type PlateauConfig, type ThresholdMode };

export const PLATEAU_DEFAULTS: Readonly<PlateauConfig> = plateauComparisonSettings.defaults;

const rules = (field: NumberInputRules): NumberInputRules => ({ min: field.min, max: field.max, integer: field.integer, label: field.label });
export const PLATEAU_RULES = {
  factor: rules(PLATEAU_FIELDS.factor),
  patience: rules(PLATEAU_FIELDS.patience),
  threshold: rules(PLATEAU_FIELDS.threshold),
  cooldown: rules(PLATEAU_FIELDS.cooldown),
  minLr: rules(PLATEAU_FIELDS.minLr),
} as const;

const value = <T>(result: { ok: true; value: T } | { ok: false }): T | null => (result.ok ? result.value : null);
export const parseFlavour = (text: string): Flavour | null => value(PLATEAU_FIELDS.flavour.read(text));
export const parseMode = (text: string): ThresholdMode | null => value(PLATEAU_FIELDS.thresholdMode.read(text));

/** Problems that involve more than one field, each with the keys to fall back on. */
export function plateauCrossFieldProblems(config: PlateauSettings): { keys: (keyof PlateauSettings)[]; message: string }[] {
  return plateauRules<PlateauSettings>().flatMap((rule) => {
    const message = rule.problem(config);
    return message === null ? [] : [{ keys: [...rule.keys], message }];
  });
}
