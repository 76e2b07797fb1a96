// The network widget's settings: the nine parameters (from a preset, with any given values on
// top), the seed of the He preset, and where the two slices through the input plane are taken.
// Read from the element's data-* attributes or a query string; parsing never throws.
import { PARAMETER_NAMES, toNamed, type ParameterName } from '../../trainer/parameters';
import { HAND_MADE_V, presetParameters } from '../../trainer/presets';
import { clipText, configEntries, oneOf, type ConfigSource } from '../../experiments/settings/source';
import { parseNumberInput, type NumberInputRules } from '../../experiments/settings/numberInput';
import { parameterRules, parseParameterName } from '../kit/parameters';

export type NetworkPreset = 'hand-v' | 'writeup-example' | 'he';

export type NamedParameters = Record<ParameterName, number>;

export const PRESET_OPTIONS: readonly { value: NetworkPreset; label: string }[] = [
  { value: 'hand-v', label: 'Hand-made V' },
  { value: 'writeup-example', label: 'Write-up’s example' },
  { value: 'he', label: 'He random start' },
];

export interface NetworkConfig {
  params: NamedParameters;
  /** Seed of the He preset. */
  seed: number;
  /** The left panel shows ŷ against x1 with x2 held at this value. */
  sliceX2: number;
  /** The right panel shows ŷ against x2 with x1 held at this value. */
  sliceX1: number;
}

type SettingKey = 'seed' | 'sliceX2' | 'sliceX1';

export const NETWORK_RULES: Readonly<Record<SettingKey, NumberInputRules>> = {
  seed: { min: 0, max: 999_999_999, integer: true, label: 'Seed of the He start' },
  sliceX2: { min: -2, max: 2, label: 'x2 held at' },
  sliceX1: { min: -2, max: 2, label: 'x1 held at' },
};

const SETTING_KEYS = Object.keys(NETWORK_RULES) as SettingKey[];

export const NETWORK_DEFAULTS: Readonly<NetworkConfig> = { params: HAND_MADE_V, seed: 1, sliceX2: 0, sliceX1: 0 };

export function parseNetworkConfig(source: ConfigSource): { config: NetworkConfig; notices: string[] } {
  const notices: string[] = [];
  const given: Partial<NamedParameters> = {};
  const settings: Partial<Record<SettingKey, number>> = {};
  let preset: NetworkPreset | null = null;
  for (const [key, text] of configEntries(source)) {
    if (key === 'preset') {
      preset = oneOf(text, PRESET_OPTIONS);
      if (!preset) notices.push(`Ignored the preset “${clipText(text)}”: use ${PRESET_OPTIONS.map((o) => o.value).join(', ')}.`);
      continue;
    }
    const setting = SETTING_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
    const name = setting ? null : parseParameterName(key);
    if (!setting && !name) {
      notices.push(`Ignored the unknown setting “${clipText(key)}”.`);
      continue;
    }
    const result = parseNumberInput(text, setting ? NETWORK_RULES[setting] : parameterRules(name!));
    if (!result.ok) notices.push(`${result.message} Keeping the starting value.`);
    else if (setting) settings[setting] = result.value;
    else given[name!] = result.value;
  }
  const seed = settings.seed ?? NETWORK_DEFAULTS.seed;
  // A preset's values rounded to the 4 decimals the parameter fields show.
  const start = preset ? toNamed(presetParameters(preset, { seed, decimals: 4 })) : NETWORK_DEFAULTS.params;
  return {
    config: {
      params: { ...start, ...given },
      seed,
      sliceX2: settings.sliceX2 ?? NETWORK_DEFAULTS.sliceX2,
      sliceX1: settings.sliceX1 ?? NETWORK_DEFAULTS.sliceX1,
    },
    notices,
  };
}

export function serializeNetworkConfig(config: NetworkConfig): URLSearchParams {
  const out = new URLSearchParams();
  for (const name of PARAMETER_NAMES) out.set(name, String(config.params[name]));
  for (const key of SETTING_KEYS) out.set(key, String(config[key]));
  return out;
}
