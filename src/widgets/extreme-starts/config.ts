// The extreme-starts widget's settings: which start (all zeros, weights in the millions, very
// large biases, or a sensible random start to compare), its seed, the learning rate, how many
// epochs, and the scaling of the data. One typed object from data-* attributes, props or a link;
// parsing never throws: anything unknown or garbled is ignored with a notice.
import type { Scaling } from '../../trainer/data';
import type { ConfigSource } from '../../experiments/settings/source';
import type { NumberInputRules } from '../../experiments/settings/numberInput';
import { parseSettings, serializeSettings } from '../kit/settings';

export const EXTREME_STARTS = ['zeros', 'huge-weights', 'large-biases', 'he'] as const;
export type ExtremeStart = (typeof EXTREME_STARTS)[number];

export const EXTREME_SCALINGS = ['zscore', 'minmax'] as const;

export interface ExtremeStartsConfig {
  start: ExtremeStart;
  /** Seed of the starting values (the zero start ignores it). */
  seed: number;
  learningRate: number;
  epochs: number;
  scaling: (typeof EXTREME_SCALINGS)[number] & Scaling;
}

type NumberKey = 'seed' | 'learningRate' | 'epochs';

export const EXTREME_STARTS_RULES: Readonly<Record<NumberKey, NumberInputRules>> = {
  seed: { min: 0, max: 999_999_999, integer: true, label: 'Starting seed' },
  // Down to 10⁻¹⁶: a start with weights in the millions needs a rate near 10⁻¹⁴ to stay finite.
  learningRate: { min: 1e-16, max: 10, label: 'The learning rate η' },
  epochs: { min: 1, max: 20_000, integer: true, label: 'Epochs' },
};

export const EXTREME_STARTS_DEFAULTS: Readonly<ExtremeStartsConfig> = {
  start: 'zeros',
  seed: 1,
  learningRate: 0.01,
  epochs: 3000,
  scaling: 'zscore',
};

export const EXTREME_STARTS_KEYS: readonly (keyof ExtremeStartsConfig)[] = ['start', 'seed', 'learningRate', 'epochs', 'scaling'];

export const START_OPTIONS: readonly { value: ExtremeStart; label: string; hint: string }[] = [
  { value: 'zeros', label: 'All zeros', hint: 'every weight and bias 0' },
  { value: 'huge-weights', label: 'Weights in the millions', hint: 'the write-up’s weights × 1,000,000' },
  { value: 'large-biases', label: 'Very large biases', hint: 'biases between −500 and 500' },
  { value: 'he', label: 'A sensible start', hint: 'random (He), for comparison' },
];

export const SCALING_CHOICES: readonly { value: ExtremeStartsConfig['scaling']; label: string }[] = [
  { value: 'zscore', label: 'z-score (centred)' },
  { value: 'minmax', label: 'min–max (0 to 1)' },
];

export function parseExtremeStartsConfig(source: ConfigSource): { config: ExtremeStartsConfig; notices: string[] } {
  return parseSettings(source, {
    defaults: EXTREME_STARTS_DEFAULTS,
    choices: {
      start: { options: START_OPTIONS, name: 'the start' },
      scaling: { options: SCALING_CHOICES, name: 'the scaling', normalise: (text) => text.replace(/[\s_–-]/g, '') },
    },
    numbers: EXTREME_STARTS_RULES,
  });
}

export function serializeExtremeStartsConfig(config: ExtremeStartsConfig): URLSearchParams {
  return serializeSettings(config, EXTREME_STARTS_KEYS);
}
