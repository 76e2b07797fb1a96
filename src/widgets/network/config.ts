// The network widget's settings: the nine parameters (from a preset, with any given values on
// top), the seed of the He preset, and where the two slices through the input plane are taken.
// Read from the element's data-* attributes or a query string; parsing never throws.
import { initParams, WRITEUP_EXAMPLE } from '../../trainer/init';
import { PARAMETER_NAMES, toNamed, type ParameterName } from '../../trainer/parameters';
import { clipText, configEntries, oneOf, type ConfigSource } from '../../experiments/settings/source';
import { parseNumberInput, type NumberInputRules } from '../../experiments/settings/numberInput';
import { parameterRules, parseParameterName } from '../kit/parameters';

export type NetworkPreset = 'hand-v' | 'writeup-example' | 'he';

export type NamedParameters = Record<ParameterName, number>;

/**
 * The hand-made fit of lesson 3: two mirror-image hinges |x1| = ReLU(x1) + ReLU(−x1), scaled
 * by 1.6, both tilted by the same x2 weight 0.6, and the output bias −1.4. These are the
 * least-squares fit of y ≈ a·|x1| + b·x2 + c on the default data, rounded to one decimal;
 * the lesson's facts test checks that they still are.
 */
export const HAND_MADE_V: Readonly<NamedParameters> = { W1: 1.6, W2: -1.6, W3: 0.6, W4: 0.6, W5: 1, W6: 1, B1: 0, B2: 0, B3: -1.4 };

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

/** The nine values of a preset, rounded to the 4 decimals the parameter fields show. */
export function presetParameters(preset: NetworkPreset, seed = 1): NamedParameters {
  if (preset === 'hand-v') return { ...HAND_MADE_V };
  if (preset === 'writeup-example') return { ...WRITEUP_EXAMPLE };
  const named = toNamed(initParams({ preset: 'he', seed }));
  for (const name of PARAMETER_NAMES) named[name] = Math.round(named[name] * 1e4) / 1e4 || 0;
  return named;
}

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
  const start = preset ? presetParameters(preset, seed) : NETWORK_DEFAULTS.params;
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
