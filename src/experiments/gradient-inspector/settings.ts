// The gradient inspector's settings: where the nine parameters start (a named start, with any
// values typed or linked on top) and the learning rate of the step it takes.
import { completeStartingPoint, startingPointFields } from '../parameters/start';
import { numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';

/**
 * The parameter fields accept −100…100, wider than the usual ±10: a few steps with a large
 * learning rate carry the write-up's start well past 10, and the table must show them.
 */
export const INSPECTOR_PARAMETER_LIMIT = 100;

const fields = {
  ...startingPointFields('writeup-example', INSPECTOR_PARAMETER_LIMIT),
  learningRate: numberField({ label: 'Learning rate η', min: 0.0001, max: 1, default: 0.01, log: true, hint: '0.0001 to 1' }),
};

export type GradientInspectorConfig = ConfigOf<typeof fields>;

export const gradientInspectorSettings = defineSettings(fields, [], completeStartingPoint);
