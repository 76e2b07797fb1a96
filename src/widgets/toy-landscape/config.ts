// The toy landscape's settings: where descent starts on the one-parameter toy curve, the step
// size, and how many steps to take. One typed object, read from data-* attributes or a shared
// link; anything unknown or garbled is ignored with a notice, and parsing never throws.
import { clipText, configEntries, type ConfigSource } from '../../experiments/settings/source';
import { parseNumberInput, type NumberInputRules } from '../../experiments/settings/numberInput';

export interface ToyLandscapeConfig {
  /** The starting x. */
  start: number;
  /** η in x ← x − η·f'(x). */
  learningRate: number;
  /** How many steps the descent takes. */
  steps: number;
}

export const TOY_LANDSCAPE_DEFAULTS: Readonly<ToyLandscapeConfig> = { start: 2, learningRate: 0.01, steps: 300 };

/** The drawn part of the x axis; a start must lie on it. */
export const TOY_X_RANGE = [-2.5, 2.5] as const;

export const TOY_LANDSCAPE_RULES: Readonly<Record<keyof ToyLandscapeConfig, NumberInputRules>> = {
  start: { min: TOY_X_RANGE[0], max: TOY_X_RANGE[1], label: 'The start x' },
  learningRate: { min: 0.0001, max: 1, label: 'The learning rate η' },
  steps: { min: 1, max: 2000, integer: true, label: 'The number of steps' },
};

export const TOY_LANDSCAPE_KEYS = Object.keys(TOY_LANDSCAPE_RULES) as (keyof ToyLandscapeConfig)[];

export function parseToyLandscapeConfig(source: ConfigSource): { config: ToyLandscapeConfig; notices: string[] } {
  const config: ToyLandscapeConfig = { ...TOY_LANDSCAPE_DEFAULTS };
  const notices: string[] = [];
  for (const [key, text] of configEntries(source)) {
    if (!(TOY_LANDSCAPE_KEYS as string[]).includes(key)) {
      notices.push(`Ignored the unknown setting “${clipText(key)}”.`);
      continue;
    }
    const k = key as keyof ToyLandscapeConfig;
    const result = parseNumberInput(text, TOY_LANDSCAPE_RULES[k]);
    if (result.ok) config[k] = result.value;
    else notices.push(`${result.message} Using ${TOY_LANDSCAPE_DEFAULTS[k]}.`);
  }
  return { config, notices };
}

export function serializeToyLandscapeConfig(config: ToyLandscapeConfig): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TOY_LANDSCAPE_KEYS) params.set(key, String(config[key]));
  return params;
}
