// The slice stepper's settings: the start (preset and seed), which parameter moves while the
// other eight stay fixed, the learning rate and how many steps to draw. Read from data-*
// attributes or a shared link; anything unknown or garbled is ignored with a notice.
import type { ParameterName } from '../../trainer/parameters';
import type { ConfigSource } from '../kit/configSource';
import type { NumberInputRules } from '../kit/numberInput';
import { parseLearningRate, RATE_RULES } from '../training-console/config';
import { LESSON_START, numberSetting, parseParameter, parseSettings, parseStartPreset, SEED_RULES, serializeSettings, type StartPreset } from './settings';

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
  return parseSettings(source, SLICE_STEPS_DEFAULTS, {
    init: parseStartPreset,
    initSeed: numberSetting(SEED_RULES),
    parameter: parseParameter,
    learningRate: parseLearningRate,
    steps: numberSetting(SLICE_STEPS_RULES.steps),
  });
}

export function serializeSliceStepsConfig(config: SliceStepsConfig): URLSearchParams {
  return serializeSettings(config, SLICE_STEPS_KEYS);
}
