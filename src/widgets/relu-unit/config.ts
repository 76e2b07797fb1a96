// The ReLU-unit widget's settings: hidden unit 1's two input weights and its bias,
//   z1 = W1·x1 + W3·x2 + B1,
// read from the element's data-* attributes or a query string. A preset names a starting
// unit; values given explicitly win over it. Parsing never throws: anything unknown or
// garbled is ignored with a notice saying what is used instead.
import { clipText, configEntries, oneOf, type ConfigSource } from '../../experiments/settings/source';
import { parseNumberInput } from '../../experiments/settings/numberInput';
import { parameterRules, parseParameterName } from '../kit/parameters';

/** The three parameters of hidden unit 1, in the course's names. */
export const UNIT_PARAMETERS = ['W1', 'W3', 'B1'] as const;
export type UnitParameter = (typeof UNIT_PARAMETERS)[number];

export type ReluUnitConfig = Record<UnitParameter, number>;

export type ReluUnitPreset = 'hinge' | 'dead' | 'always-on';

/**
 * The presets, on the z-scored data (every x1 and x2 lies between about −1.7 and 1.7):
 * the hinge z1 = x1 folds the plane along x1 = 0; moving that line to x1 = 2.5, past every
 * sample, kills the unit; moving it to x1 = −2.5 leaves it on everywhere.
 */
export const RELU_UNIT_PRESETS: Readonly<Record<ReluUnitPreset, { label: string; values: ReluUnitConfig }>> = {
  hinge: { label: 'Hinge along x1 = 0', values: { W1: 1, W3: 0, B1: 0 } },
  dead: { label: 'A dead unit', values: { W1: 1, W3: 0, B1: -2.5 } },
  'always-on': { label: 'On for every sample', values: { W1: 1, W3: 0, B1: 2.5 } },
};

export const PRESET_OPTIONS: readonly { value: ReluUnitPreset; label: string }[] = (Object.keys(RELU_UNIT_PRESETS) as ReluUnitPreset[]).map(
  (value) => ({ value, label: RELU_UNIT_PRESETS[value].label }),
);

/** A slanted hinge, so the first picture is none of the presets and each button changes it. */
export const RELU_UNIT_DEFAULTS: Readonly<ReluUnitConfig> = { W1: 1, W3: 0.5, B1: -0.5 };

export function parseReluUnitConfig(source: ConfigSource): { config: ReluUnitConfig; notices: string[] } {
  const notices: string[] = [];
  const given: Partial<ReluUnitConfig> = {};
  let preset: ReluUnitPreset | null = null;
  for (const [key, text] of configEntries(source)) {
    if (key === 'preset') {
      preset = oneOf(text, PRESET_OPTIONS);
      if (!preset) notices.push(`Ignored the preset “${clipText(text)}”: use ${PRESET_OPTIONS.map((o) => o.value).join(', ')}.`);
      continue;
    }
    const name = parseParameterName(key);
    if (name === null || !(UNIT_PARAMETERS as readonly string[]).includes(name)) {
      notices.push(`Ignored the unknown setting “${clipText(key)}”: this widget sets W1, W3 and B1.`);
      continue;
    }
    const result = parseNumberInput(text, parameterRules(name));
    if (result.ok) given[name as UnitParameter] = result.value;
    else notices.push(`${result.message} Keeping ${name} at its starting value.`);
  }
  const start = preset ? RELU_UNIT_PRESETS[preset].values : RELU_UNIT_DEFAULTS;
  return { config: { ...start, ...given }, notices };
}

export function serializeReluUnitConfig(config: ReluUnitConfig): URLSearchParams {
  return new URLSearchParams(UNIT_PARAMETERS.map((name) => [name, String(config[name])]));
}
