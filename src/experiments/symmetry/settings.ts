// The symmetry widget's settings (lesson 11): which symmetric start, which of unit 1's
// parameters gets a nudge ε (0: none, the exact tie), the learning rate and how many epochs to
// train. Link keys: start, nudge, epsilon, learningRate, epochs.
import { choiceField, numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { learningRateField } from '../training/settings';

export const SYMMETRIC_STARTS = ['weights0-biases2', 'weights2-biases0'] as const;
export type SymmetricStart = (typeof SYMMETRIC_STARTS)[number];

/** Unit 1's parameters a nudge can go to (unit 2's partners: W2, W4, W6, B2). */
export const NUDGE_TARGETS = ['W1', 'W3', 'W5', 'B1'] as const;
export type NudgeTarget = (typeof NUDGE_TARGETS)[number];

export const START_OPTIONS = [
  { value: 'weights0-biases2', label: 'Weights 0, biases 2', hint: 'W1 … W6 = 0, B1 = B2 = B3 = 2' },
  { value: 'weights2-biases0', label: 'Weights 2, biases 0', hint: 'W1 … W6 = 2, B1 = B2 = B3 = 0' },
] as const satisfies readonly { value: SymmetricStart; label: string; hint: string }[];

export const NUDGE_OPTIONS = [
  { value: 'W1', label: 'W1 (x1 → h1)' },
  { value: 'W3', label: 'W3 (x2 → h1)' },
  { value: 'W5', label: 'W5 (h1 → ŷ)' },
  { value: 'B1', label: 'B1 (bias of h1)' },
] as const satisfies readonly { value: NudgeTarget; label: string }[];

const fields = {
  start: choiceField<SymmetricStart>({ label: 'Symmetric start', options: START_OPTIONS, default: 'weights0-biases2' }),
  nudge: choiceField<NudgeTarget>({ label: 'Nudge this parameter of unit 1', options: NUDGE_OPTIONS, default: 'W1' }),
  epsilon: numberField({ label: 'The nudge ε', min: -1, max: 1, default: 0, hint: '−1 to 1; 0 keeps the tie' }),
  learningRate: learningRateField({ default: 0.05, min: 0.001, max: 0.5 }),
  epochs: numberField({ label: 'Epochs', min: 1, max: 20_000, integer: true, default: 3000, log: true, hint: '1 to 20,000' }),
};

export type SymmetryConfig = ConfigOf<typeof fields>;

export const symmetrySettings = defineSettings(fields);
