// The slice stepper's settings: the start (preset and seed), which parameter moves while the
// other eight stay fixed, the learning rate and how many steps to draw. Read from data-*
// attributes or a shared link; anything unknown or garbled is ignored with a notice.
import { PARAMETER_NAMES, type ParameterName } from '../../trainer/parameters';
import type { ConfigSource } from '../../experiments/settings/source';
import type { NumberInputRules } from '../../experiments/settings/numberInput';
import { parseSettings, serializeSettings } from '../kit/settings';
import { parseLearningRate, RATE_RULES } from '../../experiments/training/settings';
import { LESSON_START, SEED_RULES, START_CHOICE, type StartPreset } from './settings';

export interface SliceStepsConfig {
  init: StartPreset;
  initSeed: number;
  /** The parameter that moves. */
  parameter: ParameterName;
  learningRate: number;
  /** How many gradient-descent steps to draw. */
  steps: number;
}

export const SLICE_STEPS_DEFAULTS: Readonly<SliceStepsConfig> = { ...LESSON_START, parameter: 'B3', learningRate: 0.9, steps: 12 };

export const SLICE_STEPS_RULES: Readonly<Record<'initSeed' | 'learningRate' | 'steps', NumberInputRules>> = {
  initSeed: SEED_RULES,
  learningRate: RATE_RULES,
  steps: { min: 1, max: 50, integer: true, label: 'Steps' },
};

export const SLICE_STEPS_KEYS: readonly (keyof SliceStepsConfig)[] = ['init', 'initSeed', 'parameter', 'learningRate', 'steps'];

export function parseSliceStepsConfig(source: ConfigSource): { config: SliceStepsConfig; notices: string[] } {
  return parseSettings(source, {
    defaults: SLICE_STEPS_DEFAULTS,
    choices: { init: START_CHOICE, parameter: { options: PARAMETER_NAMES.map((value) => ({ value })), name: 'the parameter' } },
    numbers: { initSeed: SEED_RULES, steps: SLICE_STEPS_RULES.steps },
    // A negative rate gets the console's own explanation (it would step uphill).
    readers: { learningRate: parseLearningRate },
  });
}

export function serializeSliceStepsConfig(config: SliceStepsConfig): URLSearchParams {
  return serializeSettings(config, SLICE_STEPS_KEYS);
}
