// The symmetry widget's settings: which symmetric start, which of unit 1's parameters gets a
// nudge ε (0: none, the exact tie), the learning rate and how many epochs to train. One typed
// object, read from data-* attributes, props or a shared link; parsing never throws: anything
// unknown or garbled is ignored with a notice saying what is used instead.
import type { ConfigSource } from '../../experiments/settings/source';
import type { NumberInputRules } from '../../experiments/settings/numberInput';
import { parseSettings, serializeSettings } from '../kit/settings';

export const SYMMETRIC_STARTS = ['weights0-biases2', 'weights2-biases0'] as const;
export type SymmetricStart = (typeof SYMMETRIC_STARTS)[number];

/** Unit 1's parameters a nudge can go to (unit 2's partners: W2, W4, W6, B2). */
export const NUDGE_TARGETS = ['W1', 'W3', 'W5', 'B1'] as const;
export type NudgeTarget = (typeof NUDGE_TARGETS)[number];

export interface SymmetryConfig {
  start: SymmetricStart;
  /** The parameter of unit 1 that gets ε added. */
  nudge: NudgeTarget;
  /** The nudge; 0 leaves the two units exactly equal. */
  epsilon: number;
  learningRate: number;
  /** Epochs of full-batch gradient descent to run. */
  epochs: number;
}

type NumberKey = 'epsilon' | 'learningRate' | 'epochs';

export const SYMMETRY_RULES: Readonly<Record<NumberKey, NumberInputRules>> = {
  epsilon: { min: -1, max: 1, label: 'The nudge ε' },
  learningRate: { min: 0.001, max: 0.5, label: 'The learning rate η' },
  epochs: { min: 1, max: 20_000, integer: true, label: 'Epochs' },
};

export const SYMMETRY_DEFAULTS: Readonly<SymmetryConfig> = {
  start: 'weights0-biases2',
  nudge: 'W1',
  epsilon: 0,
  learningRate: 0.05,
  epochs: 3000,
};

export const SYMMETRY_KEYS: readonly (keyof SymmetryConfig)[] = ['start', 'nudge', 'epsilon', 'learningRate', 'epochs'];

export const START_OPTIONS: readonly { value: SymmetricStart; label: string; hint: string }[] = [
  { value: 'weights0-biases2', label: 'Weights 0, biases 2', hint: 'W1 … W6 = 0, B1 = B2 = B3 = 2' },
  { value: 'weights2-biases0', label: 'Weights 2, biases 0', hint: 'W1 … W6 = 2, B1 = B2 = B3 = 0' },
];

export const NUDGE_OPTIONS: readonly { value: NudgeTarget; label: string }[] = [
  { value: 'W1', label: 'W1 (x1 → h1)' },
  { value: 'W3', label: 'W3 (x2 → h1)' },
  { value: 'W5', label: 'W5 (h1 → ŷ)' },
  { value: 'B1', label: 'B1 (bias of h1)' },
];

export function parseSymmetryConfig(source: ConfigSource): { config: SymmetryConfig; notices: string[] } {
  return parseSettings(source, {
    defaults: SYMMETRY_DEFAULTS,
    choices: { start: { options: START_OPTIONS, name: 'the start' }, nudge: { options: NUDGE_OPTIONS, name: 'the nudged parameter' } },
    numbers: SYMMETRY_RULES,
  });
}

export function serializeSymmetryConfig(config: SymmetryConfig): URLSearchParams {
  return serializeSettings(config, SYMMETRY_KEYS);
}
