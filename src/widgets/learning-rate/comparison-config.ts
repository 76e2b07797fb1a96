// The rate comparison's settings: one start (preset and seed), the learning rates to train it
// with side by side, and how many epochs. Read from data-* attributes or a shared link;
// anything unknown or garbled is ignored with a notice, and parsing never throws.
import type { ConfigSource } from '../../experiments/settings/source';
import type { NumberInputRules } from '../../experiments/settings/numberInput';
import { parseSettings, serializeSettings } from '../kit/settings';
import { LESSON_RATES, LESSON_START, parseRateList, SEED_RULES, showSetting, START_CHOICE, type StartPreset } from './settings';

export interface RateComparisonConfig {
  init: StartPreset;
  initSeed: number;
  /** The learning rates, ascending; one panel each. */
  rates: number[];
  /** Epochs each copy trains. */
  epochs: number;
}

export const RATE_COMPARISON_DEFAULTS: Readonly<RateComparisonConfig> = { ...LESSON_START, rates: [...LESSON_RATES], epochs: 3000 };

export const RATE_COMPARISON_RULES: Readonly<Record<'initSeed' | 'epochs', NumberInputRules>> = {
  initSeed: SEED_RULES,
  epochs: { min: 1, max: 10_000, integer: true, label: 'Epochs' },
};

export const RATE_COMPARISON_KEYS: readonly (keyof RateComparisonConfig)[] = ['init', 'initSeed', 'rates', 'epochs'];

export function parseRateComparisonConfig(source: ConfigSource): { config: RateComparisonConfig; notices: string[] } {
  return parseSettings(source, {
    defaults: RATE_COMPARISON_DEFAULTS,
    choices: { init: START_CHOICE },
    numbers: RATE_COMPARISON_RULES,
    readers: { rates: parseRateList },
    show: showSetting,
  });
}

export function serializeRateComparisonConfig(config: RateComparisonConfig): URLSearchParams {
  return serializeSettings(config, RATE_COMPARISON_KEYS, showSetting);
}
