// The rate sweep's settings: the starting scheme, how many starts (seeds 1 … n), how many
// epochs each run trains, and the learning rates. Read from data-* attributes or a shared
// link; anything unknown or garbled is ignored with a notice, and parsing never throws.
import type { ConfigSource } from '../../experiments/settings/source';
import type { NumberInputRules } from '../../experiments/settings/numberInput';
import { parseSettings, serializeSettings } from '../kit/settings';
import { LESSON_RATES, LESSON_START, parseRateList, showSetting, START_CHOICE, type StartPreset } from './settings';

export interface RateSweepConfig {
  init: StartPreset;
  /** Runs per rate: starting seeds 1 … seeds. */
  seeds: number;
  epochs: number;
  rates: number[];
}

export const RATE_SWEEP_DEFAULTS: Readonly<RateSweepConfig> = { init: LESSON_START.init, seeds: 100, epochs: 3000, rates: [...LESSON_RATES] };

export const RATE_SWEEP_RULES: Readonly<Record<'seeds' | 'epochs', NumberInputRules>> = {
  seeds: { min: 1, max: 1000, integer: true, label: 'Starts per rate' },
  epochs: { min: 1, max: 20_000, integer: true, label: 'Epochs per run' },
};

export const RATE_SWEEP_KEYS: readonly (keyof RateSweepConfig)[] = ['init', 'seeds', 'epochs', 'rates'];

export function parseRateSweepConfig(source: ConfigSource): { config: RateSweepConfig; notices: string[] } {
  return parseSettings(source, {
    defaults: RATE_SWEEP_DEFAULTS,
    choices: { init: START_CHOICE },
    numbers: RATE_SWEEP_RULES,
    readers: { rates: parseRateList },
    show: showSetting,
  });
}

export function serializeRateSweepConfig(config: RateSweepConfig): URLSearchParams {
  return serializeSettings(config, RATE_SWEEP_KEYS, showSetting);
}

/** The seeds a sweep of `count` starts uses. */
export function sweepSeeds(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}
