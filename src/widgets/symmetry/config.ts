// The symmetry widget's settings: which symmetric start, which of unit 1's parameters gets a
// nudge ε (0: none, the exact tie), the learning rate and how many epochs to train. One typed
// object, read from data-* attributes, props or a shared link; parsing never throws: anything
// unknown or garbled is ignored with a notice saying what is used instead.
import { clipText, configEntries, oneOf, type ConfigSource } from '../kit/configSource';
import { parseNumberInput, type NumberInputRules } from '../kit/numberInput';

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

const NUMBER_KEYS = Object.keys(SYMMETRY_RULES) as NumberKey[];

export function parseSymmetryConfig(source: ConfigSource): { config: SymmetryConfig; notices: string[] } {
  const config: SymmetryConfig = { ...SYMMETRY_DEFAULTS };
  const notices: string[] = [];
  for (const [key, text] of configEntries(source)) {
    if (key === 'start') {
      const start = oneOf(text, START_OPTIONS);
      if (start) config.start = start;
      else notices.push(`Ignored the start “${clipText(text)}”: use ${SYMMETRIC_STARTS.join(' or ')}. Using ${config.start}.`);
      continue;
    }
    if (key === 'nudge') {
      const nudge = oneOf(text, NUDGE_OPTIONS);
      if (nudge) config.nudge = nudge;
      else notices.push(`Ignored the nudged parameter “${clipText(text)}”: use ${NUDGE_TARGETS.join(', ')}. Using ${config.nudge}.`);
      continue;
    }
    if (!(NUMBER_KEYS as string[]).includes(key)) {
      notices.push(`Ignored the unknown setting “${clipText(key)}”.`);
      continue;
    }
    const k = key as NumberKey;
    const result = parseNumberInput(text, SYMMETRY_RULES[k]);
    if (result.ok) config[k] = result.value;
    else notices.push(`${result.message} Using ${SYMMETRY_DEFAULTS[k]}.`);
  }
  return { config, notices };
}

export function serializeSymmetryConfig(config: SymmetryConfig): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SYMMETRY_KEYS) params.set(key, String(config[key]));
  return params;
}
